package org.zwfw.sdk.crypto;

import java.util.Map;

/**
 * The prepared public half of a key: parsed, validated and ready to verify (curve points
 * normalised, precomputation cached on them, SM2's Z value computed). Immutable, thread-safe.
 */
abstract class PublicMaterial {

    abstract KeyType type();

    /** Verifies {@code sig} over {@code data[off, off+len)} with this key's math for {@code alg}. */
    abstract SignatureCheck verify(JwsAlgorithm alg, byte[] data, int off, int len, byte[] sig);

    /** The public JWK members in RFC 7638 order (kty first is not required; the map is ordered). */
    abstract Map<String, Object> jwkMembers();

    /** The RFC 7638 thumbprint input: required members only, lexicographic order, no whitespace. */
    abstract String thumbprintInput();

    /** DER SubjectPublicKeyInfo. */
    abstract byte[] subjectPublicKeyInfo();

    /** Same key, same signer ID: used by equals. */
    abstract boolean sameKey(PublicMaterial other);

    abstract int keyHash();
}
