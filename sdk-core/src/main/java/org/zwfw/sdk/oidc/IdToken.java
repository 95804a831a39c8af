package org.zwfw.sdk.oidc;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.zwfw.sdk.rnat.AssuranceLevel;

/**
 * A verified OpenID Connect ID token (spec/login.md §8). Only {@link IdTokenVerifier} makes one.
 *
 * <p>Immutable and thread-safe. {@link #toString()} shows the issuer, level and claim names,
 * never {@code sub} or a personal claim.
 */
public final class IdToken {

    private final String compact;
    private final Map<String, Object> claims;
    private final AssuranceLevel level;

    IdToken(String compact, Map<String, Object> claims, AssuranceLevel level) {
        this.compact = compact;
        this.claims = claims;
        this.level = level;
    }

    /** @return the token as received, for {@code id_token_hint} at logout */
    public String compact() {
        return compact;
    }

    /** @return {@code iss} */
    public String issuer() {
        return (String) claims.get("iss");
    }

    /** @return {@code sub}: the person's identifier at this provider (pairwise at the province's) */
    public String subject() {
        return (String) claims.get("sub");
    }

    /** @return {@code aud} as a list */
    public List<String> audience() {
        Object aud = claims.get("aud");
        return aud instanceof String ? List.of((String) aud) : ((List<?>) aud).stream().map(String.class::cast).toList();
    }

    /** @return {@code iat} */
    public Instant issuedAt() {
        return Instant.ofEpochSecond(((Number) claims.get("iat")).longValue());
    }

    /** @return {@code exp} */
    public Instant expiresAt() {
        return Instant.ofEpochSecond(((Number) claims.get("exp")).longValue());
    }

    /** @return {@code auth_time}, when present */
    public Optional<Instant> authTime() {
        Object v = claims.get("auth_time");
        return v instanceof Number ? Optional.of(Instant.ofEpochSecond(((Number) v).longValue())) : Optional.empty();
    }

    /** @return the real-name level of {@code acr}, when it names one of the scale */
    public Optional<AssuranceLevel> level() {
        return Optional.ofNullable(level);
    }

    /** @return {@code sid}, when present (back-channel logout names sessions by it) */
    public Optional<String> sessionId() {
        Object v = claims.get("sid");
        return v instanceof String ? Optional.of((String) v) : Optional.empty();
    }

    /** @return every claim, verified (unmodifiable; nested values as parsed) */
    public Map<String, Object> claims() {
        return claims;
    }

    @Override
    public String toString() {
        return "IdToken[" + issuer() + ", " + (level != null ? level : "no level") + ", claims="
                + new TreeSet<>(claims.keySet()) + "]";
    }
}
