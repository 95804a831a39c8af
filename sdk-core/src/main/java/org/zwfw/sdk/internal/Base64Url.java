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

    static {
        java.util.Arrays.fill(VALUES, (byte) -1);
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
            int v = (value(text, i) << 18) | (value(text, i + 1) << 12)
                    | (value(text, i + 2) << 6) | value(text, i + 3);
            out[o++] = (byte) (v >> 16);
            out[o++] = (byte) (v >> 8);
            out[o++] = (byte) v;
            i += 4;
        }
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
        return out;
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
