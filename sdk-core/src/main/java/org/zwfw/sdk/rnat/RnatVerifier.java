package org.zwfw.sdk.rnat;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.crypto.JwsVerifier;
import org.zwfw.sdk.crypto.KeyRequest;
import org.zwfw.sdk.crypto.KeyResolver;
import org.zwfw.sdk.crypto.KeySet;
import org.zwfw.sdk.crypto.ParsedJws;
import org.zwfw.sdk.crypto.PolicyBuilder;
import org.zwfw.sdk.crypto.VerificationPolicy;
import org.zwfw.sdk.crypto.VerifiedJws;
import org.zwfw.sdk.internal.ClaimChecks;
import org.zwfw.sdk.internal.Findings;
import org.zwfw.sdk.internal.Texts;
import org.zwfw.sdk.replay.InMemoryReplayStore;
import org.zwfw.sdk.replay.ReplayStore;
import org.zwfw.sdk.replay.ReplayStoreException;
import org.zwfw.sdk.trust.TrustListKeys;
import org.zwfw.sdk.trust.TrustedIssuer;
import org.zwfw.sdk.verify.Finding;
import org.zwfw.sdk.verify.OutcomeCode;
import org.zwfw.sdk.verify.VerificationResult;

/**
 * Verifies real-name auth tokens (spec/realname-token.md §12): the one JWS pipeline (parse once,
 * keys from a resolver, signature), then the claim rules, the relying party's requirements (level,
 * methods, authentication age) and single use through a {@link ReplayStore}, in the order of §12,
 * every failure with its outcome code.
 *
 * <p>Configured once, shared across threads; building it does no network I/O. Keys come from a
 * trust list (issuers whose entry allows type {@value #TRUST_LIST_TYPE}) or per issuer from any
 * {@link KeyResolver}: a pinned {@link KeySet}, a remote key set.
 */
public final class RnatVerifier {

    /** The {@code typ} of a real-name auth token. */
    public static final String TYPE = "rnat+jwt";
    /** The trust-list issuer type that may sign real-name auth tokens. */
    public static final String TRUST_LIST_TYPE = "rnat";
    /** The algorithms the profile allows (§2); the policy's allow-list is intersected with them. */
    public static final Set<JwsAlgorithm> PROFILE_ALGORITHMS =
            Set.of(JwsAlgorithm.ES256, JwsAlgorithm.EDDSA, JwsAlgorithm.SGD_SM3_SM2);
    /** The longest {@code kid} accepted (§2). */
    public static final int MAX_KEY_ID_LENGTH = 256;

    private final JwsVerifier jws;
    private final VerificationPolicy policy;
    private final TrustListKeys trust;
    private final Map<String, KeyResolver> issuers;
    private final Set<String> expectedIssuers;
    private final String audience;
    private final AssuranceLevel minimumLevel;
    private final Set<String> requiredMethods;
    private final Duration maxAuthenticationAge;
    private final ReplayStore replay;

    private RnatVerifier(Builder b) {
        Set<JwsAlgorithm> allowed = EnumSet.noneOf(JwsAlgorithm.class);
        allowed.addAll(b.configuredPolicy().algorithms());
        allowed.retainAll(PROFILE_ALGORITHMS);
        if (allowed.isEmpty()) {
            throw new IllegalStateException("the policy allows none of the profile's algorithms " + PROFILE_ALGORITHMS);
        }
        this.policy = b.configuredPolicy().withAlgorithms(allowed);
        this.jws = JwsVerifier.builder().policy(policy).expectedType(TYPE).requireKeyId(true)
                .stopAfterHeaderFailure(true).build();
        this.trust = b.trust;
        this.issuers = Map.copyOf(b.issuers);
        this.expectedIssuers = Set.copyOf(b.expectedIssuers);
        this.audience = b.audience;
        this.minimumLevel = b.minimumLevel;
        this.requiredMethods = Set.copyOf(b.requiredMethods);
        this.maxAuthenticationAge = b.maxAuthenticationAge;
        this.replay = b.recordUse ? (b.replay != null ? b.replay : new InMemoryReplayStore(
                InMemoryReplayStore.DEFAULT_MAX_ENTRIES, policy.clock())) : null;
    }

    /** @return a builder; {@code audience} and a key source are required */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the policy this verifier was built with (its allow-list within the profile's) */
    public VerificationPolicy policy() {
        return policy;
    }

    /**
     * Verifies a token that is not sender-constrained (one with {@code cnf} is
     * {@code KEY_BINDING_MISSING} here).
     *
     * @param token the compact JWS, never {@code null}
     * @return the verified token, or every failed check
     */
    public VerificationResult<RealNameToken> verify(String token) {
        return verify(token, null);
    }

    /**
     * Verifies a token; for a sender-constrained one ({@code cnf.jkt}), the caller gives the
     * RFC 7638 thumbprint of the key the presenter proved possession of (a DPoP proof, a TLS
     * client key).
     *
     * @param token            the compact JWS, never {@code null}
     * @param holderThumbprint the proven key's thumbprint, or {@code null} when none was proven
     * @return the verified token, or every failed check
     */
    public VerificationResult<RealNameToken> verify(String token, String holderThumbprint) {
        Objects.requireNonNull(token, "token");
        ParsedJws parsed = jws.parse(token);
        TrustedIssuer[] entry = new TrustedIssuer[1];
        // steps 2 to 9; the resolver is asked only when steps 2 to 6 passed (the kid's length aside)
        Finding kid = keyIdProblem(parsed);
        VerificationResult<VerifiedJws> signed = jws.verify(parsed, kid != null
                ? request -> VerificationResult.invalid(List.of(kid), List.of())
                : request -> keys(parsed, request, entry));
        if (!signed.isValid()) {
            if (kid != null && !signed.errors().contains(kid)) {
                return new Findings().addAll(signed).error(kid.code(), kid.message()).failure();
            }
            return signed.asInvalid();
        }
        Findings f = new Findings();
        f.addAll(signed);
        Map<String, Object> claims = signed.value().orElseThrow().claims();
        Instant now = policy.now();
        Duration skew = policy.skew();
        String iss = (String) claims.get("iss");
        // step 10: presence, types and lengths
        Optional<String> sub = RnatClaims.subject(claims, f);
        Optional<String> aud = RnatClaims.audience(claims, f);
        Optional<String> jti = RnatClaims.string(claims, "jti", true, 128, f);
        Optional<String> acr = ClaimChecks.string(claims, "acr", true, f);
        Optional<String> clientId = RnatClaims.string(claims, "client_id", false, 255, f);
        // step 11
        aud.filter(a -> !a.equals(audience)).ifPresent(a -> f.error(OutcomeCode.AUDIENCE_MISMATCH,
                "the token is for audience " + Texts.quote(a) + ", not " + Texts.quote(audience)));
        // step 12
        ClaimChecks.times(claims, now, skew, true, true, f);
        Instant iat = date(claims, "iat");
        Instant exp = date(claims, "exp");
        Instant nbf = date(claims, "nbf");
        Optional<Instant> authTime = ClaimChecks.numericDate(claims, "auth_time", true, f);
        if (iat != null && exp != null) {
            if (!exp.isAfter(iat)) {
                f.error(OutcomeCode.INVALID_CLAIM, "'exp' must be after 'iat'");
            } else if (exp.getEpochSecond() - iat.getEpochSecond() > RnatClaims.MAX_LIFETIME_SECONDS) {
                f.error(OutcomeCode.LIFETIME_TOO_LONG, "valid for " + (exp.getEpochSecond() - iat.getEpochSecond())
                        + " s; a real-name token may be valid for " + RnatClaims.MAX_LIFETIME_SECONDS + " s at most");
            }
            if (nbf != null && (nbf.isBefore(iat) || !nbf.isBefore(exp))) {
                f.error(OutcomeCode.INVALID_CLAIM, "'nbf' must lie in ['iat', 'exp')");
            }
        }
        if (iat != null && authTime.isPresent() && authTime.get().isAfter(iat)) {
            f.error(OutcomeCode.INVALID_CLAIM, "'auth_time' must not be after 'iat'");
        }
        // step 13
        AssuranceLevel level = null;
        if (acr.isPresent()) {
            level = AssuranceLevel.fromAcr(acr.get()).orElse(null);
            if (level == null) {
                f.error(OutcomeCode.INVALID_CLAIM, "claim 'acr' must be urn:zwfw:rn:L1 to urn:zwfw:rn:L4, found "
                        + Texts.quote(acr.get(), 64));
            } else if (!level.isAtLeast(minimumLevel)) {
                f.error(OutcomeCode.ASSURANCE_TOO_LOW, "the person was verified at " + level + "; this relying party"
                        + " requires " + minimumLevel + " at least");
            }
        }
        // step 14
        List<String> methods = RnatClaims.methods(claims, f);
        if (!requiredMethods.isEmpty()) {
            if (!claims.containsKey("amr")) {
                f.error(OutcomeCode.MISSING_CLAIM, "claim 'amr' is required: this relying party requires the methods "
                        + new java.util.TreeSet<>(requiredMethods));
            } else if (!f.hasError(OutcomeCode.INVALID_CLAIM) || !methods.isEmpty()) {
                Set<String> missing = new LinkedHashSet<>(new java.util.TreeSet<>(requiredMethods));
                missing.removeAll(methods);
                if (!missing.isEmpty()) {
                    f.error(OutcomeCode.ASSURANCE_TOO_LOW, "the authentication did not use the required method(s) "
                            + missing);
                }
            }
        }
        if (maxAuthenticationAge != null && authTime.isPresent()
                && now.isAfter(authTime.get().plus(maxAuthenticationAge).plus(skew))) {
            f.error(OutcomeCode.ASSURANCE_TOO_LOW, "the person authenticated at " + authTime.get() + ", longer ago than"
                    + " this relying party's maximum of " + maxAuthenticationAge);
        }
        // step 15
        Optional<RealNameToken.VerifiedClaims> released = RnatClaims.verifiedClaims(claims, level, iat, now, skew, f);
        // step 16
        Optional<String> cnf = RnatClaims.confirmation(claims, f);
        if (cnf.isPresent()) {
            if (holderThumbprint == null) {
                f.error(OutcomeCode.KEY_BINDING_MISSING, "the token is sender-constrained ('cnf'); the presenter's proven"
                        + " key was not given");
            } else if (!cnf.get().equals(holderThumbprint)) {
                f.error(OutcomeCode.KEY_BINDING_INVALID, "the token is bound to another key than the presenter proved");
            }
        }
        if (f.hasErrors()) {
            return f.failure();
        }
        // step 17, only for an otherwise valid token
        if (replay != null) {
            try {
                if (!replay.firstUse("rnat|" + iss + "|" + jti.orElseThrow(), exp.plus(skew))) {
                    return f.error(OutcomeCode.REPLAYED, "this token (its 'jti') was presented before").failure();
                }
            } catch (ReplayStoreException e) {
                return f.error(OutcomeCode.REPLAY_CHECK_UNAVAILABLE, "single use could not be checked: "
                        + e.getMessage()).failure();
            } catch (IllegalArgumentException e) {
                // iss and jti within §3 (code points) can still exceed the store's 512 UTF-16 chars
                return f.error(OutcomeCode.REPLAY_CHECK_UNAVAILABLE, "single use could not be checked: 'iss' and"
                        + " 'jti' together are longer than the replay store's " + ReplayStore.MAX_ID_LENGTH
                        + " characters").failure();
            }
        }
        return f.result(new RealNameToken(iss, entry[0], sub.orElseThrow(), aud.orElseThrow(), level, methods,
                authTime.orElseThrow(), iat, exp, jti.orElseThrow(), clientId.orElse(null), cnf.orElse(null),
                released.orElse(null)));
    }

    /** Step 6's length rule: a {@code kid} string of 1 to 256 characters; {@code null} when it holds. */
    private static Finding keyIdProblem(ParsedJws parsed) {
        if (!headerParsed(parsed)) {
            return null; // the structure or header did not parse: that is reported, and all
        }
        Object kid = parsed.header().get("kid");
        if (kid instanceof String && !RnatClaims.lengthIn((String) kid, 1, MAX_KEY_ID_LENGTH)) {
            return new Finding(OutcomeCode.MALFORMED, "header 'kid' must be 1 to " + MAX_KEY_ID_LENGTH
                    + " characters, found " + ((String) kid).length());
        }
        return null;
    }

    /** ParsedJws tells that its header did not parse only by throwing from {@code header()}. */
    private static boolean headerParsed(ParsedJws parsed) {
        try {
            parsed.header();
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    private static Instant date(Map<String, Object> claims, String name) {
        return ClaimChecks.numericDate(claims, name, false, new Findings()).orElse(null);
    }

    /** Steps 7 and 8: the issuer, read from the payload about to be verified, and its keys. */
    private VerificationResult<KeySet> keys(ParsedJws parsed, KeyRequest request, TrustedIssuer[] entry) {
        Map<String, Object> claims = parsed.claims().orElse(Map.of()); // asked only for a JSON payload
        Object v = claims.get("iss");
        if (v == null) {
            return VerificationResult.invalid(claims.containsKey("iss") ? OutcomeCode.INVALID_CLAIM
                    : OutcomeCode.MISSING_CLAIM, "claim 'iss' is required: it names whose keys verify the token");
        }
        if (!(v instanceof String) || !RnatClaims.lengthIn((String) v, 1, 255)) {
            return VerificationResult.invalid(OutcomeCode.INVALID_CLAIM, "claim 'iss' must be a string of 1 to 255"
                    + " characters");
        }
        String iss = (String) v;
        if (!expectedIssuers.isEmpty() && !expectedIssuers.contains(iss)) {
            return VerificationResult.invalid(OutcomeCode.UNTRUSTED_ISSUER, "issuer " + Texts.quote(iss)
                    + " is not one this verifier accepts");
        }
        KeyResolver pinned = issuers.get(iss);
        if (pinned != null) {
            return pinned.resolve(request);
        }
        if (trust == null) {
            return VerificationResult.invalid(OutcomeCode.UNTRUSTED_ISSUER, "issuer " + Texts.quote(iss)
                    + " is not one this verifier accepts");
        }
        VerificationResult<TrustedIssuer> found = trust.issuer(iss, request.at(), policy.skew());
        if (!found.isValid()) {
            return found.asInvalid();
        }
        TrustedIssuer e = found.value().orElseThrow();
        if (!e.types().contains(TRUST_LIST_TYPE)) {
            return VerificationResult.invalid(OutcomeCode.TYPE_NOT_ALLOWED, "the trust list does not let issuer "
                    + Texts.quote(iss) + " sign real-name tokens (its types " + e.types() + " lack '"
                    + TRUST_LIST_TYPE + "')");
        }
        entry[0] = e;
        return VerificationResult.valid(e.keys(), found.warnings());
    }

    /** Configures a {@link RnatVerifier}. Not thread-safe; the built verifier is. */
    public static final class Builder extends PolicyBuilder<Builder> {

        private TrustListKeys trust;
        private final Map<String, KeyResolver> issuers = new LinkedHashMap<>();
        private final Set<String> expectedIssuers = new LinkedHashSet<>();
        private String audience;
        private AssuranceLevel minimumLevel = AssuranceLevel.L1;
        private final Set<String> requiredMethods = new LinkedHashSet<>();
        private Duration maxAuthenticationAge;
        private ReplayStore replay;
        private boolean recordUse = true;

        private Builder() {
        }

        /**
         * Keys from a trust list: every issuer whose entry allows type {@value #TRUST_LIST_TYPE}.
         *
         * @param keys the trust list's keys (its source decides freshness)
         * @return this builder
         */
        public Builder trustList(TrustListKeys keys) {
            this.trust = Objects.requireNonNull(keys, "keys");
            return this;
        }

        /**
         * Keys for one issuer: a pinned {@link KeySet}, a remote key set, any resolver. Checked
         * before the trust list.
         *
         * @param iss  the issuer, compared exactly with {@code iss}
         * @param keys its keys
         * @return this builder
         */
        public Builder issuer(String iss, KeyResolver keys) {
            if (iss == null || !RnatClaims.lengthIn(iss, 1, 255)) {
                throw new IllegalArgumentException("an issuer is 1 to 255 characters");
            }
            issuers.put(iss, Objects.requireNonNull(keys, "keys"));
            return this;
        }

        /**
         * Restricts the accepted issuers (by default every issuer with keys here or on the trust list).
         *
         * @param iss the accepted {@code iss} values
         * @return this builder
         */
        public Builder expectedIssuers(String... iss) {
            expectedIssuers.addAll(List.of(iss));
            return this;
        }

        /**
         * @param clientId this relying party's {@code client_id}, which {@code aud} must equal
         * @return this builder
         */
        public Builder audience(String clientId) {
            if (clientId == null || !RnatClaims.lengthIn(clientId, 1, 255)) {
                throw new IllegalArgumentException("an audience is 1 to 255 characters");
            }
            this.audience = clientId;
            return this;
        }

        /**
         * @param level the lowest level accepted (default L1); below it {@code ASSURANCE_TOO_LOW}
         * @return this builder
         */
        public Builder minimumLevel(AssuranceLevel level) {
            this.minimumLevel = Objects.requireNonNull(level, "level");
            return this;
        }

        /**
         * @param methods {@code amr} values that must all appear (spec/realname-token.md §5)
         * @return this builder
         */
        public Builder requiredMethods(String... methods) {
            for (String m : methods) {
                if (m == null || !RnatClaims.lengthIn(m, 1, 32)) {
                    throw new IllegalArgumentException("an amr value is 1 to 32 characters");
                }
                requiredMethods.add(m);
            }
            return this;
        }

        /**
         * @param age the longest time since {@code auth_time} accepted (plus skew), or {@code null}
         *            for no limit (default)
         * @return this builder
         */
        public Builder maxAuthenticationAge(Duration age) {
            if (age != null && age.isNegative()) {
                throw new IllegalArgumentException("maxAuthenticationAge must not be negative");
            }
            this.maxAuthenticationAge = age;
            return this;
        }

        /**
         * @param store where single use is recorded (default a new {@link InMemoryReplayStore} on the
         *              policy's clock); share one store among every node of a deployment
         * @return this builder
         */
        public Builder replayStore(ReplayStore store) {
            this.replay = Objects.requireNonNull(store, "store");
            return this;
        }

        /**
         * For a client checking a token it obtained for another audience (token exchange,
         * spec/realname-token.md §14, D16): that audience records the use, not this client.
         *
         * @param record whether a valid token's {@code jti} is recorded (default {@code true})
         * @return this builder
         */
        public Builder recordUse(boolean record) {
            this.recordUse = record;
            return this;
        }

        /**
         * @return the verifier
         * @throws IllegalStateException without an audience or a key source
         */
        public RnatVerifier build() {
            if (audience == null) {
                throw new IllegalStateException("audience(client_id) is required");
            }
            if (trust == null && issuers.isEmpty()) {
                throw new IllegalStateException("keys are required: trustList(...) or issuer(iss, keys)");
            }
            return new RnatVerifier(this);
        }
    }
}
