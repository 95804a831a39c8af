package org.zwfw.sdk.internal;

/** Safe rendering of untrusted text (header values, key IDs) inside messages and logs. */
public final class Texts {

    private Texts() {
    }

    /**
     * Quotes untrusted text for a message: control and non-ASCII characters escaped as
     * {@code \\uXXXX}, cut to {@code max} characters with an ellipsis.
     *
     * @param text the text, may be {@code null}
     * @param max  the maximum number of characters to show
     * @return the text in single quotes, or {@code null} unquoted
     */
    public static String quote(String text, int max) {
        if (text == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder(Math.min(text.length(), max) + 2).append('\'');
        int n = Math.min(text.length(), max);
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7E || c == '\'' || c == '\\') {
                sb.append(String.format("\\u%04X", (int) c));
            } else {
                sb.append(c);
            }
        }
        if (text.length() > max) {
            sb.append("...");
        }
        return sb.append('\'').toString();
    }

    /**
     * Quotes with a limit of 64 characters.
     *
     * @param text the text, may be {@code null}
     * @return the quoted text
     */
    public static String quote(String text) {
        return quote(text, 64);
    }

    /**
     * @param bytes bytes
     * @param max   maximum number of bytes to show
     * @return lowercase hex of the first {@code max} bytes
     */
    public static String hex(byte[] bytes, int max) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(bytes.length, max); i++) {
            sb.append(String.format("%02x", bytes[i] & 0xFF));
        }
        return sb.toString();
    }
}
