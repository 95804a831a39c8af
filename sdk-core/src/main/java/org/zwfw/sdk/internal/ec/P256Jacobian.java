package org.zwfw.sdk.internal.ec;

/**
 * The accumulator of a verification: a mutable P-256 point in Jacobian coordinates on
 * {@link P256Field} (Montgomery form, five 52-bit limbs), x = X / Z², y = Y / Z³, Z ≡ 0 the point
 * at infinity. The same formulas as {@link P256Point} (doubling 3M + 5S for a = −3, mixed
 * addition 8M + 3S), here on the faster field; the table points it adds are affine, ten limbs
 * each (x then y) in a long[]. One instance per verification, not thread-safe.
 */
final class P256Jacobian {

    final long[] x = new long[5];
    final long[] y = new long[5];
    final long[] z = new long[5];
    private boolean infinity = true;

    private final long[] t1 = new long[5];
    private final long[] t2 = new long[5];
    private final long[] t3 = new long[5];
    private final long[] t4 = new long[5];
    private final long[] t5 = new long[5];
    private final long[] ay = new long[5];

    /** Starts at the point at infinity. */
    P256Jacobian() {
    }

    boolean isInfinity() {
        return infinity;
    }

    /** Sets the coordinates (Montgomery form, values below 2p), a finite point; for tests. */
    void set(long[] nx, long[] ny, long[] nz) {
        System.arraycopy(nx, 0, x, 0, 5);
        System.arraycopy(ny, 0, y, 0, 5);
        System.arraycopy(nz, 0, z, 0, 5);
        infinity = false;
    }

    /** Sets this to the finite affine point at {@code xy[off, off + 10)}. */
    void setAffine(long[] xy, int off) {
        System.arraycopy(xy, off, x, 0, 5);
        System.arraycopy(xy, off + 5, y, 0, 5);
        System.arraycopy(P256Field.ONE, 0, z, 0, 5);
        infinity = false;
    }

    /**
     * this = this + A for the finite affine point A at {@code xy[off, off + 10)}, with the same
     * operations whatever the values (no branch), for signing: this must be finite. The formulas
     * fail when this = ±A (then H ≡ 0 and the result is meaningless), which the caller learns from
     * the returned mask.
     *
     * @return −1 when H ≡ 0 (this was ±A: the result is wrong), else 0
     */
    long addAffineUniform(long[] xy, int off) {
        differences(xy, off, false);
        long exceptional = P256Field.zeroMask(t2, 0);
        complete(false);
        return exceptional;
    }

    /** this = 2 · this. */
    void twice() {
        if (infinity) {
            return;
        }
        long[] delta = t1;
        long[] gamma = t2;
        long[] beta = t3;
        long[] alpha = t4;
        long[] s = t5;
        P256Field.sqr(z, 0, delta, 0);
        P256Field.sqr(y, 0, gamma, 0);
        P256Field.mul(x, 0, gamma, 0, beta, 0);
        // alpha = 3 (x − delta)(x + delta)
        P256Field.sub(x, 0, delta, 0, s, 0);
        P256Field.add(x, 0, delta, 0, ay, 0);
        P256Field.mul(s, 0, ay, 0, alpha, 0);
        P256Field.times(alpha, 0, 3, alpha, 0);
        // Z3 = (y + z)² − gamma − delta = 2yz
        P256Field.add(y, 0, z, 0, s, 0);
        P256Field.sqr(s, 0, s, 0);
        P256Field.sub(s, 0, gamma, 0, s, 0);
        // Z3 = 2yz ≠ 0: y = 0 only at a point of order 2, and P-256 has prime order
        P256Field.sub(s, 0, delta, 0, z, 0);
        // X3 = alpha² − 8 beta
        P256Field.times(beta, 0, 4, beta, 0);
        P256Field.times(beta, 0, 2, s, 0);
        P256Field.sqr(alpha, 0, x, 0);
        P256Field.sub(x, 0, s, 0, x, 0);
        // Y3 = alpha (4 beta − X3) − 8 gamma²
        P256Field.sub(beta, 0, x, 0, s, 0);
        P256Field.mul(alpha, 0, s, 0, s, 0);
        P256Field.sqr(gamma, 0, ay, 0);
        P256Field.times(ay, 0, 8, ay, 0);
        P256Field.sub(s, 0, ay, 0, y, 0);
    }

    /**
     * this = this + A, or this − A when {@code negate}, for the finite affine point A at
     * {@code xy[off, off + 10)}; handles this = ∞, this = ±A (doubles, or gives ∞). For −A
     * = (x_A, −y_A) the formulas run with r' = −r = Z³·y_A + Y instead of r = −Z³·y_A − Y:
     * r'² = r², and Y3 = r·(V − X3) − Y·H³ = r'·(X3 − V) − Y·H³.
     */
    void addAffine(long[] xy, int off, boolean negate) {
        if (infinity) {
            System.arraycopy(xy, off, x, 0, 5);
            if (negate) {
                P256Field.neg(xy, off + 5, y, 0);
            } else {
                System.arraycopy(xy, off + 5, y, 0, 5);
            }
            System.arraycopy(P256Field.ONE, 0, z, 0, 5);
            infinity = false;
            return;
        }
        differences(xy, off, negate);
        if (P256Field.isZero(t2, 0)) {
            if (P256Field.isZero(t3, 0)) {
                twice();
            } else {
                infinity = true;
            }
            return;
        }
        complete(negate);
    }

    /**
     * The first half of a mixed addition of (x_A, ±y_A) at {@code xy[off, off + 10)}: H = x_A·Z² − X
     * into t2, and r = y_A·Z³ − Y (or r' = y_A·Z³ + Y for −A) into t3; t1 keeps Z².
     */
    private void differences(long[] xy, int off, boolean negate) {
        long[] zz = t1;
        long[] h = t2;
        long[] r = t3;
        P256Field.sqr(z, 0, zz, 0);
        P256Field.mul(xy, off, zz, 0, h, 0);
        P256Field.sub(h, 0, x, 0, h, 0);
        P256Field.mul(zz, 0, z, 0, r, 0);
        P256Field.mul(r, 0, xy, off + 5, r, 0);
        if (negate) {
            P256Field.add(r, 0, y, 0, r, 0);
        } else {
            P256Field.sub(r, 0, y, 0, r, 0);
        }
    }

    /** The second half: this = the sum, from H in t2 and r (or r') in t3. */
    private void complete(boolean negate) {
        long[] h = t2;
        long[] r = t3;
        long[] hh = t1;
        long[] hhh = t4;
        long[] v = t5;
        P256Field.mul(z, 0, h, 0, z, 0);
        P256Field.sqr(h, 0, hh, 0);
        P256Field.mul(hh, 0, h, 0, hhh, 0);
        // V = x hh; X3 = r² − hhh − 2V
        P256Field.mul(x, 0, hh, 0, v, 0);
        P256Field.sqr(r, 0, x, 0);
        P256Field.sub(x, 0, hhh, 0, x, 0);
        P256Field.times(v, 0, 2, h, 0);
        P256Field.sub(x, 0, h, 0, x, 0);
        // Y3 = r (V − X3) − y hhh, or with r' = −r: r' (X3 − V) − y hhh
        if (negate) {
            P256Field.sub(x, 0, v, 0, v, 0);
        } else {
            P256Field.sub(v, 0, x, 0, v, 0);
        }
        P256Field.mul(r, 0, v, 0, v, 0);
        P256Field.mul(y, 0, hhh, 0, h, 0);
        P256Field.sub(v, 0, h, 0, y, 0);
    }
}
