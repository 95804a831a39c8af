package org.zwfw.sdk.credential;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import org.zwfw.sdk.internal.Base64Url;
import org.zwfw.sdk.internal.sm.Sm3;

/**
 * The hash functions for SD-JWT digests ({@code _sd_alg}, RFC 9901 §4.1.1) and {@code sd_hash}.
 *
 * <p>{@code sha-256} is the default and the IANA "Named Information Hash Algorithm" name;
 * {@code sm3} (GB/T 32905-2016) is the national-crypto choice of this profile (decision recorded
 * in {@code spec/ecert.md}: no IANA name exists). Thread-safe.
 */
public enum SdHashAlgorithm {
    /** SHA-256, the RFC 9901 default. */
    SHA_256("sha-256"),
    /** SM3 (GB/T 32905-2016), for national-crypto mode. */
    SM3("sm3");

    private final String jsonName;

    SdHashAlgorithm(String jsonName) {
        this.jsonName = jsonName;
    }

    /** @return the {@code _sd_alg} value */
    public String jsonName() {
        return jsonName;
    }

    /**
     * @param name an {@code _sd_alg} value
     * @return the algorithm, or empty when unknown
     */
    public static Optional<SdHashAlgorithm> fromJsonName(String name) {
        for (SdHashAlgorithm a : values()) {
            if (a.jsonName.equals(name)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /**
     * Hashes bytes.
     *
     * @param data the bytes
     * @return the 32-byte digest
     */
    public byte[] hash(byte[] data) {
        return hash(data, 0, data.length);
    }

    /** The hash of {@code data[0, len)}. */
    byte[] hash(byte[] data, int off, int len) {
        if (this == SM3) {
            return PerThreadSm3.get().update(data, off, len).digest(); // digest() also resets it
        }
        MessageDigest d = Sha256.fresh();
        d.update(data, off, len);
        return d.digest();
    }

    /**
     * One SM3 hasher per thread, reused rather than allocating its buffers for every digest.
     * Reset before use, so one left half-way by an exception cannot leak into the next hash.
     */
    private static final class PerThreadSm3 {
        private static final ThreadLocal<Sm3> HASHER = ThreadLocal.withInitial(Sm3::new);

        static Sm3 get() {
            return HASHER.get().reset();
        }
    }

    /**
     * One SHA-256 instance per thread, reused: {@code MessageDigest.getInstance} searches the
     * providers every time. Reset before use, as the SM3 digests are.
     */
    private static final class Sha256 {
        private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(Sha256::create);

        private static MessageDigest create() {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java platform has SHA-256", e);
            }
        }

        static MessageDigest fresh() {
            MessageDigest d = DIGEST.get();
            d.reset();
            return d;
        }
    }

    /**
     * The SD-JWT digest of a text: base64url of the hash of its ASCII bytes (RFC 9901 §4.2.3),
     * used for disclosures and for {@code sd_hash}.
     *
     * @param asciiText a disclosure or presentation text (base64url and '~'/'.' only)
     * @return the base64url digest
     */
    public String digest(String asciiText) {
        return Base64Url.encode(hash(asciiText.getBytes(StandardCharsets.US_ASCII)));
    }

    /**
     * {@link #digest(String)} of {@code text.substring(0, end)}, without the substring.
     *
     * @param text  the text
     * @param end   the end of the prefix hashed, exclusive
     * @param ascii whether {@code text[0, end)} is known to be ASCII, so that it can be copied as
     *              it is (ISO 8859-1) instead of being checked for characters to replace by '?'
     * @return {@link #digest(String)} of {@code text.substring(0, end)}
     */
    String digestOfPrefix(String text, int end, boolean ascii) {
        if (ascii) {
            return Base64Url.encode(hash(text.getBytes(StandardCharsets.ISO_8859_1), 0, end));
        }
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        if (bytes.length != text.length()) {
            // a surrogate pair became a single '?': byte and char positions differ
            return digest(text.substring(0, end));
        }
        return Base64Url.encode(hash(bytes, 0, end));
    }

}
