/**
 * The SDK's own P-256 arithmetic for ES256: verification by a joint fixed-base comb over a static
 * table of G and a per-key table of the public point; k·G for signing in constant time
 * ({@code P256BaseMultiplier}, with the scalar recoding {@code SignedDigits} that SM2 signing
 * shares). Not
 * exported from the module; not part of the API. Keys, formats and the reasons a signature fails
 * are in {@code org.zwfw.sdk.crypto}.
 */
package org.zwfw.sdk.internal.ec;
