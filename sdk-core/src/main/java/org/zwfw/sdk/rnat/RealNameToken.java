package org.zwfw.sdk.rnat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.zwfw.sdk.trust.TrustedIssuer;

/**
 * A verified real-name auth token (spec/realname-token.md): who was verified (a pairwise
 * pseudonym), how strongly, by which means, when, and the identity attributes released to this
 * relying party. Only {@link RnatVerifier} makes one.
 *
 * <p>Immutable and thread-safe. {@link #toString()} shows the level and claim names, never
 * {@code sub} or claim values (they identify a person).
 */
public final class RealNameToken {

    private final String issuer;
    private final TrustedIssuer trustedIssuer;
    private final String subject;
    private final String audience;
    private final AssuranceLevel level;
    private final List<String> methods;
    private final Instant authTime;
    private final Instant issuedAt;
    private final Instant expiresAt;
    private final String tokenId;
    private final String clientId;
    private final String confirmationThumbprint;
    private final VerifiedClaims verifiedClaims;

    RealNameToken(String issuer, TrustedIssuer trustedIssuer, String subject, String audience, AssuranceLevel level,
            List<String> methods, Instant authTime, Instant issuedAt, Instant expiresAt, String tokenId,
            String clientId, String confirmationThumbprint, VerifiedClaims verifiedClaims) {
        this.issuer = issuer;
        this.trustedIssuer = trustedIssuer;
        this.subject = subject;
        this.audience = audience;
        this.level = level;
        this.methods = List.copyOf(methods);
        this.authTime = authTime;
        this.issuedAt = issuedAt;
        this.expiresAt = expiresAt;
        this.tokenId = tokenId;
        this.clientId = clientId;
        this.confirmationThumbprint = confirmationThumbprint;
        this.verifiedClaims = verifiedClaims;
    }

    /**
     * The identity attributes released to this relying party and the proofing behind them
     * ({@code verified_claims}, spec/realname-token.md §6, §8).
     *
     * @param assuranceLevel the identity-proofing level on record, not lower than the token's level
     * @param time           when that proofing took place, as the token wrote it (ISO 8601)
     * @param claims         the released claims ({@code id_number_masked}, {@code name}, ...)
     */
    public record VerifiedClaims(AssuranceLevel assuranceLevel, String time, Map<String, Object> claims) {

        /** Copies the claims. */
        public VerifiedClaims {
            claims = Map.copyOf(claims);
        }

        /**
         * Checks a {@code verified_claims} value by spec/realname-token.md §6 (also for ID tokens
         * and userinfo that carry the {@code cn_zwfw} framework, spec/login.md §8 step 16).
         *
         * @param value  the claim's JSON value
         * @param acr    the token's level, or {@code null} when it has none
         * @param iat    the token's {@code iat}, or {@code null}
         * @param policy the clock and skew
         * @return the checked value, or every problem ({@code MISSING_CLAIM}, {@code INVALID_CLAIM},
         *         {@code CHECKSUM_INVALID}); messages never contain a claim value
         */
        public static org.zwfw.sdk.verify.VerificationResult<VerifiedClaims> check(Object value, AssuranceLevel acr,
                Instant iat, org.zwfw.sdk.crypto.VerificationPolicy policy) {
            org.zwfw.sdk.internal.Findings f = new org.zwfw.sdk.internal.Findings();
            Optional<VerifiedClaims> v = RnatClaims.verifiedClaims(java.util.Collections.singletonMap(
                    "verified_claims", value), acr, iat, policy.now(), policy.skew(), f);
            return f.hasErrors() || v.isEmpty() ? (f.hasErrors() ? f.failure()
                    : org.zwfw.sdk.verify.VerificationResult.invalid(org.zwfw.sdk.verify.OutcomeCode.INVALID_CLAIM,
                            "verified_claims is not usable")) : f.result(v.get());
        }

        /** Names the claims and the level only: the values identify a person. */
        @Override
        public String toString() {
            return "VerifiedClaims[" + assuranceLevel + ", claims=" + new java.util.TreeSet<>(claims.keySet()) + "]";
        }
    }

    /** @return {@code iss}: the identity platform that verified the person */
    public String issuer() {
        return issuer;
    }

    /** @return the issuer's trust-list entry, when the keys came from a trust list */
    public Optional<TrustedIssuer> trustedIssuer() {
        return Optional.ofNullable(trustedIssuer);
    }

    /** @return {@code sub}: the person's pseudonym for this relying party's sector (pairwise) */
    public String subject() {
        return subject;
    }

    /** @return {@code aud}: this relying party's {@code client_id} */
    public String audience() {
        return audience;
    }

    /** @return the real-name level of this authentication ({@code acr}) */
    public AssuranceLevel level() {
        return level;
    }

    /** @return {@code amr}: the authentication methods used, empty when the token has none */
    public List<String> methods() {
        return methods;
    }

    /** @return {@code auth_time}: when the person authenticated */
    public Instant authTime() {
        return authTime;
    }

    /** @return {@code iat} */
    public Instant issuedAt() {
        return issuedAt;
    }

    /** @return {@code exp} */
    public Instant expiresAt() {
        return expiresAt;
    }

    /** @return {@code jti}: the token's single-use identifier */
    public String tokenId() {
        return tokenId;
    }

    /** @return {@code client_id}: the client that obtained the token by exchange, if any */
    public Optional<String> clientId() {
        return Optional.ofNullable(clientId);
    }

    /** @return {@code cnf.jkt}: the thumbprint of the key the token is bound to, if sender-constrained */
    public Optional<String> confirmationThumbprint() {
        return Optional.ofNullable(confirmationThumbprint);
    }

    /** @return the released identity attributes, empty when none were released (the default) */
    public Optional<VerifiedClaims> verifiedClaims() {
        return Optional.ofNullable(verifiedClaims);
    }

    /** Shows the issuer, level, methods and claim names; never {@code sub} or a claim value. */
    @Override
    public String toString() {
        return "RealNameToken[" + issuer + ", " + level + ", amr=" + methods + ", aud=" + audience
                + (verifiedClaims != null ? ", " + verifiedClaims : "") + "]";
    }
}
