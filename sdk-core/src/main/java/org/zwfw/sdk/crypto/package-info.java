/**
 * The JOSE profile of the SDK: algorithms (ES256, EdDSA, SGD_SM3_SM2; RS256 and PS256 for
 * verification), keys bound to one algorithm each, JWK and JWK Set, PEM and PKCS#12 loading,
 * RFC 7638 thumbprints, and JWS signing and verification. See {@code spec/algorithms.md}. Keys
 * come from a {@link org.zwfw.sdk.crypto.KeyResolver}: a fixed
 * {@link org.zwfw.sdk.crypto.KeySet}, or a JWK Set fetched from a URL,
 * {@link org.zwfw.sdk.crypto.RemoteKeySet} ({@code spec/login.md} §3).
 *
 * <p>Start with {@link org.zwfw.sdk.crypto.SigningKey}, {@link org.zwfw.sdk.crypto.VerificationKey},
 * {@link org.zwfw.sdk.crypto.JwsBuilder} and {@link org.zwfw.sdk.crypto.JwsVerifier}.
 */
package org.zwfw.sdk.crypto;
