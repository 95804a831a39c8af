package org.zwfw.sdk.internal.ec;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bouncycastle.math.raw.Nat256;
import org.junit.jupiter.api.Test;

/**
 * {@link P256Field} against {@link BigInteger} arithmetic modulo p, on random values, on values
 * at the edges (0, 1, p − 1, p, 2p − 1, powers of two, all-ones limbs) and on the results of the
 * field's own operations fed back in (the bounds the point formulas rely on).
 */
class P256FieldTest {

    private static final BigInteger P = P256Field.P;
    private static final BigInteger TWO_P = P.shiftLeft(1);
    private static final BigInteger R_INV = BigInteger.ONE.shiftLeft(260).modInverse(P);

    private static List<BigInteger> edges() {
        List<BigInteger> v = new ArrayList<>();
        for (BigInteger b : new BigInteger[] {BigInteger.ZERO, BigInteger.ONE, P, TWO_P}) {
            for (int d = -3; d <= 3; d++) {
                BigInteger x = b.add(BigInteger.valueOf(d));
                if (x.signum() >= 0 && x.compareTo(TWO_P) < 0) {
                    v.add(x);
                }
            }
        }
        for (int k : new int[] {51, 52, 96, 104, 156, 192, 208, 224, 255, 256}) {
            v.add(BigInteger.ONE.shiftLeft(k));
            v.add(BigInteger.ONE.shiftLeft(k).subtract(BigInteger.ONE));
        }
        return v;
    }

    /** Checks that r holds a value below 2p congruent to {@code want}. */
    private static void assertValue(long[] r, BigInteger want, String what) {
        BigInteger got = P256Field.value(r, 0);
        assertThat(got.signum()).as(what).isGreaterThanOrEqualTo(0);
        assertThat(got).as(what).isLessThan(TWO_P);
        assertThat(got.mod(P)).as(what).isEqualTo(want.mod(P));
    }

    private static void checkAll(BigInteger a, BigInteger b) {
        long[] la = P256Field.limbs(a);
        long[] lb = P256Field.limbs(b);
        long[] r = new long[5];
        P256Field.mul(la, 0, lb, 0, r, 0);
        assertValue(r, a.multiply(b).multiply(R_INV), "mul " + a + " " + b);
        for (int i = 0; i < 4; i++) {
            assertThat(r[i]).as("mul limb").isBetween(0L, P256Field.MASK);
        }
        P256Field.sqr(la, 0, r, 0);
        assertValue(r, a.multiply(a).multiply(R_INV), "sqr " + a);
        P256Field.add(la, 0, lb, 0, r, 0);
        assertValue(r, a.add(b), "add");
        long[] sum = r.clone();
        P256Field.sub(la, 0, lb, 0, r, 0);
        assertValue(r, a.subtract(b), "sub");
        long[] diff = r.clone();
        // folded results (limbs may be negative) as inputs again
        P256Field.mul(diff, 0, sum, 0, r, 0);
        assertValue(r, a.subtract(b).multiply(a.add(b)).multiply(R_INV), "mul of folded");
        P256Field.sqr(diff, 0, r, 0);
        assertValue(r, a.subtract(b).pow(2).multiply(R_INV), "sqr of folded");
        P256Field.add(diff, 0, sum, 0, r, 0);
        assertValue(r, a.shiftLeft(1), "add of folded");
        P256Field.sub(diff, 0, sum, 0, r, 0);
        assertValue(r, b.shiftLeft(1).negate(), "sub of folded");
        P256Field.neg(la, 0, r, 0);
        assertValue(r, a.negate(), "neg");
        for (int k = 0; k <= 8; k++) {
            P256Field.times(la, 0, k, r, 0);
            assertValue(r, a.multiply(BigInteger.valueOf(k)), "times " + k);
            P256Field.times(diff, 0, k, r, 0);
            assertValue(r, a.subtract(b).multiply(BigInteger.valueOf(k)), "times of folded " + k);
        }
        assertThat(P256Field.isZero(la, 0)).as("isZero " + a).isEqualTo(a.mod(P).signum() == 0);
        assertThat(P256Field.isZero(diff, 0)).as("isZero of a difference").isEqualTo(a.subtract(b).mod(P).signum() == 0);
        assertThat(P256Field.equal(la, 0, lb, 0, new long[5])).isEqualTo(a.mod(P).equals(b.mod(P)));
    }

    @Test
    void edgeValues() {
        List<BigInteger> edges = edges();
        for (BigInteger a : edges) {
            for (BigInteger b : edges) {
                checkAll(a, b);
            }
        }
    }

    @Test
    void randomValues() {
        Random rnd = new Random(20261206);
        for (int i = 0; i < 200_000; i++) {
            BigInteger a = new BigInteger(257, rnd).mod(TWO_P);
            BigInteger b = i % 2 == 0 ? new BigInteger(257, rnd).mod(TWO_P) : a.add(P).mod(TWO_P);
            checkAll(a, b);
        }
    }

    @Test
    void longChainsStayInRange() {
        // the pattern of the point formulas: results feed further operations many times over
        Random rnd = new Random(7);
        BigInteger x = new BigInteger(255, rnd);
        BigInteger y = new BigInteger(255, rnd);
        long[] lx = P256Field.toMontgomery(x);
        long[] ly = P256Field.toMontgomery(y);
        long[] t = new long[5];
        for (int i = 0; i < 100_000; i++) {
            switch (i % 4) {
                case 0:
                    P256Field.mul(lx, 0, ly, 0, t, 0);
                    x = x.multiply(y).mod(P);
                    break;
                case 1:
                    P256Field.sub(lx, 0, ly, 0, t, 0);
                    x = x.subtract(y).mod(P);
                    break;
                case 2:
                    P256Field.add(lx, 0, lx, 0, t, 0);
                    x = x.shiftLeft(1).mod(P);
                    break;
                default:
                    P256Field.sqr(lx, 0, t, 0);
                    x = x.multiply(x).mod(P);
                    break;
            }
            System.arraycopy(t, 0, lx, 0, 5);
            assertThat(P256Field.value(lx, 0)).isLessThan(TWO_P);
            if (i % 997 == 0) {
                assertThat(P256Field.fromMontgomery(lx, 0)).isEqualTo(x);
            }
        }
    }

    @Test
    void montgomeryFormRoundTrips() {
        Random rnd = new Random(3);
        for (int i = 0; i < 10_000; i++) {
            BigInteger v = i < 3 ? BigInteger.valueOf(i) : new BigInteger(256, rnd).mod(P);
            assertThat(P256Field.fromMontgomery(P256Field.toMontgomery(v), 0)).isEqualTo(v);
            long[] fromWords = new long[5];
            P256Field.toMontgomery(Nat256.fromBigInteger(v), 0, fromWords, 0);
            assertThat(P256Field.fromMontgomery(fromWords, 0)).isEqualTo(v);
        }
        assertThat(P256Field.fromMontgomery(P256Field.ONE, 0)).isEqualTo(BigInteger.ONE);
    }
}
