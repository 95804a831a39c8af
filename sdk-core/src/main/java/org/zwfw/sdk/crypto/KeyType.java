package org.zwfw.sdk.crypto;

/** The key types of the profile, with their JWK names and default algorithm (contract §1). */
enum KeyType {
    EC_P256("EC", "P-256", JwsAlgorithm.ES256),
    SM2("EC", "SM2-P-256", JwsAlgorithm.SGD_SM3_SM2),
    ED25519("OKP", "Ed25519", JwsAlgorithm.EDDSA),
    RSA("RSA", null, JwsAlgorithm.RS256);

    final String kty;
    final String crv;
    final JwsAlgorithm defaultAlgorithm;

    KeyType(String kty, String crv, JwsAlgorithm defaultAlgorithm) {
        this.kty = kty;
        this.crv = crv;
        this.defaultAlgorithm = defaultAlgorithm;
    }

    /** Whether this key type can be bound to {@code alg}. */
    boolean allows(JwsAlgorithm alg) {
        return this == RSA ? alg == JwsAlgorithm.RS256 || alg == JwsAlgorithm.PS256 : alg == defaultAlgorithm;
    }

    String describe() {
        return crv == null ? kty : kty + "/" + crv;
    }
}
