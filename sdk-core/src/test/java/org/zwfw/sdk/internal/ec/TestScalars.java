package org.zwfw.sdk.internal.ec;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Scalars that the base-point multiplier tests of both curves run against BouncyCastle. */
public final class TestScalars {

    private TestScalars() {
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
