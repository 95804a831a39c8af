package org.zwfw.sdk.input;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.zwfw.sdk.credential.CredentialStatus;
import org.zwfw.sdk.crypto.ParsedJws;
import org.zwfw.sdk.oidc.IdToken;
import org.zwfw.sdk.oidc.IdTokenVerifier;
import org.zwfw.sdk.rnat.RealNameToken;
import org.zwfw.sdk.trust.TrustListKeys;
import org.zwfw.sdk.verify.OutcomeCode;
import org.zwfw.sdk.verify.VerificationResult;

/**
 * {@code zwfw verify} of a real-name auth token or an ID token (spec/cli.md "verify of real-name
 * auth tokens and ID tokens"): keys by the token's {@code iss} only, the configured issuer's
 * resolver first, else the trust list's entry of the right type; the audience is required.
 */
final class TokenInput {

    /** The ID token claims not shown (spec/cli.md): protocol values, not facts about the person. */
    private static final Set<String> ID_TOKEN_HIDDEN = Set.of("iss", "aud", "exp", "iat", "nbf", "nonce", "at_hash",
            "c_hash");

    private TokenInput() {
    }

    static InputReport rnat(InputVerifier v, String text) {
        InputReport.Builder b = InputReport.builder(InputKind.RNAT);
        if (!ready(v, b)) {
            return unverified(v, b, text);
        }
        VerificationResult<RealNameToken> r = v.realNameTokens().verify(text);
        b.add(r);
        if (!r.isValid()) {
            return unverified(v, b, text);
        }
        RealNameToken t = r.value().orElseThrow();
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("sub", t.subject());
        shown.put("acr", t.level().acr());
        shown.put("level", t.level().name());
        shown.put("amr", t.methods());
        shown.put("auth_time", t.authTime().getEpochSecond());
        t.clientId().ifPresent(c -> shown.put("client_id", c));
        t.verifiedClaims().ifPresent(vc -> {
            Map<String, Object> verification = new LinkedHashMap<>();
            verification.put("trust_framework", "cn_zwfw"); // the only framework the verifier accepts
            verification.put("assurance_level", vc.assuranceLevel().name());
            verification.put("time", vc.time());
            shown.put("verified_claims", Map.of("verification", verification, "claims", vc.claims()));
        });
        b.issuer(t.issuer()).type("rnat+jwt").status(CredentialStatus.NONE).claims(v.mask(shown));
        return b.note("single use recorded for this run: the same token again is REPLAYED").build();
    }

    static InputReport idToken(InputVerifier v, String text) {
        InputReport.Builder b = InputReport.builder(InputKind.ID_TOKEN);
        if (!ready(v, b)) {
            return unverified(v, b, text);
        }
        ParsedJws decoded = ParsedJws.decode(text); // only to pick the keys by iss; verified below
        String iss = decoded.stringClaim("iss").orElse(null);
        IdTokenVerifier.Builder ib = IdTokenVerifier.builder().policy(v.policy().withAlgorithms(
                IdTokenVerifier.DEFAULT_ALGORITHMS)).clientId(v.audience()).minimumLevel(v.minimumLevel());
        if (iss != null && iss.equals(v.tokenIssuer()) && v.tokenIssuerKeys() != null) {
            ib.issuer(iss).keys(v.tokenIssuerKeys());
        } else if (iss != null && iss.equals(v.tokenIssuer())) {
            b.error(OutcomeCode.UNKNOWN_KEY, "no keys for issuer " + iss + " were given or found (--jwks FILE, or its"
                    + " discovery)");
            return unverified(v, b, text);
        } else if (v.trust() != null && v.trust().isValid()) {
            ib.issuer(iss == null ? "" : iss).trustList(TrustListKeys.of(v.trust().value().orElseThrow()));
        } else {
            b.error(OutcomeCode.UNTRUSTED_ISSUER, "no trust list or issuer was given (--trust FILE or --issuer URL)");
            return unverified(v, b, text);
        }
        VerificationResult<IdToken> r = ib.build().verify(text, v.nonce(), null);
        b.add(r);
        if (!r.isValid()) {
            return unverified(v, b, text);
        }
        IdToken t = r.value().orElseThrow();
        Map<String, Object> shown = new LinkedHashMap<>(t.claims());
        shown.keySet().removeAll(ID_TOKEN_HIDDEN);
        t.level().ifPresent(l -> shown.put("level", l.name()));
        b.issuer(t.issuer()).type(decoded.header().type().orElse(null)).status(CredentialStatus.NONE)
                .claims(v.mask(shown));
        b.note(v.nonce() != null ? "nonce compared with --nonce" : "nonce not checked (no --nonce)");
        return b.note("at_hash and c_hash not checked: this command has neither the access token nor the code")
                .build();
    }

    /** The audience is required, and some source of keys. */
    private static boolean ready(InputVerifier v, InputReport.Builder b) {
        if (v.audience() == null) {
            b.error(OutcomeCode.AUDIENCE_MISMATCH, "no audience was given (--aud AUD): a token is valid only for"
                    + " its audience");
            return false;
        }
        if (v.tokenIssuer() == null && (v.trust() == null)) {
            b.error(OutcomeCode.UNTRUSTED_ISSUER, "no trust list or issuer was given (--trust FILE or --issuer URL)");
            return false;
        }
        if (v.tokenIssuer() == null) {
            b.add(v.trust());
            return v.trust().isValid();
        }
        return true;
    }

    private static InputReport unverified(InputVerifier v, InputReport.Builder b, String text) {
        Unverified.read(text, v.policy().maxTokenLength()).fill(b);
        return b.status(CredentialStatus.NONE).build();
    }
}
