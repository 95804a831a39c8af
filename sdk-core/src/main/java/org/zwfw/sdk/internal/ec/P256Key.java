package org.zwfw.sdk.internal.ec;

import java.math.BigInteger;
import org.bouncycastle.math.ec.custom.sec.SecP256R1Field;
import org.bouncycastle.math.raw.Nat256;

/**
 * A P-256 public point prepared for {@link P256Ecdsa#verify}, with the comb table of the point
 * that fits how often this object has verified:
 * <ul>
 * <li>first verification: a small comb (4 teeth, 8 points, 640 bytes), built and dropped, so a
 * key verified once (such as a holder key seen once) never pays for a large table;
 * <li>second to 63rd: a kept comb of 8 teeth in 2 blocks ({@link #WARM_TABLE_BYTES} = 20,480
 * bytes);
 * <li>from the 64th on: a kept comb of 10 teeth in 2 blocks ({@link #HOT_TABLE_BYTES} = 81,920
 * bytes), which replaces the other.
 * </ul>
 * Thread-safe: the tables are immutable and published through a volatile field; the count of
 * verifications is kept without synchronisation (an estimate: it only decides which table is
 * built), and two threads may both build a table, either result being the same.
 */
public final class P256Key {

    /** Shape of the comb built for a key's first verification and then dropped: 4 teeth, 1 block (d = 65). */
    static final int FIRST_WIDTH = 4;
    /** Shape of a key's kept combs: 2 blocks of 8 teeth (d = 17), then of 10 teeth (d = 13). */
    static final int WARM_WIDTH = 8;
    static final int HOT_WIDTH = 10;
    static final int BLOCKS = 2;
    /** The verification with this object from which on the larger comb is used (counting from 1). */
    static final int HOT_FROM = 64;
    /** Bytes of a key's kept tables (the long[] of their points, array header not counted). */
    public static final int WARM_TABLE_BYTES = BLOCKS * (1 << (WARM_WIDTH - 1)) * 80;
    public static final int HOT_TABLE_BYTES = BLOCKS * (1 << (HOT_WIDTH - 1)) * 80;

    private final int[] x;
    private final int[] y;
    /** Verifications so far, saturating; written without synchronisation. */
    private int uses;
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

    /** Whether a kept table has been built. */
    public boolean hasTable() {
        return comb != null;
    }

    /** Whether the larger kept table has been built. */
    boolean hot() {
        P256Comb c = comb;
        return c != null && c.width == HOT_WIDTH;
    }

    /** The comb for this verification; counts it. */
    P256Comb combForVerification() {
        int n = uses;
        if (n < Integer.MAX_VALUE) {
            uses = n + 1;
        }
        P256Comb c = comb;
        if (n == 0 && c == null) {
            return P256Comb.build(x, y, FIRST_WIDTH, 1);
        }
        int width = n + 1 >= HOT_FROM ? HOT_WIDTH : WARM_WIDTH;
        if (c == null || c.width < width) {
            c = P256Comb.build(x, y, width, BLOCKS);
            // another thread may have published a wider one meanwhile: never go back
            P256Comb now = comb;
            if (now == null || now.width < c.width) {
                comb = c;
            }
        }
        return c;
    }
}
