package org.zwfw.sdk.internal.ec;

import java.math.BigInteger;

/**
 * Arithmetic modulo the P-256 prime p = 2^256 − 2^224 + 2^192 + 2^96 − 1 in Montgomery form
 * (a is held as a·R mod p, R = 2^260), in five signed 52-bit limbs (a long[5], least significant
 * first), for the hot loop of verification. The limb size leaves twelve bits of headroom, so
 * products need no carry handling (Math.multiplyHigh is exact on limbs below 2^63), sums and
 * differences need no carries until {@link #fold}, and the reduction needs no multiplications:
 * since p ≡ −1 (mod 2^52), each Montgomery step adds m·p for m = the low limb, and the limbs of p
 * (2^52 − 1, 2^44 − 1, 0, 2^36, 2^48 − 2^16) make m·p a few shifts. Variable-time where it
 * branches (only {@link #isZero}); {@link #zeroMask} and {@link #toWords} have no branches, for
 * the secret values of signing ({@link P256BaseMultiplier}).
 *
 * <p>Bounds. Every value is a non-negative integer (its limbs may be negative). {@link #mul} and
 * {@link #sqr} take values below 4p and return values below 2p with limbs 0–3 in [0, 2^52);
 * {@link #add}, {@link #sub}, {@link #neg} and {@link #times} take values below 2p and return,
 * after {@link #fold}, values below 2^256 + 2^231 &lt; 2p. So every result can feed every
 * operation.
 * {@code P256FieldTest} checks each operation against {@link BigInteger} arithmetic.
 */
final class P256Field {

    static final long MASK = (1L << 52) - 1;
    static final BigInteger P = new BigInteger("ffffffff00000001000000000000000000000000ffffffffffffffffffffffff", 16);
    /** 4p in limbs (value, not canonical limbs), added by {@link #sub} to keep the result non-negative. */
    private static final long[] FOUR_P = limbs(P.shiftLeft(2));
    /** p in canonical limbs. */
    private static final long[] PL = limbs(P);
    /** R² mod p, to enter Montgomery form. */
    private static final long[] R2 = limbs(BigInteger.ONE.shiftLeft(520).mod(P));

    /** 1 in Montgomery form. */
    static final long[] ONE = limbs(BigInteger.ONE.shiftLeft(260).mod(P));

    private P256Field() {
    }

    /** The limbs of 0 ≤ v &lt; 2^312 (top limb holds the bits from 208 up). */
    static long[] limbs(BigInteger v) {
        long[] r = new long[5];
        for (int i = 0; i < 4; i++) {
            r[i] = v.shiftRight(52 * i).longValue() & MASK;
        }
        r[4] = v.shiftRight(208).longValue();
        return r;
    }

    /** The integer the limbs stand for (not reduced, not out of Montgomery form). */
    static BigInteger value(long[] a, int off) {
        BigInteger v = BigInteger.ZERO;
        for (int i = 4; i >= 0; i--) {
            v = v.shiftLeft(52).add(BigInteger.valueOf(a[off + i]));
        }
        return v;
    }

    /**
     * Montgomery form of the canonical field element at {@code words[wo, wo + 8)} (eight
     * little-endian 32-bit words, as BouncyCastle's {@code SecP256R1Field} keeps it), into
     * {@code r[ro, ro + 5)}.
     */
    static void toMontgomery(int[] words, int wo, long[] r, int ro) {
        long w0 = words[wo] & 0xFFFFFFFFL;
        long w1 = words[wo + 1] & 0xFFFFFFFFL;
        long w2 = words[wo + 2] & 0xFFFFFFFFL;
        long w3 = words[wo + 3] & 0xFFFFFFFFL;
        long w4 = words[wo + 4] & 0xFFFFFFFFL;
        long w5 = words[wo + 5] & 0xFFFFFFFFL;
        long w6 = words[wo + 6] & 0xFFFFFFFFL;
        long w7 = words[wo + 7] & 0xFFFFFFFFL;
        long[] l = new long[5];
        // limb k holds bits 52k .. 52k + 51: 52 = 32 + 20, 104 = 3·32 + 8, 156 = 4·32 + 28, 208 = 6·32 + 16
        l[0] = (w0 | (w1 << 32)) & MASK;
        l[1] = ((w1 >>> 20) | (w2 << 12) | (w3 << 44)) & MASK;
        l[2] = ((w3 >>> 8) | (w4 << 24)) & MASK;
        l[3] = ((w4 >>> 28) | (w5 << 4) | (w6 << 36)) & MASK;
        l[4] = (w6 >>> 16) | (w7 << 16);
        mul(l, 0, R2, 0, r, ro);
    }

    /** Montgomery form of 0 ≤ v &lt; p. */
    static long[] toMontgomery(BigInteger v) {
        long[] r = new long[5];
        mul(limbs(v), 0, R2, 0, r, 0);
        return r;
    }

    /** The canonical value in [0, p) of the Montgomery-form a. */
    static BigInteger fromMontgomery(long[] a, int off) {
        long[] one = {1, 0, 0, 0, 0};
        long[] r = new long[5];
        mul(a, off, one, 0, r, 0);
        return value(r, 0).mod(P);
    }

    /** r = a·b / R mod p. */
    static void mul(long[] a, int ao, long[] b, int bo, long[] r, int ro) {
        long a0 = a[ao], a1 = a[ao + 1], a2 = a[ao + 2], a3 = a[ao + 3], a4 = a[ao + 4];
        long b0 = b[bo], b1 = b[bo + 1], b2 = b[bo + 2], b3 = b[bo + 3], b4 = b[bo + 4];
        long lo;
        long hi;
        long c0;
        long c1;
        long c2;
        long c3;
        long c4;
        long c5;
        long c6;
        long c7;
        long c8;
        long c9;
        // each product a_i·b_j adds its low 52 bits to column i + j and the rest to column i + j + 1
        lo = a0 * b0; hi = Math.multiplyHigh(a0, b0); c0 = lo & MASK; c1 = (hi << 12) | (lo >>> 52);
        lo = a0 * b1; hi = Math.multiplyHigh(a0, b1); c1 += lo & MASK; c2 = (hi << 12) | (lo >>> 52);
        lo = a1 * b0; hi = Math.multiplyHigh(a1, b0); c1 += lo & MASK; c2 += (hi << 12) | (lo >>> 52);
        lo = a0 * b2; hi = Math.multiplyHigh(a0, b2); c2 += lo & MASK; c3 = (hi << 12) | (lo >>> 52);
        lo = a1 * b1; hi = Math.multiplyHigh(a1, b1); c2 += lo & MASK; c3 += (hi << 12) | (lo >>> 52);
        lo = a2 * b0; hi = Math.multiplyHigh(a2, b0); c2 += lo & MASK; c3 += (hi << 12) | (lo >>> 52);
        lo = a0 * b3; hi = Math.multiplyHigh(a0, b3); c3 += lo & MASK; c4 = (hi << 12) | (lo >>> 52);
        lo = a1 * b2; hi = Math.multiplyHigh(a1, b2); c3 += lo & MASK; c4 += (hi << 12) | (lo >>> 52);
        lo = a2 * b1; hi = Math.multiplyHigh(a2, b1); c3 += lo & MASK; c4 += (hi << 12) | (lo >>> 52);
        lo = a3 * b0; hi = Math.multiplyHigh(a3, b0); c3 += lo & MASK; c4 += (hi << 12) | (lo >>> 52);
        lo = a0 * b4; hi = Math.multiplyHigh(a0, b4); c4 += lo & MASK; c5 = (hi << 12) | (lo >>> 52);
        lo = a1 * b3; hi = Math.multiplyHigh(a1, b3); c4 += lo & MASK; c5 += (hi << 12) | (lo >>> 52);
        lo = a2 * b2; hi = Math.multiplyHigh(a2, b2); c4 += lo & MASK; c5 += (hi << 12) | (lo >>> 52);
        lo = a3 * b1; hi = Math.multiplyHigh(a3, b1); c4 += lo & MASK; c5 += (hi << 12) | (lo >>> 52);
        lo = a4 * b0; hi = Math.multiplyHigh(a4, b0); c4 += lo & MASK; c5 += (hi << 12) | (lo >>> 52);
        lo = a1 * b4; hi = Math.multiplyHigh(a1, b4); c5 += lo & MASK; c6 = (hi << 12) | (lo >>> 52);
        lo = a2 * b3; hi = Math.multiplyHigh(a2, b3); c5 += lo & MASK; c6 += (hi << 12) | (lo >>> 52);
        lo = a3 * b2; hi = Math.multiplyHigh(a3, b2); c5 += lo & MASK; c6 += (hi << 12) | (lo >>> 52);
        lo = a4 * b1; hi = Math.multiplyHigh(a4, b1); c5 += lo & MASK; c6 += (hi << 12) | (lo >>> 52);
        lo = a2 * b4; hi = Math.multiplyHigh(a2, b4); c6 += lo & MASK; c7 = (hi << 12) | (lo >>> 52);
        lo = a3 * b3; hi = Math.multiplyHigh(a3, b3); c6 += lo & MASK; c7 += (hi << 12) | (lo >>> 52);
        lo = a4 * b2; hi = Math.multiplyHigh(a4, b2); c6 += lo & MASK; c7 += (hi << 12) | (lo >>> 52);
        lo = a3 * b4; hi = Math.multiplyHigh(a3, b4); c7 += lo & MASK; c8 = (hi << 12) | (lo >>> 52);
        lo = a4 * b3; hi = Math.multiplyHigh(a4, b3); c7 += lo & MASK; c8 += (hi << 12) | (lo >>> 52);
        lo = a4 * b4; hi = Math.multiplyHigh(a4, b4); c8 += lo & MASK; c9 = (hi << 12) | (lo >>> 52);
        reduce(c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, r, ro);
    }

    /** r = a² / R mod p. */
    static void sqr(long[] a, int ao, long[] r, int ro) {
        long a0 = a[ao], a1 = a[ao + 1], a2 = a[ao + 2], a3 = a[ao + 3], a4 = a[ao + 4];
        long d0 = a0 << 1;
        long d1 = a1 << 1;
        long d2 = a2 << 1;
        long d3 = a3 << 1;
        long lo;
        long hi;
        long c0;
        long c1;
        long c2;
        long c3;
        long c4;
        long c5;
        long c6;
        long c7;
        long c8;
        long c9;
        lo = a0 * a0; hi = Math.multiplyHigh(a0, a0); c0 = lo & MASK; c1 = (hi << 12) | (lo >>> 52);
        lo = d0 * a1; hi = Math.multiplyHigh(d0, a1); c1 += lo & MASK; c2 = (hi << 12) | (lo >>> 52);
        lo = d0 * a2; hi = Math.multiplyHigh(d0, a2); c2 += lo & MASK; c3 = (hi << 12) | (lo >>> 52);
        lo = a1 * a1; hi = Math.multiplyHigh(a1, a1); c2 += lo & MASK; c3 += (hi << 12) | (lo >>> 52);
        lo = d0 * a3; hi = Math.multiplyHigh(d0, a3); c3 += lo & MASK; c4 = (hi << 12) | (lo >>> 52);
        lo = d1 * a2; hi = Math.multiplyHigh(d1, a2); c3 += lo & MASK; c4 += (hi << 12) | (lo >>> 52);
        lo = d0 * a4; hi = Math.multiplyHigh(d0, a4); c4 += lo & MASK; c5 = (hi << 12) | (lo >>> 52);
        lo = d1 * a3; hi = Math.multiplyHigh(d1, a3); c4 += lo & MASK; c5 += (hi << 12) | (lo >>> 52);
        lo = a2 * a2; hi = Math.multiplyHigh(a2, a2); c4 += lo & MASK; c5 += (hi << 12) | (lo >>> 52);
        lo = d1 * a4; hi = Math.multiplyHigh(d1, a4); c5 += lo & MASK; c6 = (hi << 12) | (lo >>> 52);
        lo = d2 * a3; hi = Math.multiplyHigh(d2, a3); c5 += lo & MASK; c6 += (hi << 12) | (lo >>> 52);
        lo = d2 * a4; hi = Math.multiplyHigh(d2, a4); c6 += lo & MASK; c7 = (hi << 12) | (lo >>> 52);
        lo = a3 * a3; hi = Math.multiplyHigh(a3, a3); c6 += lo & MASK; c7 += (hi << 12) | (lo >>> 52);
        lo = d3 * a4; hi = Math.multiplyHigh(d3, a4); c7 += lo & MASK; c8 = (hi << 12) | (lo >>> 52);
        lo = a4 * a4; hi = Math.multiplyHigh(a4, a4); c8 += lo & MASK; c9 = (hi << 12) | (lo >>> 52);
        reduce(c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, r, ro);
    }

    /**
     * Montgomery reduction of Σ c_i·2^(52i): five rounds, each adding m·p·2^(52i) for
     * m = c_i mod 2^52, which clears limb i; the result is the sum over limbs 5–9.
     */
    private static void reduce(long c0, long c1, long c2, long c3, long c4, long c5, long c6, long c7, long c8,
            long c9, long[] r, int ro) {
        long m;
        // m·p = −m + m·2^96 + m·2^36·2^156 + m·(2^48 − 2^16)·2^208; −m cancels the low limb, whose
        // carry (c_i >> 52) moves up with it
        m = c0 & MASK;
        c1 += (c0 >> 52) + ((m << 44) & MASK);
        c2 += m >>> 8;
        c3 += (m << 36) & MASK;
        c4 += (m >>> 16) + ((m << 48) & MASK) - ((m << 16) & MASK);
        c5 += (m >>> 4) - (m >>> 36);
        m = c1 & MASK;
        c2 += (c1 >> 52) + ((m << 44) & MASK);
        c3 += m >>> 8;
        c4 += (m << 36) & MASK;
        c5 += (m >>> 16) + ((m << 48) & MASK) - ((m << 16) & MASK);
        c6 += (m >>> 4) - (m >>> 36);
        m = c2 & MASK;
        c3 += (c2 >> 52) + ((m << 44) & MASK);
        c4 += m >>> 8;
        c5 += (m << 36) & MASK;
        c6 += (m >>> 16) + ((m << 48) & MASK) - ((m << 16) & MASK);
        c7 += (m >>> 4) - (m >>> 36);
        m = c3 & MASK;
        c4 += (c3 >> 52) + ((m << 44) & MASK);
        c5 += m >>> 8;
        c6 += (m << 36) & MASK;
        c7 += (m >>> 16) + ((m << 48) & MASK) - ((m << 16) & MASK);
        c8 += (m >>> 4) - (m >>> 36);
        m = c4 & MASK;
        c5 += (c4 >> 52) + ((m << 44) & MASK);
        c6 += m >>> 8;
        c7 += (m << 36) & MASK;
        c8 += (m >>> 16) + ((m << 48) & MASK) - ((m << 16) & MASK);
        c9 += (m >>> 4) - (m >>> 36);
        c6 += c5 >> 52;
        c7 += c6 >> 52;
        c8 += c7 >> 52;
        c9 += c8 >> 52;
        r[ro] = c5 & MASK;
        r[ro + 1] = c6 & MASK;
        r[ro + 2] = c7 & MASK;
        r[ro + 3] = c8 & MASK;
        r[ro + 4] = c9;
    }

    /** r = a + b. */
    static void add(long[] a, int ao, long[] b, int bo, long[] r, int ro) {
        fold(a[ao] + b[bo], a[ao + 1] + b[bo + 1], a[ao + 2] + b[bo + 2], a[ao + 3] + b[bo + 3], a[ao + 4] + b[bo + 4],
                r, ro);
    }

    /** r = a − b. */
    static void sub(long[] a, int ao, long[] b, int bo, long[] r, int ro) {
        fold(a[ao] - b[bo] + FOUR_P[0], a[ao + 1] - b[bo + 1] + FOUR_P[1], a[ao + 2] - b[bo + 2] + FOUR_P[2],
                a[ao + 3] - b[bo + 3] + FOUR_P[3], a[ao + 4] - b[bo + 4] + FOUR_P[4], r, ro);
    }

    /** r = k·a, for 0 ≤ k ≤ 8. */
    static void times(long[] a, int ao, int k, long[] r, int ro) {
        fold(k * a[ao], k * a[ao + 1], k * a[ao + 2], k * a[ao + 3], k * a[ao + 4], r, ro);
    }

    /** r = −a. */
    static void neg(long[] a, int ao, long[] r, int ro) {
        fold(FOUR_P[0] - a[ao], FOUR_P[1] - a[ao + 1], FOUR_P[2] - a[ao + 2], FOUR_P[3] - a[ao + 3],
                FOUR_P[4] - a[ao + 4], r, ro);
    }

    /**
     * r = the value 0 ≤ v &lt; 2^262 of the limbs, carried, with its bits from 256 up folded back
     * by 2^256 ≡ 2^224 − 2^192 − 2^96 + 1: a value below 2^256 + 2^231.
     */
    private static void fold(long l0, long l1, long l2, long l3, long l4, long[] r, int ro) {
        l1 += l0 >> 52;
        l0 &= MASK;
        l2 += l1 >> 52;
        l1 &= MASK;
        l3 += l2 >> 52;
        l2 &= MASK;
        l4 += l3 >> 52;
        l3 &= MASK;
        long h = l4 >>> 48;
        l4 &= (1L << 48) - 1;
        // 2^224 = 2^16·2^208, 2^192 = 2^36·2^156, 2^96 = 2^44·2^52
        r[ro] = l0 + h;
        r[ro + 1] = l1 - (h << 44);
        r[ro + 2] = l2;
        r[ro + 3] = l3 - (h << 36);
        r[ro + 4] = l4 + (h << 16);
    }

    /**
     * −1 when a (a value below 2p) is 0 modulo p, else 0; without branches, for secret data.
     */
    static long zeroMask(long[] a, int ao) {
        long l0 = a[ao];
        long l1 = a[ao + 1] + (l0 >> 52);
        long l2 = a[ao + 2] + (l1 >> 52);
        long l3 = a[ao + 3] + (l2 >> 52);
        long l4 = a[ao + 4] + (l3 >> 52);
        l0 &= MASK;
        l1 &= MASK;
        l2 &= MASK;
        l3 &= MASK;
        long zero = l0 | l1 | l2 | l3 | l4;
        long isP = (l0 ^ PL[0]) | (l1 ^ PL[1]) | (l2 ^ PL[2]) | (l3 ^ PL[3]) | (l4 ^ PL[4]);
        return ~(zero | -zero) >> 63 | ~(isP | -isP) >> 63;
    }

    /**
     * The canonical value in [0, p) of the Montgomery-form a, as eight little-endian 32-bit words
     * (BouncyCastle's {@code SecP256R1Field} form) at {@code out[oo, oo + 8)}; without branches,
     * for secret data.
     */
    static void toWords(long[] a, int ao, int[] out, int oo) {
        long[] one = {1, 0, 0, 0, 0};
        long[] v = new long[5];
        // a·1 / R: the value a stands for, below 2p
        mul(a, ao, one, 0, v, 0);
        long l0 = v[0];
        long l1 = v[1] + (l0 >> 52);
        long l2 = v[2] + (l1 >> 52);
        long l3 = v[3] + (l2 >> 52);
        long l4 = v[4] + (l3 >> 52);
        l0 &= MASK;
        l1 &= MASK;
        l2 &= MASK;
        l3 &= MASK;
        // d = v − p; keep it when there is no borrow (v ≥ p)
        long d0 = l0 - PL[0];
        long d1 = l1 - PL[1] + (d0 >> 52);
        long d2 = l2 - PL[2] + (d1 >> 52);
        long d3 = l3 - PL[3] + (d2 >> 52);
        long d4 = l4 - PL[4] + (d3 >> 52);
        long keep = ~(d4 >> 63);
        l0 = (l0 & ~keep) | (d0 & MASK & keep);
        l1 = (l1 & ~keep) | (d1 & MASK & keep);
        l2 = (l2 & ~keep) | (d2 & MASK & keep);
        l3 = (l3 & ~keep) | (d3 & MASK & keep);
        l4 = (l4 & ~keep) | (d4 & keep);
        // limb k holds bits 52k .. 52k + 51 (see toMontgomery)
        out[oo] = (int) l0;
        out[oo + 1] = (int) ((l0 >>> 32) | (l1 << 20));
        out[oo + 2] = (int) (l1 >>> 12);
        out[oo + 3] = (int) ((l1 >>> 44) | (l2 << 8));
        out[oo + 4] = (int) ((l2 >>> 24) | (l3 << 28));
        out[oo + 5] = (int) (l3 >>> 4);
        out[oo + 6] = (int) ((l3 >>> 36) | (l4 << 16));
        out[oo + 7] = (int) (l4 >>> 16);
    }

    /** Whether a (a value below 2p) is 0 modulo p. */
    static boolean isZero(long[] a, int ao) {
        return zeroMask(a, ao) != 0;
    }

    /** Whether a and b (values below 2p) are equal modulo p. */
    static boolean equal(long[] a, int ao, long[] b, int bo, long[] scratch) {
        sub(a, ao, b, bo, scratch, 0);
        return isZero(scratch, 0);
    }
}
