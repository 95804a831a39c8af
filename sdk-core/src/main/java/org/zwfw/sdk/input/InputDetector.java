package org.zwfw.sdk.input;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.zwfw.sdk.crypto.JwsHeader;
import org.zwfw.sdk.internal.Base64Url;
import org.zwfw.sdk.internal.Json;
import org.zwfw.sdk.internal.JsonException;
import org.zwfw.sdk.internal.Texts;
import org.zwfw.sdk.verify.OutcomeCode;

/**
 * Decides what an input is, by its shape and its explicit type ({@code typ}), before anything
 * is verified ({@code spec/cli.md} "Kind detection"). Only the routing looks at unverified
 * content, read with the SDK's strict JSON; each kind's verifier then checks everything and
 * trusts nothing of this. Stateless and thread-safe.
 */
public final class InputDetector {

    /** Prefix of the e-SSC dynamic QR text ({@code spec/README.md}, e-SSC QR code). */
    public static final String QR_PREFIX = "ZWFWQR1:";

    /** A header (or an ID token's payload) longer than this is not decoded for routing. */
    static final int MAX_ROUTING_SEGMENT = 64 * 1024;

    /** Nesting read when routing JSON input; the kind's verifier applies its own, smaller limit. */
    static final int ROUTING_DEPTH = 256;

    /**
     * What an input was detected as.
     *
     * @param kind    the kind
     * @param text    the input without surrounding white space (for {@code ssc-qr}: with its prefix)
     * @param typ     the header {@code typ} when one was read, else {@code null}
     * @param local   for a trust list: the local JSON form
     * @param code    for {@link Kind#UNKNOWN}: why nothing was recognised
     * @param problem for {@link Kind#UNKNOWN}: the message
     */
    public record Detection(InputKind kind, String text, String typ, boolean local, OutcomeCode code,
            String problem) {

        static Detection of(InputKind kind, String text, String typ) {
            return new Detection(kind, text, typ, false, null, null);
        }

        static Detection unknown(String text, String typ, OutcomeCode code, String problem) {
            return new Detection(InputKind.UNKNOWN, text, typ, false, code, problem);
        }
    }

    private InputDetector() {
    }

    /**
     * Detects the kind of an input.
     *
     * @param input the text, never {@code null}; surrounding white space is ignored
     * @return what it was detected as; for {@link InputKind#UNKNOWN} with the code and the reason
     */
    public static Detection detect(String input) {
        String text = input.strip();
        if (text.isEmpty()) {
            return Detection.unknown(text, null, OutcomeCode.MALFORMED, "the input is empty");
        }
        if (text.startsWith(QR_PREFIX)) {
            return Detection.of(InputKind.SSC_QR, text, null);
        }
        if (text.charAt(0) == '{') {
            return json(text);
        }
        if (text.indexOf('~') >= 0) {
            // Anything with a '~' is an SD-JWT; the credential verifier reports what is wrong with it.
            return Detection.of(InputKind.ECERT, text, null);
        }
        if (count(text, '.') != 2) {
            return Detection.unknown(text, null, OutcomeCode.MALFORMED, "not a compact JWS, SD-JWT, e-SSC QR text"
                    + " or local trust list: a compact JWS has three base64url parts separated by '.'");
        }
        int dot = text.indexOf('.');
        if (dot > MAX_ROUTING_SEGMENT) {
            return Detection.unknown(text, null, OutcomeCode.TOO_LARGE, "JWS header of " + dot
                    + " characters exceeds the limit of " + MAX_ROUTING_SEGMENT);
        }
        Map<String, Object> header = decode(text, 0, dot);
        if (header == null) {
            return Detection.unknown(text, null, OutcomeCode.MALFORMED,
                    "not a compact JWS: its header is not a base64url-encoded JSON object");
        }
        Object typNode = header.get("typ");
        if (typNode != null && !(typNode instanceof String)) {
            return Detection.unknown(text, null, OutcomeCode.MALFORMED, "header 'typ' must be a string");
        }
        String typ = (String) typNode;
        InputKind kind = byType(typ);
        if (kind != null) {
            return Detection.of(kind, text, typ);
        }
        if (typ == null || JwsHeader.sameMediaType(typ, "JWT")) {
            // OpenID providers send ID tokens without an explicit type (or with "JWT").
            if (looksLikeIdToken(text)) {
                return Detection.of(InputKind.ID_TOKEN, text, typ);
            }
            return Detection.unknown(text, typ, OutcomeCode.WRONG_TYPE, typ == null
                    ? "the JWS has no 'typ' header and is not shaped like an ID token (iss, sub, aud, iat, exp),"
                            + " so its kind cannot be told"
                    : "a plain 'JWT' that is not shaped like an ID token (iss, sub, aud, iat, exp) has no kind"
                            + " zwfw verify knows");
        }
        if (JwsHeader.sameMediaType(typ, "kb+jwt")) {
            return Detection.unknown(text, typ, OutcomeCode.WRONG_TYPE, "a key-binding JWT is verified only as the"
                    + " last part of its SD-JWT presentation, never alone");
        }
        return Detection.unknown(text, typ, OutcomeCode.WRONG_TYPE, "typ " + Texts.quote(typ)
                + " is not a kind zwfw verify knows (dc+sd-jwt, trustlist+jwt, statuslist+jwt, rnat+jwt,"
                + " ssc-qr+jwt, or an ID token)");
    }

    private static InputKind byType(String typ) {
        if (typ == null) {
            return null;
        }
        // typ is a media type (RFC 7515 §4.1.9): routed as the verifiers compare it
        for (String known : new String[] {"dc+sd-jwt", "vc+sd-jwt", "trustlist+jwt", "statuslist+jwt", "rnat+jwt",
            "ssc-qr+jwt"}) {
            if (JwsHeader.sameMediaType(typ, known)) {
                typ = known;
                break;
            }
        }
        switch (typ) {
            case "dc+sd-jwt":
            case "vc+sd-jwt":
                return InputKind.ECERT;
            case "trustlist+jwt":
                return InputKind.TRUST_LIST;
            case "statuslist+jwt":
                return InputKind.STATUS_LIST;
            case "rnat+jwt":
                return InputKind.RNAT;
            case "ssc-qr+jwt":
                return InputKind.SSC_QR;
            default:
                return null;
        }
    }

    private static Detection json(String text) {
        Object doc;
        try {
            doc = Json.parse(text.getBytes(StandardCharsets.UTF_8), ROUTING_DEPTH);
        } catch (JsonException e) {
            // MALFORMED also for nesting beyond the limit: input this deep is not a trust list (spec/cli.md)
            return Detection.unknown(text, null, OutcomeCode.MALFORMED,
                    "the input starts with '{' but is not strict JSON: " + e.getMessage());
        }
        if (doc instanceof Map && ((Map<?, ?>) doc).containsKey("issuers")) {
            return new Detection(InputKind.TRUST_LIST, text, null, true, null, null);
        }
        return Detection.unknown(text, null, OutcomeCode.MALFORMED, "a JSON input is verified only as a local trust"
                + " list {\"issuers\": [...]}, and this one has no 'issuers' member");
    }

    private static boolean looksLikeIdToken(String compact) {
        int dot1 = compact.indexOf('.');
        int dot2 = compact.indexOf('.', dot1 + 1);
        if (dot2 - dot1 - 1 > MAX_ROUTING_SEGMENT) {
            return false;
        }
        Map<String, Object> payload = decode(compact, dot1 + 1, dot2);
        if (payload == null) {
            return false;
        }
        for (String claim : new String[] {"iss", "sub", "aud", "iat", "exp"}) {
            if (!payload.containsKey(claim)) {
                return false;
            }
        }
        return true;
    }

    /** The JSON object of one base64url segment, or {@code null} when it is not one (strictly). */
    private static Map<String, Object> decode(String compact, int from, int to) {
        try {
            return Json.parseObject(Base64Url.decode(compact, from, to), ROUTING_DEPTH);
        } catch (IllegalArgumentException e) {
            // not base64url, not strict JSON (JsonException is one), not an object
            return null;
        }
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }
}
