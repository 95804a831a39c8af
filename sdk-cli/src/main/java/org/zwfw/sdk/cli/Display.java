package org.zwfw.sdk.cli;

/**
 * Makes untrusted text safe to print on a terminal: control characters (an ANSI escape sequence in
 * a forged {@code iss} could rewrite the screen; a bidirectional override could make a value read
 * backwards) are shown as {@code \}{@code uXXXX} escapes, and long values are cut. Every string
 * the command prints that comes from an input or an argument goes through here, or through
 * {@link JsonOutput}, which escapes the same characters.
 */
final class Display {

    /** Longest untrusted value shown in human output. */
    static final int MAX_SHOWN = 200;

    /** Longest message shown on standard error. */
    static final int MAX_MESSAGE = 2000;

    private Display() {
    }

    /**
     * Whether a character must never reach a terminal as it is: C0 controls, DEL, C1 controls
     * (U+0080 to U+009F, among them the 8-bit CSI U+009B), the line and paragraph separators, and
     * the bidirectional formatting characters (U+061C, U+200E, U+200F, U+202A to U+202E, U+2066
     * to U+2069).
     */
    static boolean unsafe(int c) {
        return c < 0x20 || c >= 0x7f && c < 0xa0 || c == 0x061c || c == 0x200e || c == 0x200f
                || c >= 0x2028 && c <= 0x202e || c >= 0x2066 && c <= 0x2069;
    }

    /**
     * @param text untrusted text, or {@code null}
     * @return the text with control characters escaped, cut to {@link #MAX_SHOWN} characters
     */
    static String safe(String text) {
        return safe(text, MAX_SHOWN);
    }

    static String safe(String text, int max) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(Math.min(text.length(), max) + 8);
        for (int i = 0; i < text.length(); i++) {
            if (sb.length() >= max) {
                sb.append("...(").append(text.length()).append(" characters)");
                break;
            }
            char c = text.charAt(i);
            if (unsafe(c)) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** @return a message for standard error, made safe and cut to {@link #MAX_MESSAGE} characters */
    static String message(String text) {
        return safe(text, MAX_MESSAGE);
    }

    /** @return the text in single quotes, made safe and cut to 120 characters */
    static String quote(String text) {
        return "'" + safe(text, 120) + "'";
    }
}
