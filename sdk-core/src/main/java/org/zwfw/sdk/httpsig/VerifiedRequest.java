package org.zwfw.sdk.httpsig;

import java.time.Instant;

/**
 * A request (or webhook delivery) whose signature passed every check.
 *
 * @param appId     the application that signed a request, or the receiving application of a webhook
 * @param keyId     the {@code keyid} of the key that verified
 * @param algorithm the profile's {@code alg}
 * @param created   the signing time
 * @param nonce     the nonce, now recorded as used
 */
public record VerifiedRequest(String appId, String keyId, String algorithm, Instant created, String nonce) {
}
