package org.zwfw.sdk.httpsig;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import org.zwfw.sdk.internal.Texts;
import org.zwfw.sdk.internal.sm.Sm3;
import org.zwfw.sdk.verify.Finding;
import org.zwfw.sdk.verify.OutcomeCode;

/**
 * The {@code Content-Digest} field of RFC 9530 as the profile uses it ({@code spec/api-signing.md}
 * §3): exactly one member, {@code sha-256} or the private token {@code sm3}, over the content
 * exactly as sent.
 */
public final class ContentDigest {

    /** RFC 9530's SHA-256. */
    public static final String SHA_256 = "sha-256";
    /** SM3 (GB/T 32905-2016), this profile's private token (D1). */
    public static final String SM3 = "sm3";

    private ContentDigest() {
    }

    /**
     * @param algorithm {@link #SHA_256} or {@link #SM3}
     * @param content   the content exactly as sent; {@code null} or empty for none
     * @return the field value, e.g. {@code sha-256=:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=:}
     */
    public static String of(String algorithm, byte[] content) {
        return algorithm + "=:" + Base64.getEncoder().encodeToString(digest(algorithm, content)) + ":";
    }

    static byte[] digest(String algorithm, byte[] content) {
        byte[] c = content == null ? new byte[0] : content;
        switch (algorithm) {
            case SHA_256:
                try {
                    return MessageDigest.getInstance("SHA-256").digest(c);
                } catch (NoSuchAlgorithmException e) {
                    throw new IllegalStateException("SHA-256 is missing from this JDK", e);
                }
            case SM3:
                return Sm3.hash(c, 0, c.length);
            default:
                throw new IllegalArgumentException("digest algorithm must be sha-256 or sm3");
        }
    }

    /**
     * Checks a {@code Content-Digest} field against the content.
     *
     * @param lines   the field's lines
     * @param content the content received
     * @return {@code null} when it matches, else why not
     */
    static Finding check(List<String> lines, byte[] content) {
        if (lines.isEmpty()) {
            return new Finding(OutcomeCode.MALFORMED, "the Content-Digest field is missing");
        }
        List<StructuredFields.Member> members;
        try {
            members = StructuredFields.parseDictionary(String.join(", ", lines));
        } catch (IllegalArgumentException e) {
            return new Finding(OutcomeCode.MALFORMED, "the Content-Digest field is not a structured-field dictionary: "
                    + e.getMessage());
        }
        if (members.size() != 1) {
            return new Finding(OutcomeCode.MALFORMED, "the Content-Digest field must have exactly one member, it has "
                    + members.size());
        }
        StructuredFields.Member m = members.get(0);
        if (!m.key().equals(SHA_256) && !m.key().equals(SM3)) {
            return new Finding(OutcomeCode.UNSUPPORTED_ALGORITHM, "Content-Digest algorithm " + Texts.quote(m.key(), 32)
                    + " is not accepted (sha-256 or sm3)");
        }
        if (!(m.value().value() instanceof StructuredFields.Bytes b) || !m.value().params().isEmpty()) {
            return new Finding(OutcomeCode.MALFORMED, "the Content-Digest member must be a byte sequence without parameters");
        }
        if (!MessageDigest.isEqual(b.value(), digest(m.key(), content))) {
            return new Finding(OutcomeCode.DIGEST_MISMATCH, "the content does not match its Content-Digest ("
                    + m.key() + "): it was changed after signing, or re-encoded by a proxy");
        }
        return null;
    }
}
