package org.zwfw.sdk.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.util.Random;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.jcajce.spec.SM2ParameterSpec;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.zwfw.sdk.internal.SignatureEncoding;
import org.zwfw.sdk.internal.sm.Sm2Math;

/**
 * SM2 verification's last step (GB/T 32918.2 §7.1 B7) is asked in Jacobian coordinates, without
 * converting the point to affine form ({@link Sm2Math#xIsCongruent}): these tests pin that
 * comparison on both prime curves, including the rare case of an x-coordinate at or above n and
 * the point at infinity, and check the whole SM2 verify against BouncyCastle's.
 */
class Sm2VerifyTest {

    private static final BigInteger N = Curves.SM2.getN();
    private static final ECPoint G = Curves.SM2.getG();

    /** The same point with Z ≠ 1: add the generator and take it away again. */
    private static ECPoint jacobian(ECPoint affine) {
        ECPoint g = affine.getCurve().equals(G.getCurve()) ? G : Curves.P256.getG();
        ECPoint p = affine.add(g).subtract(g);
        assertThat(p.isNormalized()).isFalse();
        assertThat(p.normalize()).isEqualTo(affine);
        return p;
    }

    private static BigInteger x(ECPoint p) {
        return p.normalize().getAffineXCoord().toBigInteger();
    }

    @ParameterizedTest
    @EnumSource(value = KeyType.class, names = {"SM2", "EC_P256"})
    void comparesXOfJacobianAndAffinePointsModuloN(KeyType type) {
        ECDomainParameters d = Curves.domain(type);
        BigInteger n = d.getN();
        Random random = new Random(7);
        for (int i = 0; i < 50; i++) {
            ECPoint a = d.getG().multiply(new BigInteger(256, random).mod(n.subtract(BigInteger.ONE))
                    .add(BigInteger.ONE)).normalize();
            BigInteger c = x(a).mod(n);
            for (ECPoint p : new ECPoint[] {a, jacobian(a)}) {
                assertThat(Sm2Math.xIsCongruent(d, p, c)).isTrue();
                assertThat(Sm2Math.xIsCongruent(d, p, c.add(BigInteger.ONE).mod(n))).isFalse();
                assertThat(Sm2Math.xIsCongruent(d, p, c.subtract(BigInteger.ONE).mod(n))).isFalse();
            }
        }
        assertThat(Sm2Math.xIsCongruent(d, d.getCurve().getInfinity(), BigInteger.ZERO)).isFalse();
    }

    /** A point whose affine x lies in [n, p), found from x = n upwards. */
    private static ECPoint pointWithXAtLeastN(ECDomainParameters d) {
        for (BigInteger x = d.getN(); ; x = x.add(BigInteger.ONE)) {
            byte[] compressed = new byte[33];
            compressed[0] = 2;
            System.arraycopy(Curves.bytes32(x), 0, compressed, 1, 32);
            try {
                return d.getCurve().decodePoint(compressed);
            } catch (IllegalArgumentException notOnCurve) {
                // no y for this x: try the next one
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = KeyType.class, names = {"SM2", "EC_P256"})
    void findsAnXCoordinateAtOrAboveN(KeyType type) {
        // n <= x < p holds for about one point in 2^129 on either curve: build one from its x
        ECDomainParameters d = Curves.domain(type);
        BigInteger n = d.getN();
        ECPoint a = pointWithXAtLeastN(d);
        BigInteger x = x(a);
        assertThat(x).isGreaterThanOrEqualTo(n).isLessThan(d.getCurve().getField().getCharacteristic());
        BigInteger c = x.subtract(n);
        for (ECPoint p : new ECPoint[] {a, jacobian(a)}) {
            assertThat(Sm2Math.xIsCongruent(d, p, c)).isTrue();
            assertThat(Sm2Math.xIsCongruent(d, p, c.add(BigInteger.ONE))).isFalse();
        }
    }

    @Test
    void refusesAPointOfAnotherCurve() {
        assertThatThrownBy(() -> Sm2Math.xIsCongruent(Curves.P256, G, BigInteger.ONE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void verifiesASignatureWhoseX1IsAtLeastN() {
        // s·G + t·Q = A, x_A in [n, p): choose e, s and A, then r = (e + x_A) mod n, t = r + s
        // and Q = (A - s·G) / t
        ECPoint a = pointWithXAtLeastN(Curves.SM2);
        BigInteger e = new BigInteger("5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a", 16);
        BigInteger s = new BigInteger("0123456789abcdef0123456789abcdef0123456789abcdef", 16);
        BigInteger r = e.add(x(a)).mod(N);
        BigInteger t = r.add(s).mod(N);
        ECPoint q = a.subtract(G.multiply(s)).multiply(t.modInverse(N)).normalize();
        assertThat(Sm2Math.check(q, e, r, s)).isTrue();
        assertThat(Sm2Math.check(q, e, r.add(BigInteger.ONE), s)).isFalse();
        assertThat(Sm2Math.check(q, e, r.subtract(BigInteger.ONE), s)).isFalse();
        assertThat(Sm2Math.check(q, e.add(BigInteger.ONE), r, s)).isFalse();
    }

    @Test
    void takesEAtAndAboveNModuloN() {
        // e = SM3(Z_A ‖ M) is a 256-bit integer, so e >= n happens (about once in 2^32 for SM2)
        BigInteger d = new BigInteger("3945208f7b2144b13f36e38ac6d39f95889393692860b51a42fb81ef4df7c5b8", 16);
        ECPoint q = G.multiply(d).normalize();
        BigInteger dPlus1Inv = Sm2Math.dPlus1Inverse(d);
        BigInteger max = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
        BigInteger k = new BigInteger("59276e27d506861a16680f3ad9c02dccef3cc1fa3cdbe4ce6d54b80deac1bc21", 16);
        for (BigInteger e : new BigInteger[] {BigInteger.ZERO, N.subtract(BigInteger.ONE), N, N.add(BigInteger.ONE), max}) {
            byte[] sig = Sm2Math.signWithK(d, dPlus1Inv, e, k);
            assertThat(sig).as("e = %x", e).isNotNull();
            BigInteger r = new BigInteger(1, sig, 0, 32);
            BigInteger s = new BigInteger(1, sig, 32, 32);
            assertThat(Sm2Math.check(q, e, r, s)).as("e = %x", e).isTrue();
            assertThat(Sm2Math.check(q, e.mod(N), r, s)).as("e mod n = %x", e).isTrue();
            assertThat(Sm2Math.check(q, e.add(BigInteger.ONE), r, s)).as("e + 1 = %x", e).isFalse();
        }
    }

    @Test
    void refusesASignatureWhoseSumIsThePointAtInfinity() {
        // s·G + t·Q = O when Q = -(s / t)·G with t = r + s: a valid-looking r, s for such a key
        BigInteger r = new BigInteger("1234567890abcdef1234567890abcdef", 16);
        BigInteger s = new BigInteger("fedcba0987654321fedcba0987654321", 16);
        BigInteger t = r.add(s).mod(N);
        ECPoint q = G.multiply(s.multiply(t.modInverse(N)).negate().mod(N)).normalize();
        byte[] sig = new byte[64];
        System.arraycopy(Curves.bytes32(r), 0, sig, 0, 32);
        System.arraycopy(Curves.bytes32(s), 0, sig, 32, 32);
        byte[] msg = "infinity".getBytes(StandardCharsets.US_ASCII);
        assertThat(new Sm2Public(q, Sm2.defaultSignerId()).verify(JwsAlgorithm.SGD_SM3_SM2, msg, 0, msg.length, sig))
                .isEqualTo(SignatureCheck.MISMATCH);
    }

    @Test
    void agreesWithBouncyCastleOnSignaturesOfManyKeys() throws Exception {
        Random random = new Random(11);
        for (int i = 0; i < 40; i++) {
            SigningKey k = SigningKey.generate(JwsAlgorithm.SGD_SM3_SM2);
            byte[] msg = new byte[random.nextInt(300)];
            random.nextBytes(msg);
            Signature bcSign = Signature.getInstance("SM3withSM2", JcaKeys.provider());
            bcSign.setParameter(new SM2ParameterSpec(Sm2.defaultSignerId()));
            bcSign.initSign(k.toPrivateKey());
            bcSign.update(msg);
            byte[] bcSig = SignatureEncoding.derToRaw(bcSign.sign(), 32);
            for (byte[] sig : new byte[][] {bcSig, k.sign(msg)}) {
                byte[] bad = sig.clone();
                bad[random.nextInt(64)] ^= (byte) (1 << random.nextInt(8));
                for (byte[] candidate : new byte[][] {sig, bad}) {
                    Signature bcVerify = Signature.getInstance("SM3withSM2", JcaKeys.provider());
                    bcVerify.setParameter(new SM2ParameterSpec(Sm2.defaultSignerId()));
                    bcVerify.initVerify(k.verificationKey().toPublicKey());
                    bcVerify.update(msg);
                    boolean bc = bcVerify.verify(SignatureEncoding.rawToDer(candidate));
                    assertThat(k.verificationKey().verify(msg, candidate)).as("key %d", i).isEqualTo(bc)
                            .isEqualTo(candidate == sig);
                }
            }
        }
    }
}
