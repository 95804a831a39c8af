package org.zwfw.sdk.crypto;

import java.util.Map;
import org.zwfw.sdk.internal.Texts;
import org.zwfw.sdk.verify.OutcomeCode;
import org.zwfw.sdk.verify.VerificationResult;

/**
 * Keys pinned per issuer in configuration, for offline use and tests: a {@link KeyResolver} that
 * answers with the key set of the issuer the request names. Immutable and thread-safe.
 */
public final class IssuerKeys implements KeyResolver {

    private final Map<String, VerificationResult<KeySet>> byIssuer;

    private IssuerKeys(Map<String, VerificationResult<KeySet>> byIssuer) {
        this.byIssuer = byIssuer;
    }

    /**
     * @param keysByIssuer the key set per issuer ID ({@code iss}), copied
     * @return the resolver
     */
    public static IssuerKeys of(Map<String, KeySet> keysByIssuer) {
        Map<String, VerificationResult<KeySet>> copy = new java.util.HashMap<>();
        keysByIssuer.forEach((iss, keys) -> copy.put(iss, VerificationResult.valid(keys, java.util.List.of())));
        return new IssuerKeys(Map.copyOf(copy));
    }

    /**
     * @param request the request; its issuer chooses the keys
     * @return that issuer's keys, or {@code UNTRUSTED_ISSUER} when none are pinned for it
     */
    @Override
    public VerificationResult<KeySet> resolve(KeyRequest request) {
        VerificationResult<KeySet> keys = request.issuer() == null ? null : byIssuer.get(request.issuer());
        if (keys == null) {
            return VerificationResult.invalid(OutcomeCode.UNTRUSTED_ISSUER, request.issuer() == null
                    ? "the token names no issuer, so no pinned keys can be chosen"
                    : "no keys are pinned for issuer " + Texts.quote(request.issuer()));
        }
        return keys;
    }

    @Override
    public String toString() {
        return "IssuerKeys" + byIssuer.keySet();
    }
}
