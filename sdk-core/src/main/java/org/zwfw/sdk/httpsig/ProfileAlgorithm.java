package org.zwfw.sdk.httpsig;

import java.util.Optional;
import org.zwfw.sdk.crypto.JwsAlgorithm;

/** The three {@code alg} values of the profile ({@code spec/api-signing.md} §2), each bound to one JOSE algorithm. */
enum ProfileAlgorithm {
    ECDSA_P256_SHA256("ecdsa-p256-sha256", JwsAlgorithm.ES256, ContentDigest.SHA_256),
    ED25519("ed25519", JwsAlgorithm.EDDSA, ContentDigest.SHA_256),
    SM2_SM3("sm2-sm3", JwsAlgorithm.SGD_SM3_SM2, ContentDigest.SM3);

    final String name;
    final JwsAlgorithm jose;
    /** The digest a signer of this algorithm writes (§3). */
    final String digest;

    ProfileAlgorithm(String name, JwsAlgorithm jose, String digest) {
        this.name = name;
        this.jose = jose;
        this.digest = digest;
    }

    static Optional<ProfileAlgorithm> byName(String name) {
        for (ProfileAlgorithm a : values()) {
            if (a.name.equals(name)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    static Optional<ProfileAlgorithm> of(JwsAlgorithm jose) {
        for (ProfileAlgorithm a : values()) {
            if (a.jose == jose) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
