package org.zwfw.sdk.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * Strict base64url (RFC 4648 §5) without padding, as JOSE requires (RFC 7515 §2).
 *
 * <p>Decoding rejects padding, characters outside the URL-safe alphabet, a length that leaves
 * one dangling character, and non-canonical trailing bits, so that every byte string has exactly
 * one accepted encoding. The decoding itself is the JDK's ({@link Base64#getUrlDecoder()}); it
 * accepts padding and ignores trailing bits, which would let two different texts carry the same
 * bytes (a problem for digests over base64url text, as in SD-JWT), so those two checks are made
 * here, and when the JDK refuses a text, the first character at fault is named here, in the
 * SDK's words. Hand-written decoding tables used to replace the JDK's decoder; in
 * {@code sdk-bench}'s {@code ParsingBenchmark} the JDK's way cost under 0.5% of a verification,
 * so they were removed ({@code sdk-bench/README.md}). Stateless and thread-safe.
 */
public final class Base64Url {

    private static final byte[] VALUES = new byte[128];
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    static {
        Arrays.fill(VALUES, (byte) -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        for (int i = 0; i < alphabet.length(); i++) {
            VALUES[alphabet.charAt(i)] = (byte) i;
        }
    }

    private Base64Url() {
    }

    /**
     * @param c a character
     * @return whether {@code c} belongs to the base64url alphabet
     */
    public static boolean isAlphabet(char c) {
        return c < 128 && VALUES[c] >= 0;
    }

    /**
     * @param b a byte, taken as the character of the same value (ISO 8859-1)
     * @return whether it is a character of the base64url alphabet
     */
    public static boolean isAlphabet(byte b) {
        return b >= 0 && VALUES[b] >= 0;
    }

    /**
     * Encodes without padding.
     *
     * @param bytes the bytes, never {@code null}
     * @return the base64url text
     */
    public static String encode(byte[] bytes) {
        return ENCODER.encodeToString(bytes);
    }

    /**
     * Decodes a whole string strictly.
     *
     * @param text base64url text without padding
     * @return the bytes
     * @throws IllegalArgumentException naming the first problem found
     */
    public static byte[] decode(CharSequence text) {
        return decode(text, 0, text.length());
    }

    /**
     * Decodes {@code text[from, to)} strictly.
     *
     * @param text the text holding the base64url segment
     * @param from first index, inclusive
     * @param to   last index, exclusive
     * @return the bytes
     * @throws IllegalArgumentException naming the first problem found
     */
    public static byte[] decode(CharSequence text, int from, int to) {
        // a character above U+00FF becomes '?', which the JDK refuses; the scan then names it
        return decode(new Latin1(text.subSequence(from, to).toString().getBytes(StandardCharsets.ISO_8859_1)),
                text, from, to);
    }

    /**
     * Decodes {@code ascii[from, to)} strictly; each byte is taken as the character of the same
     * value (ISO 8859-1), so the result and the messages are those of {@link #decode(CharSequence,
     * int, int)} on that text.
     *
     * @param ascii the bytes holding the base64url segment
     * @param from  first index, inclusive
     * @param to    last index, exclusive
     * @return the decoded bytes
     * @throws IllegalArgumentException naming the first problem found
     */
    public static byte[] decode(byte[] ascii, int from, int to) {
        Latin1 text = new Latin1(ascii);
        return decode(from == 0 && to == ascii.length ? text : new Latin1(Arrays.copyOfRange(ascii, from, to)),
                text, from, to);
    }

    /**
     * @param segment exactly the segment's bytes, for the JDK's decoder
     * @param text    the text the segment lies in, for the checks and the messages
     */
    private static byte[] decode(Latin1 segment, CharSequence text, int from, int to) {
        int len = to - from;
        int rem = len & 3;
        if (rem == 1) {
            throw new IllegalArgumentException("base64url text of length " + len
                    + " cannot be decoded (a length of 4k+1 is never produced)");
        }
        byte[] out;
        try {
            if (len > 0 && text.charAt(to - 1) == '=') {
                throw new IllegalArgumentException(); // padding, which the JDK accepts: named below
            }
            out = DECODER.decode(segment.bytes);
        } catch (IllegalArgumentException e) {
            for (int i = from; i < to; i++) {
                value(text, i); // throws, naming the first character outside the alphabet
            }
            throw new IllegalArgumentException("base64url text is not valid");
        }
        // The last 2 or 3 characters must leave no stray bits (canonical encoding).
        if (rem == 2 && (value(text, to - 1) & 0x0F) != 0 || rem == 3 && (value(text, to - 1) & 0x03) != 0) {
            throw new IllegalArgumentException("non-canonical base64url: trailing bits of the last"
                    + " character are not zero (at index " + (to - 1 - from) + ")");
        }
        return out;
    }

    /** Bytes seen as ISO 8859-1 characters, for the checks and messages shared with the text path. */
    private static final class Latin1 implements CharSequence {
        final byte[] bytes;

        Latin1(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public int length() {
            return bytes.length;
        }

        @Override
        public char charAt(int index) {
            return (char) (bytes[index] & 0xFF);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new String(bytes, start, end - start, StandardCharsets.ISO_8859_1);
        }

        @Override
        public String toString() {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    private static int value(CharSequence text, int index) {
        char c = text.charAt(index);
        int v = c < 128 ? VALUES[c] : -1;
        if (v < 0) {
            throw new IllegalArgumentException(c == '='
                    ? "padding '=' is not allowed in base64url (RFC 7515 §2)"
                    : "character " + describe(c) + " is not in the base64url alphabet");
        }
        return v;
    }

    private static String describe(char c) {
        return c >= 0x21 && c < 0x7F ? "'" + c + "'" : String.format("U+%04X", (int) c);
    }
}
