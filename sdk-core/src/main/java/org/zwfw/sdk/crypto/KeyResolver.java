package org.zwfw.sdk.crypto;

import org.zwfw.sdk.verify.VerificationResult;

/**
 * Where a verifier gets the keys that may have signed a JWS. The verifier describes the token
 * ({@link KeyRequest}: its {@code kid}, {@code alg}, {@code typ}, the issuer whose keys are wanted,
 * the validation time) and the resolver answers with the candidate keys, or with why there are
 * none. A fixed {@link KeySet} is a resolver; so are a trust list's entries for one issuer type
 * ({@code org.zwfw.sdk.trust.TrustListKeys}), a pinned JWKS, and a JWK Set fetched from a URL
 * ({@link RemoteKeySet}).
 *
 * <p>Keys come only from configuration: a resolver never takes a key from the token itself
 * ({@code jwk}, {@code jku}, {@code x5u}), and treats {@code kid} as an opaque map key.
 * Implementations must be thread-safe and must not block on the network when they can answer
 * from what they hold.
 */
@FunctionalInterface
public interface KeyResolver {

    /**
     * Finds the candidate keys for a token.
     *
     * @param request what the token says about its key, and the issuer and time of the check
     * @return the candidates (the verifier picks by {@code kid} and {@code alg} among them), or
     *         why there are none: {@code UNTRUSTED_ISSUER}, {@code UNKNOWN_KEY},
     *         {@code TRUST_LIST_EXPIRED}, ... A valid result may carry warnings, which the
     *         verifier reports beside its own.
     */
    VerificationResult<KeySet> resolve(KeyRequest request);
}
