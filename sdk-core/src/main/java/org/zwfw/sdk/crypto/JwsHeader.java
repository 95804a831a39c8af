package org.zwfw.sdk.crypto;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The protected header of a JWS (RFC 7515 §4), as parsed from the token. Immutable and
 * thread-safe.
 */
public final class JwsHeader {

    private final Map<String, Object> parameters;

    JwsHeader(Map<String, Object> parameters) {
        this.parameters = Collections.unmodifiableMap(parameters);
    }

    /** @return the {@code alg} value as written in the token, never {@code null} */
    public String algorithmName() {
        return (String) parameters.get("alg");
    }

    /** @return the {@code kid} value, if present */
    public Optional<String> keyId() {
        Object v = parameters.get("kid");
        return v instanceof String ? Optional.of((String) v) : Optional.empty();
    }

    /** @return the {@code typ} value, if present */
    public Optional<String> type() {
        Object v = parameters.get("typ");
        return v instanceof String ? Optional.of((String) v) : Optional.empty();
    }

    /** @return the names listed in {@code crit}, empty when absent */
    @SuppressWarnings("unchecked")
    public List<String> critical() {
        Object v = parameters.get("crit");
        return v instanceof List ? Collections.unmodifiableList((List<String>) v) : List.of();
    }

    /**
     * @param name a header parameter name
     * @return the parameter's JSON value (String, Long, Map, List, ...), or {@code null}
     */
    public Object get(String name) {
        return parameters.get(name);
    }

    /** @return every header parameter, in token order; read-only */
    public Map<String, Object> parameters() {
        return parameters;
    }

    /**
     * Compares media types as RFC 7515 §4.1.9 says for {@code typ}: case-insensitively, with the
     * {@code application/} prefix optional on either side. Nothing else is lenient: parameters,
     * spaces and other prefixes make a different type.
     *
     * @param typ      a {@code typ} value from a header
     * @param expected the type expected, usually written without {@code application/}
     * @return whether they name the same media type
     */
    public static boolean sameMediaType(String typ, String expected) {
        return strip(typ).equalsIgnoreCase(strip(expected));
    }

    private static String strip(String mediaType) {
        String prefix = "application/";
        return mediaType.regionMatches(true, 0, prefix, 0, prefix.length())
                ? mediaType.substring(prefix.length()) : mediaType;
    }

    /**
     * @param expected the type expected
     * @return whether the header's {@code typ} names that media type ({@link #sameMediaType})
     */
    public boolean hasType(String expected) {
        return type().map(t -> sameMediaType(t, expected)).orElse(false);
    }

    @Override
    public String toString() {
        return "JwsHeader" + parameters;
    }
}
