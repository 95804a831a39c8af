package org.zwfw.sdk.internal.sdjwt;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.zwfw.sdk.internal.Base64Url;
import org.zwfw.sdk.internal.Json;
import org.zwfw.sdk.internal.JsonException;
import org.zwfw.sdk.credential.SdHashAlgorithm;

/**
 * One SD-JWT disclosure (RFC 9901 §4.2): the base64url text of a JSON array
 * {@code [salt, name, value]} for an object member or {@code [salt, value]} for an array
 * element. Its digest is computed over the base64url text exactly as received (§4.2.3), never over
 * a re-encoding. Immutable and thread-safe.
 */
public final class Disclosure {

    /** Salt length in bytes for disclosures created here: 128 bits, RFC 9901 §9.3. */
    public static final int SALT_BYTES = 16;

    /** Disclosure values nest at most this deep. */
    static final int MAX_DEPTH = 16;

    private final String encoded;
    private final String salt;
    private final String name;
    private final Object value;

    private Disclosure(String encoded, String salt, String name, Object value) {
        this.encoded = encoded;
        this.salt = salt;
        this.name = name;
        this.value = value;
    }

    /**
     * Parses a disclosure.
     *
     * @param encoded the base64url text
     * @return the disclosure
     * @throws IllegalArgumentException naming what is wrong (not base64url, not a JSON array of 2
     *                                  or 3 elements, salt or name not a string, name {@code _sd} or
     *                                  {@code ...})
     */
    public static Disclosure parse(String encoded) {
        Objects.requireNonNull(encoded, "encoded");
        byte[] json;
        try {
            // from bytes when each character is one byte (always, for text that can decode)
            byte[] latin1 = encoded.getBytes(StandardCharsets.ISO_8859_1);
            json = latin1.length == encoded.length() ? Base64Url.decode(latin1, 0, latin1.length)
                    : Base64Url.decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("disclosure is not base64url: " + e.getMessage());
        }
        Object parsed;
        try {
            parsed = Json.parse(json, MAX_DEPTH);
        } catch (JsonException e) {
            throw new IllegalArgumentException("disclosure is not strict JSON: " + e.getMessage());
        }
        if (!(parsed instanceof List)) {
            throw new IllegalArgumentException("disclosure must be a JSON array, found " + Json.typeName(parsed));
        }
        List<?> a = (List<?>) parsed;
        if (a.size() != 2 && a.size() != 3) {
            throw new IllegalArgumentException("disclosure must have 2 (array element) or 3 (object member) elements,"
                    + " found " + a.size());
        }
        if (!(a.get(0) instanceof String)) {
            throw new IllegalArgumentException("disclosure salt must be a string");
        }
        if (a.size() == 2) {
            return new Disclosure(encoded, (String) a.get(0), null, a.get(1));
        }
        if (!(a.get(1) instanceof String)) {
            throw new IllegalArgumentException("disclosure claim name must be a string");
        }
        String name = (String) a.get(1);
        if (name.equals("_sd") || name.equals("...")) {
            throw new IllegalArgumentException("disclosure claim name '" + name + "' is reserved (RFC 9901 §4.2.1)");
        }
        return new Disclosure(encoded, (String) a.get(0), name, a.get(2));
    }

    /**
     * Creates an object-member disclosure with a fresh random salt.
     *
     * @param name   the claim name, not {@code _sd} or {@code ...}
     * @param value  the claim value (JSON types)
     * @param random the salt source
     * @return the disclosure
     */
    public static Disclosure ofMember(String name, Object value, SecureRandom random) {
        if (name.equals("_sd") || name.equals("...")) {
            throw new IllegalArgumentException("claim name '" + name + "' cannot be disclosed");
        }
        String salt = salt(random);
        String encoded = Base64Url.encode(Json.write(Arrays.asList(salt, name, value)));
        return new Disclosure(encoded, salt, name, value);
    }

    /**
     * Creates an array-element disclosure with a fresh random salt.
     *
     * @param value  the element value (JSON types)
     * @param random the salt source
     * @return the disclosure
     */
    public static Disclosure ofElement(Object value, SecureRandom random) {
        String salt = salt(random);
        String encoded = Base64Url.encode(Json.write(Arrays.asList(salt, value)));
        return new Disclosure(encoded, salt, null, value);
    }

    static String salt(SecureRandom random) {
        byte[] b = new byte[SALT_BYTES];
        random.nextBytes(b);
        return Base64Url.encode(b);
    }

    /** @return the base64url text, as received or created */
    public String encoded() {
        return encoded;
    }

    /** @return the salt */
    public String salt() {
        return salt;
    }

    /** @return the claim name for an object member, empty for an array element */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /** @return whether this discloses an array element ({@code [salt, value]}) */
    public boolean isArrayElement() {
        return name == null;
    }

    /** @return the disclosed value (Map, List, String, Number, Boolean or {@code null}) */
    public Object value() {
        return value;
    }

    /**
     * @param alg the hash algorithm
     * @return the digest of the base64url text
     */
    public String digest(SdHashAlgorithm alg) {
        // the text is base64url: parsed only if it decodes, or made by encoding
        return Base64Url.encode(alg.hash(encoded.getBytes(StandardCharsets.ISO_8859_1))); // base64url: ASCII
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Disclosure && encoded.equals(((Disclosure) o).encoded);
    }

    @Override
    public int hashCode() {
        return encoded.hashCode();
    }

    /** Names the claim only; the value may be personal data. */
    @Override
    public String toString() {
        return "Disclosure[" + (name == null ? "array element" : name) + "]";
    }
}
