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

    /** @return the {@code alg} value as written in the token, or {@code null} when absent or not a string */
    public String algorithmName() {
        Object v = parameters.get("alg");
        return v instanceof String ? (String) v : null;
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

    /** @return the string names listed in {@code crit} (other values skipped), empty when absent */
    public List<String> critical() {
        Object v = parameters.get("crit");
        if (!(v instanceof List)) {
            return List.of();
        }
        List<String> names = new java.util.ArrayList<>();
        for (Object o : (List<?>) v) {
            if (o instanceof String) {
                names.add((String) o);
            }
        }
        return Collections.unmodifiableList(names);
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
        String a = strip(typ);
        String b = strip(expected);
        return a.length() == b.length() && asciiEqualsIgnoreCase(a, 0, b, 0, a.length());
    }

    private static String strip(String mediaType) {
        String prefix = "application/";
        return mediaType.length() >= prefix.length() && asciiEqualsIgnoreCase(mediaType, 0, prefix, 0, prefix.length())
                ? mediaType.substring(prefix.length()) : mediaType;
    }

    /**
     * Media types are case-insensitive in ASCII only (RFC 6838 §4.2); Java's own ignore-case
     * comparison folds Unicode too (the Kelvin sign would equal 'k'), which another verifier
     * would not do.
     */
    private static boolean asciiEqualsIgnoreCase(String a, int aFrom, String b, int bFrom, int len) {
        for (int i = 0; i < len; i++) {
            char x = a.charAt(aFrom + i);
            char y = b.charAt(bFrom + i);
            if (x >= 0x80 || y >= 0x80) {
                return false;
            }
            if (x != y && lower(x) != lower(y)) {
                return false;
            }
        }
        return true;
    }

    private static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
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
