package org.zwfw.sdk.rnat.issuer;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.zwfw.sdk.crypto.JwsBuilder;
import org.zwfw.sdk.crypto.SigningKey;
import org.zwfw.sdk.id.ResidentIdNumber;
import org.zwfw.sdk.internal.Base64Url;
import org.zwfw.sdk.rnat.AssuranceLevel;
import org.zwfw.sdk.rnat.RnatVerifier;

/**
 * Issues real-name auth tokens (spec/realname-token.md §15): header {@code alg}, {@code typ}
 * {@value RnatVerifier#TYPE}, {@code kid}; the claims of §3 in order; pairwise {@code sub} (§7);
 * the level by §4's rule; identity attributes released by §8 only, masked by §6. Used by the
 * sandbox and by anyone running an identity service.
 *
 * <p>Thread-safe. Refusals name the rule broken, never a value.
 */
public final class RnatIssuer {

    /** Default lifetime: 300 s (D10). */
    public static final Duration DEFAULT_LIFETIME = Duration.ofSeconds(300);
    /** Longest lifetime: 3600 s. */
    public static final Duration MAX_LIFETIME = Duration.ofSeconds(3600);
    private static final Pattern PHONE = Pattern.compile("1\\d{10}");
    private static final DateTimeFormatter PROOFING_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    private final String issuer;
    private final SigningKey key;
    private final PairwiseSubject pairwise;
    private final Duration lifetime;
    private final Clock clock;
    private final SecureRandom random;

    private RnatIssuer(Builder b) {
        this.issuer = b.issuer;
        this.key = b.key;
        this.pairwise = b.pairwise;
        this.lifetime = b.lifetime;
        this.clock = b.clock;
        this.random = b.random;
    }

    /**
     * @param issuer the issuer id ({@code iss}), 1..255 characters
     * @param key    a signing key with a {@code kid}, ES256, EdDSA or SGD_SM3_SM2
     * @return a builder; {@link Builder#pairwise} is required
     */
    public static Builder builder(String issuer, SigningKey key) {
        return new Builder(issuer, key);
    }

    /** @return the issuer id */
    public String issuer() {
        return issuer;
    }

    /**
     * @param grant what the token says
     * @return the signed token
     * @throws IllegalArgumentException when the grant is inconsistent (a scope without the data it
     *                                  releases, an authentication after now), naming the rule
     */
    public String issue(RnatGrant grant) {
        Objects.requireNonNull(grant, "grant");
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant authTime = grant.authTime.truncatedTo(ChronoUnit.SECONDS);
        if (authTime.isAfter(now)) {
            throw new IllegalArgumentException("auth_time lies after the issuing time");
        }
        if (grant.proofedAt.isAfter(now)) {
            throw new IllegalArgumentException("the proofing on record lies after the issuing time");
        }
        AssuranceLevel level = grant.level();
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("iss", issuer);
        c.put("sub", pairwise.derive(grant.sector, grant.residentId));
        c.put("aud", grant.audience);
        c.put("iat", now.getEpochSecond());
        c.put("exp", now.plus(lifetime).getEpochSecond());
        byte[] id = new byte[16];
        random.nextBytes(id);
        c.put("jti", Base64Url.encode(id));
        c.put("acr", level.acr());
        c.put("auth_time", authTime.getEpochSecond());
        c.put("amr", grant.methods);
        Map<String, Object> released = released(grant);
        if (!released.isEmpty()) {
            Map<String, Object> verification = new LinkedHashMap<>();
            verification.put("trust_framework", "cn_zwfw");
            verification.put("assurance_level", grant.proofedLevel.name());
            verification.put("time", PROOFING_TIME.format(grant.proofedAt.atOffset(ZoneOffset.ofHours(8))
                    .truncatedTo(ChronoUnit.SECONDS)));
            Map<String, Object> vc = new LinkedHashMap<>();
            vc.put("verification", verification);
            vc.put("claims", released);
            c.put("verified_claims", vc);
        }
        if (grant.confirmation != null) {
            c.put("cnf", Map.of("jkt", grant.confirmation));
        }
        if (grant.clientId != null) {
            c.put("client_id", grant.clientId);
        }
        return JwsBuilder.signedWith(key).type(RnatVerifier.TYPE).claims(c).sign();
    }

    private static Map<String, Object> released(RnatGrant g) {
        Map<String, Object> out = new LinkedHashMap<>();
        String rid = g.residentId.replace('x', 'X');
        if (g.released.contains(RnatGrant.SCOPE_MASKED)) {
            out.put("id_number_masked", rid.substring(0, 2) + "*".repeat(14) + rid.substring(16));
            if (g.phone != null) {
                if (!PHONE.matcher(g.phone).matches()) {
                    throw new IllegalArgumentException("a phone number to mask is 11 digits starting with 1");
                }
                out.put("phone_number_masked", g.phone.substring(0, 3) + "****" + g.phone.substring(7));
            }
        }
        if (g.released.contains(RnatGrant.SCOPE_IDENTITY)) {
            if (g.name == null || g.name.isEmpty() || g.name.codePointCount(0, g.name.length()) > 64) {
                throw new IllegalArgumentException("scope " + RnatGrant.SCOPE_IDENTITY + " releases 'name': give a name"
                        + " of 1 to 64 characters");
            }
            out.put("name", g.name);
            out.put("birthdate", ResidentIdNumber.parse(rid).birthDate().toString());
        }
        if (g.released.contains(RnatGrant.SCOPE_ID_NUMBER)) {
            out.put("id_number", rid);
        }
        return out;
    }

    /** Configures a {@link RnatIssuer}. */
    public static final class Builder {

        private final String issuer;
        private final SigningKey key;
        private PairwiseSubject pairwise;
        private Duration lifetime = DEFAULT_LIFETIME;
        private Clock clock = Clock.systemUTC();
        private SecureRandom random = new SecureRandom();

        private Builder(String issuer, SigningKey key) {
            if (issuer == null || issuer.isEmpty() || issuer.codePointCount(0, issuer.length()) > 255) {
                throw new IllegalArgumentException("an issuer id is 1 to 255 characters");
            }
            Objects.requireNonNull(key, "key");
            if (key.keyId().isEmpty()) {
                throw new IllegalArgumentException("a real-name token's signing key needs a kid (spec/realname-token.md §2)");
            }
            if (!RnatVerifier.PROFILE_ALGORITHMS.contains(key.algorithm())) {
                throw new IllegalArgumentException("a real-name token is signed with one of "
                        + RnatVerifier.PROFILE_ALGORITHMS + ", not " + key.algorithm());
            }
            this.issuer = issuer;
            this.key = key;
        }

        /**
         * @param subjects the pairwise {@code sub} derivation with the issuer's key
         * @return this builder
         */
        public Builder pairwise(PairwiseSubject subjects) {
            this.pairwise = Objects.requireNonNull(subjects, "subjects");
            return this;
        }

        /**
         * @param l the token lifetime, 1 s to {@link #MAX_LIFETIME} (default {@link #DEFAULT_LIFETIME})
         * @return this builder
         */
        public Builder lifetime(Duration l) {
            if (l == null || l.compareTo(Duration.ofSeconds(1)) < 0 || l.compareTo(MAX_LIFETIME) > 0) {
                throw new IllegalArgumentException("a real-name token's lifetime is 1 s to " + MAX_LIFETIME.toSeconds()
                        + " s");
            }
            this.lifetime = l.truncatedTo(ChronoUnit.SECONDS);
            return this;
        }

        /**
         * @param c the clock for {@code iat}
         * @return this builder
         */
        public Builder clock(Clock c) {
            this.clock = Objects.requireNonNull(c, "clock");
            return this;
        }

        /**
         * @param r the source of {@code jti}
         * @return this builder
         */
        public Builder random(SecureRandom r) {
            this.random = Objects.requireNonNull(r, "random");
            return this;
        }

        /** @return the issuer */
        public RnatIssuer build() {
            if (pairwise == null) {
                throw new IllegalStateException("pairwise(PairwiseSubject) is required");
            }
            return new RnatIssuer(this);
        }
    }
}
