package org.zwfw.sdk.internal.ec;

import org.bouncycastle.math.ec.custom.sec.SecP256R1Field;
import org.bouncycastle.math.raw.Nat256;

/**
 * k·G on P-256 for signing and key generation (secret k), with the same sequence of operations
 * and memory reads whatever k is: the signed comb of {@link P256Comb} (every digit ±1, so every
 * column adds one point per block, none skipped), each point read with {@link P256Comb#select}
 * (all entries of the block read and masked, the sign a masked choice), the accumulator run on
 * {@link P256Field} by {@link P256Jacobian#addAffineUniform} (no branch), the result brought to
 * affine with BouncyCastle's constant-time inversion ({@code SecP256R1Field.inv}). The scalar is
 * recoded without a branch ({@link SignedDigits}).
 *
 * <p>The mixed addition is not complete: it fails when the accumulator equals ± the point added,
 * which for a secret uniformly random k happens with probability about 2^−250 per
 * multiplication. The multiplication then starts again with BouncyCastle's
 * {@code FixedPointCombMultiplier}, so the answer is always right. Any point other than G of
 * P-256 goes to BouncyCastle too. Comb: 6 teeth × 4 blocks (128 points, 10,240 bytes), d = 11:
 * 10 doublings and 43 additions, each addition after a read of 32 points.
 */
public final class P256BaseMultiplier extends BasePointMultiplier {

    static final int WIDTH = 6;
    static final int BLOCKS = 4;

    private static final int[] N_WORDS = Nat256.fromBigInteger(P256Ecdsa.N);

    /** Built on first use (class initialisation is thread-safe). */
    private static final class Table {
        static final P256Comb COMB = P256Ecdsa.gComb(WIDTH, BLOCKS);
    }

    /** Stateless: one instance serves every thread. */
    public P256BaseMultiplier() {
        super(P256Ecdsa.CURVE.getG(), P256Ecdsa.N);
    }

    @Override
    protected boolean multiplyG(int[] k, int[] xy) {
        return multiplyG(k, Table.COMB, xy);
    }

    /**
     * xy = k·G as affine x then y (eight little-endian words each).
     *
     * @param k    a scalar in [1, n), eight little-endian words
     * @param comb a comb of G
     * @return false when an addition met its exceptional case (the result is then not written)
     */
    static boolean multiplyG(int[] k, P256Comb comb, int[] xy) {
        int w = comb.width;
        int d = comb.spacing;
        int[] t = SignedDigits.recode(k, N_WORDS, w * comb.blocks * d);
        P256Jacobian acc = new P256Jacobian();
        long[] point = new long[10];
        long[] scratch = new long[5];
        long exceptional = 0;
        for (int i = d - 1; i >= 0; i--) {
            if (i < d - 1) {
                acc.twice();
            }
            for (int b = 0; b < comb.blocks; b++) {
                int c = SignedDigits.column(t, i, b, w, d);
                comb.select(b, c >>> 1, c & 1, point, scratch);
                if (i == d - 1 && b == 0) {
                    acc.setAffine(point, 0);
                } else {
                    exceptional |= acc.addAffineUniform(point, 0);
                }
            }
        }
        if (exceptional != 0) {
            return false;
        }
        int[] x = new int[8];
        int[] y = new int[8];
        int[] z = new int[8];
        P256Field.toWords(acc.x, 0, x, 0);
        P256Field.toWords(acc.y, 0, y, 0);
        P256Field.toWords(acc.z, 0, z, 0);
        int[] zi = Nat256.create();
        SecP256R1Field.inv(z, zi);
        int[] tt = Nat256.createExt();
        int[] zi2 = Nat256.create();
        SecP256R1Field.square(zi, zi2, tt);
        SecP256R1Field.multiply(x, zi2, x, tt);
        SecP256R1Field.multiply(zi2, zi, zi2, tt);
        SecP256R1Field.multiply(y, zi2, y, tt);
        System.arraycopy(x, 0, xy, 0, 8);
        System.arraycopy(y, 0, xy, 8, 8);
        return true;
    }
}
