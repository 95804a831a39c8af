package org.zwfw.sdk.credential;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.zwfw.sdk.crypto.AliasPolicy;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.crypto.JwsVerifier;
import org.zwfw.sdk.crypto.KeyFormatException;
import org.zwfw.sdk.crypto.KeyResolver;
import org.zwfw.sdk.crypto.KeySet;
import org.zwfw.sdk.crypto.ParsedJws;
import org.zwfw.sdk.crypto.VerificationKey;
import org.zwfw.sdk.crypto.PolicyBuilder;
import org.zwfw.sdk.crypto.VerificationPolicy;
import org.zwfw.sdk.crypto.VerifiedJws;
import org.zwfw.sdk.internal.ClaimChecks;
import org.zwfw.sdk.internal.Findings;
import org.zwfw.sdk.verify.Finding;
import org.zwfw.sdk.verify.OutcomeCode;
import org.zwfw.sdk.verify.VerificationResult;
import org.zwfw.sdk.internal.sdjwt.Disclosure;
import org.zwfw.sdk.internal.sdjwt.SdJwt;
import org.zwfw.sdk.internal.sdjwt.SdProcessor;

/**
 * Verifies SD-JWT presentations (RFC 9901 §7.1 and §7.3): the issuer-signed JWT under the JOSE
 * profile, {@code _sd_alg}, every disclosure (hashed over its text, referenced exactly once, of
 * the right shape, no name collision), the time claims present, and key binding: required or not
 * by policy, never by presence; a key-binding JWT that is present is always checked.
 *
 * <p>Codes: those of {@link JwsVerifier} for the issuer JWT, {@code TOO_LARGE},
 * {@code MALFORMED}, {@code UNSUPPORTED_ALGORITHM} ({@code _sd_alg}), {@code DISCLOSURE_INVALID},
 * {@code DISCLOSURE_DUPLICATE}, {@code EXPIRED}, {@code NOT_YET_VALID},
 * {@code ISSUED_IN_FUTURE}, {@code INVALID_CLAIM}, {@code KEY_BINDING_MISSING},
 * {@code KEY_BINDING_INVALID}, {@code AUDIENCE_MISMATCH}, {@code NONCE_MISMATCH}. Issuer trust,
 * {@code vct} rules and status belong to the credential verifier built on this class.
 *
 * <p>Build once and share: immutable and thread-safe.
 */
public final class SdJwtVerifier {

    /** Default clock skew; see {@link VerificationPolicy#DEFAULT_SKEW}. */
    public static final Duration DEFAULT_SKEW = VerificationPolicy.DEFAULT_SKEW;
    /** How old a key-binding JWT may be (its {@code iat}); a presentation is made for one transaction. */
    public static final Duration DEFAULT_KEY_BINDING_MAX_AGE = Duration.ofMinutes(5);
    /** The {@code typ} of key-binding JWTs (RFC 9901 §4.3). */
    public static final String KEY_BINDING_TYPE = "kb+jwt";

    private final KeyResolver keys;
    private final JwsVerifier issuerJws;
    private final Set<JwsAlgorithm> algorithms;
    private final Set<SdHashAlgorithm> hashAlgorithms;
    private final boolean keyBindingRequired;
    private final String audience;
    private final Clock clock;
    private final Duration skew;
    private final Duration keyBindingMaxAge;
    private final int maxLength;
    private final AliasPolicy aliases;
    private final HolderKeys holderKeys;
    private final JwsVerifier keyBindingJws;

    private SdJwtVerifier(Builder b) {
        VerificationPolicy p = b.configuredPolicy();
        this.keys = b.keys;
        this.algorithms = p.algorithms();
        this.hashAlgorithms = Set.copyOf(b.hashAlgorithms);
        this.keyBindingRequired = b.keyBindingRequired;
        this.audience = b.audience;
        this.clock = p.clock();
        this.skew = p.skew();
        this.keyBindingMaxAge = b.keyBindingMaxAge;
        this.maxLength = p.maxPresentationLength();
        this.aliases = p.aliases();
        this.holderKeys = new HolderKeys(p.aliases());
        this.keyBindingJws = JwsVerifier.builder().policy(p).expectedType(KEY_BINDING_TYPE).ignoreKeyId(true)
                .build();
        this.issuerJws = JwsVerifier.builder().policy(p).expectedType(b.expectedType).maxLength(maxLength)
                .requireKeyId(b.requireKeyId).build();
    }

    /** @return the policy this verifier was built with */
    public VerificationPolicy policy() {
        return issuerJws.policy();
    }

    /** @return a builder with the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return whether this verifier requires key binding */
    public boolean keyBindingRequired() {
        return keyBindingRequired;
    }

    /**
     * Verifies with the configured issuer keys.
     *
     * @param presentation the compact SD-JWT or SD-JWT+KB
     * @param nonce        this transaction's nonce, or {@code null} when key binding is not required
     * @return the result with every failed check
     */
    public VerificationResult<VerifiedSdJwt> verify(String presentation, String nonce) {
        if (keys == null) {
            throw new IllegalStateException("no issuer keys configured; use verify(presentation, keys, nonce)");
        }
        return verify(presentation, keys, nonce);
    }

    /**
     * Verifies with the given issuer keys (for example found through a trust list).
     *
     * @param presentation the compact SD-JWT or SD-JWT+KB, never {@code null}
     * @param issuerKeys   the issuer's keys, never {@code null}
     * @param nonce        this transaction's nonce; required when key binding is required
     * @return the result with every failed check
     * @throws IllegalArgumentException if key binding is required and {@code nonce} is {@code null}
     */
    public VerificationResult<VerifiedSdJwt> verify(String presentation, KeyResolver issuerKeys, String nonce) {
        Objects.requireNonNull(presentation, "presentation");
        Objects.requireNonNull(issuerKeys, "issuerKeys");
        if (keyBindingRequired && nonce == null) {
            throw new IllegalArgumentException("key binding is required, so every verification needs the nonce");
        }
        Findings f = new Findings();
        if (presentation.length() > maxLength) {
            return f.error(OutcomeCode.TOO_LARGE, "presentation of " + presentation.length()
                    + " characters exceeds the limit of " + maxLength).failure();
        }
        SdJwt.Parts parts;
        try {
            parts = SdJwt.split(presentation);
        } catch (IllegalArgumentException e) {
            return f.error(OutcomeCode.MALFORMED, e.getMessage()).failure();
        }
        return verify(presentation, parts, issuerJws.parse(parts.issuerJwt()), issuerKeys, nonce);
    }

    /**
     * Parses the issuer-signed JWT of a split presentation under this verifier's limits, for a
     * caller that reads it (its {@code iss}) before {@link #verify(String, SdJwt.Parts, ParsedJws,
     * KeyResolver, String)}.
     */
    ParsedJws parseIssuerJwt(SdJwt.Parts parts) {
        return issuerJws.parse(parts.issuerJwt());
    }

    /** The checks after the split, on the issuer JWT parsed once. */
    VerificationResult<VerifiedSdJwt> verify(String presentation, SdJwt.Parts parts, ParsedJws issuerJwt,
            KeyResolver issuerKeys, String nonce) {
        Findings f = new Findings();
        VerificationResult<VerifiedJws> issuer = issuerJws.verify(issuerJwt, issuerKeys);
        if (!issuer.isValid()) {
            return f.addAll(issuer).failure();
        }
        VerifiedJws jws = issuer.value().orElseThrow();
        SdHashAlgorithm alg = hashAlgorithm(jws.claims(), f);
        if (alg == null) {
            return f.failure();
        }
        List<Disclosure> disclosures = new ArrayList<>(parts.disclosures().size());
        boolean allParsed = true;
        int i = 0;
        for (String d : parts.disclosures()) {
            try {
                disclosures.add(Disclosure.parse(d));
            } catch (IllegalArgumentException e) {
                allParsed = false;
                f.error(OutcomeCode.DISCLOSURE_INVALID, "disclosure " + i + ": " + e.getMessage());
            }
            i++;
        }
        SdProcessor.Result processed = SdProcessor.process(jws.claims(), disclosures, alg, f);
        Instant now = clock.instant();
        ClaimChecks.times(processed.claims(), now, skew, false, false, f);
        VerifiedSdJwt.KeyBinding kb = null;
        if (parts.keyBindingJwt() != null) {
            // The issuer JWT verified and every disclosure decoded, so all before the key-binding
            // JWT is base64url, '.' and '~': ASCII.
            kb = keyBinding(parts.keyBindingJwt(), processed.claims(), presentation,
                    presentation.length() - parts.keyBindingJwt().length(), allParsed, alg, nonce, now, f);
        } else if (keyBindingRequired) {
            f.error(OutcomeCode.KEY_BINDING_MISSING, "this verifier requires key binding and the presentation has no"
                    + " key-binding JWT (it must not end with '~')");
        }
        if (f.hasErrors()) {
            return f.failure();
        }
        return f.result(new VerifiedSdJwt(jws.header(), processed.claims(), processed.disclosedAt().keySet(), alg,
                jws.key(), kb));
    }

    private SdHashAlgorithm hashAlgorithm(Map<String, Object> claims, Findings f) {
        Object v = claims.get("_sd_alg");
        if (v == null) {
            if (claims.containsKey("_sd_alg")) {
                f.error(OutcomeCode.INVALID_CLAIM, "'_sd_alg' is null");
                return null;
            }
            return checkAllowed(SdHashAlgorithm.SHA_256, f);
        }
        if (!(v instanceof String)) {
            f.error(OutcomeCode.INVALID_CLAIM, "'_sd_alg' must be a string");
            return null;
        }
        Optional<SdHashAlgorithm> a = SdHashAlgorithm.fromJsonName((String) v);
        if (a.isEmpty()) {
            f.error(OutcomeCode.UNSUPPORTED_ALGORITHM, "'_sd_alg' " + org.zwfw.sdk.internal.Texts.quote((String) v)
                    + " is not supported (sha-256, sm3)");
            return null;
        }
        return checkAllowed(a.get(), f);
    }

    private SdHashAlgorithm checkAllowed(SdHashAlgorithm a, Findings f) {
        if (!hashAlgorithms.contains(a)) {
            f.error(OutcomeCode.UNSUPPORTED_ALGORITHM, "'_sd_alg' " + a.jsonName() + " is not allowed by this verifier");
            return null;
        }
        return a;
    }

    /** The input of {@code sd_hash} is {@code presentation[0, sdHashEnd)}: everything before the key-binding JWT. */
    private VerifiedSdJwt.KeyBinding keyBinding(String kbJwt, Map<String, Object> claims, String presentation,
            int sdHashEnd, boolean asciiBefore, SdHashAlgorithm alg, String nonce, Instant now, Findings f) {
        VerificationKey holderKey = holderKey(claims, f);
        if (holderKey == null) {
            return null;
        }
        VerificationResult<VerifiedJws> r = keyBindingJws.verify(kbJwt, KeySet.of(holderKey));
        if (!r.isValid()) {
            for (Finding e : r.errors()) {
                f.error(OutcomeCode.KEY_BINDING_INVALID, "key-binding JWT: " + e.code() + ": " + e.message());
            }
            return null;
        }
        Map<String, Object> kb = r.value().orElseThrow().claims();
        Findings local = new Findings();
        Optional<Instant> iat = ClaimChecks.numericDate(kb, "iat", true, local);
        Optional<String> aud = ClaimChecks.string(kb, "aud", true, local);
        Optional<String> kbNonce = ClaimChecks.string(kb, "nonce", true, local);
        Optional<String> sdHash = ClaimChecks.string(kb, "sd_hash", true, local);
        boolean ok = !local.hasErrors();
        if (!ok) {
            for (Finding e : local.failure().errors()) {
                f.error(OutcomeCode.KEY_BINDING_INVALID, "key-binding JWT: " + e.message());
            }
        }
        if (iat.isPresent()) {
            if (iat.get().isAfter(now.plus(skew))) {
                ok = false;
                f.error(OutcomeCode.KEY_BINDING_INVALID, "key-binding JWT issued in the future (" + iat.get() + ")");
            } else if (iat.get().isBefore(now.minus(keyBindingMaxAge).minus(skew))) {
                ok = false;
                f.error(OutcomeCode.KEY_BINDING_INVALID, "key-binding JWT issued at " + iat.get() + ", more than "
                        + keyBindingMaxAge + " before the validation time " + now);
            }
        }
        if (aud.isPresent() && audience != null && !audience.equals(aud.get())) {
            ok = false;
            f.error(OutcomeCode.AUDIENCE_MISMATCH, "key-binding JWT is for audience "
                    + org.zwfw.sdk.internal.Texts.quote(aud.get()) + ", not this verifier's");
        }
        if (kbNonce.isPresent() && nonce != null && !nonce.equals(kbNonce.get())) {
            ok = false;
            f.error(OutcomeCode.NONCE_MISMATCH, "key-binding JWT nonce differs from this transaction's");
        }
        if (sdHash.isPresent() && !alg.digestOfPrefix(presentation, sdHashEnd, asciiBefore).equals(sdHash.get())) {
            ok = false;
            f.error(OutcomeCode.KEY_BINDING_INVALID, "key-binding JWT 'sd_hash' does not match the presented SD-JWT"
                    + " (disclosures added, removed or reordered after binding)");
        }
        return ok ? new VerifiedSdJwt.KeyBinding(holderKey, aud.orElseThrow(), kbNonce.orElseThrow(), iat.orElseThrow())
                : null;
    }

    private VerificationKey holderKey(Map<String, Object> claims, Findings f) {
        Object cnf = claims.get("cnf");
        if (!(cnf instanceof Map) || !(((Map<?, ?>) cnf).get("jwk") instanceof Map)) {
            f.error(OutcomeCode.KEY_BINDING_INVALID, "a key-binding JWT is presented but the credential has no"
                    + " 'cnf.jwk' holder key to check it with");
            return null;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> jwk = (Map<String, Object>) ((Map<?, ?>) cnf).get("jwk");
        try {
            VerificationKey k = holderKeys.get(jwk);
            if (!algorithms.contains(k.algorithm())) {
                f.error(OutcomeCode.KEY_BINDING_INVALID, "holder key algorithm " + k.algorithm()
                        + " is not in this verifier's allow-list");
                return null;
            }
            return k;
        } catch (KeyFormatException e) {
            f.error(OutcomeCode.KEY_BINDING_INVALID, "'cnf.jwk' is not a usable key: " + e.getMessage());
            return null;
        }
    }

    /** Configures an {@link SdJwtVerifier}. Not thread-safe; the built verifier is. */
    public static final class Builder extends PolicyBuilder<Builder> {

        private KeyResolver keys;
        private Set<SdHashAlgorithm> hashAlgorithms = EnumSet.allOf(SdHashAlgorithm.class);
        private String expectedType = "dc+sd-jwt";
        private boolean keyBindingRequired;
        private boolean requireKeyId;
        private String audience;
        private Duration keyBindingMaxAge = DEFAULT_KEY_BINDING_MAX_AGE;

        private Builder() {
        }

        /**
         * @param issuerKeys where {@link #verify(String, String)} gets the issuer keys (a
         *                   {@link KeySet} is one)
         * @return this builder
         */
        public Builder keys(KeyResolver issuerKeys) {
            this.keys = Objects.requireNonNull(issuerKeys, "issuerKeys");
            return this;
        }

        /**
         * @param require whether the issuer JWT must carry {@code kid} (default {@code false}; e-certificates
         *                require it)
         * @return this builder
         */
        public Builder requireKeyId(boolean require) {
            this.requireKeyId = require;
            return this;
        }

        /**
         * @param allowed {@code _sd_alg} values accepted (default both)
         * @return this builder
         */
        public Builder hashAlgorithms(Set<SdHashAlgorithm> allowed) {
            if (allowed.isEmpty()) {
                throw new IllegalArgumentException("at least one hash algorithm is needed");
            }
            this.hashAlgorithms = EnumSet.copyOf(allowed);
            return this;
        }

        /**
         * @param typ the issuer JWT's required {@code typ} (default {@code dc+sd-jwt}), or
         *            {@code null} for none
         * @return this builder
         */
        public Builder expectedType(String typ) {
            this.expectedType = typ;
            return this;
        }

        /**
         * Requires key binding: a presentation without a key-binding JWT fails with
         * {@code KEY_BINDING_MISSING}. Needs {@link #audience(String)}.
         *
         * @param required whether key binding is required (default {@code false})
         * @return this builder
         */
        public Builder keyBindingRequired(boolean required) {
            this.keyBindingRequired = required;
            return this;
        }

        /**
         * @param aud the audience key-binding JWTs must name (this verifier's identifier)
         * @return this builder
         */
        public Builder audience(String aud) {
            this.audience = aud;
            return this;
        }

        /**
         * @param maxAge how old a key-binding JWT may be (default {@link #DEFAULT_KEY_BINDING_MAX_AGE})
         * @return this builder
         */
        public Builder keyBindingMaxAge(Duration maxAge) {
            if (maxAge.isNegative() || maxAge.isZero()) {
                throw new IllegalArgumentException("key-binding max age must be positive");
            }
            this.keyBindingMaxAge = maxAge;
            return this;
        }

        /**
         * @param chars largest presentation accepted (default {@link VerificationPolicy#DEFAULT_MAX_PRESENTATION_LENGTH})
         * @return this builder
         */
        public Builder maxLength(int chars) {
            return shorthand(p -> p.withMaxPresentationLength(chars));
        }

        /**
         * @return the verifier
         * @throws IllegalStateException if key binding is required without an audience
         */
        public SdJwtVerifier build() {
            if (keyBindingRequired && audience == null) {
                throw new IllegalStateException("key binding required: set the audience key-binding JWTs must name");
            }
            return new SdJwtVerifier(this);
        }
    }
}
