package org.zwfw.sdk.sandbox.internal.oidc;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/** Small text helpers of the OpenID provider: base64url, random values, URL encoding, comparisons. */
final class Texts {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Texts() {
    }

    static String base64url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** @return {@code bits} random bits, base64url (a code, a token, a one-time value) */
    static String randomValue(int bits) {
        byte[] b = new byte[bits / 8];
        RANDOM.nextBytes(b);
        return base64url(b);
    }

    static String urlEncode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Constant-time comparison of two secrets (their lengths may differ). */
    static boolean sameSecret(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    /** HTML text and attribute escaping. */
    static String html(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<': sb.append("&lt;"); break;
                case '>': sb.append("&gt;"); break;
                case '&': sb.append("&amp;"); break;
                case '"': sb.append("&quot;"); break;
                case '\'': sb.append("&#39;"); break;
                default: sb.append(c);
            }
        }
        return sb.toString();
    }
}
