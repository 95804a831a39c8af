package org.zwfw.sdk.credential;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.zwfw.sdk.crypto.AliasPolicy;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.crypto.ParsedJws;
import org.zwfw.sdk.crypto.PolicyBuilder;
import org.zwfw.sdk.crypto.VerificationPolicy;
import org.zwfw.sdk.internal.ClaimChecks;
import org.zwfw.sdk.internal.Findings;
import org.zwfw.sdk.internal.Texts;
import org.zwfw.sdk.status.StatusCheck;
import org.zwfw.sdk.status.StatusChecker;
import org.zwfw.sdk.status.StatusListSource;
import org.zwfw.sdk.status.StatusReference;
import org.zwfw.sdk.trust.TrustList;
import org.zwfw.sdk.trust.TrustListKeys;
import org.zwfw.sdk.trust.TrustListSource;
import org.zwfw.sdk.trust.TrustedIssuer;
import org.zwfw.sdk.verify.Finding;
import org.zwfw.sdk.verify.OutcomeCode;
import org.zwfw.sdk.verify.VerificationResult;
import org.zwfw.sdk.internal.sdjwt.SdJwt;

/**
 * Verifies e-certificates (SD-JWT VC, contract §3): the issuer from the trust list, every check
 * of {@link SdJwtVerifier} (RFC 9901 §7.1, §7.3), the {@code vct} accepted by this verifier and
 * allowed for the issuer, the claims that must stay visible, the required claims, each disclosed
 * claim against its type's table, and the status by the configured {@link StatusMode}. Every
 * failed check is reported ({@code spec/ecert.md} §8).
 *
 * <pre>{@code
 * CredentialVerifier verifier = CredentialVerifier.builder()
 *         .trustList(trustList)
 *         .acceptedTypes(CredentialType.BUSINESS_LICENSE)
 *         .requiredClaims("entity_name", "uscc")
 *         .keyBindingRequired("https://hr.example.com")
 *         .statusSource(statusSource)
 *         .build();
 * VerificationResult<VerifiedCredential> r = verifier.verify(presentation, nonce);
 * }</pre>
 *
 * <p>Configure once and share: immutable and thread-safe.
 */
public final class CredentialVerifier {

    /** The {@code typ} of SD-JWT VCs. */
    public static final String TYPE = "dc+sd-jwt";
    /** The {@code typ} of earlier SD-JWT VC drafts, accepted only with lenient interop. */
    public static final String LEGACY_TYPE = "vc+sd-jwt";

    private final TrustListKeys trust;
    private final Set<String> acceptedTypes;
    private final Set<String> requiredClaims;
    private final StatusMode statusMode;
    private final StatusChecker statusChecker;
    private final VerificationPolicy policy;
    private final SdJwtVerifier sdJwt;
    private final SdJwtVerifier legacySdJwt;

    private CredentialVerifier(Builder b) {
        this.trust = b.trust;
        this.acceptedTypes = Set.copyOf(b.acceptedTypes);
        this.requiredClaims = Set.copyOf(b.requiredClaims);
        this.statusMode = b.statusMode;
        this.policy = b.configuredPolicy();
        this.sdJwt = b.sdJwt(TYPE);
        this.legacySdJwt = b.configuredPolicy().lenientInterop() ? b.sdJwt(LEGACY_TYPE) : null;
        if (b.statusChecker != null) {
            this.statusChecker = b.statusChecker;
        } else if (b.statusSource != null) {
            this.statusChecker = StatusChecker.builder().source(b.statusSource)
                    .keys(b.trust.forType(TrustedIssuer.TYPE_STATUS_LIST)).policy(b.configuredPolicy()).build();
        } else {
            this.statusChecker = null;
        }
    }

    /** @return a builder; {@link Builder#trustList} is required */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the policy this verifier was built with */
    public VerificationPolicy policy() {
        return policy;
    }

    /** @return whether this verifier requires a key-binding JWT */
    public boolean keyBindingRequired() {
        return sdJwt.keyBindingRequired();
    }

    /** @return the status mode */
    public StatusMode statusMode() {
        return statusMode;
    }

    /**
     * Verifies a presentation without key binding.
     *
     * @param presentation the compact SD-JWT (ending with {@code ~}) or SD-JWT+KB
     * @return the verified credential, or every failed check
     * @throws IllegalStateException if this verifier requires key binding (use
     *                               {@link #verify(String, String)} with the transaction's nonce)
     */
    public VerificationResult<VerifiedCredential> verify(String presentation) {
        if (keyBindingRequired()) {
            throw new IllegalStateException("key binding is required, so every verification needs the nonce");
        }
        return verify(presentation, null);
    }

    /**
     * Verifies a presentation.
     *
     * @param presentation the compact SD-JWT or SD-JWT+KB, never {@code null}
     * @param nonce        this transaction's nonce; required when key binding is required
     * @return the verified credential, or every failed check
     */
    public VerificationResult<VerifiedCredential> verify(String presentation, String nonce) {
        Objects.requireNonNull(presentation, "presentation");
        if (keyBindingRequired() && nonce == null) {
            throw new IllegalArgumentException("key binding is required, so every verification needs the nonce");
        }
        Findings f = new Findings();
        int maxLength = policy.maxPresentationLength();
        if (presentation.length() > maxLength) {
            return f.error(OutcomeCode.TOO_LARGE, "presentation of " + presentation.length()
                    + " characters exceeds the limit of " + maxLength).failure();
        }
        if (presentation.indexOf('~') < 0) {
            return f.error(OutcomeCode.MALFORMED, "an SD-JWT has at least one '~' after the issuer-signed JWT")
                    .failure();
        }
        SdJwt.Parts parts;
        try {
            parts = SdJwt.split(presentation);
        } catch (IllegalArgumentException e) {
            return f.error(OutcomeCode.MALFORMED, e.getMessage()).failure();
        }
        // Parsed once: the issuer is read from it to choose the keys, and the same value is verified.
        ParsedJws issuerJwt = sdJwt.parseIssuerJwt(parts);
        if (issuerJwt.problem().isPresent()) {
            Finding problem = issuerJwt.problem().get();
            return f.error(problem.code(), "issuer-signed JWT: " + problem.message()).failure();
        }
        // The issuer is read before the signature is checked only to choose the keys; nothing
        // else of the unverified payload is used, and the verified payload carries the same iss.
        Object iss = issuerJwt.claims().orElseThrow().get("iss");
        if (iss == null) {
            return f.error(OutcomeCode.MISSING_CLAIM, "claim 'iss' is required: without it no issuer keys can be"
                    + " chosen").failure();
        }
        if (!(iss instanceof String)) {
            return f.error(OutcomeCode.INVALID_CLAIM, "claim 'iss' must be a string").failure();
        }
        // the entry's window with the policy's skew, as every token verifier judges times (trust-list.md §3)
        VerificationResult<TrustedIssuer> lookup = trust.issuer((String) iss, policy.now(), policy.skew());
        f.addAll(lookup);
        if (!lookup.isValid()) {
            return f.failure();
        }
        TrustedIssuer issuer = lookup.value().orElseThrow();
        SdJwtVerifier v = legacySdJwt != null && issuerJwt.header().hasType(LEGACY_TYPE) ? legacySdJwt : sdJwt;
        VerificationResult<VerifiedSdJwt> sd = v.verify(presentation, parts, issuerJwt, issuer.keys(), nonce);
        if (!sd.isValid()) {
            return f.addAll(sd).failure();
        }
        f.addAll(sd);
        VerifiedSdJwt verified = sd.value().orElseThrow();
        Map<String, Object> claims = verified.claims();
        String vct = vct(claims, issuer, f);
        for (ClaimPath p : verified.disclosedPaths()) {
            if (p.size() == 1 && CredentialType.NEVER_DISCLOSABLE.contains(p.segments().get(0))) {
                f.error(OutcomeCode.DISCLOSURE_INVALID, "claim '" + p + "' must never be selectively"
                        + " disclosable, and the issuer hid it behind a disclosure");
            }
        }
        Optional<Instant> iat = ClaimChecks.numericDate(claims, "iat", true, f);
        Optional<Instant> exp = ClaimChecks.numericDate(claims, "exp", true, f);
        CredentialType type = vct == null ? null : CredentialType.fromVct(vct).orElse(null);
        if (type != null) {
            for (Finding problem : CredentialClaims.check(type, claims, false)) {
                f.error(problem.code(), problem.message());
            }
        }
        for (String name : requiredClaims) {
            if (!claims.containsKey(name)) {
                f.error(OutcomeCode.MISSING_CLAIM, "claim '" + name + "' is required by this verifier and was not"
                        + " disclosed");
            }
        }
        VerificationResult<Optional<StatusReference>> ref = StatusReference.fromClaims(claims);
        f.addAll(ref);
        if (f.hasErrors()) {
            return f.failure();
        }
        StatusReference reference = ref.value().orElseThrow().orElse(null);
        CredentialStatus status = status(reference, issuer.id(), f);
        if (f.hasErrors()) {
            return f.failure();
        }
        return f.result(new VerifiedCredential(issuer, vct, type, status, reference, iat.orElseThrow(),
                exp.orElseThrow(), verified));
    }

    private String vct(Map<String, Object> claims, TrustedIssuer issuer, Findings f) {
        Optional<String> vct = ClaimChecks.string(claims, "vct", true, f);
        if (vct.isEmpty()) {
            return null;
        }
        String value = vct.get();
        if (!acceptedTypes.contains(value)) {
            f.error(OutcomeCode.WRONG_TYPE, "credential type " + Texts.quote(value) + " is not one this verifier"
                    + " accepts");
        }
        if (!issuer.allows(value)) {
            f.error(OutcomeCode.TYPE_NOT_ALLOWED, "the trust list does not let issuer " + Texts.quote(issuer.id())
                    + " sign " + Texts.quote(value));
        }
        return value;
    }

    private CredentialStatus status(StatusReference reference, String issuer, Findings f) {
        if (reference == null) {
            return CredentialStatus.NONE;
        }
        if (statusMode == StatusMode.OFF) {
            return CredentialStatus.UNCHECKED;
        }
        if (statusChecker == null) {
            f.warn(OutcomeCode.STATUS_UNAVAILABLE, "no status source is configured, so the status list "
                    + Texts.quote(reference.uri().toString(), 120) + " was not consulted");
            return CredentialStatus.UNCHECKED;
        }
        StatusCheck check = statusChecker.check(reference, issuer);
        for (Finding w : check.warnings()) {
            f.warn(w.code(), w.message());
        }
        if (check.status().isEmpty()) {
            String message = "status could not be established: "
                    + check.errors().stream().map(Finding::toString).collect(java.util.stream.Collectors.joining("; "));
            if (statusMode == StatusMode.REQUIRED) {
                f.error(OutcomeCode.STATUS_UNAVAILABLE, message);
            } else {
                f.warn(OutcomeCode.STATUS_UNAVAILABLE, message);
            }
            return CredentialStatus.UNCHECKED;
        }
        switch (check.status().get()) {
            case VALID:
                return CredentialStatus.VALID;
            case SUSPENDED:
                f.error(OutcomeCode.SUSPENDED, "the issuer's status list says the credential is suspended");
                return CredentialStatus.SUSPENDED;
            default:
                f.error(OutcomeCode.REVOKED, "the issuer's status list says the credential is revoked");
                return CredentialStatus.INVALID;
        }
    }

    /** Configures a {@link CredentialVerifier}. Not thread-safe; the built verifier is. */
    public static final class Builder extends PolicyBuilder<Builder> {

        private TrustListKeys trust;
        private final Set<String> acceptedTypes = new LinkedHashSet<>();
        private final Set<String> requiredClaims = new LinkedHashSet<>();
        /**
         * The SD-JWT settings, checked where they are set; clock, skew, algorithms and the
         * length limit are also kept here because the status checker and this verifier use them.
         */
        private final SdJwtVerifier.Builder sd = SdJwtVerifier.builder();
        private StatusMode statusMode = StatusMode.REQUIRED;
        private StatusListSource statusSource;
        private StatusChecker statusChecker;

        private Builder() {
            for (CredentialType t : CredentialType.values()) {
                acceptedTypes.add(t.vct());
            }
        }

        /**
         * A fixed trust list (local or already verified signed form).
         *
         * @param list the issuers this verifier trusts
         * @return this builder
         */
        public Builder trustList(TrustList list) {
            this.trust = TrustListKeys.of(list);
            return this;
        }

        /**
         * A trust list that refreshes itself; each verification uses its current edition, and
         * its failures (expired, rolled back, unreachable with nothing cached) fail the
         * credential with their codes.
         *
         * @param source the source, shared; closing it is the caller's business
         * @return this builder
         */
        public Builder trustList(TrustListSource source) {
            this.trust = TrustListKeys.of(source);
            return this;
        }

        /**
         * Replaces the accepted types (default: the three of this profile).
         *
         * @param vcts the {@code vct} values accepted; others are {@code WRONG_TYPE}
         * @return this builder
         */
        public Builder acceptedTypes(String... vcts) {
            if (vcts.length == 0) {
                throw new IllegalArgumentException("at least one accepted type");
            }
            acceptedTypes.clear();
            for (String v : vcts) {
                acceptedTypes.add(Objects.requireNonNull(v, "vct"));
            }
            return this;
        }

        /**
         * @param types the types accepted; others are {@code WRONG_TYPE}
         * @return this builder
         */
        public Builder acceptedTypes(CredentialType... types) {
            return acceptedTypes(java.util.Arrays.stream(types).map(CredentialType::vct).toArray(String[]::new));
        }

        /**
         * @param names top-level claims the holder must disclose; missing ones are
         *              {@code MISSING_CLAIM}
         * @return this builder
         */
        public Builder requiredClaims(String... names) {
            for (String n : names) {
                requiredClaims.add(Objects.requireNonNull(n, "name"));
            }
            return this;
        }

        /**
         * Requires a key-binding JWT for this audience; every verification then needs the
         * transaction's nonce.
         *
         * @param aud this verifier's audience, as holders put it in {@code aud}
         * @return this builder
         */
        public Builder keyBindingRequired(String aud) {
            sd.audience(Objects.requireNonNull(aud, "aud")).keyBindingRequired(true);
            return this;
        }

        /**
         * The audience a present key-binding JWT must name, without requiring key binding.
         *
         * @param aud this verifier's audience
         * @return this builder
         */
        public Builder audience(String aud) {
            sd.audience(Objects.requireNonNull(aud, "aud"));
            return this;
        }

        /**
         * @param maxAge how old a key-binding JWT may be (default 5 minutes)
         * @return this builder
         */
        public Builder keyBindingMaxAge(Duration maxAge) {
            sd.keyBindingMaxAge(Objects.requireNonNull(maxAge, "maxAge"));
            return this;
        }

        /**
         * @param mode the status mode (default {@link StatusMode#REQUIRED})
         * @return this builder
         */
        public Builder statusMode(StatusMode mode) {
            this.statusMode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /**
         * Where status lists come from; the verifier checks them with the trust list's
         * {@code statuslist} issuers, its clock and skew, and caches them by their {@code ttl}.
         *
         * @param source the status lists (files, memory or HTTP)
         * @return this builder
         */
        public Builder statusSource(StatusListSource source) {
            this.statusSource = Objects.requireNonNull(source, "source");
            return this;
        }

        /**
         * A status checker configured elsewhere (shared cache, own limits), instead of
         * {@link #statusSource}. Its keys should answer from the same trust list.
         *
         * @param checker the checker
         * @return this builder
         */
        public Builder statusChecker(StatusChecker checker) {
            this.statusChecker = Objects.requireNonNull(checker, "checker");
            return this;
        }

        /**
         * Lenient interoperability (off by default): algorithm and curve aliases
         * ({@code SM2SM3}, {@code crv} {@code SM2}) and the earlier {@code typ}
         * {@code vc+sd-jwt}. Every security check stays.
         *
         * @param on whether to accept those spellings
         * @return this builder
         */
        public Builder lenientInterop(boolean on) {
            return shorthand(p -> p.withAliases(on ? AliasPolicy.LENIENT : AliasPolicy.STRICT));
        }

        /**
         * @param allowed {@code _sd_alg} values accepted (default {@code sha-256} and {@code sm3})
         * @return this builder
         */
        public Builder hashAlgorithms(Set<SdHashAlgorithm> allowed) {
            sd.hashAlgorithms(allowed);
            return this;
        }

        /**
         * @param chars the largest presentation accepted (default 256 KiB)
         * @return this builder
         */
        public Builder maxLength(int chars) {
            return shorthand(p -> p.withMaxPresentationLength(chars));
        }

        /**
         * The SD-JWT verifier for one {@code typ}; the builder serves both, as it copies on build.
         * An e-certificate's issuer JWT must name its key ({@code spec/ecert.md} §1).
         */
        private SdJwtVerifier sdJwt(String typ) {
            return sd.policy(configuredPolicy()).requireKeyId(true).expectedType(typ).build();
        }

        /**
         * @return the verifier
         * @throws IllegalStateException if no trust list is set, or status is required without a
         *                               status source
         */
        public CredentialVerifier build() {
            if (trust == null) {
                throw new IllegalStateException("a trust list is required: no issuer can be trusted without one");
            }
            if (statusMode == StatusMode.REQUIRED && statusSource == null && statusChecker == null) {
                throw new IllegalStateException("status is required but no status source is configured; set"
                        + " statusSource(...) or choose StatusMode.BEST_EFFORT or OFF");
            }
            return new CredentialVerifier(this);
        }
    }
}
