package org.zwfw.sdk.input;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.zwfw.sdk.rnat.RnatVerifier;
import org.zwfw.sdk.rnat.AssuranceLevel;
import org.zwfw.sdk.crypto.KeyResolver;
import java.util.Set;
import org.zwfw.sdk.credential.CredentialStatus;
import org.zwfw.sdk.credential.CredentialType;
import org.zwfw.sdk.credential.CredentialVerifier;
import org.zwfw.sdk.credential.StatusMode;
import org.zwfw.sdk.crypto.KeySet;
import org.zwfw.sdk.crypto.ParsedJws;
import org.zwfw.sdk.crypto.PolicyBuilder;
import org.zwfw.sdk.crypto.VerificationPolicy;
import org.zwfw.sdk.id.ClaimMasking;
import org.zwfw.sdk.id.MaskingPolicy;
import org.zwfw.sdk.status.StatusChecker;
import org.zwfw.sdk.status.StatusListSource;
import org.zwfw.sdk.trust.TrustList;
import org.zwfw.sdk.trust.TrustListKeys;
import org.zwfw.sdk.trust.TrustedIssuer;
import org.zwfw.sdk.verify.OutcomeCode;
import org.zwfw.sdk.verify.VerificationResult;

/**
 * Verifies an input of any kind the SDK knows ("verify whatever this is"): detects the kind
 * ({@link InputDetector}) and runs that kind's verifier with one configuration: the trust list,
 * the trust-list anchor, the policy (clock, skew, algorithms), the key-binding audience and
 * nonce, the status-list source. The result is an {@link InputReport} with every failed check
 * and the claims masked for display unless personal data is to be shown. This is what
 * {@code zwfw verify} and {@code zwfw verify-batch} run.
 *
 * <pre>{@code
 * try (InputVerifier verifier = InputVerifier.builder().trustList(list).statusSource(source).build()) {
 *     InputReport report = verifier.verify(text);
 *     if (!report.valid()) { report.errors().forEach(System.out::println); }
 * }
 * }</pre>
 *
 * <p>Kinds verified: e-certificates, signed and local trust lists, status lists, real-name
 * tokens and ID tokens (audience required; keys by the token's {@code iss}: the configured
 * {@link Builder#tokenIssuer}, else the trust list). e-SSC QR codes are detected and reported
 * {@code UNKNOWN_KEY} ("not verified by this version") until their verifier exists.
 *
 * <p>Build once and share: {@link #verify(String)} is thread-safe, and one instance keeps one
 * credential verifier and one status-list cache. {@link #close()} releases the cache.
 */
public final class InputVerifier implements AutoCloseable {

    private final VerificationPolicy policy;
    private final KeySet anchor;
    private final VerificationResult<TrustList> trust;
    private final String audience;
    private final String nonce;
    private final boolean showPersonalData;
    private final MaskingPolicy masking;
    private final StatusChecker statusChecker;
    private final CredentialVerifier credentials;
    private final String tokenIssuer;
    private final KeyResolver tokenIssuerKeys;
    private final AssuranceLevel minimumLevel;
    private final RnatVerifier realNameTokens;
    private volatile boolean closed;

    private InputVerifier(Builder b) {
        this.policy = b.configuredPolicy();
        this.anchor = b.anchor;
        this.trust = b.trust;
        this.audience = b.audience;
        this.nonce = b.nonce;
        this.showPersonalData = b.showPersonalData;
        this.masking = b.masking;
        if (trust != null && trust.isValid()) {
            TrustList list = trust.value().orElseThrow();
            StatusListSource source = b.statusSource != null ? b.statusSource : (uri, max) -> java.util.Optional.empty();
            this.statusChecker = StatusChecker.builder().source(source).policy(policy)
                    .keys(TrustListKeys.of(list).forType(TrustedIssuer.TYPE_STATUS_LIST)).build();
            CredentialVerifier.Builder cb = CredentialVerifier.builder().trustList(list).policy(policy)
                    .statusMode(b.statusRequired ? StatusMode.REQUIRED : StatusMode.BEST_EFFORT)
                    .statusChecker(statusChecker).acceptedTypes(acceptedTypes(list));
            if (b.keyBindingRequired) {
                cb.keyBindingRequired(audience);
            } else if (audience != null) {
                cb.audience(audience);
            }
            this.credentials = cb.build();
        } else {
            this.statusChecker = null;
            this.credentials = null;
        }
        this.tokenIssuer = b.tokenIssuer;
        this.tokenIssuerKeys = b.tokenIssuerKeys;
        this.minimumLevel = b.minimumLevel;
        this.realNameTokens = realNameTokens(b);
    }

    /** One RNAT verifier, so one replay store for the run (spec/cli.md). */
    private RnatVerifier realNameTokens(Builder b) {
        boolean trustUsable = trust != null && trust.isValid();
        boolean issuerKeys = tokenIssuer != null && tokenIssuerKeys != null;
        if (audience == null || (!trustUsable && !issuerKeys)) {
            return null;
        }
        RnatVerifier.Builder rb = RnatVerifier.builder().policy(policy).audience(audience)
                .minimumLevel(minimumLevel != null ? minimumLevel : AssuranceLevel.L1);
        if (trustUsable) {
            rb.trustList(TrustListKeys.of(trust.value().orElseThrow()));
        }
        if (issuerKeys) {
            rb.issuer(tokenIssuer, tokenIssuerKeys);
        } else if (tokenIssuer != null) {
            rb.issuer(tokenIssuer, request -> VerificationResult.invalid(OutcomeCode.UNKNOWN_KEY, "no keys for issuer "
                    + tokenIssuer + " were given or found (--jwks FILE, or its discovery)"));
        }
        return rb.build();
    }

    /** @return a builder with no trust list, the default policy, masked claims */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Detects the kind of {@code input} and verifies it.
     *
     * @param input the text (surrounding white space is ignored), never {@code null}
     * @return the report
     * @throws IllegalStateException if this verifier is closed
     */
    public InputReport verify(String input) {
        Objects.requireNonNull(input, "input");
        if (closed) {
            throw new IllegalStateException("the verifier is closed");
        }
        InputDetector.Detection d = InputDetector.detect(input);
        String text = d.text();
        switch (d.kind()) {
            case ECERT:
                return EcertInput.verify(this, text);
            case TRUST_LIST:
                return TrustListInput.verify(this, text, d.local());
            case STATUS_LIST:
                return StatusListInput.verify(this, text);
            case RNAT:
                return TokenInput.rnat(this, text);
            case ID_TOKEN:
                return TokenInput.idToken(this, text);
            case UNKNOWN:
                InputReport.Builder unknown = InputReport.builder(InputKind.UNKNOWN);
                // the header of a JWS of another type is shown; a malformed or oversized one is not read
                if (d.code() == OutcomeCode.WRONG_TYPE) {
                    Unverified.read(text, policy.maxTokenLength()).fill(unknown);
                }
                return unknown.error(d.code(), d.problem()).build();
            default:
                return notYet(d.kind(), text.startsWith(InputDetector.QR_PREFIX)
                        ? text.substring(InputDetector.QR_PREFIX.length()) : text);
        }
    }

    /**
     * Kinds a later version verifies. {@code UNKNOWN_KEY} (decision, spec/cli.md): this version
     * holds no key for them, so nothing was checked; the code blames neither the token's type nor
     * its algorithm, which may well be right.
     */
    private InputReport notYet(InputKind kind, String compact) {
        InputReport.Builder b = InputReport.builder(kind);
        Unverified u = Unverified.read(compact, policy.maxTokenLength());
        u.fill(b);
        b.status(u.hasStatus() ? CredentialStatus.UNCHECKED : CredentialStatus.NONE);
        return b.error(OutcomeCode.UNKNOWN_KEY, "this version cannot verify a " + kind.describe() + " ("
                + kind.jsonName() + ") yet: no key was selected and nothing of it was checked; 'zwfw inspect' decodes"
                + " it without verifying").build();
    }

    /**
     * True when the trust list can be used; otherwise adds why not (none configured, or the
     * list's own errors) to {@code b}.
     */
    boolean trustUsable(InputReport.Builder b, String why) {
        if (trust == null) {
            b.error(OutcomeCode.UNTRUSTED_ISSUER, "no trust list was given (--trust FILE): " + why + ", so no issuer"
                    + " can be trusted");
            return false;
        }
        b.add(trust);
        return trust.isValid();
    }

    /** The profile's types and every credential type the trust list lets some issuer sign. */
    private static String[] acceptedTypes(TrustList list) {
        Set<String> types = new LinkedHashSet<>();
        for (CredentialType t : CredentialType.values()) {
            types.add(t.vct());
        }
        Set<String> reserved = Set.of(TrustedIssuer.TYPE_RNAT, TrustedIssuer.TYPE_ID_TOKEN, TrustedIssuer.TYPE_SSC_QR,
                TrustedIssuer.TYPE_STATUS_LIST);
        for (TrustedIssuer t : list.issuers()) {
            for (String type : t.types()) {
                if (!reserved.contains(type)) {
                    types.add(type);
                }
            }
        }
        return types.toArray(String[]::new);
    }

    Map<String, Object> mask(Map<String, ?> claims) {
        return showPersonalData ? new LinkedHashMap<>(claims) : ClaimMasking.mask(claims, masking);
    }

    VerificationPolicy policy() {
        return policy;
    }

    Clock clock() {
        return policy.clock();
    }

    KeySet anchor() {
        return anchor;
    }

    VerificationResult<TrustList> trust() {
        return trust;
    }

    RnatVerifier realNameTokens() {
        if (realNameTokens == null) {
            throw new IllegalStateException("no RNAT verifier: audience or keys missing");
        }
        return realNameTokens;
    }

    String tokenIssuer() {
        return tokenIssuer;
    }

    KeyResolver tokenIssuerKeys() {
        return tokenIssuerKeys;
    }

    AssuranceLevel minimumLevel() {
        return minimumLevel;
    }

    CredentialVerifier credentials() {
        return credentials;
    }

    StatusChecker statusChecker() {
        return statusChecker;
    }

    String audience() {
        return audience;
    }

    String nonce() {
        return nonce;
    }

    /** Releases the status-list cache. Idempotent; the status source is its owner's to close. */
    @Override
    public void close() {
        closed = true;
        if (statusChecker != null) {
            statusChecker.close();
        }
    }

    /** Configures an {@link InputVerifier}. Not thread-safe; the built verifier is. */
    public static final class Builder extends PolicyBuilder<Builder> {

        private KeySet anchor;
        private VerificationResult<TrustList> trust;
        private String audience;
        private String nonce;
        private boolean keyBindingRequired;
        private boolean statusRequired;
        private boolean showPersonalData;
        private MaskingPolicy masking = MaskingPolicy.DEFAULT;
        private StatusListSource statusSource;
        private String tokenIssuer;
        private KeyResolver tokenIssuerKeys;
        private AssuranceLevel minimumLevel;

        private Builder() {
        }

        /**
         * The trust list as it was loaded: a list that failed to load makes every input that needs
         * it invalid, with the list's own errors in its report.
         *
         * @param loaded the trust list, or why there is none
         * @return this builder
         */
        public Builder trust(VerificationResult<TrustList> loaded) {
            this.trust = Objects.requireNonNull(loaded, "loaded");
            return this;
        }

        /**
         * @param list the trust list (local, or signed and verified earlier)
         * @return this builder
         */
        public Builder trustList(TrustList list) {
            return trust(VerificationResult.valid(Objects.requireNonNull(list, "list"), List.of()));
        }

        /**
         * @param anchorKeys the pinned trust-anchor keys that signed trust lists given as input
         *                   must verify with
         * @return this builder
         */
        public Builder trustAnchor(KeySet anchorKeys) {
            this.anchor = Objects.requireNonNull(anchorKeys, "anchorKeys");
            return this;
        }

        /**
         * @param aud this verifier's audience, compared with a key-binding JWT's {@code aud}
         * @return this builder
         */
        public Builder audience(String aud) {
            this.audience = aud;
            return this;
        }

        /**
         * @param n this transaction's nonce, compared with a key-binding JWT's {@code nonce}
         * @return this builder
         */
        public Builder nonce(String n) {
            this.nonce = n;
            return this;
        }

        /**
         * @param required whether e-certificates must carry a key-binding JWT (needs
         *                 {@link #audience} and {@link #nonce})
         * @return this builder
         */
        public Builder keyBindingRequired(boolean required) {
            this.keyBindingRequired = required;
            return this;
        }

        /**
         * @param required whether a status that cannot be established fails an e-certificate
         *                 ({@code STATUS_UNAVAILABLE}); by default it is a warning and the status
         *                 {@code UNCHECKED}
         * @return this builder
         */
        public Builder statusRequired(boolean required) {
            this.statusRequired = required;
            return this;
        }

        /**
         * @param source where status lists come from (files, memory, HTTP); none by default, so
         *               statuses stay {@code UNCHECKED}
         * @return this builder
         */
        public Builder statusSource(StatusListSource source) {
            this.statusSource = Objects.requireNonNull(source, "source");
            return this;
        }

        /**
         * The issuer named on the command line ({@code --issuer}): its RNATs and ID tokens are
         * checked with these keys ({@code --jwks}, or its discovered {@code jwks_uri}); never an
         * issuer a token names itself.
         *
         * @param iss  the issuer, compared exactly with {@code iss}
         * @param keys its keys, or {@code null} when none could be had ({@code UNKNOWN_KEY})
         * @return this builder
         */
        public Builder tokenIssuer(String iss, KeyResolver keys) {
            this.tokenIssuer = Objects.requireNonNull(iss, "iss");
            this.tokenIssuerKeys = keys;
            return this;
        }

        /**
         * @param level the lowest real-name level accepted for RNATs and ID tokens, or {@code null} for none
         * @return this builder
         */
        public Builder minimumLevel(AssuranceLevel level) {
            this.minimumLevel = level;
            return this;
        }

        /**
         * @param show whether reports carry personal data unmasked (default {@code false})
         * @return this builder
         */
        public Builder showPersonalData(boolean show) {
            this.showPersonalData = show;
            return this;
        }

        /**
         * @param policy how personal data is masked in reports (default {@link MaskingPolicy#DEFAULT})
         * @return this builder
         */
        public Builder masking(MaskingPolicy policy) {
            this.masking = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * @return the verifier
         * @throws IllegalStateException if key binding is required without an audience and a nonce
         */
        public InputVerifier build() {
            if (keyBindingRequired && (audience == null || nonce == null)) {
                throw new IllegalStateException("key binding is required: set the audience and this transaction's"
                        + " nonce, or a key-binding JWT proves nothing");
            }
            return new InputVerifier(this);
        }
    }
}
