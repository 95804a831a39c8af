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
 * <p>Cost per verification with a key's larger table (d = 13 and 11 for Q and G): 12 doublings
 * and 48 mixed additions; with its smaller one (d = 17 for both): 16 doublings and 68 mixed
 * additions; BouncyCastle's {@code ECDSASigner} with a promoted key (its own fixed-point comb of
 * width 6): about 42 doublings and 86 additions.
 */
public final class P256Ecdsa {

    static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256r1");
    /** The group order n. */
    public static final BigInteger N = CURVE.getN();
    /** The field prime p. */
    static final BigInteger P = CURVE.getCurve().getField().getCharacteristic();

    /**
     * G's combs: a medium one (8 teeth, 2 blocks, 256 points, 20,480 bytes; d = 17), and a large
     * one (12 teeth, 2 blocks, 4,096 points, 327,680 bytes; d = 11) built when the first key
     * gets its larger table ({@link P256Key}) and used by every verification from then on.
     */
    static final int G_MEDIUM_WIDTH = 8;
    static final int G_LARGE_WIDTH = 12;
    static final int G_BLOCKS = 2;

    private P256Ecdsa() {
    }

    /** Built on first use (class initialisation is thread-safe). */
    private static final class MediumG {
        static final P256Comb COMB = gComb(G_MEDIUM_WIDTH, G_BLOCKS);
    }

    private static final class LargeG {
        static final P256Comb COMB = gComb(G_LARGE_WIDTH, G_BLOCKS);
    }

    private static volatile boolean largeBuilt;

    static P256Comb gComb(int width, int blocks) {
        ECPoint g = CURVE.getG().normalize();
        return P256Comb.build(Nat256.fromBigInteger(g.getAffineXCoord().toBigInteger()),
                Nat256.fromBigInteger(g.getAffineYCoord().toBigInteger()), width, blocks);
    }

    static P256Comb mediumG() {
        return MediumG.COMB;
    }

    static P256Comb largeG() {
        P256Comb c = LargeG.COMB;
        largeBuilt = true;
        return c;
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
        // any two combs give the right sum (the loop runs over the larger spacing); the large G
        // comb is faster once built, and its spacing is below every key comb's
        return verify(largeBuilt || q.width == P256Key.HOT_WIDTH ? largeG() : mediumG(), q, digest, r, s);
    }

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
