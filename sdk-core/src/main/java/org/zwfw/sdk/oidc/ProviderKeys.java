package org.zwfw.sdk.oidc;

import java.util.Map;
import org.zwfw.sdk.crypto.KeyRequest;
import org.zwfw.sdk.crypto.KeyResolver;
import org.zwfw.sdk.crypto.KeySet;
import org.zwfw.sdk.crypto.ParsedJws;
import org.zwfw.sdk.internal.Texts;
import org.zwfw.sdk.trust.TrustListKeys;
import org.zwfw.sdk.trust.TrustedIssuer;
import org.zwfw.sdk.verify.OutcomeCode;
import org.zwfw.sdk.verify.VerificationResult;

/**
 * The provider's keys for its tokens (ID tokens, signed userinfo, logout tokens): the token's
 * {@code iss} must be the configured issuer exactly (spec/login.md §8 step 4), then the keys come
 * from the configured resolver, or from the trust list's entry for the issuer, which must allow
 * {@value IdTokenVerifier#TRUST_LIST_TYPE} (step 5). Immutable.
 */
final class ProviderKeys {

    private final String issuer;
    private final KeyResolver keys;
    private final TrustListKeys trust;

    ProviderKeys(String issuer, KeyResolver keys, TrustListKeys trust) {
        this.issuer = issuer;
        this.keys = keys;
        this.trust = trust;
    }

    String issuer() {
        return issuer;
    }

    KeyResolver keys() {
        return keys;
    }

    TrustListKeys trust() {
        return trust;
    }

    VerificationResult<KeySet> resolve(ParsedJws parsed, KeyRequest request) {
        Map<String, Object> c = parsed.claims().orElse(Map.of());
        Object iss = c.get("iss");
        if (iss == null) {
            return VerificationResult.invalid(c.containsKey("iss") ? OutcomeCode.INVALID_CLAIM
                    : OutcomeCode.MISSING_CLAIM, "claim 'iss' is required");
        }
        if (!issuer.equals(iss)) {
            return VerificationResult.invalid(OutcomeCode.UNTRUSTED_ISSUER, "the token's issuer is not "
                    + Texts.quote(issuer));
        }
        if (keys != null) {
            return keys.resolve(request);
        }
        VerificationResult<TrustedIssuer> found = trust.issuer(issuer, request.at());
        if (!found.isValid()) {
            return found.asInvalid();
        }
        TrustedIssuer e = found.value().orElseThrow();
        if (!e.types().contains(IdTokenVerifier.TRUST_LIST_TYPE)) {
            return VerificationResult.invalid(OutcomeCode.TYPE_NOT_ALLOWED, "the trust list does not let "
                    + Texts.quote(issuer) + " sign ID tokens");
        }
        return VerificationResult.valid(e.keys(), found.warnings());
    }
}
