package org.zwfw.sdk.crypto;

import java.math.BigInteger;
import java.security.SecureRandom;
import org.bouncycastle.util.BigIntegers;

/** Fresh private keys for the three signing algorithms. */
final class KeyGeneration {

    private KeyGeneration() {
    }

    static PrivateMaterial generate(JwsAlgorithm algorithm, SecureRandom random) {
        switch (algorithm) {
            case ES256:
                return new EcPrivate(BigIntegers.createRandomInRange(BigInteger.ONE,
                        Curves.P256.getN().subtract(BigInteger.ONE), random));
            case SGD_SM3_SM2:
                // GB/T 32918.1 §6.1: d in [1, n-2].
                return new Sm2Private(BigIntegers.createRandomInRange(BigInteger.ONE,
                        Curves.SM2.getN().subtract(BigInteger.TWO), random), Sm2.defaultSignerId());
            case EDDSA:
                byte[] seed = new byte[32];
                random.nextBytes(seed);
                return new Ed25519Private(seed);
            default:
                throw new IllegalArgumentException(algorithm + " is verify-only; the SDK does not generate or sign"
                        + " with RSA keys");
        }
    }
}
