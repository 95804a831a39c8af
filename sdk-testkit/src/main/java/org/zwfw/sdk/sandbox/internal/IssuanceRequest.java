package org.zwfw.sdk.sandbox.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.zwfw.sdk.credential.CredentialClaims;
import org.zwfw.sdk.credential.issuer.CredentialIssuer;
import org.zwfw.sdk.credential.CredentialType;
import org.zwfw.sdk.crypto.AliasPolicy;
import org.zwfw.sdk.crypto.KeyFormatException;
import org.zwfw.sdk.crypto.VerificationKey;
import org.zwfw.sdk.verify.Finding;
import org.zwfw.sdk.verify.OutcomeCode;

/**
 * The body of an issuance request, checked completely before anything is issued:
 *
 * <pre>{@code
 * {"claims": {...the subject claims of the issuer's vct...},
 *  "holder_jwk": {...a public JWK, put in cnf.jwk...},          optional
 *  "always_visible": ["entity_name", ...]}                       optional
 * }</pre>
 *
 * <p>Every fault is collected ({@code MISSING_CLAIM}, {@code INVALID_CLAIM},
 * {@code CHECKSUM_INVALID}) with a JSON pointer to its place, and the details name claims and
 * rules, never submitted values: the claims are personal data.
 *
 * @param claims        the checked claims
 * @param holderKey     the holder's public key, or {@code null}
 * @param alwaysVisible claim names issued without a disclosure
 */
public record IssuanceRequest(CredentialClaims claims, VerificationKey holderKey, List<String> alwaysVisible) {

    private static final Set<String> MEMBERS = Set.of("claims", "holder_jwk", "always_visible");

    /**
     * @param alwaysVisible claim names issued without a disclosure, copied
     */
    public IssuanceRequest {
        alwaysVisible = List.copyOf(alwaysVisible);
    }

    /**
     * @param body the request body, an object
     * @param type the issuer's credential type
     * @param now  the issue time (a {@code valid_until} already past is refused)
     * @return the request
     * @throws ProblemException 400 listing every fault
     */
    public static IssuanceRequest parse(JsonNode body, CredentialType type, Instant now) {
        List<Problem.Item> faults = new ArrayList<>();
        for (Map.Entry<String, JsonNode> member : body.properties()) {
            String name = member.getKey();
            if (!MEMBERS.contains(name)) {
                faults.add(new Problem.Item(OutcomeCode.INVALID_CLAIM, null, "unknown member " + StrictJson.quote(name)
                        + "; the members are claims, holder_jwk and always_visible"));
            }
        }
        Map<String, Object> values = claims(body.get("claims"), type, now, faults);
        List<String> visible = alwaysVisible(body.get("always_visible"), values, faults);
        VerificationKey holder = holderKey(body.get("holder_jwk"), faults);
        if (!faults.isEmpty()) {
            throw Problem.invalidRequest(faults).exception();
        }
        CredentialClaims.Builder b = CredentialClaims.builder(type);
        values.forEach((k, v) -> b.put(k, (String) v));
        return new IssuanceRequest(b.build(), holder, visible);
    }

    private static Map<String, Object> claims(JsonNode node, CredentialType type, Instant now,
            List<Problem.Item> faults) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (node == null) {
            faults.add(new Problem.Item(OutcomeCode.MISSING_CLAIM, "/claims", "claims is required: an object with"
                    + " the subject claims of " + type.vct()));
            return values;
        }
        if (!node.isObject()) {
            faults.add(new Problem.Item(OutcomeCode.INVALID_CLAIM, "/claims", "claims must be a JSON object"));
            return values;
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (!type.claimNames().contains(e.getKey())) {
                faults.add(new Problem.Item(OutcomeCode.INVALID_CLAIM, null, StrictJson.quote(e.getKey())
                        + " is not a claim of " + type.vct() + "; its claims are " + type.claimNames()));
                continue;
            }
            // A non-string is passed on as it is: the type check reports "must be a string".
            values.put(e.getKey(), e.getValue().isTextual() ? e.getValue().textValue() : e.getValue());
        }
        for (Finding f : CredentialClaims.check(type, values, true)) {
            faults.add(new Problem.Item(f.code(), pointer(f.message(), type), f.message()));
        }
        Object until = values.get("valid_until");
        if (until instanceof String) {
            try {
                Instant end = LocalDate.parse((String) until).plusDays(1).atStartOfDay(CredentialIssuer.CLAIM_ZONE)
                        .toInstant();
                if (!end.isAfter(now)) {
                    faults.add(new Problem.Item(OutcomeCode.INVALID_CLAIM, "/claims/valid_until", "claim 'valid_until'"
                            + " has passed: the credential would be expired when issued"));
                }
            } catch (DateTimeParseException e) {
                // Already reported by the type check.
            }
        }
        return values;
    }

    /** The claim a finding is about: the first claim name of the type that its message quotes. */
    private static String pointer(String message, CredentialType type) {
        int best = Integer.MAX_VALUE;
        String name = null;
        for (String n : type.claimNames()) {
            int at = message.indexOf("'" + n + "'");
            if (at >= 0 && at < best) {
                best = at;
                name = n;
            }
        }
        return name == null ? null : "/claims/" + name;
    }

    private static List<String> alwaysVisible(JsonNode node, Map<String, Object> values, List<Problem.Item> faults) {
        List<String> names = new ArrayList<>();
        if (node == null) {
            return names;
        }
        if (!node.isArray()) {
            faults.add(new Problem.Item(OutcomeCode.INVALID_CLAIM, "/always_visible", "always_visible must be an"
                    + " array of claim names"));
            return names;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode n = node.get(i);
            String pointer = "/always_visible/" + i;
            if (!n.isTextual()) {
                faults.add(new Problem.Item(OutcomeCode.INVALID_CLAIM, pointer, "always_visible holds claim names"
                        + " (strings)"));
            } else if (!values.containsKey(n.textValue())) {
                faults.add(new Problem.Item(OutcomeCode.INVALID_CLAIM, pointer, StrictJson.quote(n.textValue())
                        + " is not among the claims of this request"));
            } else if (!names.contains(n.textValue())) {
                names.add(n.textValue());
            }
        }
        return names;
    }

    private static VerificationKey holderKey(JsonNode node, List<Problem.Item> faults) {
        if (node == null) {
            return null;
        }
        if (!node.isObject()) {
            faults.add(new Problem.Item(OutcomeCode.INVALID_CLAIM, "/holder_jwk", "holder_jwk must be a JWK (a JSON"
                    + " object)"));
            return null;
        }
        VerificationKey key;
        try {
            key = VerificationKey.fromJwk(StrictJson.toMap(node), AliasPolicy.STRICT);
        } catch (KeyFormatException e) {
            faults.add(new Problem.Item(OutcomeCode.INVALID_CLAIM, "/holder_jwk", "holder_jwk is not a usable public"
                    + " key: " + e.getMessage()));
            return null;
        }
        if (!key.isSignatureKey() || !key.algorithm().canSign()) {
            faults.add(new Problem.Item(OutcomeCode.INVALID_CLAIM, "/holder_jwk", "holder_jwk must be a signature key"
                    + " of ES256, EdDSA or SGD_SM3_SM2: the holder signs key-binding JWTs with it"));
            return null;
        }
        return key;
    }
}
