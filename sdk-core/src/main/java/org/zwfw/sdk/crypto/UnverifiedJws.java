package org.zwfw.sdk.crypto;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import org.zwfw.sdk.internal.Base64Url;
import org.zwfw.sdk.internal.Json;
import org.zwfw.sdk.internal.JsonException;

/**
 * A JWS decoded <em>without</em> verifying its signature: for choosing the keys to verify it with
 * (the {@code iss} that points into a trust list) and for showing a token to a person. Nothing in
 * it may be trusted. Parsing is as strict as {@link JwsVerifier}'s. Immutable and thread-safe.
 */
public final class UnverifiedJws {

    private final JwsHeader header;
    private final Map<String, Object> claims;

    private UnverifiedJws(JwsHeader header, Map<String, Object> claims) {
        this.header = header;
        this.claims = Collections.unmodifiableMap(claims);
    }

    /**
     * Decodes header and JSON payload.
     *
     * @param compact  the compact serialization
     * @param maxChars the largest input accepted
     * @return the decoded parts
     * @throws IllegalArgumentException naming what is wrong (too long, not three base64url parts,
     *                                  header or payload not a strict JSON object)
     */
    public static UnverifiedJws parse(String compact, int maxChars) {
        Objects.requireNonNull(compact, "compact");
        if (compact.length() > maxChars) {
            throw new IllegalArgumentException("JWS of " + compact.length() + " characters exceeds " + maxChars);
        }
        int dot1 = compact.indexOf('.');
        int dot2 = dot1 < 0 ? -1 : compact.indexOf('.', dot1 + 1);
        if (dot1 < 0 || dot2 < 0 || compact.indexOf('.', dot2 + 1) >= 0) {
            throw new IllegalArgumentException("a compact JWS has 3 parts separated by '.'");
        }
        try {
            Map<String, Object> header = Json.parseObject(Base64Url.decode(compact, 0, dot1),
                    JwsVerifier.DEFAULT_MAX_JSON_DEPTH);
            Map<String, Object> claims = Json.parseObject(Base64Url.decode(compact, dot1 + 1, dot2),
                    JwsVerifier.DEFAULT_MAX_JSON_DEPTH);
            Base64Url.decode(compact, dot2 + 1, compact.length());
            return new UnverifiedJws(new JwsHeader(header), claims);
        } catch (JsonException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    /** @return the header, unverified */
    public JwsHeader header() {
        return header;
    }

    /** @return the payload claims, unverified; read-only */
    public Map<String, Object> claims() {
        return claims;
    }

    @Override
    public String toString() {
        return "UnverifiedJws[" + header + "]";
    }
}
