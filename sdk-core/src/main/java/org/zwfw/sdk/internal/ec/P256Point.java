package org.zwfw.sdk.internal.ec;

import org.bouncycastle.math.ec.custom.sec.SecP256R1Field;
import org.bouncycastle.math.raw.Nat256;

/**
 * A mutable P-256 point in Jacobian coordinates (x = X / Z², y = Y / Z³; Z = 0 is the point at
 * infinity) with its own scratch space, so that doubling and adding allocate nothing; used to
 * build comb tables ({@link P256Comb}), whose points then go to {@link P256Field}'s form. The field
 * arithmetic is BouncyCastle's for P-256 ({@code SecP256R1Field}), which keeps every element
 * fully reduced, so equality is equality of the eight words. The formulas are the textbook ones
 * for a = −3 (Hankerson, Menezes and Vanstone, "Guide to Elliptic Curve Cryptography", §3.2.2):
 * doubling with 3 multiplications and 5 squarings, and the "mixed" addition of an affine point
 * with 8 multiplications and 3 squarings. Variable-time: for public data only. One instance per
 * computation, not thread-safe.
 */
final class P256Point {

    final int[] x = Nat256.create();
    final int[] y = Nat256.create();
    final int[] z = Nat256.create();

    private final int[] t1 = Nat256.create();
    private final int[] t2 = Nat256.create();
    private final int[] t3 = Nat256.create();
    private final int[] t4 = Nat256.create();
    private final int[] ax = Nat256.create();
    private final int[] ay = Nat256.create();
    private final int[] tt = Nat256.createExt();

    /** Starts at the point at infinity. */
    P256Point() {
    }

    boolean isInfinity() {
        return Nat256.isZero(z);
    }

    void setInfinity() {
        Nat256.zero(x);
        Nat256.zero(y);
        Nat256.zero(z);
        x[0] = 1;
        y[0] = 1;
    }

    /** Sets this point to the affine point at {@code xy[off, off + 16)} (x then y, little-endian words). */
    void setAffine(int[] xy, int off) {
        System.arraycopy(xy, off, x, 0, 8);
        System.arraycopy(xy, off + 8, y, 0, 8);
        Nat256.zero(z);
        z[0] = 1;
    }

    void set(P256Point p) {
        Nat256.copy(p.x, x);
        Nat256.copy(p.y, y);
        Nat256.copy(p.z, z);
    }

    /** this = 2 · this. */
    void twice() {
        if (isInfinity()) {
            return;
        }
        int[] delta = t1;
        int[] gamma = t2;
        int[] beta = t3;
        int[] alpha = t4;
        SecP256R1Field.square(z, delta, tt);
        SecP256R1Field.square(y, gamma, tt);
        SecP256R1Field.multiply(x, gamma, beta, tt);
        // alpha = 3 (x − delta)(x + delta), ax and ay as scratch
        SecP256R1Field.subtract(x, delta, ax);
        SecP256R1Field.add(x, delta, ay);
        SecP256R1Field.multiply(ax, ay, alpha, tt);
        SecP256R1Field.twice(alpha, ax);
        SecP256R1Field.add(alpha, ax, alpha);
        // Z3 = (y + z)² − gamma − delta = 2yz
        SecP256R1Field.add(y, z, ax);
        SecP256R1Field.square(ax, ax, tt);
        SecP256R1Field.subtract(ax, gamma, ax);
        SecP256R1Field.subtract(ax, delta, z);
        // X3 = alpha² − 8 beta
        SecP256R1Field.twice(beta, beta);
        SecP256R1Field.twice(beta, beta);
        SecP256R1Field.twice(beta, ax);
        SecP256R1Field.square(alpha, x, tt);
        SecP256R1Field.subtract(x, ax, x);
        // Y3 = alpha (4 beta − X3) − 8 gamma²
        SecP256R1Field.subtract(beta, x, ax);
        SecP256R1Field.multiply(alpha, ax, ax, tt);
        SecP256R1Field.square(gamma, ay, tt);
        SecP256R1Field.twice(ay, ay);
        SecP256R1Field.twice(ay, ay);
        SecP256R1Field.twice(ay, ay);
        SecP256R1Field.subtract(ax, ay, y);
    }

    /**
     * this = this + A, or this − A when {@code negate}, for the finite affine point A at
     * {@code xy[off, off + 16)}; handles this = ∞, this = ±A (doubles, or gives ∞).
     */
    void addAffine(int[] xy, int off, boolean negate) {
        System.arraycopy(xy, off, ax, 0, 8);
        System.arraycopy(xy, off + 8, ay, 0, 8);
        if (negate) {
            SecP256R1Field.negate(ay, ay);
        }
        if (isInfinity()) {
            Nat256.copy(ax, x);
            Nat256.copy(ay, y);
            Nat256.zero(z);
            z[0] = 1;
            return;
        }
        int[] zz = t1;
        int[] h = t2;
        int[] r = t3;
        SecP256R1Field.square(z, zz, tt);
        SecP256R1Field.multiply(ax, zz, h, tt);
        SecP256R1Field.subtract(h, x, h);
        SecP256R1Field.multiply(zz, z, r, tt);
        SecP256R1Field.multiply(r, ay, r, tt);
        SecP256R1Field.subtract(r, y, r);
        if (Nat256.isZero(h)) {
            if (Nat256.isZero(r)) {
                twice();
            } else {
                setInfinity();
            }
            return;
        }
        int[] hh = t1;
        int[] hhh = t4;
        SecP256R1Field.multiply(z, h, z, tt);
        SecP256R1Field.square(h, hh, tt);
        SecP256R1Field.multiply(hh, h, hhh, tt);
        // V = x hh (into ax); X3 = r² − hhh − 2V
        SecP256R1Field.multiply(x, hh, ax, tt);
        SecP256R1Field.square(r, x, tt);
        SecP256R1Field.subtract(x, hhh, x);
        SecP256R1Field.twice(ax, ay);
        SecP256R1Field.subtract(x, ay, x);
        // Y3 = r (V − X3) − y hhh
        SecP256R1Field.subtract(ax, x, ax);
        SecP256R1Field.multiply(r, ax, ax, tt);
        SecP256R1Field.multiply(y, hhh, ay, tt);
        SecP256R1Field.subtract(ax, ay, y);
    }
}
