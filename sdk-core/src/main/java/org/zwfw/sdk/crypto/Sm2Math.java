package org.zwfw.sdk.crypto;

import java.math.BigInteger;
import java.security.SecureRandom;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.util.BigIntegers;
import org.zwfw.sdk.internal.Sm3;

/**
 * SM2 digital signature with SM3, GB/T 32918.2-2016 §6 and §7 (= GM/T 0003.2), on BouncyCastle's
 * curve arithmetic. Z_A (GB/T 32918.2 §5.5) is computed once per key and signer ID rather than
 * once per signature. Signing uses BouncyCastle's fixed-base comb multiplier and constant-time
 * modular inversion; verification is variable-time (public data only) and compares x1 in
 * projective coordinates, without converting the point to affine form.
 */
final class Sm2Math {

    private static final ECDomainParameters D = Curves.SM2;
    private static final BigInteger N = D.getN();

    private Sm2Math() {
    }

    /** Z_A = SM3(ENTL_A ‖ ID_A ‖ a ‖ b ‖ x_G ‖ y_G ‖ x_A ‖ y_A). */
    static byte[] z(byte[] signerId, ECPoint publicPoint) {
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
        byte[] b = Curves.bytes32(v);
        sm3.update(b, 0, b.length);
    }

    /**
     * One SM3 hasher per thread for e, reused as BouncyCastle's {@code SM2Signer} reuses its own
     * digest; reset before use, so one left half-way by an exception cannot leak into the next.
     */
    private static final ThreadLocal<Sm3> SM3 = ThreadLocal.withInitial(Sm3::new);

    /** e = SM3(Z_A ‖ M) as an integer. */
    static BigInteger e(byte[] z, byte[] data, int off, int len) {
        Sm3 sm3 = SM3.get().reset();
        sm3.update(z, 0, z.length);
        sm3.update(data, off, len);
        return new BigInteger(1, sm3.digest());
    }

    /** GB/T 32918.2 §7.1, steps B1-B7, on a raw 64-byte r‖s signature. */
    static SignatureCheck verify(ECPoint q, byte[] z, byte[] data, int off, int len, byte[] sig) {
        if (sig.length != 64) {
            return SignatureCheck.WRONG_LENGTH;
        }
        BigInteger r = new BigInteger(1, sig, 0, 32);
        BigInteger s = new BigInteger(1, sig, 32, 32);
        if (r.signum() <= 0 || r.compareTo(N) >= 0 || s.signum() <= 0 || s.compareTo(N) >= 0) {
            return SignatureCheck.OUT_OF_RANGE;
        }
        return check(q, e(z, data, off, len), r, s);
    }

    /** Steps B5-B7 for e = SM3(Z_A ‖ M) as an integer (any size) and r, s already in [1, n − 1]. */
    static SignatureCheck check(ECPoint q, BigInteger e, BigInteger r, BigInteger s) {
        BigInteger t = r.add(s).mod(N);
        if (t.signum() == 0) {
            return SignatureCheck.MISMATCH;
        }
        ECPoint p = ECAlgorithms.sumOfTwoMultiplies(D.getG(), s, q, t);
        // the point at infinity has no x1 and is refused; B7, R = (e + x1) mod n = r, asked as
        // x1 ≡ r - e (mod n)
        return Curves.xIsCongruent(D, p, r.subtract(e).mod(N)) ? SignatureCheck.VALID : SignatureCheck.MISMATCH;
    }

    /** (1 + d)^-1 mod n, computed once per private key. */
    static BigInteger dPlus1Inverse(BigInteger d) {
        return BigIntegers.modOddInverse(N, d.add(BigInteger.ONE));
    }

    /** GB/T 32918.2 §6.1, steps A1-A7, with a fresh random k per attempt. */
    static byte[] sign(BigInteger d, BigInteger dPlus1Inv, byte[] z, byte[] data, int off, int len,
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
     * (r = 0, r + k = n, or s = 0). Package-private so the known-answer test can supply k.
     */
    static byte[] signWithK(BigInteger d, BigInteger dPlus1Inv, BigInteger e, BigInteger k) {
        ECPoint kg = new FixedPointCombMultiplier().multiply(D.getG(), k).normalize();
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
