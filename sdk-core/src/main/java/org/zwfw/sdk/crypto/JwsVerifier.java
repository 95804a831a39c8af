package org.zwfw.sdk.crypto;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.zwfw.sdk.internal.Base64Url;
import org.zwfw.sdk.internal.Json;
import org.zwfw.sdk.internal.JsonException;
import org.zwfw.sdk.internal.Texts;
import org.zwfw.sdk.verify.Findings;
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

    /** Default input limit: 64 KiB of compact text is far above any token or credential JWT. */
    public static final int DEFAULT_MAX_LENGTH = 64 * 1024;

    /** Default JSON nesting limit for header and payload; claims of the profile nest 4 deep at most. */
    public static final int DEFAULT_MAX_JSON_DEPTH = 16;

    /**
     * Default algorithm allow-list: ES256, EdDSA and SGD_SM3_SM2. RS256 and PS256 exist for
     * third-party OpenID providers and must be allowed explicitly.
     */
    public static final Set<JwsAlgorithm> DEFAULT_ALGORITHMS =
            Set.copyOf(EnumSet.of(JwsAlgorithm.ES256, JwsAlgorithm.EDDSA, JwsAlgorithm.SGD_SM3_SM2));

    /** At most this many keys are tried for a token without {@code kid}. */
    public static final int MAX_KEYS_TRIED = 4;

    /** Header names defined by RFC 7515 and RFC 7518 themselves, which {@code crit} must not list. */
    private static final Set<String> REGISTERED = Set.of("alg", "jku", "jwk", "kid", "x5u", "x5c", "x5t",
            "x5t#S256", "typ", "cty", "crit");

    private final KeySet keys;
    private final Set<JwsAlgorithm> algorithms;
    private final String expectedType;
    private final Set<String> understoodCritical;
    private final int maxLength;
    private final int maxJsonDepth;
    private final AliasPolicy aliases;
    private final boolean jsonPayload;
    private final boolean ignoreKeyId;

    private JwsVerifier(Builder b) {
        this.keys = b.keys;
        this.algorithms = Set.copyOf(b.algorithms);
        this.expectedType = b.expectedType;
        this.understoodCritical = Set.copyOf(b.understoodCritical);
        this.maxLength = b.maxLength;
        this.maxJsonDepth = b.maxJsonDepth;
        this.aliases = b.aliases;
        this.jsonPayload = b.jsonPayload;
        this.ignoreKeyId = b.ignoreKeyId;
    }

    /** @return a builder with the defaults */
    public static Builder builder() {
        return new Builder();
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
        return verify(compact, keys);
    }

    /**
     * Verifies with the given keys (for example an issuer's keys found through a trust list).
     *
     * @param compact the compact serialization, never {@code null}
     * @param keySet  the candidate keys, never {@code null}
     * @return the result with every failed check
     */
    public VerificationResult<VerifiedJws> verify(String compact, KeySet keySet) {
        Objects.requireNonNull(compact, "compact");
        Objects.requireNonNull(keySet, "keySet");
        Findings f = new Findings();
        int len = compact.length();
        if (len > maxLength) {
            return f.error(OutcomeCode.TOO_LARGE, "JWS of " + len + " characters exceeds the limit of " + maxLength)
                    .failure();
        }
        if (len == 0) {
            return f.error(OutcomeCode.MALFORMED, "empty input").failure();
        }
        // One copy of the text as bytes (a plain array copy for the usual Latin-1 string); the
        // signing input, header, payload and signature are read from it.
        byte[] ascii = compact.getBytes(StandardCharsets.ISO_8859_1);
        if (ascii.length == len) {
            // Fast path: two dots found by the string search and three parts that decode. Decoding
            // checks every character against the alphabet, so this establishes what the scan below
            // does; anything else takes the scan, which names the first problem as always.
            int dot1 = compact.indexOf('.');
            int dot2 = dot1 < 0 ? -1 : compact.indexOf('.', dot1 + 1);
            if (dot2 >= 0 && compact.indexOf('.', dot2 + 1) < 0) {
                byte[] headerBytes;
                byte[] payload;
                byte[] signature;
                try {
                    headerBytes = Base64Url.decode(ascii, 0, dot1);
                    payload = Base64Url.decode(ascii, dot1 + 1, dot2);
                    signature = Base64Url.decode(ascii, dot2 + 1, len);
                } catch (IllegalArgumentException e) {
                    headerBytes = null;
                    payload = null;
                    signature = null;
                }
                if (headerBytes != null) {
                    return verifyParts(ascii, dot2, headerBytes, payload, null, signature, null, keySet, f);
                }
            }
        }
        int dot1 = -1;
        int dot2 = -1;
        int dots = 0;
        for (int i = 0; i < len; i++) {
            byte b = ascii[i];
            if (b == '.') {
                if (dots == 0) {
                    dot1 = i;
                } else if (dots == 1) {
                    dot2 = i;
                }
                dots++;
            } else if (!Base64Url.isAlphabet(b)) {
                // a character above U+00FF became '?', which is not in the alphabet either; the
                // first one is reached before any position shift a surrogate pair could cause
                char c = compact.charAt(i);
                return f.error(OutcomeCode.MALFORMED, "character " + Texts.quote(String.valueOf(c))
                        + " at index " + i + " is not allowed in a compact JWS"
                        + (Character.isWhitespace(c) ? " (strip line breaks and spaces first)" : "")).failure();
            }
        }
        if (dots != 2) {
            return f.error(OutcomeCode.MALFORMED, "a compact JWS has 3 parts separated by '.', found " + (dots + 1)
                    + (dots == 4 ? " (this looks like a JWE, which is not accepted here)" : "")).failure();
        }
        byte[] headerBytes;
        try {
            headerBytes = Base64Url.decode(ascii, 0, dot1);
        } catch (IllegalArgumentException e) {
            return f.error(OutcomeCode.MALFORMED, "header is not base64url: " + e.getMessage()).failure();
        }
        byte[] payload = null;
        String payloadProblem = null;
        try {
            payload = Base64Url.decode(ascii, dot1 + 1, dot2);
        } catch (IllegalArgumentException e) {
            payloadProblem = e.getMessage();
        }
        byte[] signature = null;
        String signatureProblem = null;
        try {
            signature = Base64Url.decode(ascii, dot2 + 1, len);
        } catch (IllegalArgumentException e) {
            signatureProblem = e.getMessage();
        }
        return verifyParts(ascii, dot2, headerBytes, payload, payloadProblem, signature, signatureProblem, keySet, f);
    }

    /**
     * The checks after the split, in their order: header, then the payload (a decoding problem is
     * reported and checking goes on), then the signature (a decoding problem ends the run).
     */
    private VerificationResult<VerifiedJws> verifyParts(byte[] ascii, int dot2, byte[] headerBytes, byte[] payload,
            String payloadProblem, byte[] signature, String signatureProblem, KeySet keySet, Findings f) {
        Map<String, Object> params;
        try {
            params = Json.parseObject(headerBytes, maxJsonDepth);
        } catch (JsonException e) {
            return f.error(e.tooLarge() ? OutcomeCode.TOO_LARGE : OutcomeCode.MALFORMED, "header: " + e.getMessage())
                    .failure();
        }
        JwsHeader header = new JwsHeader(params);
        JwsAlgorithm alg = algorithm(params, f);
        checkCritical(params, f);
        checkType(params, f);
        String kid = keyId(params, f);
        Map<String, Object> claims = null;
        if (payloadProblem != null) {
            f.error(OutcomeCode.MALFORMED, "payload is not base64url: " + payloadProblem);
        }
        if (payload != null && jsonPayload) {
            try {
                claims = Json.parseObject(payload, maxJsonDepth);
            } catch (JsonException e) {
                f.error(e.tooLarge() ? OutcomeCode.TOO_LARGE : OutcomeCode.MALFORMED, "payload: " + e.getMessage());
            }
        }
        if (signatureProblem != null) {
            return f.error(OutcomeCode.MALFORMED, "signature is not base64url: " + signatureProblem).failure();
        }
        VerificationKey key = null;
        if (alg != null && !f.hasError(OutcomeCode.MALFORMED)) {
            key = checkSignature(ascii, dot2, alg, kid, signature, keySet, f);
        }
        return f.hasErrors() ? f.failure() : f.result(new VerifiedJws(header, payload, claims, key));
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
        JwsAlgorithm alg = JwsAlgorithm.fromName(name, aliases).orElse(null);
        if (alg == null) {
            f.error(OutcomeCode.UNSUPPORTED_ALGORITHM, JwsAlgorithm.whyRefused(name));
            return null;
        }
        if (!algorithms.contains(alg)) {
            f.error(OutcomeCode.UNSUPPORTED_ALGORITHM, "alg " + alg + " is not in this verifier's allow-list "
                    + algorithms);
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
        } else if (!expectedType.equals(typ)) {
            f.error(OutcomeCode.WRONG_TYPE, "header 'typ' is " + (typ instanceof String ? Texts.quote((String) typ)
                    : "a " + Json.typeName(typ)) + "; expected '" + expectedType + "'");
        }
    }

    private static String keyId(Map<String, Object> params, Findings f) {
        Object kid = params.get("kid");
        if (kid == null) {
            if (params.containsKey("kid")) {
                f.error(OutcomeCode.MALFORMED, "header 'kid' is null");
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
        if (kid == null && matching.size() > MAX_KEYS_TRIED) {
            f.error(OutcomeCode.UNKNOWN_KEY, "header has no 'kid' and " + matching.size()
                    + " keys could match; at most " + MAX_KEYS_TRIED + " are tried");
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
    public static final class Builder {

        private KeySet keys;
        private Set<JwsAlgorithm> algorithms = EnumSet.copyOf(DEFAULT_ALGORITHMS);
        private String expectedType;
        private Set<String> understoodCritical = Set.of();
        private int maxLength = DEFAULT_MAX_LENGTH;
        private int maxJsonDepth = DEFAULT_MAX_JSON_DEPTH;
        private AliasPolicy aliases = AliasPolicy.STRICT;
        private boolean jsonPayload = true;
        private boolean ignoreKeyId;

        private Builder() {
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
         * @param keySet the verification keys used by {@link #verify(String)}
         * @return this builder
         */
        public Builder keys(KeySet keySet) {
            this.keys = Objects.requireNonNull(keySet, "keySet");
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
         * @param allowed the algorithm allow-list, not empty (default {@link #DEFAULT_ALGORITHMS})
         * @return this builder
         */
        public Builder allowedAlgorithms(Set<JwsAlgorithm> allowed) {
            if (allowed.isEmpty()) {
                throw new IllegalArgumentException("the algorithm allow-list cannot be empty");
            }
            this.algorithms = EnumSet.copyOf(allowed);
            return this;
        }

        /**
         * @param allowed the algorithm allow-list, not empty
         * @return this builder
         */
        public Builder allowedAlgorithms(JwsAlgorithm... allowed) {
            return allowedAlgorithms(Set.of(allowed));
        }

        /**
         * @param typ the exact {@code typ} every token must carry (explicit typing, RFC 8725 §3.11),
         *            or {@code null} for no check
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
         * @param chars the largest compact serialization accepted (default {@link #DEFAULT_MAX_LENGTH})
         * @return this builder
         */
        public Builder maxLength(int chars) {
            if (chars < 16) {
                throw new IllegalArgumentException("maxLength must be at least 16");
            }
            this.maxLength = chars;
            return this;
        }

        /**
         * @param depth the deepest JSON nesting accepted in header and payload (default
         *              {@link #DEFAULT_MAX_JSON_DEPTH})
         * @return this builder
         */
        public Builder maxJsonDepth(int depth) {
            if (depth < 1 || depth > 64) {
                throw new IllegalArgumentException("maxJsonDepth must be in [1, 64]");
            }
            this.maxJsonDepth = depth;
            return this;
        }

        /**
         * @param policy whether {@code alg} aliases of SGD_SM3_SM2 are accepted (default strict)
         * @return this builder
         */
        public Builder aliasPolicy(AliasPolicy policy) {
            this.aliases = Objects.requireNonNull(policy, "policy");
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
