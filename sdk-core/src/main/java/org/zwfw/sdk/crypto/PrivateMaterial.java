package org.zwfw.sdk.crypto;

/**
 * The prepared private half of a key. Immutable and thread-safe; the secret never appears in
 * {@code toString()} or exception messages.
 */
abstract class PrivateMaterial {

    abstract PublicMaterial publicMaterial();

    /** Signs {@code data[off, off+len)}; returns the JWS signature bytes. */
    abstract byte[] sign(byte[] data, int off, int len);

    /** The private scalar or seed, 32 bytes, for the JWK {@code d} member. */
    abstract byte[] secret();

    /** DER PKCS#8 PrivateKeyInfo (with the public key where the format carries it). */
    abstract byte[] pkcs8();

    /** A copy with another SM2 signer ID; other key types throw. */
    PrivateMaterial withSm2SignerId(byte[] signerId) {
        throw new IllegalArgumentException("a signer ID applies to SM2 keys only, not to "
                + publicMaterial().type().describe());
    }
}
