package org.zwfw.sdk.status;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.zwfw.sdk.crypto.JwsBuilder;
import org.zwfw.sdk.crypto.SigningKey;

/**
 * A status list token (draft-ietf-oauth-status-list, "Status List Token in JWT Format"; profiled
 * by {@code spec/status-list.md}):
 * a JWT with header {@code typ} {@value #TYPE}, {@code alg} from the signing key and {@code kid}
 * required, and the claims {@code iss}, {@code sub} (the list's URI, equal to the {@code uri}
 * that credentials carry), {@code iat}, {@code exp}, {@code ttl} (optional, seconds) and
 * {@code status_list}.
 *
 * <p>Issuers build one with {@link #builder()} and {@link #sign(SigningKey)}; verifiers receive
 * one from {@link StatusChecker} only after its signature and claims were checked (there is no way
 * to read an unverified token into this type). Times are whole seconds (NumericDate).
 *
 * <p>Immutable and thread-safe.
 */
public final class StatusListToken {

    /** The {@code typ} header of a status list token. */
    public static final String TYPE = "statuslist+jwt";
    /** The media type of status list tokens, for {@code Accept} and {@code Content-Type}. */
    public static final String MEDIA_TYPE = "application/statuslist+jwt";

    private final String issuer;
    private final URI uri;
    private final Instant issuedAt;
    private final Instant expiresAt;
    private final Duration timeToLive;
    private final StatusList statusList;

    StatusListToken(String issuer, URI uri, Instant issuedAt, Instant expiresAt, Duration timeToLive,
            StatusList statusList) {
        this.issuer = issuer;
        this.uri = uri;
        this.issuedAt = issuedAt;
        this.expiresAt = expiresAt;
        this.timeToLive = timeToLive;
        this.statusList = statusList;
    }

    /** @return a builder for a token to sign */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @return the {@code iss} claim; always present in tokens built here, possibly absent in a
     *         verified third-party token (the draft makes it optional)
     */
    public Optional<String> issuer() {
        return Optional.ofNullable(issuer);
    }

    /** @return the list's URI, the {@code sub} claim */
    public URI uri() {
        return uri;
    }

    /** @return {@code iat} */
    public Instant issuedAt() {
        return issuedAt;
    }

    /** @return {@code exp} (required by this profile) */
    public Instant expiresAt() {
        return expiresAt;
    }

    /** @return {@code ttl}: how long a verifier may cache the list before fetching it again, if set */
    public Optional<Duration> timeToLive() {
        return Optional.ofNullable(timeToLive);
    }

    /** @return the list */
    public StatusList statusList() {
        return statusList;
    }

    /**
     * @return the JWT claims, in the order {@code iss}, {@code sub}, {@code iat}, {@code exp},
     *         {@code ttl}, {@code status_list}; a new map on each call
     */
    public Map<String, Object> toClaims() {
        Map<String, Object> claims = new LinkedHashMap<>(8);
        if (issuer != null) {
            claims.put("iss", issuer);
        }
        claims.put("sub", uri.toString());
        claims.put("iat", issuedAt.getEpochSecond());
        claims.put("exp", expiresAt.getEpochSecond());
        if (timeToLive != null) {
            claims.put("ttl", timeToLive.getSeconds());
        }
        claims.put("status_list", statusList.toClaim());
        return claims;
    }

    /**
     * Signs: header {@code alg} (the key's), {@code kid} (the key's), {@code typ}
     * {@value #TYPE}.
     *
     * @param key the issuer's signing key, with a key ID, never {@code null}
     * @return the compact JWS
     * @throws IllegalArgumentException if the key has no key ID (verifiers select keys by
     *                                  {@code kid}), or if this token has no issuer
     */
    public String sign(SigningKey key) {
        Objects.requireNonNull(key, "key");
        if (key.keyId().isEmpty()) {
            throw new IllegalArgumentException("a status list token is signed with a key that has a key ID (kid)");
        }
        if (issuer == null) {
            throw new IllegalArgumentException("the SDK always writes 'iss' into a status list token");
        }
        return JwsBuilder.signedWith(key).type(TYPE).claims(toClaims()).sign();
    }

    /** Prints the metadata, not the list's entries. */
    @Override
    public String toString() {
        return "StatusListToken[iss=" + issuer + ", sub=" + uri + ", iat=" + issuedAt + ", exp=" + expiresAt
                + ", ttl=" + timeToLive + ", " + statusList + "]";
    }

    /** Configures a {@link StatusListToken} for signing. Not thread-safe. */
    public static final class Builder {

        private String issuer;
        private URI uri;
        private Instant issuedAt;
        private Instant expiresAt;
        private Duration timeToLive;
        private StatusList statusList;

        private Builder() {
        }

        /**
         * @param iss the issuer ID ({@code iss}), the same as in the credentials referring to the
         *            list; not empty
         * @return this builder
         */
        public Builder issuer(String iss) {
            this.issuer = Objects.requireNonNull(iss, "iss");
            return this;
        }

        /**
         * @param uri the list's URI ({@code sub}), absolute, exactly as credentials carry it
         * @return this builder
         */
        public Builder uri(URI uri) {
            this.uri = Objects.requireNonNull(uri, "uri");
            return this;
        }

        /**
         * @param iat the issue time; truncated to seconds
         * @return this builder
         */
        public Builder issuedAt(Instant iat) {
            this.issuedAt = Objects.requireNonNull(iat, "iat").truncatedTo(ChronoUnit.SECONDS);
            return this;
        }

        /**
         * @param exp the expiry; truncated to seconds
         * @return this builder
         */
        public Builder expiresAt(Instant exp) {
            this.expiresAt = Objects.requireNonNull(exp, "exp").truncatedTo(ChronoUnit.SECONDS);
            return this;
        }

        /**
         * @param ttl the {@code ttl} (whole seconds, at least one), or {@code null} to omit it
         * @return this builder
         */
        public Builder timeToLive(Duration ttl) {
            this.timeToLive = ttl;
            return this;
        }

        /**
         * @param list the list, never {@code null}
         * @return this builder
         */
        public Builder statusList(StatusList list) {
            this.statusList = Objects.requireNonNull(list, "list");
            return this;
        }

        /**
         * @return the token
         * @throws IllegalStateException if a setting is missing or inconsistent: issuer, URI,
         *                               times and list are required; the URI must be absolute;
         *                               {@code exp} must follow {@code iat}; {@code ttl} must be
         *                               whole seconds, at least one
         */
        public StatusListToken build() {
            if (issuer == null || issuer.isEmpty() || uri == null || issuedAt == null || expiresAt == null
                    || statusList == null) {
                throw new IllegalStateException("issuer, uri, issuedAt, expiresAt and statusList are required");
            }
            if (!uri.isAbsolute()) {
                throw new IllegalStateException("the status list URI must be absolute");
            }
            if (!expiresAt.isAfter(issuedAt)) {
                throw new IllegalStateException("exp must be after iat");
            }
            if (timeToLive != null && (timeToLive.getSeconds() < 1 || timeToLive.getNano() != 0)) {
                throw new IllegalStateException("ttl must be whole seconds, at least one");
            }
            return new StatusListToken(issuer, uri, issuedAt, expiresAt, timeToLive, statusList);
        }
    }
}
