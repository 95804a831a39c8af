package org.zwfw.sdk.input;

import java.util.Map;
import org.zwfw.sdk.crypto.ParsedJws;
import org.zwfw.sdk.crypto.VerificationPolicy;

/**
 * What a token says about itself, read without verifying it: only to fill {@code issuer} and
 * {@code type} of a report that is invalid (and say so), never to decide anything.
 *
 * @param issuer    the {@code iss} when a string, else {@code null}
 * @param type      the {@code vct} when a string, else the {@code typ}, else {@code null}
 * @param hasStatus whether the payload has a {@code status} claim
 * @param jws       the decoded token, or {@code null} when it does not decode
 * @param problem   why it does not decode, or {@code null}
 */
record Unverified(String issuer, String type, boolean hasStatus, ParsedJws jws, String problem) {

    /**
     * @param compact  a compact JWS
     * @param maxChars the longest decoded (the kind's verifier limit)
     */
    static Unverified read(String compact, int maxChars) {
        ParsedJws jws = ParsedJws.parse(compact, maxChars, VerificationPolicy.DEFAULT_MAX_JSON_DEPTH, true);
        if (jws.problem().isPresent() && jws.claims().isEmpty()) {
            return new Unverified(null, null, false, null, jws.problem().get().message());
        }
        Map<String, Object> claims = jws.claims().orElseThrow();
        Object iss = claims.get("iss");
        Object vct = claims.get("vct");
        String type = vct instanceof String ? (String) vct : jws.header().type().orElse(null);
        return new Unverified(iss instanceof String ? (String) iss : null, type, claims.containsKey("status"), jws, null);
    }

    /** Fills issuer and type of an invalid report. */
    void fill(InputReport.Builder b) {
        b.issuer(issuer).type(type);
    }
}
