package org.zwfw.sdk.internal.ec;

import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.math.ec.ECMultiplier;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.math.raw.Nat256;

/**
 * What the constant-time base-point multipliers of signing share ({@link P256BaseMultiplier},
 * {@code org.zwfw.sdk.internal.sm.Sm2BaseMultiplier}): k·G for the one generator G each is built
 * for, k taken modulo n; any other point, and the rare exceptional case of their additions, go to
 * BouncyCastle's {@link FixedPointCombMultiplier}. Stateless: one instance serves every thread.
 */
public abstract class BasePointMultiplier implements ECMultiplier {

    private final ECPoint g;
    private final BigInteger n;

    /**
     * @param g the generator
     * @param n its order
     */
    protected BasePointMultiplier(ECPoint g, BigInteger n) {
        this.g = g.normalize();
        this.n = n;
    }

    @Override
    public final ECPoint multiply(ECPoint p, BigInteger k) {
        if (!isGenerator(p)) {
            return new FixedPointCombMultiplier().multiply(p, k);
        }
        BigInteger reduced = k.signum() < 0 || k.compareTo(n) >= 0 ? k.mod(n) : k;
        if (reduced.signum() == 0) {
            return p.getCurve().getInfinity();
        }
        int[] xy = new int[16];
        if (!multiplyG(Nat256.fromBigInteger(reduced), xy)) {
            // reduced, not k: BouncyCastle's comb refuses scalars longer than n
            return new FixedPointCombMultiplier().multiply(p, reduced);
        }
        return p.getCurve().createPoint(Nat256.toBigInteger(Arrays.copyOfRange(xy, 0, 8)),
                Nat256.toBigInteger(Arrays.copyOfRange(xy, 8, 16)));
    }

    private boolean isGenerator(ECPoint p) {
        return p == g || p.getCurve().equals(g.getCurve()) && p.equals(g);
    }

    /**
     * xy = k·G as affine x then y (eight little-endian words each), in constant time.
     *
     * @param k a scalar in [1, n), eight little-endian words
     * @return false when an addition met its exceptional case (xy is then not written)
     */
    protected abstract boolean multiplyG(int[] k, int[] xy);
}
