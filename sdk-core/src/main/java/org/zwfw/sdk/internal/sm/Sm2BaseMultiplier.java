package org.zwfw.sdk.internal.sm;

import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.custom.gm.SM2P256V1Field;
import org.bouncycastle.math.raw.Nat256;
import org.zwfw.sdk.internal.ec.BasePointMultiplier;
import org.zwfw.sdk.internal.ec.SignedDigits;

/**
 * k·G on the SM2 curve for signing and key generation (secret k), with the same sequence of
 * operations and memory reads whatever k is, as {@code org.zwfw.sdk.internal.ec.P256BaseMultiplier}
 * does for P-256: a signed comb of G (every digit ±1, {@link SignedDigits}), 6 teeth × 4 blocks
 * (d = 11: 10 doublings and 43 mixed additions, against BouncyCastle's comb with 42 doublings and
 * 43 additions), each point read by a masked scan of its block's 32 entries, its sign a masked
 * choice, the additions without a branch, on BouncyCastle's SM2 field ({@code SM2P256V1Field}),
 * the result made affine with its constant-time inversion. The curve's a = −3, so the doubling
 * formulas are P-256's.
 *
 * <p>The mixed addition fails when the accumulator equals ± the point added (probability about
 * 2^−250 for a random k); the multiplication then starts again with BouncyCastle's
 * {@code FixedPointCombMultiplier}, as it does for any point other than G.
 */
public final class Sm2BaseMultiplier extends BasePointMultiplier {

    static final int WIDTH = 6;
    static final int BLOCKS = 4;

    private static final ECPoint G = Sm2Math.DOMAIN.getG().normalize();
    private static final BigInteger N = Sm2Math.DOMAIN.getN();
    private static final int[] N_WORDS = Nat256.fromBigInteger(N);

    /** Built on first use (class initialisation is thread-safe). */
    private static final class Table {
        static final Comb COMB = Comb.build(WIDTH, BLOCKS);
    }

    /** Stateless: one instance serves every thread. */
    public Sm2BaseMultiplier() {
        super(G, N);
    }

    @Override
    protected boolean multiplyG(int[] k, int[] xy) {
        return multiplyG(k, Table.COMB, xy);
    }

    /** A signed comb of G: block b, entry m at [(b·2^(w−1) + m)·16, +16), affine x then y. */
    static final class Comb {
        final int width;
        final int blocks;
        final int spacing;
        private final int[] points;

        private Comb(int width, int blocks, int spacing, int[] points) {
            this.width = width;
            this.blocks = blocks;
            this.spacing = spacing;
            this.points = points;
        }

        /** Entry m of block b is 2^(d·(w−1))·B + Σ_{j&lt;w−1} ±2^(d·j)·B, B = 2^(d·w·b)·G, + when bit j of m is set. */
        static Comb build(int width, int blocks) {
            int d = (257 + width * blocks - 1) / (width * blocks);
            int half = 1 << (width - 1);
            ECPoint[] all = new ECPoint[blocks * half];
            ECPoint base = G;
            for (int b = 0; b < blocks; b++) {
                ECPoint[] teeth = new ECPoint[width];
                teeth[0] = base;
                for (int j = 1; j < width; j++) {
                    teeth[j] = teeth[j - 1].timesPow2(d);
                }
                ECPoint first = teeth[width - 1];
                for (int j = 0; j < width - 1; j++) {
                    first = first.subtract(teeth[j]);
                }
                all[b * half] = first;
                for (int h = 0; h < width - 1; h++) {
                    ECPoint step = teeth[h].twice();
                    for (int m = 0; m < (1 << h); m++) {
                        all[b * half + m + (1 << h)] = all[b * half + m].add(step);
                    }
                }
                base = teeth[width - 1].timesPow2(d);
            }
            ECCurve curve = G.getCurve();
            curve.normalizeAll(all);
            int[] points = new int[all.length * 16];
            for (int i = 0; i < all.length; i++) {
                if (all[i].isInfinity()) {
                    // cannot happen: each entry is c·G with 0 < |c| < n
                    throw new IllegalStateException("comb point at infinity");
                }
                System.arraycopy(Nat256.fromBigInteger(all[i].getAffineXCoord().toBigInteger()), 0, points, i * 16, 8);
                System.arraycopy(Nat256.fromBigInteger(all[i].getAffineYCoord().toBigInteger()), 0, points, i * 16 + 8,
                        8);
            }
            return new Comb(width, blocks, d, points);
        }

        /** out = entry {@code index} of block {@code block}, negated when {@code negate} is 1; every entry read and masked. */
        void select(int block, int index, int negate, int[] out, int[] negY) {
            int half = 1 << (width - 1);
            int base = block * half * 16;
            Arrays.fill(out, 0, 16, 0);
            for (int e = 0; e < half; e++) {
                // −1 exactly when e = index (both below 2^12)
                int m = ((e ^ index) - 1) >> 31;
                int o = base + e * 16;
                for (int j = 0; j < 16; j++) {
                    out[j] |= points[o + j] & m;
                }
            }
            int[] y = Arrays.copyOfRange(out, 8, 16);
            SM2P256V1Field.negate(y, negY);
            int n = -negate;
            for (int j = 0; j < 8; j++) {
                out[8 + j] = (out[8 + j] & ~n) | (negY[j] & n);
            }
        }
    }

    /**
     * xy = k·G as affine x then y (eight little-endian words each).
     *
     * @param k a scalar in [1, n), eight little-endian words
     * @return false when an addition met its exceptional case (the result is then not written)
     */
    static boolean multiplyG(int[] k, Comb comb, int[] xy) {
        int w = comb.width;
        int d = comb.spacing;
        int[] t = SignedDigits.recode(k, N_WORDS, w * comb.blocks * d);
        Jacobian acc = new Jacobian();
        int[] point = new int[16];
        int[] scratch = new int[8];
        int exceptional = 0;
        for (int i = d - 1; i >= 0; i--) {
            if (i < d - 1) {
                acc.twice();
            }
            for (int b = 0; b < comb.blocks; b++) {
                int c = SignedDigits.column(t, i, b, w, d);
                comb.select(b, c >>> 1, c & 1, point, scratch);
                if (i == d - 1 && b == 0) {
                    acc.setAffine(point);
                } else {
                    exceptional |= acc.addAffineUniform(point);
                }
            }
        }
        if (exceptional != 0) {
            return false;
        }
        int[] zi = Nat256.create();
        SM2P256V1Field.inv(acc.z, zi);
        int[] zi2 = Nat256.create();
        SM2P256V1Field.square(zi, zi2);
        int[] x = Nat256.create();
        int[] y = Nat256.create();
        SM2P256V1Field.multiply(acc.x, zi2, x);
        SM2P256V1Field.multiply(zi2, zi, zi2);
        SM2P256V1Field.multiply(acc.y, zi2, y);
        System.arraycopy(x, 0, xy, 0, 8);
        System.arraycopy(y, 0, xy, 8, 8);
        return true;
    }

    /**
     * The accumulator: Jacobian coordinates on {@code SM2P256V1Field} (elements fully reduced),
     * the formulas of {@code P256Point} for a = −3 (doubling 3M + 5S, mixed addition 8M + 3S),
     * without branches. Always finite here (the exceptional case is reported, not handled).
     */
    static final class Jacobian {
        final int[] x = Nat256.create();
        final int[] y = Nat256.create();
        final int[] z = Nat256.create();
        private final int[] t1 = Nat256.create();
        private final int[] t2 = Nat256.create();
        private final int[] t3 = Nat256.create();
        private final int[] t4 = Nat256.create();
        private final int[] t5 = Nat256.create();
        private final int[] t6 = Nat256.create();

        void setAffine(int[] xy) {
            System.arraycopy(xy, 0, x, 0, 8);
            System.arraycopy(xy, 8, y, 0, 8);
            Nat256.zero(z);
            z[0] = 1;
        }

        void twice() {
            int[] delta = t1;
            int[] gamma = t2;
            int[] beta = t3;
            int[] alpha = t4;
            SM2P256V1Field.square(z, delta);
            SM2P256V1Field.square(y, gamma);
            SM2P256V1Field.multiply(x, gamma, beta);
            // alpha = 3 (x − delta)(x + delta)
            SM2P256V1Field.subtract(x, delta, t5);
            SM2P256V1Field.add(x, delta, t6);
            SM2P256V1Field.multiply(t5, t6, alpha);
            SM2P256V1Field.twice(alpha, t5);
            SM2P256V1Field.add(alpha, t5, alpha);
            // Z3 = (y + z)² − gamma − delta = 2yz
            SM2P256V1Field.add(y, z, t5);
            SM2P256V1Field.square(t5, t5);
            SM2P256V1Field.subtract(t5, gamma, t5);
            SM2P256V1Field.subtract(t5, delta, z);
            // X3 = alpha² − 8 beta
            SM2P256V1Field.twice(beta, beta);
            SM2P256V1Field.twice(beta, beta);
            SM2P256V1Field.twice(beta, t5);
            SM2P256V1Field.square(alpha, x);
            SM2P256V1Field.subtract(x, t5, x);
            // Y3 = alpha (4 beta − X3) − 8 gamma²
            SM2P256V1Field.subtract(beta, x, t5);
            SM2P256V1Field.multiply(alpha, t5, t5);
            SM2P256V1Field.square(gamma, t6);
            SM2P256V1Field.twice(t6, t6);
            SM2P256V1Field.twice(t6, t6);
            SM2P256V1Field.twice(t6, t6);
            SM2P256V1Field.subtract(t5, t6, y);
        }

        /** this = this + A for the affine A = xy; −1 when H ≡ 0 (this was ±A: the result is wrong), else 0. */
        int addAffineUniform(int[] xy) {
            int[] zz = t1;
            int[] h = t2;
            int[] r = t3;
            int[] a = t6;
            System.arraycopy(xy, 0, a, 0, 8);
            SM2P256V1Field.square(z, zz);
            SM2P256V1Field.multiply(a, zz, h);
            SM2P256V1Field.subtract(h, x, h);
            System.arraycopy(xy, 8, a, 0, 8);
            SM2P256V1Field.multiply(zz, z, r);
            SM2P256V1Field.multiply(r, a, r);
            SM2P256V1Field.subtract(r, y, r);
            int exceptional = SM2P256V1Field.isZero(h);
            int[] hh = t1;
            int[] hhh = t4;
            int[] v = t5;
            SM2P256V1Field.multiply(z, h, z);
            SM2P256V1Field.square(h, hh);
            SM2P256V1Field.multiply(hh, h, hhh);
            // V = x hh; X3 = r² − hhh − 2V
            SM2P256V1Field.multiply(x, hh, v);
            SM2P256V1Field.square(r, x);
            SM2P256V1Field.subtract(x, hhh, x);
            SM2P256V1Field.twice(v, h);
            SM2P256V1Field.subtract(x, h, x);
            // Y3 = r (V − X3) − y hhh
            SM2P256V1Field.subtract(v, x, v);
            SM2P256V1Field.multiply(r, v, v);
            SM2P256V1Field.multiply(y, hhh, h);
            SM2P256V1Field.subtract(v, h, y);
            return exceptional;
        }
    }
}
