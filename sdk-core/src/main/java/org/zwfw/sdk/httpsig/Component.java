package org.zwfw.sdk.httpsig;

import java.util.Map;

/**
 * One covered component of a signature: its name ({@code @method}, {@code content-digest}) and
 * parameters ({@code req}, {@code key}), as RFC 9421 §2 identifies it.
 */
record Component(String name, Map<String, Object> params) {

    static Component of(String name) {
        return new Component(name, Map.of());
    }

    static Component req(String name) {
        return new Component(name, Map.of("req", Boolean.TRUE));
    }

    static Component requestSignature(String label) {
        java.util.LinkedHashMap<String, Object> p = new java.util.LinkedHashMap<>();
        p.put("req", Boolean.TRUE);
        p.put("key", label);
        return new Component("signature", p);
    }

    boolean isDerived() {
        return name.startsWith("@");
    }

    boolean isReq() {
        return Boolean.TRUE.equals(params.get("req"));
    }

    StructuredFields.Item item() {
        return new StructuredFields.Item(name, params);
    }

    /** @return the component identifier as serialized in a signature base, e.g. {@code "@path";req} */
    String identifier() {
        return StructuredFields.serialize(item());
    }
}
