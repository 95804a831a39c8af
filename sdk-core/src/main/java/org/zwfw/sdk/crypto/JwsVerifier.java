package org.zwfw.sdk.crypto;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.zwfw.sdk.internal.Findings;
import org.zwfw.sdk.internal.Json;
import org.zwfw.sdk.internal.Texts;
import org.zwfw.sdk.verify.OutcomeCode;
import org.zwfw.sdk.verify.VerificationResult;

/**
 * Verifies JWS compact serializations (RFC 7515) under the SDK's profile (RFC 8725 and
 * {@code spec/algorithms.md}): strict syntax, algorithm allow-list, the key decides the algorithm,
 * {@code crit} honoured, keys only from configuration ({@code jwk}, {@code jku}, {@code x5u}
 * headers are ignored), every failed check reported.
 *
 * <p>Codes reported: {@code TOO_LARGE}, {@code MALFORMED}, {@code UNSUPPORTED_ALGORITHM},
 * {@code CRITICAL_HEADER_UNSUPPORTED}, {@code WRONG_TYPE}, {@code UNKNOWN_KEY},
 * {@code SIGNATURE_INVALID}. Claims (time, audience, issuer) are checked by the token and
 * credential verifiers built on this class.
 *
 * <p>Build once and share: immutable and thread-safe.
 */
public final class JwsVerifier {

    /** At most this many keys are tried for one token (without {@code kid}, or several under one {@code kid}). */
    public static final int MAX_KEYS_TRIED = 4;

    /** Header names defined by RFC 7515 and RFC 7518 themselves, which {@code crit} must not list. */
    private static final Set<String> REGISTERED = Set.of("alg", "jku", "jwk", "kid", "x5u", "x5c", "x5t",
            "x5t#S256", "typ", "cty", "crit");

    private final KeyResolver keys;
    private final VerificationPolicy policy;
    private final String expectedType;
    private final Set<String> understoodCritical;
    private final int maxLength;
    private final boolean jsonPayload;
    private final boolean ignoreKeyId;
    private final boolean requireKeyId;
    private final boolean stopAfterHeaderFailure;

    private JwsVerifier(Builder b) {
        this.keys = b.keys;
        this.policy = b.configuredPolicy();
        this.expectedType = b.expectedType;
        this.understoodCritical = Set.copyOf(b.understoodCritical);
        this.maxLength = b.maxLength > 0 ? b.maxLength : policy.maxTokenLength();
        this.jsonPayload = b.jsonPayload;
        this.ignoreKeyId = b.ignoreKeyId;
        this.requireKeyId = b.requireKeyId;
        this.stopAfterHeaderFailure = b.stopAfterHeaderFailure;
    }

    /** @return a builder with the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the policy this verifier was built with */
    public VerificationPolicy policy() {
        return policy;
    }

    /**
     * Parses a JWS under this verifier's limits, for callers that read it (its {@code iss}, say)
     * before verifying it with {@link #verify(ParsedJws, KeyResolver)}.
     *
     * @param compact the compact serialization, never {@code null}
     * @return the parsed value, perhaps carrying what is wrong
     */
    public ParsedJws parse(String compact) {
        return ParsedJws.parse(compact, maxLength, policy.maxJsonDepth(), jsonPayload);
    }

    /**
     * Verifies with the configured keys.
     *
     * @param compact the compact serialization, never {@code null}
     * @return the result with every failed check
     * @throws IllegalStateException if no keys were configured
     */
    public VerificationResult<VerifiedJws> verify(String compact) {
        if (keys == null) {
            throw new IllegalStateException("no keys configured; use verify(compact, keys)");
        }
        return verify(parse(compact), keys);
    }

    /**
     * Verifies with the keys of a resolver (a fixed {@link KeySet}, an issuer's keys found
     * through a trust list, ...).
     *
     * @param compact  the compact serialization, never {@code null}
     * @param resolver where the keys come from, never {@code null}
     * @return the result with every failed check
     */
    public VerificationResult<VerifiedJws> verify(String compact, KeyResolver resolver) {
        Objects.requireNonNull(compact, "compact");
        return verify(parse(compact), resolver);
    }

    /**
     * Verifies a JWS parsed earlier (by {@link #parse(String)} or {@link ParsedJws#parse}); the
     * checks after the split, in their order: header, then the payload (a decoding problem is
     * reported and checking goes on), then the signature (a decoding problem ends the run).
     *
     * @param jws      the parsed JWS, never {@code null}
     * @param resolver where the keys come from, never {@code null}; it is asked only when the
     *                 header and payload are acceptable (with {@link Builder#stopAfterHeaderFailure},
     *                 only when no check before it failed)
     * @return the result with every failed check
     */
    public VerificationResult<VerifiedJws> verify(ParsedJws parsed, KeyResolver resolver) {
        Objects.requireNonNull(parsed, "jws");
        Objects.requireNonNull(resolver, "resolver");
        // parsed under looser limits (ParsedJws.decode, another verifier's): parsed again under ours
        ParsedJws jws = parsed.within(maxLength, policy.maxJsonDepth(), jsonPayload);
        Findings f = new Findings();
        if (jws.fatal() != null) {
            return f.error(jws.fatal().code(), jws.fatal().message()).failure();
        }
        Map<String, Object> params = jws.header().parameters();
        JwsAlgorithm alg = algorithm(params, f);
        checkCritical(params, f);
        checkType(params, f);
        String kid = keyId(params, f);
        if (jws.payloadProblem() != null) {
            f.error(jws.payloadProblem().code(), jws.payloadProblem().message());
        } else if (jsonPayload && jws.claimsOrNull() == null) {
            f.error(OutcomeCode.MALFORMED, "payload is not a JSON object");
        }
        if (jws.signatureProblem() != null) {
            return f.error(jws.signatureProblem().code(), jws.signatureProblem().message()).failure();
        }
        VerificationKey key = null;
        if (alg != null && !f.hasError(OutcomeCode.MALFORMED) && !(stopAfterHeaderFailure && f.hasErrors())) {
            KeyRequest request = new KeyRequest(ignoreKeyId ? null : kid, (String) params.get("alg"),
                    jws.header().type().orElse(null), jws.stringClaim("iss").orElse(null), policy.now());
            VerificationResult<KeySet> resolved = resolver.resolve(request);
            f.addAll(resolved);
            if (resolved.isValid()) {
                key = checkSignature(jws.ascii(), jws.signingInputEnd(), alg, kid, jws.signatureBytes(),
                        resolved.value().orElseThrow(), f);
            }
        }
        return f.hasErrors() ? f.failure()
                : f.result(new VerifiedJws(jws.header(), jws.payloadBytes(), jws.claimsOrNull(), key));
    }

    private JwsAlgorithm algorithm(Map<String, Object> params, Findings f) {
        Object v = params.get("alg");
        if (v == null) {
            f.error(OutcomeCode.MALFORMED, "header has no 'alg'");
            return null;
        }
        if (!(v instanceof String)) {
            f.error(OutcomeCode.MALFORMED, "header 'alg' must be a string, found " + Json.typeName(v));
            return null;
        }
        String name = (String) v;
        JwsAlgorithm alg = JwsAlgorithm.fromName(name, policy.aliases()).orElse(null);
        if (alg == null) {
            f.error(OutcomeCode.UNSUPPORTED_ALGORITHM, JwsAlgorithm.whyRefused(name));
            return null;
        }
        if (!policy.algorithms().contains(alg)) {
            f.error(OutcomeCode.UNSUPPORTED_ALGORITHM, "alg " + alg + " is not in this verifier's allow-list "
                    + policy.algorithms());
            return null;
        }
        return alg;
    }

    private void checkCritical(Map<String, Object> params, Findings f) {
        Object b64 = params.get("b64");
        if (Boolean.FALSE.equals(b64)) {
            f.error(OutcomeCode.CRITICAL_HEADER_UNSUPPORTED,
                    "'b64': false (RFC 7797 unencoded payload) is not accepted for JWS and JWTs here");
        } else if (params.containsKey("b64") && !(b64 instanceof Boolean)) {
            f.error(OutcomeCode.MALFORMED, "header 'b64' must be a boolean");
        }
        if (!params.containsKey("crit")) {
            return;
        }
        Object crit = params.get("crit");
        if (!(crit instanceof List) || ((List<?>) crit).isEmpty()) {
            f.error(OutcomeCode.MALFORMED, "header 'crit' must be a non-empty array of names (RFC 7515 §4.1.11)");
            return;
        }
        for (Object o : (List<?>) crit) {
            if (!(o instanceof String)) {
                f.error(OutcomeCode.MALFORMED, "header 'crit' must hold strings only");
                return;
            }
            String name = (String) o;
            if (REGISTERED.contains(name)) {
                f.error(OutcomeCode.MALFORMED, "header 'crit' lists " + Texts.quote(name)
                        + ", which RFC 7515 §4.1.11 forbids");
            } else if (!understoodCritical.contains(name)) {
                f.error(OutcomeCode.CRITICAL_HEADER_UNSUPPORTED, "header 'crit' lists " + Texts.quote(name)
                        + ", which this verifier does not understand");
            } else if (!params.containsKey(name)) {
                f.error(OutcomeCode.MALFORMED, "header 'crit' lists " + Texts.quote(name) + ", which is absent");
            }
        }
    }

    private void checkType(Map<String, Object> params, Findings f) {
        if (expectedType == null) {
            return;
        }
        Object typ = params.get("typ");
        if (typ == null) {
            f.error(OutcomeCode.WRONG_TYPE, "header has no 'typ'; expected '" + expectedType + "'");
        } else if (!(typ instanceof String) || !JwsHeader.sameMediaType((String) typ, expectedType)) {
            f.error(OutcomeCode.WRONG_TYPE, "header 'typ' is " + (typ instanceof String ? Texts.quote((String) typ)
                    : "a " + Json.typeName(typ)) + "; expected '" + expectedType + "'");
        }
    }

    private String keyId(Map<String, Object> params, Findings f) {
        Object kid = params.get("kid");
        if (kid == null) {
            if (params.containsKey("kid")) {
                f.error(OutcomeCode.MALFORMED, "header 'kid' is null");
            } else if (requireKeyId) {
                f.error(OutcomeCode.MALFORMED, "header has no 'kid', and this kind of token must name its key");
            }
            return null;
        }
        if (!(kid instanceof String)) {
            f.error(OutcomeCode.MALFORMED, "header 'kid' must be a string, found " + Json.typeName(kid));
            return null;
        }
        return (String) kid;
    }

    /** {@code ascii[0, dot2)} is the signing input. */
    private VerificationKey checkSignature(byte[] ascii, int dot2, JwsAlgorithm alg, String kid, byte[] signature,
            KeySet keySet, Findings f) {
        List<VerificationKey> candidates = keySet.candidates(ignoreKeyId ? null : kid);
        if (candidates.isEmpty()) {
            f.error(OutcomeCode.UNKNOWN_KEY, (kid == null ? "header has no 'kid' and no key is configured"
                    : "no signature key with kid " + Texts.quote(kid)) + " among " + keySet.keys().size()
                    + " configured key(s)");
            return null;
        }
        List<VerificationKey> matching = new ArrayList<>(candidates.size());
        for (VerificationKey k : candidates) {
            if (k.algorithm() == alg) {
                matching.add(k);
            }
        }
        if (matching.isEmpty()) {
            f.error(OutcomeCode.UNSUPPORTED_ALGORITHM, "header alg " + alg + " differs from the key's: "
                    + describe(candidates.get(0)) + " is bound to " + candidates.get(0).algorithm()
                    + " (the key, not the header, decides the algorithm)");
            return null;
        }
        if (matching.size() > MAX_KEYS_TRIED) {
            // the same bound with a kid: a key set with many keys under one kid must not make
            // every forged token cost that many signature checks
            f.error(OutcomeCode.UNKNOWN_KEY, (kid == null ? "header has no 'kid' and " : "kid " + Texts.quote(kid)
                    + " names ") + matching.size() + " keys that could match; at most " + MAX_KEYS_TRIED
                    + " are tried");
            return null;
        }
        SignatureCheck last = SignatureCheck.MISMATCH;
        for (VerificationKey k : matching) {
            SignatureCheck c = k.check(ascii, 0, dot2, signature);
            if (c == SignatureCheck.VALID) {
                return k;
            }
            last = c;
        }
        f.error(OutcomeCode.SIGNATURE_INVALID, diagnose(alg, matching, last, java.util.Arrays.copyOf(ascii, dot2),
                signature.length));
        return null;
    }

    private static String diagnose(JwsAlgorithm alg, List<VerificationKey> tried, SignatureCheck reason,
            byte[] signingInput, int signatureLength) {
        StringBuilder sb = new StringBuilder("signature does not verify with ");
        sb.append(tried.size() == 1 ? describe(tried.get(0)) : tried.size() + " keys (" + describe(tried.get(0))
                + ", ...)");
        sb.append(": ").append(reason.description);
        if (reason == SignatureCheck.WRONG_LENGTH) {
            sb.append(" (").append(signatureLength).append(" bytes");
            if (alg.signatureLength() > 0) {
                sb.append(", ").append(alg).append(" needs exactly ").append(alg.signatureLength())
                        .append(" raw bytes; a DER-encoded signature must be converted to r||s");
            }
            sb.append(')');
        }
        sb.append("; signing input SHA-256 ").append(Texts.hex(Digests.sha256(signingInput), 8)).append("...");
        if (reason == SignatureCheck.MISMATCH) {
            sb.append("; usual causes: the token was altered or re-serialised after signing, or signed with"
                    + " another key");
            if (alg == JwsAlgorithm.SGD_SM3_SM2) {
                boolean defaultId = java.util.Arrays.equals(tried.get(0).sm2SignerId().orElse(new byte[0]),
                        Sm2.defaultSignerId());
                // The signer ID itself is not shown: some deployments use a personal identifier.
                sb.append(", or with another SM2 signer ID than the key's ").append(defaultId
                        ? "(the GM/T 0009 default " + Sm2.DEFAULT_SIGNER_ID + ")" : "(a configured, non-default ID)");
            }
        }
        return sb.toString();
    }

    private static String describe(VerificationKey k) {
        return "key " + k.keyId().map(Texts::quote).orElse("without kid") + " (" + k.algorithm() + ", thumbprint "
                + k.thumbprint() + ")";
    }

    /**
     * Configures a {@link JwsVerifier}. Not thread-safe; the built verifier is.
     */
    public static final class Builder extends PolicyBuilder<Builder> {

        private KeyResolver keys;
        private String expectedType;
        private Set<String> understoodCritical = Set.of();
        private int maxLength;
        private boolean jsonPayload = true;
        private boolean ignoreKeyId;
        private boolean requireKeyId;
        private boolean stopAfterHeaderFailure;

        private Builder() {
        }

        /**
         * For token kinds whose profile stops at a failed header or payload check (real-name
         * tokens, spec/realname-token.md §12 steps 2 to 6): once any of those checks failed, no
         * key is looked up and no signature checked, so the resolver is never asked about such a
         * token. By default an unexpected {@code typ} or {@code crit} does not keep the key lookup
         * and the signature check from running and being reported too.
         *
         * @param stop whether a failed header or payload check ends the run (default {@code false})
         * @return this builder
         */
        public Builder stopAfterHeaderFailure(boolean stop) {
            this.stopAfterHeaderFailure = stop;
            return this;
        }

        /**
         * For keys fixed by context rather than looked up, such as the holder key ({@code cnf}) that
         * checks a key-binding JWT: any {@code kid} in the header is then ignored.
         *
         * @param ignore whether {@code kid} is ignored (default {@code false})
         * @return this builder
         */
        public Builder ignoreKeyId(boolean ignore) {
            this.ignoreKeyId = ignore;
            return this;
        }

        /**
         * For token kinds whose profile requires {@code kid} (e-certificate issuer JWTs, real-name
         * tokens): a header without it is {@code MALFORMED}.
         *
         * @param require whether {@code kid} is required (default {@code false})
         * @return this builder
         */
        public Builder requireKeyId(boolean require) {
            this.requireKeyId = require;
            return this;
        }

        /**
         * @param resolver where {@link #verify(String)} gets its keys (a {@link KeySet} is one)
         * @return this builder
         */
        public Builder keys(KeyResolver resolver) {
            this.keys = Objects.requireNonNull(resolver, "resolver");
            return this;
        }

        /**
         * @param keys the verification keys used by {@link #verify(String)}
         * @return this builder
         */
        public Builder keys(VerificationKey... keys) {
            return keys(KeySet.of(keys));
        }

        /**
         * @param typ the {@code typ} every token must carry (explicit typing, RFC 8725 §3.11),
         *            compared as a media type (RFC 7515 §4.1.9: case-insensitive, {@code application/}
         *            may be omitted), or {@code null} for no check
         * @return this builder
         */
        public Builder expectedType(String typ) {
            this.expectedType = typ;
            return this;
        }

        /**
         * @param names extension header names this caller processes, so they may appear in {@code crit}
         * @return this builder
         */
        public Builder understoodCriticalHeaders(Set<String> names) {
            for (String n : names) {
                if (REGISTERED.contains(n) || n.equals("b64")) {
                    throw new IllegalArgumentException("'" + n + "' cannot be declared as an understood critical"
                            + " header");
                }
            }
            this.understoodCritical = Set.copyOf(names);
            return this;
        }

        /**
         * The length limit of this verifier's inputs, for kinds other than a token (a trust list,
         * a status list); by default the policy's {@link VerificationPolicy#maxTokenLength()}.
         *
         * @param chars the largest compact serialization accepted, in the policy's range
         * @return this builder
         */
        public Builder maxLength(int chars) {
            this.maxLength = VerificationPolicy.length("maxLength", chars);
            return this;
        }

        /**
         * @param json whether the payload must be a JSON object (default {@code true}, as for JWTs)
         * @return this builder
         */
        public Builder jsonPayload(boolean json) {
            this.jsonPayload = json;
            return this;
        }

        /** @return the verifier */
        public JwsVerifier build() {
            return new JwsVerifier(this);
        }
    }
}
