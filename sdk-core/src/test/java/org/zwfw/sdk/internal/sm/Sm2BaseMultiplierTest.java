package org.zwfw.sdk.internal.sm;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Random;
import org.bouncycastle.math.ec.ECMultiplier;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.math.ec.FixedPointUtil;
import org.bouncycastle.math.ec.custom.gm.SM2P256V1Field;
import org.bouncycastle.math.raw.Nat256;
import org.junit.jupiter.api.Test;
import org.zwfw.sdk.internal.ec.TestScalars;

/**
 * The constant-time k·G of SM2 signing against BouncyCastle's {@link FixedPointCombMultiplier}:
 * edge scalars, random ones of both parities, scalars outside [1, n), other points, the masked
 * reads, and a scalar that meets the exceptional case of the uniform addition (found by search),
 * which must still give the right point. The signatures themselves are checked against the
 * known-answer values of {@code Sm2KnownAnswerTest} and against BouncyCastle in {@code Sm2VerifyTest}.
 */
class Sm2BaseMultiplierTest {

    private static final ECPoint G = Sm2Math.DOMAIN.getG();
    private static final BigInteger N = Sm2Math.DOMAIN.getN();
    private static final ECMultiplier SDK = new Sm2BaseMultiplier();
    private static final ECMultiplier BC = new FixedPointCombMultiplier();

    private static void agrees(BigInteger k) {
        TestScalars.agreesWithBouncyCastle(SDK, G, k);
    }

    @Test
    void edgeScalarsGiveWhatBouncyCastleGives() {
        for (BigInteger k : TestScalars.edge(N)) {
            agrees(k);
        }
    }

    @Test
    void randomScalarsOfBothParitiesGiveWhatBouncyCastleGives() {
        TestScalars.randomScalarsAgree(SDK, G, N, 32918);
    }

    @Test
    void scalarsOutsideTheGroupOrderAndOtherPoints() {
        assertThat(SDK.multiply(G, N).isInfinity()).isTrue();
        assertThat(SDK.multiply(G, BigInteger.ZERO).isInfinity()).isTrue();
        assertThat(SDK.multiply(G, N.add(BigInteger.TEN)).normalize()).isEqualTo(BC.multiply(G, BigInteger.TEN).normalize());
        ECPoint q = BC.multiply(G, BigInteger.valueOf(4242)).normalize();
        BigInteger k = new BigInteger("fedcba9876543210fedcba9876543210", 16);
        assertThat(SDK.multiply(q, k).normalize()).isEqualTo(BC.multiply(q, k).normalize());
    }

    @Test
    void theMaskedReadReturnsEachEntryWithEachSign() {
        Sm2BaseMultiplier.Comb comb = Sm2BaseMultiplier.Comb.build(4, 2);
        int[] plain = new int[16];
        int[] neg = new int[16];
        int[] other = new int[16];
        int[] scratch = new int[8];
        for (int b = 0; b < comb.blocks; b++) {
            for (int e = 0; e < 8; e++) {
                comb.select(b, e, 0, plain, scratch);
                comb.select(b, e, 1, neg, scratch);
                ECPoint p = point(plain);
                assertThat(p.isValid()).isTrue();
                assertThat(point(neg)).isEqualTo(p.negate().normalize());
                for (int o = 0; o < 8; o++) {
                    if (o != e) {
                        comb.select(b, o, 0, other, scratch);
                        assertThat(point(other)).isNotEqualTo(p);
                    }
                }
            }
        }
    }

    @Test
    void theUniformAdditionReportsItsExceptionalCases() {
        int[] g = words(G);
        int[] minusG = words(G.negate());
        Sm2BaseMultiplier.Jacobian acc = new Sm2BaseMultiplier.Jacobian();
        acc.setAffine(g);
        assertThat(acc.addAffineUniform(g)).as("G + G").isEqualTo(-1);
        acc.setAffine(g);
        assertThat(acc.addAffineUniform(minusG)).as("G + (-G)").isEqualTo(-1);
        acc.setAffine(g);
        assertThat(acc.addAffineUniform(words(G.twice()))).as("G + 2G").isZero();
        int[] zi = Nat256.create();
        SM2P256V1Field.inv(acc.z, zi);
        int[] zi2 = Nat256.create();
        SM2P256V1Field.square(zi, zi2);
        int[] x = Nat256.create();
        SM2P256V1Field.multiply(acc.x, zi2, x);
        assertThat(Nat256.toBigInteger(x)).isEqualTo(G.multiply(BigInteger.valueOf(3)).normalize().getAffineXCoord()
                .toBigInteger());
    }

    @Test
    void aScalarThatMeetsTheExceptionalCaseIsComputedAgainByBouncyCastle() {
        // found by search: with the production comb, the last addition adds P to P
        BigInteger k = new BigInteger("bff7fefedffbff7fffffffffffffffff7203df6b21c6052b53bbf40939d54123", 16);
        Sm2BaseMultiplier.Comb comb = Sm2BaseMultiplier.Comb.build(Sm2BaseMultiplier.WIDTH, Sm2BaseMultiplier.BLOCKS);
        assertThat(Sm2BaseMultiplier.multiplyG(Nat256.fromBigInteger(k), comb, new int[16])).isFalse();
        agrees(k);
        // the same scalar plus n (257 bits): BouncyCastle's comb is given k mod n, which it accepts
        assertThat(SDK.multiply(G, k.add(N)).normalize()).isEqualTo(BC.multiply(G, k).normalize());
    }

    @Test
    void theGeneratorTakesTheConstantTimePathNotBouncyCastlesComb() {
        // a fresh point object equal to G: BouncyCastle's comb would leave its table on it
        ECPoint a = G.normalize();
        ECPoint g = a.getCurve().createPoint(a.getAffineXCoord().toBigInteger(), a.getAffineYCoord().toBigInteger());
        Random rnd = new Random(32918);
        Sm2BaseMultiplier.Comb comb = Sm2BaseMultiplier.Comb.build(Sm2BaseMultiplier.WIDTH, Sm2BaseMultiplier.BLOCKS);
        int[] xy = new int[16];
        for (int i = 0; i < 50; i++) {
            BigInteger k = new BigInteger(256, rnd).mod(N);
            assertThat(Sm2BaseMultiplier.multiplyG(Nat256.fromBigInteger(k), comb, xy)).as("k = %s", k.toString(16))
                    .isTrue();
            assertThat(SDK.multiply(g, k).normalize()).isEqualTo(BC.multiply(G, k).normalize());
        }
        assertThat(g.getCurve().getPreCompInfo(g, FixedPointUtil.PRECOMP_NAME)).isNull();
    }

    private static int[] words(ECPoint p) {
        ECPoint a = p.normalize();
        int[] xy = new int[16];
        System.arraycopy(Nat256.fromBigInteger(a.getAffineXCoord().toBigInteger()), 0, xy, 0, 8);
        System.arraycopy(Nat256.fromBigInteger(a.getAffineYCoord().toBigInteger()), 0, xy, 8, 8);
        return xy;
    }

    private static ECPoint point(int[] xy) {
        return G.getCurve().createPoint(Nat256.toBigInteger(java.util.Arrays.copyOfRange(xy, 0, 8)),
                Nat256.toBigInteger(java.util.Arrays.copyOfRange(xy, 8, 16)));
    }
}
