package org.zwfw.sdk.httpsig;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.zwfw.sdk.verify.OutcomeCode;

/**
 * The {@code zwfw} member of a message's {@code Signature-Input} and {@code Signature} fields,
 * parsed ({@code spec/api-signing.md} §6 steps 1 and 2): covered components, parameters, the
 * serialized {@code @signature-params} value and the signature bytes.
 */
record ParsedSignature(List<Component> components, Map<String, Object> params, String signatureParams,
                       byte[] signature) {

    /** The profile's label. */
    static final String LABEL = "zwfw";
    /** Longest {@code Signature-Input} or {@code Signature} accepted, all lines together. */
    static final int MAX_FIELD_CHARS = 4096;
    /** Most components one signature may cover. */
    static final int MAX_COMPONENTS = 16;

    static ParsedSignature parse(HttpFields fields) throws Refusal {
        List<String> inputLines = fields.values("signature-input");
        List<String> sigLines = fields.values("signature");
        String input = String.join(", ", inputLines);
        String sig = String.join(", ", sigLines);
        if (input.length() > MAX_FIELD_CHARS || sig.length() > MAX_FIELD_CHARS) {
            throw new Refusal(OutcomeCode.TOO_LARGE, "Signature-Input or Signature is longer than "
                    + MAX_FIELD_CHARS + " characters");
        }
        if (inputLines.isEmpty() || sigLines.isEmpty()) {
            throw new Refusal(OutcomeCode.SIGNATURE_MISSING, "the message has no "
                    + (inputLines.isEmpty() ? "Signature-Input" : "Signature") + " field");
        }
        StructuredFields.Item in = member(input, "Signature-Input");
        StructuredFields.Item s = member(sig, "Signature");
        if (!in.isInnerList()) {
            throw new Refusal(OutcomeCode.MALFORMED, "the zwfw member of Signature-Input is not an inner list");
        }
        if (in.items().size() > MAX_COMPONENTS) {
            throw new Refusal(OutcomeCode.TOO_LARGE, "the signature covers " + in.items().size()
                    + " components; at most " + MAX_COMPONENTS + " are accepted");
        }
        List<Component> components = new ArrayList<>(in.items().size());
        for (StructuredFields.Item i : in.items()) {
            if (!(i.value() instanceof String name)) {
                throw new Refusal(OutcomeCode.MALFORMED, "a covered component of Signature-Input is not a string");
            }
            components.add(new Component(name, i.params()));
        }
        if (!(s.value() instanceof StructuredFields.Bytes bytes)) {
            throw new Refusal(OutcomeCode.MALFORMED, "the zwfw member of Signature is not a byte sequence");
        }
        return new ParsedSignature(List.copyOf(components), in.params(), StructuredFields.serialize(in), bytes.value());
    }

    private static StructuredFields.Item member(String text, String name) throws Refusal {
        List<StructuredFields.Member> members;
        try {
            members = StructuredFields.parseDictionary(text);
        } catch (IllegalArgumentException e) {
            throw new Refusal(OutcomeCode.MALFORMED, "the " + name + " field is not a structured-field dictionary: "
                    + e.getMessage());
        }
        StructuredFields.Item found = null;
        for (StructuredFields.Member m : members) {
            if (m.key().equals(LABEL)) {
                if (found != null) {
                    throw new Refusal(OutcomeCode.MALFORMED, "the " + name + " field has the member zwfw twice");
                }
                found = m.value();
            }
        }
        if (found == null) {
            throw new Refusal(OutcomeCode.SIGNATURE_MISSING, "the " + name + " field has no zwfw member");
        }
        return found;
    }

    /** @return the request's {@code zwfw} signature, if it has one that parses; for a response's component 7 */
    static boolean hasParsableSignature(HttpFields fields) {
        try {
            parse(fields);
            return true;
        } catch (Refusal r) {
            return false;
        }
    }
}
