package org.zwfw.sdk.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.zwfw.sdk.internal.Base64Url;
import org.zwfw.sdk.internal.Json;
import org.zwfw.sdk.internal.JsonException;
import org.zwfw.sdk.internal.Texts;
import org.zwfw.sdk.verify.Finding;
import org.zwfw.sdk.verify.OutcomeCode;

/**
 * A JWS compact serialization split, base64url-decoded and its header (and JSON payload) parsed,
 * once; nothing in it is verified. Every step of a verification reads this one value: the key
 * resolver reads {@code kid}, {@code alg}, {@code typ} and the unverified {@code iss} from it, and
 * {@link JwsVerifier#verify(ParsedJws, KeyResolver)} checks the signature over its signing input.
 * For showing a token to a person it is also the decoded view ({@link #header()}, {@link #claims()}).
 *
 * <p>Parsing never throws on bad input: what is wrong is kept, with its outcome code, and
 * reported by the verifier in the order of {@code spec/algorithms.md} §5 (a broken structure or
 * header first and alone; payload problems beside the header checks; a broken signature part
 * ends the run). A verifier whose limits are stricter than those it was parsed under parses the
 * text again under its own.
 *
 * <p>Thread-safe; the header and the top level of the claims are read-only, nested claim values
 * are the parser's plain maps and lists: callers must not change them.
 */
public final class ParsedJws {

    private final byte[] ascii;
    private final int dot1;
    private final int dot2;
    private final JwsHeader header;
    private final byte[] payload;
    private final Map<String, Object> claims;
    private final byte[] signature;
    /** The structure or the header is unusable: nothing else was read. */
    private final Finding fatal;
    private final Finding payloadProblem;
    private final Finding signatureProblem;
    /** The limits it was parsed under, so a verifier with stricter ones parses it again. */
    private final int maxLength;
    private final int maxJsonDepth;
    private final boolean jsonPayload;

    private ParsedJws(byte[] ascii, int dot1, int dot2, JwsHeader header, byte[] payload, Map<String, Object> claims,
            byte[] signature, Finding fatal, Finding payloadProblem, Finding signatureProblem, Limits limits) {
        this.ascii = ascii;
        this.dot1 = dot1;
        this.dot2 = dot2;
        this.header = header;
        this.payload = payload;
        this.claims = claims == null ? null : Collections.unmodifiableMap(claims);
        this.signature = signature;
        this.fatal = fatal;
        this.payloadProblem = payloadProblem;
        this.signatureProblem = signatureProblem;
        this.maxLength = limits.maxLength;
        this.maxJsonDepth = limits.maxJsonDepth;
        this.jsonPayload = limits.jsonPayload;
    }

    /** The limits a value was parsed under. */
    private record Limits(int maxLength, int maxJsonDepth, boolean jsonPayload) {
    }

    private static ParsedJws broken(Limits limits, OutcomeCode code, String message) {
        return new ParsedJws(null, -1, -1, null, null, null, null, new Finding(code, message), null, null, limits);
    }

    /**
     * Parses a JWS whose payload is a JSON object (a JWT), under the policy's token limits.
     *
     * @param compact the compact serialization, never {@code null}
     * @param policy  the limits: {@link VerificationPolicy#maxTokenLength()} and
     *                {@link VerificationPolicy#maxJsonDepth()}
     * @return the parsed value, perhaps carrying what is wrong
     */
    public static ParsedJws parse(String compact, VerificationPolicy policy) {
        return parse(compact, policy.maxTokenLength(), policy.maxJsonDepth(), true);
    }

    /**
     * Decodes a JWS that must be well formed, for tools and tests that read a token they made
     * (nothing is verified): any limit up to {@link VerificationPolicy#MAX_LENGTH_LIMIT}, JSON
     * payload.
     *
     * @param compact the compact serialization, never {@code null}
     * @return the parsed value, well formed, with its claims
     * @throws IllegalArgumentException naming what is wrong (too long, not three base64url parts,
     *                                  header or payload not a strict JSON object)
     */
    public static ParsedJws decode(String compact) {
        ParsedJws jws = parse(compact, VerificationPolicy.MAX_LENGTH_LIMIT, VerificationPolicy.DEFAULT_MAX_JSON_DEPTH,
                true);
        jws.problem().ifPresent(p -> {
            throw new IllegalArgumentException(p.message());
        });
        return jws;
    }

    /**
     * Parses a JWS.
     *
     * @param compact      the compact serialization, never {@code null}
     * @param maxLength    the largest serialization accepted, in characters ({@code TOO_LARGE} beyond)
     * @param maxJsonDepth the deepest JSON nesting accepted in header and payload
     * @param jsonPayload  whether the payload must be a JSON object
     * @return the parsed value, perhaps carrying what is wrong
     */
    public static ParsedJws parse(String compact, int maxLength, int maxJsonDepth, boolean jsonPayload) {
        Objects.requireNonNull(compact, "compact");
        Limits limits = new Limits(maxLength, maxJsonDepth, jsonPayload);
        int len = compact.length();
        if (len > maxLength) {
            return broken(limits, OutcomeCode.TOO_LARGE, "JWS of " + len + " characters exceeds the limit of " + maxLength);
        }
        if (len == 0) {
            return broken(limits, OutcomeCode.MALFORMED, "empty input");
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
                try {
                    byte[] headerBytes = Base64Url.decode(ascii, 0, dot1);
                    byte[] payload = Base64Url.decode(ascii, dot1 + 1, dot2);
                    byte[] signature = Base64Url.decode(ascii, dot2 + 1, len);
                    return parts(ascii, dot1, dot2, headerBytes, payload, null, signature, null, limits);
                } catch (IllegalArgumentException e) {
                    // fall through to the scan, which names the problem
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
                return broken(limits, OutcomeCode.MALFORMED, "character " + Texts.quote(String.valueOf(c))
                        + " at index " + i + " is not allowed in a compact JWS"
                        + (Character.isWhitespace(c) ? " (strip line breaks and spaces first)" : ""));
            }
        }
        if (dots != 2) {
            return broken(limits, OutcomeCode.MALFORMED, "a compact JWS has 3 parts separated by '.', found " + (dots + 1)
                    + (dots == 4 ? " (this looks like a JWE, which is not accepted here)" : ""));
        }
        byte[] headerBytes;
        try {
            headerBytes = Base64Url.decode(ascii, 0, dot1);
        } catch (IllegalArgumentException e) {
            return broken(limits, OutcomeCode.MALFORMED, "header is not base64url: " + e.getMessage());
        }
        byte[] payload = null;
        Finding payloadProblem = null;
        try {
            payload = Base64Url.decode(ascii, dot1 + 1, dot2);
        } catch (IllegalArgumentException e) {
            payloadProblem = new Finding(OutcomeCode.MALFORMED, "payload is not base64url: " + e.getMessage());
        }
        byte[] signature = null;
        Finding signatureProblem = null;
        try {
            signature = Base64Url.decode(ascii, dot2 + 1, len);
        } catch (IllegalArgumentException e) {
            signatureProblem = new Finding(OutcomeCode.MALFORMED, "signature is not base64url: " + e.getMessage());
        }
        return parts(ascii, dot1, dot2, headerBytes, payload, payloadProblem, signature, signatureProblem, limits);
    }

    /**
     * This value, or the same text parsed again when it was parsed under looser limits than a
     * verifier's (a longer length, a deeper nesting, or without the JSON payload it requires).
     */
    ParsedJws within(int maxChars, int depth, boolean json) {
        if (fatal != null || (maxLength <= maxChars && maxJsonDepth <= depth && jsonPayload == json)) {
            return this;
        }
        return parse(new String(ascii, java.nio.charset.StandardCharsets.ISO_8859_1), maxChars, depth, json);
    }

    private static ParsedJws parts(byte[] ascii, int dot1, int dot2, byte[] headerBytes, byte[] payload,
            Finding payloadProblem, byte[] signature, Finding signatureProblem, Limits limits) {
        Map<String, Object> params;
        try {
            params = Json.parseObject(headerBytes, limits.maxJsonDepth);
        } catch (JsonException e) {
            return broken(limits, e.tooLarge() ? OutcomeCode.TOO_LARGE : OutcomeCode.MALFORMED, "header: " + e.getMessage());
        }
        Map<String, Object> claims = null;
        if (payload != null && limits.jsonPayload) {
            try {
                claims = Json.parseObject(payload, limits.maxJsonDepth);
            } catch (JsonException e) {
                payloadProblem = new Finding(e.tooLarge() ? OutcomeCode.TOO_LARGE : OutcomeCode.MALFORMED,
                        "payload: " + e.getMessage());
            }
        }
        return new ParsedJws(ascii, dot1, dot2, new JwsHeader(params), payload, claims, signature, null,
                payloadProblem, signatureProblem, limits);
    }

    /** @return whether the structure, every part and the header and payload JSON parsed cleanly */
    public boolean isWellFormed() {
        return fatal == null && payloadProblem == null && signatureProblem == null;
    }

    /** @return the first thing that keeps this from being a well-formed JWS, if any */
    public Optional<Finding> problem() {
        return Optional.ofNullable(fatal != null ? fatal : payloadProblem != null ? payloadProblem
                : signatureProblem);
    }

    /**
     * @return the header, unverified
     * @throws IllegalStateException if the structure or header did not parse ({@link #problem()})
     */
    public JwsHeader header() {
        if (header == null) {
            throw new IllegalStateException("the JWS did not parse: " + fatal);
        }
        return header;
    }

    /** @return the payload claims, unverified and read-only, when the payload is a JSON object */
    public Optional<Map<String, Object>> claims() {
        return Optional.ofNullable(claims);
    }

    /**
     * @param name a claim name
     * @return the claim's value as a string, when the payload parsed and the claim is a string
     */
    public Optional<String> stringClaim(String name) {
        Object v = claims == null ? null : claims.get(name);
        return v instanceof String ? Optional.of((String) v) : Optional.empty();
    }

    Finding fatal() {
        return fatal;
    }

    Finding payloadProblem() {
        return payloadProblem;
    }

    Finding signatureProblem() {
        return signatureProblem;
    }

    byte[] ascii() {
        return ascii;
    }

    /** @return the end of the signing input ({@code ascii[0, signingInputEnd)}) */
    int signingInputEnd() {
        return dot2;
    }

    byte[] payloadBytes() {
        return payload;
    }

    Map<String, Object> claimsOrNull() {
        return claims;
    }

    byte[] signatureBytes() {
        return signature;
    }

    @Override
    public String toString() {
        return fatal != null ? "ParsedJws[" + fatal.code() + "]" : "ParsedJws[" + header + "]";
    }
}
