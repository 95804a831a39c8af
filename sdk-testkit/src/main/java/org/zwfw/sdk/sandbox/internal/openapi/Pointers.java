package org.zwfw.sdk.sandbox.internal.openapi;

import java.nio.charset.StandardCharsets;

/** JSON Pointers (RFC 6901) into the document, and their form as a URI fragment. */
final class Pointers {

    private static final String FRAGMENT_CHARS =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:@/?";

    private Pointers() {
    }

    /**
     * Appends reference tokens to a pointer, escaping {@code ~} and {@code /} in each.
     *
     * @param pointer the pointer, empty for the root
     * @param tokens  the member names or indexes to append
     * @return the longer pointer
     */
    static String append(String pointer, String... tokens) {
        StringBuilder b = new StringBuilder(pointer);
        for (String t : tokens) {
            b.append('/').append(t.replace("~", "~0").replace("/", "~1"));
        }
        return b.toString();
    }

    /**
     * Writes a pointer as a URI fragment (RFC 6901 §6): characters a fragment may not hold
     * percent-encoded as UTF-8.
     *
     * @param pointer the pointer
     * @return the fragment, without {@code #}
     */
    static String fragment(String pointer) {
        StringBuilder b = new StringBuilder();
        for (byte x : pointer.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (x & 0xff);
            if (c < 0x80 && FRAGMENT_CHARS.indexOf(c) >= 0) {
                b.append(c);
            } else {
                b.append('%').append(Character.toUpperCase(Character.forDigit((x >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(x & 0xf, 16)));
            }
        }
        return b.toString();
    }
}
