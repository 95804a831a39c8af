package org.zwfw.sdk.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.zwfw.sdk.verify.OutcomeCode;

/**
 * Decides what an input is, by its shape and its explicit type ({@code typ}), before anything
 * is verified (spec/cli.md "Kind detection"). Only the routing looks at unverified content; each
 * kind's verifier then parses the input again, strictly, and trusts nothing of this.
 */
final class KindDetector {

    /** Prefix of the e-SSC dynamic QR text (contract §6). */
    static final String QR_PREFIX = "ZWFWQR1:";

    /** A header (or an ID token's payload) longer than this is not decoded for routing. */
    static final int MAX_ROUTING_SEGMENT = 64 * 1024;

    private static final ObjectMapper MAPPER = new ObjectMapper();

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
    record Detection(Kind kind, String text, String typ, boolean local, OutcomeCode code, String problem) {

        static Detection of(Kind kind, String text, String typ) {
            return new Detection(kind, text, typ, false, null, null);
        }

        static Detection unknown(String text, String typ, OutcomeCode code, String problem) {
            return new Detection(Kind.UNKNOWN, text, typ, false, code, problem);
        }
    }

    private KindDetector() {
    }

    static Detection detect(String input) {
        String text = input.strip();
        if (text.isEmpty()) {
            return Detection.unknown(text, null, OutcomeCode.MALFORMED, "the input is empty");
        }
        if (text.startsWith(QR_PREFIX)) {
            return Detection.of(Kind.SSC_QR, text, null);
        }
        if (text.charAt(0) == '{') {
            return json(text);
        }
        if (text.indexOf('~') >= 0) {
            // Anything with a '~' is an SD-JWT; the credential verifier reports what is wrong with it.
            return Detection.of(Kind.ECERT, text, null);
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
        JsonNode header = decode(text.substring(0, dot));
        if (header == null || !header.isObject()) {
            return Detection.unknown(text, null, OutcomeCode.MALFORMED,
                    "not a compact JWS: its header is not a base64url-encoded JSON object");
        }
        JsonNode typNode = header.get("typ");
        if (typNode != null && !typNode.isTextual()) {
            return Detection.unknown(text, null, OutcomeCode.MALFORMED, "header 'typ' must be a string");
        }
        String typ = typNode == null ? null : typNode.asText();
        Kind kind = byType(typ);
        if (kind != null) {
            return Detection.of(kind, text, typ);
        }
        if (typ == null || typ.equalsIgnoreCase("JWT")) {
            // OpenID providers send ID tokens without an explicit type (or with "JWT").
            if (looksLikeIdToken(text)) {
                return Detection.of(Kind.ID_TOKEN, text, typ);
            }
            return Detection.unknown(text, typ, OutcomeCode.WRONG_TYPE, typ == null
                    ? "the JWS has no 'typ' header and is not shaped like an ID token (iss, sub, aud, iat, exp),"
                            + " so its kind cannot be told"
                    : "a plain 'JWT' that is not shaped like an ID token (iss, sub, aud, iat, exp) has no kind"
                            + " zwfw verify knows");
        }
        if (typ.equals("kb+jwt")) {
            return Detection.unknown(text, typ, OutcomeCode.WRONG_TYPE, "a key-binding JWT is verified only as the"
                    + " last part of its SD-JWT presentation, never alone");
        }
        return Detection.unknown(text, typ, OutcomeCode.WRONG_TYPE, "typ " + Display.quote(typ)
                + " is not a kind zwfw verify knows (dc+sd-jwt, trustlist+jwt, statuslist+jwt, rnat+jwt,"
                + " ssc-qr+jwt, or an ID token)");
    }

    private static Kind byType(String typ) {
        if (typ == null) {
            return null;
        }
        switch (typ) {
            case "dc+sd-jwt":
            case "vc+sd-jwt":
                return Kind.ECERT;
            case "trustlist+jwt":
                return Kind.TRUST_LIST;
            case "statuslist+jwt":
                return Kind.STATUS_LIST;
            case "rnat+jwt":
                return Kind.RNAT;
            case "ssc-qr+jwt":
                return Kind.SSC_QR;
            default:
                return null;
        }
    }

    private static Detection json(String text) {
        JsonNode doc;
        try {
            doc = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            // a parser limit (nesting over 1000 levels, ...) has no location
            return Detection.unknown(text, null, OutcomeCode.MALFORMED, "the input starts with '{' but is not JSON"
                    + (e.getLocation() == null ? " this command reads (nested too deeply or too long)"
                            : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")"));
        }
        if (doc != null && doc.isObject() && doc.has("issuers")) {
            return new Detection(Kind.TRUST_LIST, text, null, true, null, null);
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
        JsonNode payload = decode(compact.substring(dot1 + 1, dot2));
        if (payload == null || !payload.isObject()) {
            return false;
        }
        for (String claim : new String[] {"iss", "sub", "aud", "iat", "exp"}) {
            if (!payload.has(claim)) {
                return false;
            }
        }
        return true;
    }

    private static JsonNode decode(String segment) {
        try {
            return MAPPER.readTree(new String(Base64.getUrlDecoder().decode(segment), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | JsonProcessingException e) {
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
