package org.zwfw.sdk.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.zwfw.sdk.internal.ec.P256BaseMultiplier;

/**
 * ES256 signing computes k·G with the SDK's constant-time multiplier, not BouncyCastle's default
 * comb (spec/algorithms.md §1.2): the signer's base-point multiplier is checked, and a signature
 * made through it verifies.
 */
class ConstantTimeSigningTest {

    @Test
    void es256SigningUsesTheConstantTimeMultiplier() {
        EcPrivate.Signer signer = new EcPrivate.Signer();
        assertThat(signer.createBasePointMultiplier()).isInstanceOf(P256BaseMultiplier.class);
        SigningKey key = SigningKey.generate(JwsAlgorithm.ES256);
        byte[] data = "ConstantTimeSigningTest".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] signature = key.sign(data);
        assertThat(key.verificationKey().verify(data, signature)).isTrue();
        data[0] ^= 1;
        assertThat(key.verificationKey().verify(data, signature)).isFalse();
    }
}
