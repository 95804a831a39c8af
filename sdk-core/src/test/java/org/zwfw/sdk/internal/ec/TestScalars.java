package org.zwfw.sdk.internal.ec;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bouncycastle.math.ec.ECMultiplier;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/** Scalars that the base-point multiplier tests of both curves run against BouncyCastle, and the comparison. */
public final class TestScalars {

    private static final ECMultiplier BC = new FixedPointCombMultiplier();

    private TestScalars() {
    }

    /** k·g from {@code sdk} is BouncyCastle's comb result, and a valid point. */
    public static void agreesWithBouncyCastle(ECMultiplier sdk, ECPoint g, BigInteger k) {
        ECPoint ours = sdk.multiply(g, k).normalize();
        assertThat(ours).as("k = %s", k.toString(16)).isEqualTo(BC.multiply(g, k).normalize());
        assertThat(ours.isValid()).isTrue();
    }

    /** 1,500 random scalars below n (seeded), about half of them even, each agreeing with BouncyCastle. */
    public static void randomScalarsAgree(ECMultiplier sdk, ECPoint g, BigInteger n, long seed) {
        int even = 0;
        for (BigInteger k : random(n, seed, 1500)) {
            even += k.testBit(0) ? 0 : 1;
            agreesWithBouncyCastle(sdk, g, k);
        }
        assertThat(even).isBetween(600, 900);
    }

    /**
     * @param n the group order
     * @return 1..40 and n − 1..n − 40, the powers of two below n with n − 2^e and 2^e − 1, and the
     *         two middle values
     */
    public static List<BigInteger> edge(BigInteger n) {
        List<BigInteger> ks = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            ks.add(BigInteger.valueOf(i));
            ks.add(n.subtract(BigInteger.valueOf(i)));
        }
        for (int e = 0; e < 256; e++) {
            BigInteger p = BigInteger.ONE.shiftLeft(e);
            if (p.compareTo(n) < 0) {
                ks.add(p);
                ks.add(n.subtract(p));
                ks.add(p.subtract(BigInteger.ONE).max(BigInteger.ONE));
            }
        }
        ks.add(n.shiftRight(1));
        ks.add(n.shiftRight(1).add(BigInteger.ONE));
        return ks;
    }

    /**
     * @return up to {@code count} random scalars in [1, n) from a seeded generator
     */
    public static List<BigInteger> random(BigInteger n, long seed, int count) {
        Random rnd = new Random(seed);
        List<BigInteger> ks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            BigInteger k = new BigInteger(256, rnd).mod(n);
            if (k.signum() != 0) {
                ks.add(k);
            }
        }
        return ks;
    }
}
