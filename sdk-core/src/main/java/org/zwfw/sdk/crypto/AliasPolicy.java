package org.zwfw.sdk.crypto;

/**
 * Whether non-canonical spellings of the SM2 names are accepted on input.
 *
 * <p>Canonical: {@code alg} {@code SGD_SM3_SM2}, JWK {@code crv} {@code SM2-P-256}
 * (GM/T 0125-2022). Aliases seen in other projects: {@code alg} {@code SM2SM3} or {@code SM2},
 * {@code crv} {@code SM2} or {@code sm2p256v1}. Output always uses the canonical names.
 */
public enum AliasPolicy {
    /** Only canonical names; the default everywhere. */
    STRICT,
    /** Aliases accepted on input, for interoperating with projects that use them. */
    LENIENT
}
