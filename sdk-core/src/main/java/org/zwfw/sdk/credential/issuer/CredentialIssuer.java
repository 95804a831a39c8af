package org.zwfw.sdk.credential.issuer;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.crypto.SigningKey;
import org.zwfw.sdk.crypto.VerificationKey;
import org.zwfw.sdk.status.Status;
import org.zwfw.sdk.status.issuer.StatusListIssuer;
import org.zwfw.sdk.status.StatusReference;
import org.zwfw.sdk.credential.ClaimPath;
import org.zwfw.sdk.credential.CredentialClaims;
import org.zwfw.sdk.credential.CredentialVerifier;
import org.zwfw.sdk.credential.SdHashAlgorithm;
import org.zwfw.sdk.internal.sdjwt.SdJwt;

/**
 * Issues e-certificates (SD-JWT VC, contract §3) for one issuer: typed, checked claims
 * ({@link CredentialClaims}); every subject claim selectively disclosable unless the request
 * makes it visible, with 1 to 3 decoys per {@code _sd} array; {@code iss}, {@code vct},
 * {@code iat}, {@code exp}, {@code cnf} and {@code status} always visible; the holder key in
 * {@code cnf.jwk}; an index on the issuer's status list, which this class also revokes, suspends
 * and signs ({@code spec/ecert.md} §8).
 *
 * <p>Thread-safe: issuing, status changes and signing the list may run concurrently.
 */
public final class CredentialIssuer {

    /** Default credential lifetime when the claims set no earlier end: 365 days. */
    public static final Duration DEFAULT_LIFETIME = Duration.ofDays(365);
    /** Dates in the claims are calendar dates in China Standard Time. */
    public static final ZoneId CLAIM_ZONE = ZoneId.of("Asia/Shanghai");

    private final String id;
    private final SigningKey key;
    private final SdHashAlgorithm hash;
    private final int minDecoys;
    private final int maxDecoys;
    private final Duration lifetime;
    private final Clock clock;
    private final SecureRandom random;
    private final StatusListIssuer statusList;
    private final URI statusUri;
    private final SigningKey statusKey;

    private CredentialIssuer(Builder b) {
        this.id = b.id;
        this.key = b.key;
        this.hash = b.hash != null ? b.hash
                : b.key.algorithm() == JwsAlgorithm.SGD_SM3_SM2 ? SdHashAlgorithm.SM3 : SdHashAlgorithm.SHA_256;
        this.minDecoys = b.minDecoys;
        this.maxDecoys = b.maxDecoys;
        this.lifetime = b.lifetime;
        this.clock = b.clock;
        this.random = b.random;
        this.statusList = b.statusList;
        this.statusUri = b.statusUri;
        this.statusKey = b.statusKey != null ? b.statusKey : b.key;
    }

    /**
     * @param issuerId the issuer ID ({@code iss}), as on the trust list
     * @param key      the issuer's signing key; it must have a key ID ({@code kid} is required)
     * @return a builder
     */
    public static Builder builder(String issuerId, SigningKey key) {
        return new Builder(issuerId, key);
    }

    /** @return the issuer ID */
    public String id() {
        return id;
    }

    /** @return the {@code _sd_alg} of the credentials issued */
    public SdHashAlgorithm hashAlgorithm() {
        return hash;
    }

    /**
     * @param claims the subject claims, checked
     * @return a request to adjust before issuing
     */
    public Request request(CredentialClaims claims) {
        return new Request(Objects.requireNonNull(claims, "claims"));
    }

    /**
     * Issues a credential without holder binding, every subject claim selectively disclosable.
     *
     * @param claims the subject claims
     * @return the credential
     */
    public IssuedCredential issue(CredentialClaims claims) {
        return request(claims).issue();
    }

    /**
     * Issues a credential bound to a holder key, every subject claim selectively disclosable.
     *
     * @param claims    the subject claims
     * @param holderKey the holder's public key, put in {@code cnf.jwk}
     * @return the credential
     */
    public IssuedCredential issue(CredentialClaims claims, VerificationKey holderKey) {
        return request(claims).holderKey(holderKey).issue();
    }

    /**
     * Sets the status of a credential this issuer gave a status index.
     *
     * @param reference the credential's reference
     * @param status    {@link Status#INVALID} revokes for good; {@link Status#SUSPENDED} and back to
     *                  {@link Status#VALID} suspend and reinstate
     * @throws IllegalStateException    if this issuer has no status list, or the credential is
     *                                  already revoked and {@code status} is not INVALID
     * @throws IllegalArgumentException if the reference is not to this issuer's list or was
     *                                  never allocated
     */
    public void setStatus(StatusReference reference, Status status) {
        requireStatusList();
        if (!reference.uri().equals(statusUri)) {
            throw new IllegalArgumentException("the reference is to another status list than this issuer's");
        }
        statusList.set(reference.idx(), status);
    }

    /**
     * Signs this issuer's status list as it is now.
     *
     * @param validity how long the token is valid ({@code exp = now + validity})
     * @param ttl      how long verifiers may cache it, or {@code null}
     * @return the {@code statuslist+jwt}
     * @throws IllegalStateException if this issuer has no status list
     */
    public String statusListToken(Duration validity, Duration ttl) {
        requireStatusList();
        return statusList.toToken(statusKey, id, statusUri, clock.instant(), validity, ttl);
    }

    /** @return the status list's URI, when this issuer has one */
    public Optional<URI> statusListUri() {
        return Optional.ofNullable(statusUri);
    }

    private void requireStatusList() {
        if (statusList == null) {
            throw new IllegalStateException("issuer " + id + " has no status list configured");
        }
    }

    @Override
    public String toString() {
        return "CredentialIssuer[" + id + ", " + key.algorithm() + ", _sd_alg=" + hash.jsonName() + "]";
    }

    /** One credential to issue; not thread-safe, used once. */
    public final class Request {

        private final CredentialClaims claims;
        private final Set<String> visible = new LinkedHashSet<>();
        private VerificationKey holderKey;
        private Instant expiresAt;
        private Instant notBefore;

        private Request(CredentialClaims claims) {
            this.claims = claims;
        }

        /**
         * @param key the holder's public key ({@code cnf.jwk}), so presentations can be bound
         * @return this request
         */
        public Request holderKey(VerificationKey key) {
            this.holderKey = Objects.requireNonNull(key, "key");
            return this;
        }

        /**
         * Makes claims always visible instead of selectively disclosable.
         *
         * @param names claim names present in the claims
         * @return this request
         * @throws IllegalArgumentException if a name is not among the claims
         */
        public Request alwaysVisible(String... names) {
            for (String n : names) {
                if (!claims.values().containsKey(n)) {
                    throw new IllegalArgumentException("claim '" + n + "' is not among this credential's claims");
                }
                visible.add(n);
            }
            return this;
        }

        /**
         * @param exp the expiry; default: the end of {@code valid_until} (China Standard Time)
         *            when the claims have one, else now plus the issuer's lifetime, whichever
         *            is earlier
         * @return this request
         */
        public Request expiresAt(Instant exp) {
            this.expiresAt = Objects.requireNonNull(exp, "exp");
            return this;
        }

        /**
         * @param nbf when the credential becomes valid ({@code nbf}); default: not set, so from
         *            {@code iat}
         * @return this request
         */
        public Request notBefore(Instant nbf) {
            this.notBefore = Objects.requireNonNull(nbf, "nbf");
            return this;
        }

        /**
         * Signs the credential, allocating a status index when the issuer has a status list.
         *
         * @return the credential with every disclosure
         * @throws IllegalArgumentException if the expiry is not after the issue time
         */
        public IssuedCredential issue() {
            Instant now = Instant.ofEpochSecond(clock.instant().getEpochSecond());
            Instant exp = expiresAt != null ? expiresAt : defaultExpiry(now);
            exp = Instant.ofEpochSecond(exp.getEpochSecond());
            if (!exp.isAfter(now)) {
                throw new IllegalArgumentException("the credential would expire at " + exp + ", not after its issue"
                        + " time " + now + (claims.values().containsKey("valid_until")
                                ? " (its valid_until has passed)" : ""));
            }
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("iss", id);
            payload.put("vct", claims.type().vct());
            payload.put("iat", now.getEpochSecond());
            if (notBefore != null) {
                payload.put("nbf", notBefore.getEpochSecond());
            }
            payload.put("exp", exp.getEpochSecond());
            if (holderKey != null) {
                payload.put("cnf", Map.of("jwk", holderKey.toJwk()));
            }
            StatusReference reference = null;
            if (statusList != null) {
                reference = new StatusReference(statusUri, statusList.allocate());
                Map<String, Object> ref = new LinkedHashMap<>();
                ref.put("idx", reference.idx());
                ref.put("uri", reference.uri().toString());
                payload.put("status", Map.of("status_list", ref));
            }
            List<ClaimPath> disclosable = new ArrayList<>();
            for (Map.Entry<String, Object> e : claims.values().entrySet()) {
                payload.put(e.getKey(), e.getValue());
                if (!visible.contains(e.getKey())) {
                    disclosable.add(ClaimPath.of(e.getKey()));
                }
            }
            SdJwt sdJwt = SdJwtBuilder.signedWith(key).type(CredentialVerifier.TYPE).claims(payload)
                    .selectivelyDisclosable(disclosable).hashAlgorithm(hash).decoys(minDecoys, maxDecoys)
                    .random(random).buildParts();
            return new IssuedCredential(sdJwt, claims.type(), now, exp, reference);
        }

        private Instant defaultExpiry(Instant now) {
            Instant byLifetime = now.plus(lifetime);
            Object until = claims.values().get("valid_until");
            if (until instanceof String) {
                Instant end = LocalDate.parse((String) until).plusDays(1).atStartOfDay(CLAIM_ZONE).toInstant();
                return end.isBefore(byLifetime) ? end : byLifetime;
            }
            return byLifetime;
        }
    }

    /** Configures a {@link CredentialIssuer}. Not thread-safe. */
    public static final class Builder {

        private final String id;
        private final SigningKey key;
        private SdHashAlgorithm hash;
        private int minDecoys = SdJwtBuilder.DEFAULT_MIN_DECOYS;
        private int maxDecoys = SdJwtBuilder.DEFAULT_MAX_DECOYS;
        private Duration lifetime = DEFAULT_LIFETIME;
        private Clock clock = Clock.systemUTC();
        private SecureRandom random = new SecureRandom();
        private StatusListIssuer statusList;
        private URI statusUri;
        private SigningKey statusKey;

        private Builder(String id, SigningKey key) {
            this.id = Objects.requireNonNull(id, "issuerId");
            this.key = Objects.requireNonNull(key, "key");
            if (id.isEmpty()) {
                throw new IllegalArgumentException("issuer ID must not be empty");
            }
            if (key.keyId().isEmpty()) {
                throw new IllegalArgumentException("the issuer's signing key needs a key ID: e-certificates carry"
                        + " 'kid' (contract §3)");
            }
        }

        /**
         * @param alg {@code _sd_alg}; default {@code sm3} for an SM2 key, else {@code sha-256}
         * @return this builder
         */
        public Builder hashAlgorithm(SdHashAlgorithm alg) {
            this.hash = Objects.requireNonNull(alg, "alg");
            return this;
        }

        /**
         * @param min fewest decoy digests per {@code _sd} array (default 1)
         * @param max most (default 3)
         * @return this builder
         */
        public Builder decoys(int min, int max) {
            if (min < 0 || max < min) {
                throw new IllegalArgumentException("decoys need 0 <= min <= max");
            }
            this.minDecoys = min;
            this.maxDecoys = max;
            return this;
        }

        /**
         * @param maxLifetime longest lifetime of a credential (default 365 days)
         * @return this builder
         */
        public Builder lifetime(Duration maxLifetime) {
            if (maxLifetime.isNegative() || maxLifetime.isZero()) {
                throw new IllegalArgumentException("lifetime must be positive");
            }
            this.lifetime = maxLifetime;
            return this;
        }

        /**
         * @param source the clock for {@code iat} (default system UTC)
         * @return this builder
         */
        public Builder clock(Clock source) {
            this.clock = Objects.requireNonNull(source, "clock");
            return this;
        }

        /**
         * @param source randomness for salts and decoys (default a new {@link SecureRandom})
         * @return this builder
         */
        public Builder random(SecureRandom source) {
            this.random = Objects.requireNonNull(source, "random");
            return this;
        }

        /**
         * Gives every credential an index on this status list.
         *
         * @param list the list (persisted by its own configuration)
         * @param uri  the list's URI, an {@code https} URL (plain {@code http} only for loopback)
         * @return this builder
         */
        public Builder statusList(StatusListIssuer list, URI uri) {
            this.statusList = Objects.requireNonNull(list, "list");
            Map<String, Object> ref = Map.of("status", Map.of("status_list", Map.of("idx", 0L,
                    "uri", Objects.requireNonNull(uri, "uri").toString())));
            var check = StatusReference.fromClaims(ref);
            if (!check.isValid()) {
                throw new IllegalArgumentException("status list URI refused: " + check.errors().get(0).message());
            }
            this.statusUri = uri;
            return this;
        }

        /**
         * @param key the key that signs the status list (default the credential signing key);
         *            the trust list must carry its public part for this issuer
         * @return this builder
         */
        public Builder statusListKey(SigningKey key) {
            this.statusKey = Objects.requireNonNull(key, "key");
            return this;
        }

        /** @return the issuer */
        public CredentialIssuer build() {
            return new CredentialIssuer(this);
        }
    }
}
