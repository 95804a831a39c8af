package org.zwfw.sdk.sandbox.internal.api;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Page tokens: opaque, bound to the query that made them (its parameters other than
 * {@code page_token} and {@code page_size}) and the calling application, valid one hour. A token
 * is the offset and expiry with an HMAC over them and the query; one that fails is
 * {@code 400 PAGE_TOKEN_INVALID}. Thread-safe.
 */
final class Pages {

    static final Duration LIFETIME = Duration.ofHours(1);
    static final int DEFAULT_SIZE = 20;
    private static final int MAC_CHARS = 22;

    /** A page of a list: the items and the next token, if any. */
    record Page<T>(List<T> items, String next) {
    }

    private final byte[] key = new byte[32];

    Pages() {
        new SecureRandom().nextBytes(key);
    }

    <T> Page<T> page(List<T> all, String queryBinding, String token, Integer size, Instant now) {
        int offset = token == null ? 0 : offset(token, queryBinding, now);
        int n = size == null ? DEFAULT_SIZE : size;
        if (offset > all.size()) {
            throw invalid();
        }
        int end = Math.min(all.size(), offset + n);
        String next = end < all.size() ? token(end, queryBinding, now.plus(LIFETIME)) : null;
        return new Page<>(all.subList(offset, end), next);
    }

    /** The page size parameter: 1 to 100, default 20. */
    static Integer size(String value) {
        if (value == null) {
            return null;
        }
        if (!value.matches("[1-9][0-9]{0,2}") || Integer.parseInt(value) > 100) {
            throw ApiProblems.invalid("INVALID_CLAIM", null, "page_size must be an integer from 1 to 100");
        }
        return Integer.parseInt(value);
    }

    private String token(int offset, String binding, Instant expires) {
        String payload = offset + "." + expires.getEpochSecond();
        byte[] mac = Arrays.copyOf(mac(payload + "|" + binding), 16);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.US_ASCII))
                + Base64.getUrlEncoder().withoutPadding().encodeToString(mac);
    }

    private int offset(String token, String binding, Instant now) {
        try {
            // the MAC is the last 22 characters (16 bytes); base64url has '_' and '-', so no separator is used
            int sep = token.length() - MAC_CHARS;
            if (token.length() > 512 || sep <= 0) {
                throw invalid();
            }
            String payload = new String(Base64.getUrlDecoder().decode(token.substring(0, sep)), StandardCharsets.US_ASCII);
            byte[] mac = Base64.getUrlDecoder().decode(token.substring(sep));
            if (!java.security.MessageDigest.isEqual(mac, Arrays.copyOf(mac(payload + "|" + binding), 16))) {
                throw invalid();
            }
            String[] parts = payload.split("\\.");
            if (Long.parseLong(parts[1]) <= now.getEpochSecond()) {
                throw invalid();
            }
            return Integer.parseInt(parts[0]);
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            throw invalid();
        }
    }

    private byte[] mac(String text) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(key, "HmacSHA256"));
            return m.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static org.zwfw.sdk.sandbox.internal.ProblemException invalid() {
        return ApiProblems.invalid("PAGE_TOKEN_INVALID", null, "page_token was not issued for this query, or has"
                + " expired (tokens are valid one hour); start again without it");
    }
}
