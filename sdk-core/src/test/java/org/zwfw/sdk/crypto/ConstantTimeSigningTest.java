package org.zwfw.sdk.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.zwfw.sdk.internal.ec.P256BaseMultiplier;
import org.zwfw.sdk.internal.sm.Sm2Math;
import org.zwfw.sdk.testing.ClassReferences;

/**
 * Secret multiples of the base point (k·G when signing, d·G when a key is made) are computed with
 * the SDK's constant-time multipliers (spec/algorithms.md §1.2), never BouncyCastle's defaults:
 * ES256's signer is checked by the multiplier it creates; SM2 (whose signature has no hook) and
 * the key-making code by what their compiled classes refer to, which changes if any of them reaches
 * {@code ECPoint.multiply} or one of BouncyCastle's multipliers.
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

    @Test
    void sm2SigningAndKeyMakingComputeSecretMultiplesOnlyWithTheConstantTimeMultiplier() throws Exception {
        // k·G in Sm2Math.signWithK and d·G in Sm2Private go through Sm2BaseMultiplier; neither class
        // may reach BouncyCastle's own multipliers (ECPoint.multiply is a variable-time wNAF)
        for (Class<?> c : new Class<?>[] {Sm2Math.class, Sm2Private.class}) {
            ClassReferences r = ClassReferences.of(c);
            assertThat(r.methods()).as(c.getSimpleName()).contains("org/zwfw/sdk/internal/sm/Sm2BaseMultiplier.multiply");
            assertNoVariableTimeMultiplier(c.getSimpleName(), r);
        }
        // the one ECAlgorithms call: verification's u1·G + u2·Q, on public values
        assertThat(ClassReferences.of(Sm2Math.class).methods()).filteredOn(m -> m.startsWith("org/bouncycastle/math/ec/ECAlgorithms."))
                .containsOnly("org/bouncycastle/math/ec/ECAlgorithms.sumOfTwoMultiplies");
    }

    @Test
    void es256KeyMakingComputesTheSecretMultipleOnlyWithTheConstantTimeMultiplier() throws Exception {
        for (Class<?> c : new Class<?>[] {EcPrivate.class, EcPrivate.Signer.class}) {
            assertNoVariableTimeMultiplier(c.getSimpleName(), ClassReferences.of(c));
        }
        assertThat(ClassReferences.of(EcPrivate.class).classes()).contains("org/zwfw/sdk/internal/ec/P256BaseMultiplier");
    }

    private static void assertNoVariableTimeMultiplier(String name, ClassReferences r) {
        assertThat(r.methods()).as(name).doesNotContain("org/bouncycastle/math/ec/ECPoint.multiply");
        assertThat(r.classes()).as(name)
                .noneMatch(c -> c.startsWith("org/bouncycastle/math/ec/") && c.endsWith("Multiplier")
                        && !c.equals("org/bouncycastle/math/ec/ECMultiplier"));
    }
}
