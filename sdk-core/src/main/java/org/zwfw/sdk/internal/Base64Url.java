package org.zwfw.sdk.internal;

import java.util.Base64;

/**
 * Strict base64url (RFC 4648 §5) without padding, as JOSE requires (RFC 7515 §2).
 *
 * <p>Decoding rejects padding, characters outside the URL-safe alphabet, a length that leaves
 * one dangling character, and non-canonical trailing bits, so that every byte string has exactly
 * one accepted encoding. The JDK decoder accepts padding and ignores trailing bits, which lets
 * two different texts carry the same bytes (a problem for digests over base64url text, as in
 * SD-JWT). Stateless and thread-safe.
 */
public final class Base64Url {

    private static final byte[] VALUES = new byte[128];
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    /**
     * For decoding bytes: each value already shifted to its place in a group of four (the first
     * character's by 18 bits, the second's by 12...), indexed by the unsigned byte; a byte outside
     * the alphabet has the sign bit set, so one test on the OR of a group finds any of them.
     */
    private static final int[] SHIFTED_18 = new int[256];
    private static final int[] SHIFTED_12 = new int[256];
    private static final int[] SHIFTED_6 = new int[256];
    private static final int[] SHIFTED_0 = new int[256];

    static {
        java.util.Arrays.fill(VALUES, (byte) -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        for (int i = 0; i < alphabet.length(); i++) {
            VALUES[alphabet.charAt(i)] = (byte) i;
        }
        for (int b = 0; b < 256; b++) {
            int v = b < 128 ? VALUES[b] : -1;
            SHIFTED_18[b] = v < 0 ? Integer.MIN_VALUE : v << 18;
            SHIFTED_12[b] = v < 0 ? Integer.MIN_VALUE : v << 12;
            SHIFTED_6[b] = v < 0 ? Integer.MIN_VALUE : v << 6;
            SHIFTED_0[b] = v < 0 ? Integer.MIN_VALUE : v;
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
        int len = to - from;
        int rem = len & 3;
        if (rem == 1) {
            throw new IllegalArgumentException("base64url text of length " + len
                    + " cannot be decoded (a length of 4k+1 is never produced)");
        }
        byte[] out = new byte[(len >> 2) * 3 + (rem == 0 ? 0 : rem - 1)];
        int o = 0;
        int i = from;
        int full = from + (len & ~3);
        while (i < full) {
            char c0 = text.charAt(i);
            char c1 = text.charAt(i + 1);
            char c2 = text.charAt(i + 2);
            char c3 = text.charAt(i + 3);
            int v;
            if ((c0 | c1 | c2 | c3) < 128) {
                int a = VALUES[c0];
                int b = VALUES[c1];
                int c = VALUES[c2];
                int d = VALUES[c3];
                // any -1 (not in the alphabet) makes the OR negative; then the slow path names it
                v = (a | b | c | d) >= 0 ? (a << 18) | (b << 12) | (c << 6) | d : quad(text, i);
            } else {
                v = quad(text, i);
            }
            out[o++] = (byte) (v >> 16);
            out[o++] = (byte) (v >> 8);
            out[o++] = (byte) v;
            i += 4;
        }
        tail(text, i, rem, from, out, o);
        return out;
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
        int len = to - from;
        int rem = len & 3;
        if (rem == 1) {
            throw new IllegalArgumentException("base64url text of length " + len
                    + " cannot be decoded (a length of 4k+1 is never produced)");
        }
        byte[] out = new byte[(len >> 2) * 3 + (rem == 0 ? 0 : rem - 1)];
        int o = 0;
        int i = from;
        int full = from + (len & ~3);
        while (i < full) {
            int v = SHIFTED_18[ascii[i] & 0xFF] | SHIFTED_12[ascii[i + 1] & 0xFF] | SHIFTED_6[ascii[i + 2] & 0xFF]
                    | SHIFTED_0[ascii[i + 3] & 0xFF];
            if (v < 0) {
                v = quad(new Latin1(ascii), i); // throws, naming the first character outside the alphabet
            }
            out[o++] = (byte) (v >> 16);
            out[o++] = (byte) (v >> 8);
            out[o++] = (byte) v;
            i += 4;
        }
        if (rem != 0) {
            tail(new Latin1(ascii), i, rem, from, out, o);
        }
        return out;
    }

    /** Four characters, checked one by one so that the first bad one is named. */
    private static int quad(CharSequence text, int i) {
        return (value(text, i) << 18) | (value(text, i + 1) << 12) | (value(text, i + 2) << 6) | value(text, i + 3);
    }

    /** The last 2 or 3 characters, which must leave no stray bits (canonical encoding). */
    private static void tail(CharSequence text, int i, int rem, int from, byte[] out, int o) {
        if (rem == 2) {
            int a = value(text, i);
            int b = value(text, i + 1);
            if ((b & 0x0F) != 0) {
                throw new IllegalArgumentException("non-canonical base64url: trailing bits of the last"
                        + " character are not zero (at index " + (i + 1 - from) + ")");
            }
            out[o] = (byte) ((a << 2) | (b >> 4));
        } else if (rem == 3) {
            int a = value(text, i);
            int b = value(text, i + 1);
            int c = value(text, i + 2);
            if ((c & 0x03) != 0) {
                throw new IllegalArgumentException("non-canonical base64url: trailing bits of the last"
                        + " character are not zero (at index " + (i + 2 - from) + ")");
            }
            out[o++] = (byte) ((a << 2) | (b >> 4));
            out[o] = (byte) ((b << 4) | (c >> 2));
        }
    }

    /** Bytes seen as ISO 8859-1 characters, for the checks and messages shared with the text path. */
    private static final class Latin1 implements CharSequence {
        private final byte[] bytes;

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
            return new String(bytes, start, end - start, java.nio.charset.StandardCharsets.ISO_8859_1);
        }

        @Override
        public String toString() {
            return new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
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
