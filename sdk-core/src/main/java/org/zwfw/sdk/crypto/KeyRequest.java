package org.zwfw.sdk.crypto;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a verifier asks a {@link KeyResolver}: the token's key hints and the context of the check.
 * Everything taken from the token is unverified and only chooses keys.
 *
 * @param keyId     the header {@code kid}, or {@code null}
 * @param algorithm the header {@code alg} as written, or {@code null}
 * @param type      the header {@code typ}, or {@code null}
 * @param issuer    the issuer whose keys are wanted (a token's unverified {@code iss}, or, for a
 *                  status list, the referencing credential's issuer), or {@code null}
 * @param at        the validation time, never {@code null}
 */
public record KeyRequest(String keyId, String algorithm, String type, String issuer, Instant at) {

    /** Checks {@code at}. */
    public KeyRequest {
        Objects.requireNonNull(at, "at");
    }

    /** @return the issuer, if the request names one */
    public Optional<String> issuerName() {
        return Optional.ofNullable(issuer);
    }
}
