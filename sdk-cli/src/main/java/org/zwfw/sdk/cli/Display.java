package org.zwfw.sdk.cli;

/**
 * Makes untrusted text safe to print on a terminal: control characters (an ANSI escape sequence in
 * a forged {@code iss} could rewrite the screen) are shown as escapes, and long values are cut.
 */
final class Display {

    /** Longest untrusted value shown in human output. */
    static final int MAX_SHOWN = 200;

    private Display() {
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
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == '\u2028' || c == '\u2029'
                    || c == '\u202e' || c == '\u202d') {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** @return the text in single quotes, made safe and cut to 120 characters */
    static String quote(String text) {
        return "'" + safe(text, 120) + "'";
    }
}
