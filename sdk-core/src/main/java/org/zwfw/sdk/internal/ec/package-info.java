/**
 * The SDK's own P-256 ECDSA verification (ES256): a joint fixed-base comb over a static table of
 * G and a per-key table of the public point, on BouncyCastle's P-256 field arithmetic. Not
 * exported from the module; not part of the API. Keys, formats and the reasons a signature fails
 * are in {@code org.zwfw.sdk.crypto}.
 */
package org.zwfw.sdk.internal.ec;
