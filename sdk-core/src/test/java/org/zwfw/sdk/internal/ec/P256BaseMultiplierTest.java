package org.zwfw.sdk.internal.ec;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Random;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECMultiplier;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.math.ec.FixedPointUtil;
import org.bouncycastle.math.raw.Nat256;
import org.junit.jupiter.api.Test;

/**
 * The constant-time k·G of signing against BouncyCastle's {@link FixedPointCombMultiplier}: edge
 * scalars (1, 2, n − 1, n − 2, powers of two, both parities, the values that need the 257th bit),
 * random ones, scalars outside [1, n), points other than G; the masked reads and the exceptional
 * case of the uniform addition; RFC 6979 A.2.5 signatures through {@code ECDSASigner}.
 */
class P256BaseMultiplierTest {

    private static final X9ECParameters X9 = CustomNamedCurves.getByName("secp256r1");
    private static final ECDomainParameters D = new ECDomainParameters(X9.getCurve(), X9.getG(), X9.getN());
    private static final BigInteger N = D.getN();
    private static final ECPoint G = D.getG();
    private static final ECMultiplier SDK = new P256BaseMultiplier();
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
        TestScalars.randomScalarsAgree(SDK, G, N, 20261207);
    }

    @Test
    void scalarsOutsideTheGroupOrderAreReduced() {
        assertThat(SDK.multiply(G, N).isInfinity()).isTrue();
        assertThat(SDK.multiply(G, BigInteger.ZERO).isInfinity()).isTrue();
        assertThat(SDK.multiply(G, N.add(BigInteger.valueOf(5))).normalize())
                .isEqualTo(BC.multiply(G, BigInteger.valueOf(5)).normalize());
        assertThat(SDK.multiply(G, BigInteger.valueOf(-3)).normalize())
                .isEqualTo(BC.multiply(G, N.subtract(BigInteger.valueOf(3))).normalize());
    }

    @Test
    void aPointOtherThanTheGeneratorIsMultipliedToo() {
        ECPoint q = BC.multiply(G, BigInteger.valueOf(777)).normalize();
        BigInteger k = new BigInteger("1234567890abcdef1234567890abcdef", 16);
        assertThat(SDK.multiply(q, k).normalize()).isEqualTo(BC.multiply(q, k).normalize());
        // another point object with G's coordinates is G
        ECPoint g2 = X9.getCurve().createPoint(G.getAffineXCoord().toBigInteger(), G.getAffineYCoord().toBigInteger());
        assertThat(SDK.multiply(g2, k).normalize()).isEqualTo(BC.multiply(G, k).normalize());
    }

    @Test
    void theMaskedReadReturnsEachEntryWithEachSign() {
        P256Comb comb = P256Ecdsa.gComb(4, 2);
        long[] out = new long[10];
        long[] scratch = new long[5];
        long[] plain = new long[10];
        for (int b = 0; b < comb.blocks; b++) {
            for (int e = 0; e < 8; e++) {
                comb.select(b, e, 0, out, scratch);
                System.arraycopy(out, 0, plain, 0, 10);
                comb.select(b, e, 1, out, scratch);
                assertThat(P256Field.fromMontgomery(out, 0)).isEqualTo(P256Field.fromMontgomery(plain, 0));
                assertThat(P256Field.fromMontgomery(out, 5).add(P256Field.fromMontgomery(plain, 5)).mod(P256Field.P))
                        .isZero();
                for (int other = 0; other < 8; other++) {
                    if (other != e) {
                        comb.select(b, other, 0, out, scratch);
                        assertThat(P256Field.fromMontgomery(out, 0)).isNotEqualTo(P256Field.fromMontgomery(plain, 0));
                    }
                }
            }
        }
    }

    @Test
    void theUniformAdditionReportsItsExceptionalCases() {
        long[] g = affine(G);
        long[] twoG = affine(G.twice());
        long[] minusG = affine(G.negate());
        P256Jacobian acc = new P256Jacobian();
        acc.setAffine(g, 0);
        assertThat(acc.addAffineUniform(g, 0)).as("G + G").isEqualTo(-1L);
        acc.setAffine(g, 0);
        assertThat(acc.addAffineUniform(minusG, 0)).as("G + (-G)").isEqualTo(-1L);
        acc.setAffine(g, 0);
        assertThat(acc.addAffineUniform(twoG, 0)).as("G + 2G").isZero();
        ECPoint threeG = G.multiply(BigInteger.valueOf(3)).normalize();
        int[] words = new int[8];
        P256Field.toWords(acc.z, 0, words, 0);
        BigInteger z = Nat256.toBigInteger(words);
        P256Field.toWords(acc.x, 0, words, 0);
        BigInteger x = Nat256.toBigInteger(words).multiply(z.pow(2).modInverse(P256Field.P)).mod(P256Field.P);
        assertThat(x).isEqualTo(threeG.getAffineXCoord().toBigInteger());
    }

    @Test
    void aScalarThatMeetsTheExceptionalCaseIsComputedAgainByBouncyCastle() {
        // found by search: with the production comb, the last addition adds P to P (k·G = 2P for
        // P the last column's point of the last block, whose digits are k's own)
        BigInteger k = new BigInteger("bff7feff20040080ffffffffffffffffbce6faada7179e84f3b9cac2fc632551", 16);
        int[] xy = new int[16];
        P256Comb comb = P256Ecdsa.gComb(P256BaseMultiplier.WIDTH, P256BaseMultiplier.BLOCKS);
        assertThat(P256BaseMultiplier.multiplyG(Nat256.fromBigInteger(k), comb, xy)).isFalse();
        agrees(k);
        // the same scalar plus n (257 bits): BouncyCastle's comb is given k mod n, which it accepts
        assertThat(SDK.multiply(G, k.add(N)).normalize()).isEqualTo(BC.multiply(G, k).normalize());
    }

    @Test
    void theGeneratorTakesTheConstantTimePathNotBouncyCastlesComb() {
        // a fresh point object equal to G: BouncyCastle's comb would leave its table on it
        ECPoint g = X9.getCurve().createPoint(G.getAffineXCoord().toBigInteger(), G.getAffineYCoord().toBigInteger());
        Random rnd = new Random(6979);
        P256Comb comb = P256Ecdsa.gComb(P256BaseMultiplier.WIDTH, P256BaseMultiplier.BLOCKS);
        int[] xy = new int[16];
        for (int i = 0; i < 50; i++) {
            BigInteger k = new BigInteger(256, rnd).mod(N);
            assertThat(P256BaseMultiplier.multiplyG(Nat256.fromBigInteger(k), comb, xy)).as("k = %s", k.toString(16))
                    .isTrue();
            assertThat(SDK.multiply(g, k).normalize()).isEqualTo(BC.multiply(G, k).normalize());
        }
        assertThat(g.getCurve().getPreCompInfo(g, FixedPointUtil.PRECOMP_NAME)).isNull();
    }

    @Test
    void zeroMaskAndWordsAgreeWithBigIntegerOnEdgeValues() {
        BigInteger p = P256Field.P;
        BigInteger r = BigInteger.ONE.shiftLeft(260).mod(p);
        BigInteger[] values = {BigInteger.ZERO, BigInteger.ONE, p.subtract(BigInteger.ONE), p.shiftRight(1),
            BigInteger.ONE.shiftLeft(255), new BigInteger("123456789abcdef0123456789abcdef", 16)};
        int[] words = new int[8];
        for (BigInteger v : values) {
            long[] m = P256Field.toMontgomery(v);
            P256Field.toWords(m, 0, words, 0);
            assertThat(Nat256.toBigInteger(words)).isEqualTo(v);
            assertThat(P256Field.zeroMask(m, 0)).isEqualTo(v.signum() == 0 ? -1L : 0L);
            // the same value as the non-canonical v·R + p (limbs of a value in [p, 2p))
            long[] plusP = P256Field.limbs(v.multiply(r).mod(p).add(p));
            P256Field.toWords(plusP, 0, words, 0);
            assertThat(Nat256.toBigInteger(words)).isEqualTo(v);
            assertThat(P256Field.zeroMask(plusP, 0)).isEqualTo(v.signum() == 0 ? -1L : 0L);
        }
    }

    @Test
    void rfc6979SignaturesAreReproduced() throws Exception {
        // RFC 6979 A.2.5 (P-256, SHA-256)
        BigInteger d = new BigInteger("C9AFA9D845BA75166B5C215767B1D6934E50C3DB36E89B127B8A622B120F6721", 16);
        assertThat(sign(d, "sample")).containsExactly(
                new BigInteger("EFD48B2AACB6A8FD1140DD9CD45E81D69D2C877B56AAF991C34D0EA84EAF3716", 16),
                new BigInteger("F7CB1C942D657C41D436C7A1B6E29F65F3E900DBB9AFF4064DC4AB2F843ACDA8", 16));
        assertThat(sign(d, "test")).containsExactly(
                new BigInteger("F1ABB023518351CD71D881567B1EA663ED3EFCF6C5132B354F28D3B0B7D38367", 16),
                new BigInteger("019F4113742A2B14BD25926B49C649155F267E60D3814B4C0CC84250E46F0083", 16));
    }

    private static BigInteger[] sign(BigInteger d, String message) throws Exception {
        ECDSASigner s = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest())) {
            @Override
            protected ECMultiplier createBasePointMultiplier() {
                return SDK;
            }
        };
        s.init(true, new ECPrivateKeyParameters(d, D));
        byte[] h = MessageDigest.getInstance("SHA-256").digest(message.getBytes(StandardCharsets.US_ASCII));
        return s.generateSignature(h);
    }

    private static long[] affine(ECPoint p) {
        ECPoint a = p.normalize();
        long[] xy = new long[10];
        System.arraycopy(P256Field.toMontgomery(a.getAffineXCoord().toBigInteger()), 0, xy, 0, 5);
        System.arraycopy(P256Field.toMontgomery(a.getAffineYCoord().toBigInteger()), 0, xy, 5, 5);
        return xy;
    }
}
