/**
 * HTTP Message Signatures (RFC 9421) as the service-network API profiles them
 * ({@code spec/api-signing.md}): {@link org.zwfw.sdk.httpsig.MessageSigner} signs requests,
 * responses and webhook deliveries; {@link org.zwfw.sdk.httpsig.RequestVerifier} (the platform),
 * {@link org.zwfw.sdk.httpsig.ResponseVerifier} (the client) and
 * {@link org.zwfw.sdk.httpsig.WebhookSignatures} (a webhook receiver) check them in the profile's
 * order and report the first failure with an {@link org.zwfw.sdk.verify.OutcomeCode}. Keys come
 * from a {@link org.zwfw.sdk.crypto.KeyResolver}, single use from a
 * {@link org.zwfw.sdk.replay.ReplayStore}, the clock and algorithms from the one
 * {@link org.zwfw.sdk.crypto.VerificationPolicy}: the same pipeline as every token verifier.
 */
package org.zwfw.sdk.httpsig;
