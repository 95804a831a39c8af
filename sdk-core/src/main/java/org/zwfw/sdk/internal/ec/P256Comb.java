package org.zwfw.sdk.internal.ec;

import java.math.BigInteger;
import org.bouncycastle.math.ec.custom.sec.SecP256R1Field;
import org.bouncycastle.math.raw.Nat;
import org.bouncycastle.math.raw.Nat256;

/**
 * A signed fixed-base comb of one P-256 point P, for verification only (variable-time).
 *
 * <p>The scalar k (0 ≤ k &lt; n) is first made odd (k + n when k is even: the same multiple of
 * P, since n·P = ∞) and then written with every digit ±1: with t = (k + 2^B − 1) / 2 and
 * B = w·v·d ≥ 257 bits, k = Σ_{i&lt;B} (2·t_i − 1)·2^i. The B positions are split in v blocks of
 * w teeth d apart: column i of block b collects the digits at i + d·(j + w·b), j &lt; w, and its
 * value Σ_j ±2^(d·(j + w·b))·P is, up to its sign, one of 2^(w−1) points stored per block (the
 * sign of the top tooth decides the sign of the whole column). So k·P = Σ_{i&lt;d} 2^i · Σ_b
 * ±T_b[column] costs d − 1 doublings and v·d mixed additions (Hankerson, Menezes and Vanstone,
 * "Guide to Elliptic Curve Cryptography", algorithm 3.44, with the signed-digit recoding of
 * Hedabou, Pinel and Bénéteau). {@link #sumOfProducts} evaluates two combs in one loop, so they
 * share their doublings.
 *
 * <p>Immutable once built: one {@code int[]} of v·2^(w−1) affine points, 64 bytes each.
 */
final class P256Comb {

    final int width;
    final int blocks;
    final int spacing;
    /**
     * Block b, entry m at [(b·2^(w−1) + m) · 10, +10): x then y, each in {@link P256Field}'s
     * Montgomery form.
     */
    private final long[] points;

    private P256Comb(int width, int blocks, int spacing, long[] points) {
        this.width = width;
        this.blocks = blocks;
        this.spacing = spacing;
        this.points = points;
    }

    /** d = ⌈257 / (w·v)⌉: 257 bits hold k + n. */
    static int spacing(int width, int blocks) {
        return (257 + width * blocks - 1) / (width * blocks);
    }

    /** The table's size in bytes, array header not counted. */
    int bytes() {
        return points.length * 8;
    }

    /**
     * Builds the comb of the finite affine point (x, y), which must lie on P-256 (so has prime
     * order n).
     *
     * @param width  w, teeth per block, 2 to 13
     * @param blocks v, 1 to 8
     */
    static P256Comb build(int[] x, int[] y, int width, int blocks) {
        if (width < 2 || width > 13 || blocks < 1 || blocks > 8) {
            throw new IllegalArgumentException("comb shape out of range: " + width + " x " + blocks);
        }
        int d = spacing(width, blocks);
        int half = 1 << (width - 1);
        long[] points = new long[blocks * half * 10];
        P256Point p = new P256Point();
        int[] xy = new int[16];
        System.arraycopy(x, 0, xy, 0, 8);
        System.arraycopy(y, 0, xy, 8, 8);
        p.setAffine(xy, 0);
        for (int b = 0; b < blocks; b++) {
            if (b > 0) {
                // from 2^(d·(w−1))·P_{b−1} to P_b = 2^(d·w)·P_{b−1}
                for (int i = 0; i < d; i++) {
                    p.twice();
                }
            }
            block(p, width, d, points, b * half * 10);
        }
        return new P256Comb(width, blocks, d, points);
    }

    /**
     * One block for the base p (Jacobian): entry m is 2^(d·(w−1))·p + Σ_{j&lt;w−1} ±2^(d·j)·p, the
     * sign of tooth j being + when bit j of m is set. On return p is 2^(d·(w−1)) times what it was.
     */
    private static void block(P256Point p, int width, int d, long[] out, int outOff) {
        int half = 1 << (width - 1);
        // B_j = 2^(d·j)·p for j < w, and 2·B_j for j < w − 1, all affine (one inversion)
        int n = 2 * width - 1;
        int[] jx = new int[n * 8];
        int[] jy = new int[n * 8];
        int[] jz = new int[n * 8];
        P256Point q = new P256Point();
        for (int j = 0; j < width; j++) {
            if (j > 0) {
                for (int i = 0; i < d; i++) {
                    p.twice();
                }
            }
            store(p, j, jx, jy, jz);
            if (j < width - 1) {
                q.set(p);
                q.twice();
                store(q, width + j, jx, jy, jz);
            }
        }
        int[] bases = new int[n * 16];
        normalize(jx, jy, jz, n, bases);
        // T[0] = B_{w−1} − Σ_{j<w−1} B_j; T[m + 2^h] = T[m] + 2·B_h for m < 2^h
        int[] tx = new int[half * 8];
        int[] ty = new int[half * 8];
        int[] tz = new int[half * 8];
        q.setAffine(bases, (width - 1) * 16);
        for (int j = 0; j < width - 1; j++) {
            q.addAffine(bases, j * 16, true);
        }
        store(q, 0, tx, ty, tz);
        for (int h = 0; h < width - 1; h++) {
            for (int m = 0; m < (1 << h); m++) {
                load(q, m, tx, ty, tz);
                q.addAffine(bases, (width + h) * 16, false);
                store(q, m + (1 << h), tx, ty, tz);
            }
        }
        int[] affine = new int[half * 16];
        normalize(tx, ty, tz, half, affine);
        for (int m = 0; m < 2 * half; m++) {
            P256Field.toMontgomery(affine, m * 8, out, outOff + m * 5);
        }
    }

    private static void store(P256Point p, int i, int[] jx, int[] jy, int[] jz) {
        if (p.isInfinity()) {
            // cannot happen for a point of prime order n: each is c·P with 0 < |c| < n
            throw new IllegalStateException("comb point at infinity");
        }
        System.arraycopy(p.x, 0, jx, i * 8, 8);
        System.arraycopy(p.y, 0, jy, i * 8, 8);
        System.arraycopy(p.z, 0, jz, i * 8, 8);
    }

    private static void load(P256Point p, int i, int[] jx, int[] jy, int[] jz) {
        System.arraycopy(jx, i * 8, p.x, 0, 8);
        System.arraycopy(jy, i * 8, p.y, 0, 8);
        System.arraycopy(jz, i * 8, p.z, 0, 8);
    }

    /** Converts {@code n} Jacobian points to affine x‖y in {@code out}, with one inversion (Montgomery's trick). */
    private static void normalize(int[] jx, int[] jy, int[] jz, int n, int[] out) {
        int[] tt = Nat256.createExt();
        // prefix[i] = z_0 ⋯ z_i
        int[] prefix = new int[n * 8];
        int[] acc = Nat256.create();
        int[] z = Nat256.create();
        System.arraycopy(jz, 0, prefix, 0, 8);
        for (int i = 1; i < n; i++) {
            System.arraycopy(prefix, (i - 1) * 8, acc, 0, 8);
            System.arraycopy(jz, i * 8, z, 0, 8);
            SecP256R1Field.multiply(acc, z, acc, tt);
            System.arraycopy(acc, 0, prefix, i * 8, 8);
        }
        int[] inv = Nat256.create();
        System.arraycopy(prefix, (n - 1) * 8, acc, 0, 8);
        SecP256R1Field.inv(acc, inv);
        int[] zi = Nat256.create();
        int[] zi2 = Nat256.create();
        int[] v = Nat256.create();
        for (int i = n - 1; i >= 0; i--) {
            // inv = 1 / (z_0 ⋯ z_i), so 1 / z_i = inv · (z_0 ⋯ z_{i−1})
            if (i > 0) {
                System.arraycopy(prefix, (i - 1) * 8, acc, 0, 8);
                SecP256R1Field.multiply(inv, acc, zi, tt);
                System.arraycopy(jz, i * 8, z, 0, 8);
                SecP256R1Field.multiply(inv, z, inv, tt);
            } else {
                Nat256.copy(inv, zi);
            }
            SecP256R1Field.square(zi, zi2, tt);
            System.arraycopy(jx, i * 8, v, 0, 8);
            SecP256R1Field.multiply(v, zi2, v, tt);
            System.arraycopy(v, 0, out, i * 16, 8);
            SecP256R1Field.multiply(zi2, zi, zi2, tt);
            System.arraycopy(jy, i * 8, v, 0, 8);
            SecP256R1Field.multiply(v, zi2, v, tt);
            System.arraycopy(v, 0, out, i * 16 + 8, 8);
        }
    }

    /**
     * The digits t of the recoded scalar: bit i of t is 1 for the digit +1 at 2^i, 0 for −1.
     *
     * @param k a scalar in [0, n)
     */
    private int[] recode(BigInteger k) {
        int bits = width * blocks * spacing;
        BigInteger odd = k.testBit(0) ? k : k.add(P256Ecdsa.N);
        // t = (odd + 2^B − 1) / 2 = (odd − 1) / 2 + 2^(B−1), and (odd − 1) / 2 = odd >> 1
        return Nat.fromBigInteger(bits, odd.shiftRight(1).setBit(bits - 1));
    }

    /**
     * For column i: per block, the entry index in bits 1.., and bit 0 set when it is subtracted.
     */
    private void columns(int[] t, int i, int[] out) {
        int teeth = width - 1;
        for (int b = 0; b < blocks; b++) {
            int first = i + spacing * width * b;
            int m = 0;
            for (int j = teeth - 1, bit = first + j * spacing; j >= 0; j--, bit -= spacing) {
                m = (m << 1) | ((t[bit >>> 5] >>> (bit & 31)) & 1);
            }
            int top = first + teeth * spacing;
            if (((t[top >>> 5] >>> (top & 31)) & 1) != 0) {
                out[b] = m << 1;
            } else {
                out[b] = ((~m & ((1 << teeth) - 1)) << 1) | 1;
            }
        }
    }

    /**
     * out = entry {@code index} of block {@code block}, negated when {@code negate} is 1, read in
     * constant time for signing: every entry of the block is read and masked, and the negation is
     * a masked choice between y and −y; neither depends on branches or on addresses.
     *
     * @param negate 0 or 1
     * @param out    ten limbs: x then y
     * @param scratch five limbs
     */
    void select(int block, int index, int negate, long[] out, long[] scratch) {
        int half = 1 << (width - 1);
        int base = block * half * 10;
        java.util.Arrays.fill(out, 0, 10, 0L);
        for (int e = 0; e < half; e++) {
            // −1 exactly when e = index (both below 2^12)
            long m = ((e ^ index) - 1) >> 31;
            int o = base + e * 10;
            for (int j = 0; j < 10; j++) {
                out[j] |= points[o + j] & m;
            }
        }
        P256Field.neg(out, 5, scratch, 0);
        long n = -(long) negate;
        for (int j = 0; j < 5; j++) {
            out[5 + j] = (out[5 + j] & ~n) | (scratch[j] & n);
        }
    }

    private void add(int[] cols, P256Jacobian r) {
        int half = 1 << (width - 1);
        for (int b = 0; b < blocks; b++) {
            int c = cols[b];
            r.addAffine(points, (b * half + (c >>> 1)) * 10, (c & 1) != 0);
        }
    }

    /**
     * r = ka·A + kb·B, where A and B are the points of the combs {@code a} and {@code b} and the
     * scalars are in [0, n). The loop runs over the larger spacing; each comb adds its columns only
     * while the index is below its own spacing.
     */
    static void sumOfProducts(P256Comb a, BigInteger ka, P256Comb b, BigInteger kb, P256Jacobian r) {
        int[] ta = a.recode(ka);
        int[] tb = b.recode(kb);
        int[] ca = new int[a.blocks];
        int[] cb = new int[b.blocks];
        for (int i = Math.max(a.spacing, b.spacing) - 1; i >= 0; i--) {
            r.twice();
            if (i < a.spacing) {
                a.columns(ta, i, ca);
                a.add(ca, r);
            }
            if (i < b.spacing) {
                b.columns(tb, i, cb);
                b.add(cb, r);
            }
        }
    }
}
