package org.zwfw.sdk.internal.ec;

import java.math.BigInteger;
import org.bouncycastle.math.ec.custom.sec.SecP256R1Field;
import org.bouncycastle.math.raw.Nat256;

/**
 * A P-256 public point prepared for {@link P256Ecdsa#verify}. The first verification with this
 * object builds a small comb of the point (8 points, 640 bytes) and drops it; the second builds
 * the kept comb ({@link #TABLE_BYTES} bytes: 8 teeth, 2 blocks, 256 points) that every later
 * verification uses. So a key verified once, such as a holder key in a presentation seen once,
 * never pays for the large table. Thread-safe: the table is immutable and published through a
 * volatile field; two threads may both build it, and either result is the same.
 */
public final class P256Key {

    /** Shape of a key's kept comb: 8 teeth, 2 blocks (d = 17). */
    static final int WIDTH = 8;
    static final int BLOCKS = 2;
    /** Shape of the comb built for a key's first verification and then dropped: 4 teeth, 1 block (d = 65). */
    static final int FIRST_WIDTH = 4;
    /** Bytes of a key's kept table (the long[] of its points, array header not counted). */
    public static final int TABLE_BYTES = BLOCKS * (1 << (WIDTH - 1)) * 80;

    private final int[] x;
    private final int[] y;
    private volatile boolean verifiedOnce;
    private volatile P256Comb comb;

    /**
     * @param x the affine x, in [0, p)
     * @param y the affine y, in [0, p)
     * @throws IllegalArgumentException if (x, y) is not on P-256
     */
    public P256Key(BigInteger x, BigInteger y) {
        if (x.signum() < 0 || y.signum() < 0 || x.compareTo(P256Ecdsa.P) >= 0 || y.compareTo(P256Ecdsa.P) >= 0) {
            throw new IllegalArgumentException("coordinate not in [0, p)");
        }
        this.x = Nat256.fromBigInteger(x);
        this.y = Nat256.fromBigInteger(y);
        if (!onCurve(this.x, this.y)) {
            throw new IllegalArgumentException("point not on P-256");
        }
    }

    /** y² = x³ − 3x + b. */
    private static boolean onCurve(int[] x, int[] y) {
        int[] tt = Nat256.createExt();
        int[] lhs = Nat256.create();
        int[] rhs = Nat256.create();
        int[] t = Nat256.create();
        SecP256R1Field.square(y, lhs, tt);
        SecP256R1Field.square(x, rhs, tt);
        SecP256R1Field.multiply(rhs, x, rhs, tt);
        SecP256R1Field.twice(x, t);
        SecP256R1Field.add(t, x, t);
        SecP256R1Field.subtract(rhs, t, rhs);
        SecP256R1Field.add(rhs, Nat256.fromBigInteger(B), rhs);
        return Nat256.eq(lhs, rhs);
    }

    private static final BigInteger B = new BigInteger(
            "5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b", 16);

    /** Whether the kept table has been built. */
    public boolean hasTable() {
        return comb != null;
    }

    P256Comb combForVerification() {
        P256Comb c = comb;
        if (c != null) {
            return c;
        }
        if (!verifiedOnce) {
            verifiedOnce = true;
            return P256Comb.build(x, y, FIRST_WIDTH, 1);
        }
        c = P256Comb.build(x, y, WIDTH, BLOCKS);
        comb = c;
        return c;
    }
}
