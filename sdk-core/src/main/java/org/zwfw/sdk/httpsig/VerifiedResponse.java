package org.zwfw.sdk.httpsig;

import java.time.Instant;

/**
 * A response whose signature passed every check and that is bound to the request it answers.
 *
 * @param status    the HTTP status
 * @param keyId     the platform key that verified
 * @param algorithm the profile's {@code alg}
 * @param created   the signing time
 */
public record VerifiedResponse(int status, String keyId, String algorithm, Instant created) {
}
