package org.zwfw.sdk.internal.sm;

import java.math.BigInteger;
import java.security.SecureRandom;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECFieldElement;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;

/**
 * SM2 digital signature with SM3, GB/T 32918.2-2016 §6 and §7 (= GM/T 0003.2), on BouncyCastle's
 * curve arithmetic. Z_A (GB/T 32918.2 §5.5) is computed once per key and signer ID rather than
 * once per signature. Signing computes k·G in constant time with the SDK's signed comb
 * ({@link Sm2BaseMultiplier}) and uses BouncyCastle's constant-time modular inversion; verification is variable-time (public data only) and compares x1 in
 * projective coordinates, without converting the point to affine form.
 *
 * <p>Compared in {@code sdk-bench} against BouncyCastle's {@code SM2Signer} with its own
 * {@code SM3Digest} ({@code Sm2VerifyBenchmark}, {@code SignBenchmark}): a whole SGD_SM3_SM2 token
 * verification through the SDK ran at 1.01 of a bare {@code SM2Signer} verification on JDK 17 and
 * 25, an SDK signature at 1.05 of {@code SM2Signer}'s (2026-12-06, {@code sdk-bench/README.md}).
 * The callers in
 * {@code org.zwfw.sdk.crypto} check a signature's encoding and ranges and name what is wrong;
 * this class only computes.
 */
public final class Sm2Math {

    /** The curve sm2p256v1 (GB/T 32918.5), on BouncyCastle's fast custom implementation. */
    public static final ECDomainParameters DOMAIN = domain();

    private static final ECDomainParameters D = DOMAIN;
    private static final BigInteger N = D.getN();
    /** k·G in constant time ({@link Sm2BaseMultiplier}). */
    public static final Sm2BaseMultiplier BASE = new Sm2BaseMultiplier();

    private static ECDomainParameters domain() {
        X9ECParameters x9 = CustomNamedCurves.getByName("sm2p256v1");
        return new ECDomainParameters(x9.getCurve(), x9.getG(), x9.getN(), x9.getH(), x9.getSeed());
    }

    private Sm2Math() {
    }

    /**
     * Z_A = SM3(ENTL_A ‖ ID_A ‖ a ‖ b ‖ x_G ‖ y_G ‖ x_A ‖ y_A).
     *
     * @param signerId    ID_A, at most 8,191 bytes
     * @param publicPoint the public key's point
     * @return the 32-byte Z_A
     */
    public static byte[] z(byte[] signerId, ECPoint publicPoint) {
        int bits = signerId.length * 8;
        if (bits > 0xFFFF) {
            throw new IllegalArgumentException("SM2 signer ID longer than 8191 bytes");
        }
        Sm3 sm3 = new Sm3();
        sm3.update((byte) (bits >>> 8));
        sm3.update((byte) bits);
        sm3.update(signerId, 0, signerId.length);
        update(sm3, D.getCurve().getA().toBigInteger());
        update(sm3, D.getCurve().getB().toBigInteger());
        update(sm3, D.getG().getAffineXCoord().toBigInteger());
        update(sm3, D.getG().getAffineYCoord().toBigInteger());
        ECPoint p = publicPoint.normalize();
        update(sm3, p.getAffineXCoord().toBigInteger());
        update(sm3, p.getAffineYCoord().toBigInteger());
        return sm3.digest();
    }

    private static void update(Sm3 sm3, BigInteger v) {
        byte[] b = BigIntegers.asUnsignedByteArray(32, v);
        sm3.update(b, 0, b.length);
    }

    /**
     * One SM3 hasher per thread for e, reused as BouncyCastle's {@code SM2Signer} reuses its own
     * digest; reset before use, so one left half-way by an exception cannot leak into the next.
     */
    private static final ThreadLocal<Sm3> SM3 = ThreadLocal.withInitial(Sm3::new);

    /**
     * e = SM3(Z_A ‖ M) as an integer.
     *
     * @param z    Z_A
     * @param data the message M is {@code data[off, off + len)}
     * @param off  first byte of M
     * @param len  length of M
     * @return e, in [0, 2^256)
     */
    public static BigInteger e(byte[] z, byte[] data, int off, int len) {
        Sm3 sm3 = SM3.get().reset();
        sm3.update(z, 0, z.length);
        sm3.update(data, off, len);
        return new BigInteger(1, sm3.digest());
    }

    /**
     * @param v a signature value r or s
     * @return whether {@code v} is in [1, n − 1] (GB/T 32918.2 §7.1 B1, B2)
     */
    public static boolean inRange(BigInteger v) {
        return v.signum() > 0 && v.compareTo(N) < 0;
    }

    /**
     * Steps B5-B7 for e = SM3(Z_A ‖ M) as an integer (any size) and r, s already in [1, n − 1].
     *
     * @param q the public key's point
     * @param e the message digest as an integer
     * @param r the signature's r
     * @param s the signature's s
     * @return whether the signature verifies
     */
    public static boolean check(ECPoint q, BigInteger e, BigInteger r, BigInteger s) {
        BigInteger t = r.add(s).mod(N);
        if (t.signum() == 0) {
            return false;
        }
        ECPoint p = ECAlgorithms.sumOfTwoMultiplies(D.getG(), s, q, t);
        // the point at infinity has no x1 and is refused; B7, R = (e + x1) mod n = r, asked as
        // x1 ≡ r - e (mod n)
        return xIsCongruent(D, p, r.subtract(e).mod(N));
    }

    /**
     * Whether {@code p} is a finite point whose affine x is congruent to {@code c}
     * ({@code 0 <= c < n}) modulo n: the last step of SM2 verification (and of ECDSA's, which
     * {@code org.zwfw.sdk.internal.ec.P256Ecdsa} asks the same way for ES256), asked without the
     * field inversion that {@code normalize()} costs. Since {@code n < p < 2n}, x is c or,
     * when that is below p, c + n; in Jacobian coordinates x = X / Z², so the test is
     * X = candidate · Z² (mod p). The technique of BoringSSL's {@code ec_cmp_x_coordinate} and
     * libsecp256k1's ECDSA verification; spec/algorithms.md §1.3.
     *
     * @param d the domain parameters of {@code p}'s curve
     * @param p a point
     * @param c the residue asked for
     * @return whether x(p) ≡ c (mod n)
     * @throws IllegalArgumentException if {@code p} is not on the curve of {@code d}
     */
    public static boolean xIsCongruent(ECDomainParameters d, ECPoint p, BigInteger c) {
        if (!p.getCurve().equals(d.getCurve())) {
            throw new IllegalArgumentException("point is not on the curve of these domain parameters");
        }
        if (p.isInfinity()) {
            return false;
        }
        ECFieldElement zz;
        if (p.isNormalized()) {
            zz = null;
        } else if (p.getCurve().getCoordinateSystem() == ECCurve.COORD_JACOBIAN) {
            zz = p.getZCoord(0).square();
        } else {
            return xIsCongruent(d, p.normalize(), c);
        }
        ECFieldElement x = p.getXCoord();
        BigInteger field = d.getCurve().getField().getCharacteristic();
        for (BigInteger candidate = c; candidate.compareTo(field) < 0; candidate = candidate.add(d.getN())) {
            ECFieldElement want = d.getCurve().fromBigInteger(candidate);
            if ((zz == null ? want : want.multiply(zz)).equals(x)) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param d a private key in [1, n − 2]
     * @return (1 + d)^-1 mod n, computed once per private key
     */
    public static BigInteger dPlus1Inverse(BigInteger d) {
        return BigIntegers.modOddInverse(N, d.add(BigInteger.ONE));
    }

    /**
     * GB/T 32918.2 §6.1, steps A1-A7, with a fresh random k per attempt.
     *
     * @param d         the private key
     * @param dPlus1Inv {@link #dPlus1Inverse}(d)
     * @param z         Z_A of the key's public point and signer ID
     * @param data      the message is {@code data[off, off + len)}
     * @param off       first byte of the message
     * @param len       length of the message
     * @param random    the source of k
     * @return the raw 64-byte r‖s signature
     */
    public static byte[] sign(BigInteger d, BigInteger dPlus1Inv, byte[] z, byte[] data, int off, int len,
            SecureRandom random) {
        BigInteger e = e(z, data, off, len);
        while (true) {
            BigInteger k = BigIntegers.createRandomInRange(BigInteger.ONE, N.subtract(BigInteger.ONE), random);
            byte[] sig = signWithK(d, dPlus1Inv, e, k);
            if (sig != null) {
                return sig;
            }
        }
    }

    /**
     * One signing attempt with a given k; {@code null} when GB/T 32918.2 says to pick another k
     * (r = 0, r + k = n, or s = 0). Public for the known-answer test, which supplies k.
     *
     * @param d         the private key
     * @param dPlus1Inv {@link #dPlus1Inverse}(d)
     * @param e         the message digest as an integer
     * @param k         the per-signature secret
     * @return the raw 64-byte r‖s signature, or {@code null}
     */
    public static byte[] signWithK(BigInteger d, BigInteger dPlus1Inv, BigInteger e, BigInteger k) {
        ECPoint kg = BASE.multiply(D.getG(), k).normalize();
        BigInteger r = e.add(kg.getAffineXCoord().toBigInteger()).mod(N);
        if (r.signum() == 0 || r.add(k).equals(N)) {
            return null;
        }
        BigInteger s = dPlus1Inv.multiply(k.subtract(r.multiply(d)).mod(N)).mod(N);
        if (s.signum() == 0) {
            return null;
        }
        byte[] out = new byte[64];
        BigIntegers.asUnsignedByteArray(r, out, 0, 32);
        BigIntegers.asUnsignedByteArray(s, out, 32, 32);
        return out;
    }
}
