package org.zwfw.sdk.internal.ec;

import java.math.BigInteger;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.raw.Nat256;
import org.bouncycastle.util.BigIntegers;

/**
 * ECDSA verification on P-256 (FIPS 186-5 §6.4.2, SEC 1 §4.1.4) for ES256: R = u1·G + u2·Q with
 * w = s⁻¹, u1 = e·w and u2 = r·w (mod n), computed as one joint evaluation of two signed combs
 * ({@link P256Comb}) that share their doublings: a static one of G and one of the key's point Q
 * ({@link P256Key}); then x(R) ≡ r (mod n) is asked in Jacobian coordinates, without an
 * inversion. The accumulator runs on {@link P256Field}; the tables are built with
 * BouncyCastle's P-256 field ({@code SecP256R1Field}). Variable-time: verification uses public
 * data only.
 *
 * <p>Cost per verification with a key's kept table (d = 17 and 12 for Q and G): 16 doublings and
 * 58 mixed additions, against about 42 doublings and 86 additions for BouncyCastle's
 * {@code ECDSASigner} with a promoted key (its own fixed-point comb of width 6).
 */
public final class P256Ecdsa {

    private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256r1");
    /** The group order n. */
    public static final BigInteger N = CURVE.getN();
    /** The field prime p. */
    static final BigInteger P = CURVE.getCurve().getField().getCharacteristic();

    /** G's large comb: 11 teeth, 2 blocks, 2,048 points, 163,840 bytes; d = 12. */
    static final int G_WIDTH = 11;
    static final int G_BLOCKS = 2;
    /** G's small comb, for a key's first verification: 8 teeth, 1 block, 128 points, 10,240 bytes; d = 33. */
    static final int G_SMALL_WIDTH = 8;

    private P256Ecdsa() {
    }

    /** The two combs of G, each built on first use (class initialisation is thread-safe). */
    private static final class SmallG {
        static final P256Comb COMB = gComb(G_SMALL_WIDTH, 1);
    }

    private static final class LargeG {
        static final P256Comb COMB = gComb(G_WIDTH, G_BLOCKS);
    }

    private static P256Comb gComb(int width, int blocks) {
        ECPoint g = CURVE.getG().normalize();
        return P256Comb.build(Nat256.fromBigInteger(g.getAffineXCoord().toBigInteger()),
                Nat256.fromBigInteger(g.getAffineYCoord().toBigInteger()), width, blocks);
    }

    static P256Comb smallG() {
        return SmallG.COMB;
    }

    static P256Comb largeG() {
        return LargeG.COMB;
    }

    /**
     * @param key    the public key
     * @param digest the 32-byte SHA-256 digest of the message; e is its value (FIPS 186-5
     *               truncates to the 256 bits of n, which is all of it)
     * @param r      the signature's r, in [1, n − 1]
     * @param s      the signature's s, in [1, n − 1]
     * @return whether the signature verifies
     * @throws IllegalArgumentException if the digest is not 32 bytes or r or s is out of range
     */
    public static boolean verify(P256Key key, byte[] digest, BigInteger r, BigInteger s) {
        if (digest.length != 32) {
            throw new IllegalArgumentException("ES256 digest must be 32 bytes");
        }
        if (r.signum() <= 0 || r.compareTo(N) >= 0 || s.signum() <= 0 || s.compareTo(N) >= 0) {
            throw new IllegalArgumentException("r and s must be in [1, n - 1]");
        }
        P256Comb q = key.combForVerification();
        return verify(q.spacing > SMALL_G_SPACING ? smallG() : largeG(), q, digest, r, s);
    }

    /** Spacing of the small G comb: a Q comb with a larger one runs a loop long enough for it. */
    private static final int SMALL_G_SPACING = P256Comb.spacing(G_SMALL_WIDTH, 1);

    static boolean verify(P256Comb gComb, P256Comb qComb, byte[] digest, BigInteger r, BigInteger s) {
        BigInteger e = new BigInteger(1, digest);
        BigInteger w = BigIntegers.modOddInverseVar(N, s);
        BigInteger u1 = e.multiply(w).mod(N);
        BigInteger u2 = r.multiply(w).mod(N);
        P256Jacobian sum = new P256Jacobian();
        P256Comb.sumOfProducts(gComb, u1, qComb, u2, sum);
        return xIsCongruent(sum, r);
    }

    /**
     * Whether {@code q} is finite and its affine x, X / Z², is congruent to {@code c} (0 ≤ c &lt; n)
     * modulo n. Since n &lt; p &lt; 2n, x ∈ [0, p) is c or, only when c + n &lt; p, c + n: the test is
     * X = c·Z² or X = (c + n)·Z² (mod p), here with all three in Montgomery form.
     */
    static boolean xIsCongruent(P256Jacobian q, BigInteger c) {
        if (q.isInfinity()) {
            return false;
        }
        long[] zz = new long[5];
        long[] v = new long[5];
        long[] scratch = new long[5];
        P256Field.sqr(q.z, 0, zz, 0);
        P256Field.mul(P256Field.toMontgomery(c), 0, zz, 0, v, 0);
        if (P256Field.equal(v, 0, q.x, 0, scratch)) {
            return true;
        }
        BigInteger c2 = c.add(N);
        if (c2.compareTo(P) >= 0) {
            return false;
        }
        P256Field.mul(P256Field.toMontgomery(c2), 0, zz, 0, v, 0);
        return P256Field.equal(v, 0, q.x, 0, scratch);
    }
}
