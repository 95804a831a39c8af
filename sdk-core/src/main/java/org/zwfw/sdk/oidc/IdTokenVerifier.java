package org.zwfw.sdk.oidc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.crypto.JwsHeader;
import org.zwfw.sdk.crypto.JwsVerifier;
import org.zwfw.sdk.crypto.KeyRequest;
import org.zwfw.sdk.crypto.KeyResolver;
import org.zwfw.sdk.crypto.KeySet;
import org.zwfw.sdk.crypto.ParsedJws;
import org.zwfw.sdk.crypto.PolicyBuilder;
import org.zwfw.sdk.crypto.VerificationPolicy;
import org.zwfw.sdk.crypto.VerifiedJws;
import org.zwfw.sdk.internal.Base64Url;
import org.zwfw.sdk.internal.ClaimChecks;
import org.zwfw.sdk.internal.Findings;
import org.zwfw.sdk.internal.Texts;
import org.zwfw.sdk.rnat.AssuranceLevel;
import org.zwfw.sdk.rnat.RealNameToken.VerifiedClaims;
import org.zwfw.sdk.trust.TrustListKeys;
import org.zwfw.sdk.verify.OutcomeCode;
import org.zwfw.sdk.verify.VerificationResult;

/**
 * Verifies OpenID Connect ID tokens (spec/login.md §8, OpenID Connect Core §3.1.3.7) on the
 * one JWS pipeline: parse once, keys from a resolver (the provider's JWK Set, pinned or remote,
 * or the trust list's entries allowed {@value #TRUST_LIST_TYPE}), signature, then the claims.
 * Also for ID tokens from the token endpoint and from a refresh (§10).
 *
 * <p>Configured once, shared across threads; building it does no network I/O.
 */
public final class IdTokenVerifier {

    /** The trust-list issuer type that may sign ID tokens. */
    public static final String TRUST_LIST_TYPE = "id_token";
    /** The default allow-list (spec/login.md L1): RS256 and PS256 beside the SDK's three. */
    public static final Set<JwsAlgorithm> DEFAULT_ALGORITHMS = Set.of(JwsAlgorithm.RS256, JwsAlgorithm.PS256,
            JwsAlgorithm.ES256, JwsAlgorithm.EDDSA, JwsAlgorithm.SGD_SM3_SM2);

    private final JwsVerifier jws;
    private final VerificationPolicy policy;
    private final ProviderKeys provider;
    private final String clientId;
    private final Set<String> additionalAudiences;
    private final AssuranceLevel minimumLevel;
    private final Duration maxAge;
    private final boolean requireAccessTokenHash;

    private IdTokenVerifier(Builder b) {
        this.policy = b.configuredPolicy();
        this.jws = JwsVerifier.builder().policy(policy).build();
        this.provider = new ProviderKeys(b.issuer, b.keys, b.trust);
        this.clientId = b.clientId;
        this.additionalAudiences = Set.copyOf(b.additionalAudiences);
        this.minimumLevel = b.minimumLevel;
        this.maxAge = b.maxAge;
        this.requireAccessTokenHash = b.requireAccessTokenHash;
    }

    /** @return a builder; issuer, client ID and keys are required */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the policy this verifier was built with */
    public VerificationPolicy policy() {
        return policy;
    }

    /**
     * Verifies an ID token of a login.
     *
     * @param idToken     the compact JWS
     * @param nonce       the login's nonce (spec/login.md §4), or {@code null} when none was sent
     * @param accessToken the access token issued with it (for {@code at_hash}), or {@code null}
     * @return the verified token, or every failed check
     */
    public VerificationResult<IdToken> verify(String idToken, String nonce, String accessToken) {
        return verify(idToken, nonce, accessToken, null);
    }

    /**
     * Verifies an ID token from a refresh (spec/login.md §10): as a login's, and its {@code iss},
     * {@code sub}, {@code aud}, {@code azp} and {@code auth_time} equal the original's.
     *
     * @param idToken     the compact JWS
     * @param original    the ID token of the login
     * @param accessToken the new access token, or {@code null}
     * @return the verified token, or every failed check
     */
    public VerificationResult<IdToken> verifyRefreshed(String idToken, IdToken original, String accessToken) {
        Objects.requireNonNull(original, "original");
        Object nonce = original.claims().get("nonce");
        return verify(idToken, nonce instanceof String ? (String) nonce : null, accessToken, original);
    }

    /**
     * Verifies a userinfo response that came as a signed JWT (spec/login.md §9, OpenID Connect
     * Core §5.3.2): the steps 1 to 5 of an ID token (same keys, same allow-list, {@code typ}
     * absent or {@code JWT}, {@code iss} exact), then {@code aud} contains this client, and
     * {@code sub} is the ID token's (else {@code INVALID_CLAIM}, L8: none of it may be used).
     *
     * @param userInfo the compact JWS the userinfo endpoint answered
     * @param login    the verified ID token of the login whose access token asked
     * @return the claims, or every failed check
     */
    public VerificationResult<Map<String, Object>> verifyUserInfo(String userInfo, IdToken login) {
        Objects.requireNonNull(userInfo, "userInfo");
        Objects.requireNonNull(login, "login");
        ParsedJws parsed = jws.parse(userInfo);
        VerificationResult<VerifiedJws> signed = jws.verify(parsed, request -> keys(parsed, request));
        if (!signed.isValid()) {
            return signed.asInvalid();
        }
        Map<String, Object> c = signed.value().orElseThrow().claims();
        Findings f = new Findings();
        f.addAll(signed);
        List<String> aud = audience(c, f);
        if (aud != null && !aud.contains(clientId)) {
            f.error(OutcomeCode.AUDIENCE_MISMATCH, "the userinfo response's audience does not contain this client "
                    + Texts.quote(clientId));
        }
        ClaimChecks.string(c, "sub", true, f).filter(s -> !s.equals(login.subject())).ifPresent(s -> f.error(
                OutcomeCode.INVALID_CLAIM, "the userinfo response is about another subject than the ID token"
                        + " ('sub' differs; OpenID Connect Core §5.3.4)"));
        return f.hasErrors() ? f.failure() : f.result(java.util.Collections.unmodifiableMap(c));
    }

    private VerificationResult<IdToken> verify(String idToken, String nonce, String accessToken, IdToken original) {
        Objects.requireNonNull(idToken, "idToken");
        ParsedJws parsed = jws.parse(idToken);
        VerificationResult<VerifiedJws> signed = jws.verify(parsed, request -> keys(parsed, request));
        if (!signed.isValid()) {
            return signed.asInvalid();
        }
        VerifiedJws v = signed.value().orElseThrow();
        Map<String, Object> c = v.claims();
        Findings f = new Findings();
        f.addAll(signed);
        Instant now = policy.now();
        Duration skew = policy.skew();
        // step 6
        Optional<String> sub = ClaimChecks.string(c, "sub", true, f);
        if (sub.isPresent() && (sub.get().isEmpty() || sub.get().length() > 255
                || !sub.get().chars().allMatch(ch -> ch >= 0x20 && ch < 0x7f))) {
            f.error(OutcomeCode.INVALID_CLAIM, "claim 'sub' must be 1 to 255 printable ASCII characters");
        }
        List<String> aud = audience(c, f);
        // steps 7, 8
        if (aud != null) {
            if (!aud.contains(clientId)) {
                f.error(OutcomeCode.AUDIENCE_MISMATCH, "the token's audience does not contain this client "
                        + Texts.quote(clientId));
            }
            for (String a : aud) {
                if (!a.equals(clientId) && !additionalAudiences.contains(a)) {
                    f.error(OutcomeCode.AUDIENCE_MISMATCH, "the token's audience holds " + Texts.quote(a, 64)
                            + ", which this client does not trust (OpenID Connect Core §3.1.3.7 item 3)");
                }
            }
            Optional<String> azp = ClaimChecks.string(c, "azp", false, f);
            if (aud.size() > 1 && !c.containsKey("azp")) {
                f.error(OutcomeCode.AUDIENCE_MISMATCH, "a token for several audiences must name its party ('azp')");
            }
            azp.filter(a -> !a.equals(clientId)).ifPresent(a -> f.error(OutcomeCode.AUDIENCE_MISMATCH,
                    "the token was issued to " + Texts.quote(a, 64) + " ('azp'), not this client"));
        }
        // step 9
        ClaimChecks.times(c, now, skew, true, true, f);
        // step 10
        if (nonce != null) {
            // a refreshed token need not carry the nonce; when it does, it is the original's (§10)
            Optional<String> got = ClaimChecks.string(c, "nonce", original == null, f);
            if (got.isPresent() && !MessageDigest.isEqual(got.get().getBytes(StandardCharsets.UTF_8),
                    nonce.getBytes(StandardCharsets.UTF_8))) {
                f.error(OutcomeCode.NONCE_MISMATCH, "the token's nonce is not this login's");
            }
        }
        // step 11
        JwsAlgorithm alg = v.key().algorithm();
        tokenHash(c, "at_hash", accessToken, requireAccessTokenHash, alg, f);
        if (c.containsKey("c_hash")) {
            ClaimChecks.string(c, "c_hash", false, f);
        }
        // step 12
        Optional<Instant> authTime = ClaimChecks.numericDate(c, "auth_time", maxAge != null, f);
        Instant iat = ClaimChecks.numericDate(c, "iat", false, new Findings()).orElse(null);
        if (authTime.isPresent() && iat != null && authTime.get().isAfter(iat)) {
            f.error(OutcomeCode.INVALID_CLAIM, "'auth_time' must not be after 'iat'");
        }
        if (maxAge != null && authTime.isPresent() && now.isAfter(authTime.get().plus(maxAge).plus(skew))) {
            f.error(OutcomeCode.ASSURANCE_TOO_LOW, "the person authenticated at " + authTime.get()
                    + ", longer ago than max_age " + maxAge.toSeconds() + " s");
        }
        // step 13
        Optional<String> acr = ClaimChecks.string(c, "acr", minimumLevel != null, f);
        AssuranceLevel level = acr.flatMap(AssuranceLevel::fromAcr).orElse(null);
        if (minimumLevel != null && acr.isPresent() && (level == null || !level.isAtLeast(minimumLevel))) {
            f.error(OutcomeCode.ASSURANCE_TOO_LOW, "the login reached " + (level != null ? level.toString()
                    : "no level of the real-name scale") + "; this client requires " + minimumLevel);
        }
        // step 14
        Object amr = c.get("amr");
        if (c.containsKey("amr") && !(amr instanceof List && ((List<?>) amr).stream().allMatch(String.class::isInstance))) {
            f.error(OutcomeCode.INVALID_CLAIM, "claim 'amr' must be an array of strings");
        }
        // step 15
        if (c.containsKey("events")) {
            f.error(OutcomeCode.INVALID_CLAIM, "claim 'events' marks a logout token, which is not an ID token");
        }
        // step 16
        Object vc = c.get("verified_claims");
        if (vc instanceof Map && ((Map<?, ?>) vc).get("verification") instanceof Map
                && "cn_zwfw".equals(((Map<?, ?>) ((Map<?, ?>) vc).get("verification")).get("trust_framework"))) {
            VerificationResult<VerifiedClaims> checked = VerifiedClaims.check(vc, level, iat, policy);
            f.addAll(checked);
        }
        if (original != null) {
            sameAsOriginal(c, original, f);
        }
        return f.hasErrors() ? f.failure() : f.result(new IdToken(idToken, java.util.Collections.unmodifiableMap(c),
                level));
    }

    private static void sameAsOriginal(Map<String, Object> c, IdToken original, Findings f) {
        Map<String, Object> o = original.claims();
        if (!Objects.equals(c.get("iss"), o.get("iss"))) {
            f.error(OutcomeCode.UNTRUSTED_ISSUER, "a refreshed ID token must have the original's 'iss'");
        }
        for (String name : List.of("sub", "aud", "azp", "auth_time")) {
            // auth_time and azp are checked when the new token has them: an absent azp with the
            // same single audience says the same (spec/login.md §10)
            if ((name.equals("sub") || name.equals("aud") ? c.containsKey(name) || o.containsKey(name)
                    : c.containsKey(name))
                    && !Objects.equals(normal(c.get(name)), normal(o.get(name)))) {
                f.error(OutcomeCode.INVALID_CLAIM, "a refreshed ID token must have the original's '" + name
                        + "' (OpenID Connect Core §12.2)");
            }
        }
    }

    private static Object normal(Object v) {
        return v instanceof Number ? ((Number) v).longValue() : v instanceof List && ((List<?>) v).size() == 1
                ? ((List<?>) v).get(0) : v;
    }

    private List<String> audience(Map<String, Object> c, Findings f) {
        Object aud = c.get("aud");
        if (aud == null) {
            f.error(c.containsKey("aud") ? OutcomeCode.INVALID_CLAIM : OutcomeCode.MISSING_CLAIM,
                    "claim 'aud' is required");
            return null;
        }
        if (aud instanceof String) {
            return List.of((String) aud);
        }
        if (aud instanceof List && !((List<?>) aud).isEmpty() && ((List<?>) aud).stream().allMatch(String.class::isInstance)) {
            return ((List<?>) aud).stream().map(String.class::cast).toList();
        }
        f.error(OutcomeCode.INVALID_CLAIM, "claim 'aud' must be a string or a non-empty array of strings");
        return null;
    }

    /** {@code at_hash}/{@code c_hash}: base64url of the left half of the {@code alg}'s hash (L7). */
    private static void tokenHash(Map<String, Object> c, String name, String value, boolean required,
            JwsAlgorithm alg, Findings f) {
        Optional<String> got = ClaimChecks.string(c, name, required, f);
        if (got.isEmpty()) {
            return;
        }
        if (value == null) {
            if (required) {
                f.error(OutcomeCode.INVALID_CLAIM, "'" + name + "' cannot be checked: no token to check it against");
            }
            return;
        }
        if (!MessageDigest.isEqual(got.get().getBytes(StandardCharsets.US_ASCII),
                leftHalfHash(alg, value).getBytes(StandardCharsets.US_ASCII))) {
            f.error(OutcomeCode.INVALID_CLAIM, "'" + name + "' does not match the token issued with it");
        }
    }

    /**
     * @param alg   the ID token's algorithm
     * @param token the access token or code
     * @return its {@code at_hash}/{@code c_hash} value (spec/login.md §8 step 11)
     */
    public static String leftHalfHash(JwsAlgorithm alg, String token) {
        byte[] in = token.getBytes(StandardCharsets.US_ASCII);
        byte[] h;
        switch (alg) {
            case SGD_SM3_SM2:
                SM3Digest sm3 = new SM3Digest();
                sm3.update(in, 0, in.length);
                h = new byte[32];
                sm3.doFinal(h, 0);
                break;
            case EDDSA:
                h = digest("SHA-512", in);
                break;
            default:
                h = digest("SHA-256", in);
        }
        return Base64Url.encode(Arrays.copyOf(h, h.length / 2));
    }

    private static byte[] digest(String name, byte[] in) {
        try {
            return MessageDigest.getInstance(name).digest(in);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(name + " is missing from this JDK", e);
        }
    }

    /** Steps 3 to 5: the type, the issuer, and its keys. */
    private VerificationResult<KeySet> keys(ParsedJws parsed, KeyRequest request) {
        String typ = request.type();
        if (typ != null && !JwsHeader.sameMediaType(typ, "JWT")) {
            return VerificationResult.invalid(OutcomeCode.WRONG_TYPE, "an ID token carries no 'typ' or 'JWT', not "
                    + Texts.quote(typ, 64) + " (spec/realname-token.md §13)");
        }
        return provider.resolve(parsed, request);
    }

    /** Configures an {@link IdTokenVerifier}. Not thread-safe; the built verifier is. */
    public static final class Builder extends PolicyBuilder<Builder> {

        private String issuer;
        private String clientId;
        private KeyResolver keys;
        private TrustListKeys trust;
        private final Set<String> additionalAudiences = new LinkedHashSet<>();
        private AssuranceLevel minimumLevel;
        private Duration maxAge;
        private boolean requireAccessTokenHash;

        private Builder() {
            policy(VerificationPolicy.DEFAULT.withAlgorithms(DEFAULT_ALGORITHMS));
        }

        /**
         * @param iss the provider's issuer identifier, compared exactly (a trailing {@code /} counts)
         * @return this builder
         */
        public Builder issuer(String iss) {
            this.issuer = Objects.requireNonNull(iss, "issuer");
            return this;
        }

        /**
         * @param id this client's ID, which {@code aud} must contain
         * @return this builder
         */
        public Builder clientId(String id) {
            this.clientId = Objects.requireNonNull(id, "clientId");
            return this;
        }

        /**
         * @param resolver the provider's keys: a pinned {@link KeySet}, a remote key set
         * @return this builder
         */
        public Builder keys(KeyResolver resolver) {
            this.keys = Objects.requireNonNull(resolver, "resolver");
            return this;
        }

        /**
         * @param list keys from the trust list: the issuer's entry, which must allow {@value #TRUST_LIST_TYPE}
         * @return this builder
         */
        public Builder trustList(TrustListKeys list) {
            this.trust = Objects.requireNonNull(list, "list");
            return this;
        }

        /**
         * @param audiences other {@code aud} values an ID token may carry beside the client ID
         * @return this builder
         */
        public Builder additionalAudiences(String... audiences) {
            additionalAudiences.addAll(List.of(audiences));
            return this;
        }

        /**
         * @param level the lowest real-name level accepted in {@code acr}, or {@code null} for none
         * @return this builder
         */
        public Builder minimumLevel(AssuranceLevel level) {
            this.minimumLevel = level;
            return this;
        }

        /**
         * @param age the {@code max_age} sent, so {@code auth_time} is required and checked; {@code null} for none
         * @return this builder
         */
        public Builder maxAge(Duration age) {
            if (age != null && age.isNegative()) {
                throw new IllegalArgumentException("max_age must not be negative");
            }
            this.maxAge = age;
            return this;
        }

        /**
         * @param require whether {@code at_hash} must be present (default: checked when present)
         * @return this builder
         */
        public Builder requireAccessTokenHash(boolean require) {
            this.requireAccessTokenHash = require;
            return this;
        }

        /**
         * @return the verifier
         * @throws IllegalStateException without issuer, client ID or keys
         */
        public IdTokenVerifier build() {
            if (issuer == null || clientId == null) {
                throw new IllegalStateException("issuer(...) and clientId(...) are required");
            }
            if ((keys == null) == (trust == null)) {
                throw new IllegalStateException("exactly one of keys(...) and trustList(...) is required");
            }
            return new IdTokenVerifier(this);
        }
    }
}
