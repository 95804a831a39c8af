package org.zwfw.sdk.sandbox.internal.api;

import java.util.HashMap;
import java.util.Map;

/**
 * Per-application rate limits: a token bucket of {@code perSecond} requests a second holding up to
 * twice that, on the monotonic clock. An empty bucket answers how many whole seconds until a
 * request fits. Thread-safe.
 */
final class RateLimits {

    private final double perSecond;
    private final double burst;
    private final Map<String, double[]> buckets = new HashMap<>();

    RateLimits(int perSecond) {
        this.perSecond = perSecond;
        this.burst = 2.0 * perSecond;
    }

    /** @return 0 when the request may run, else the seconds to wait */
    synchronized long take(String app) {
        long now = System.nanoTime();
        double[] b = buckets.computeIfAbsent(app, k -> new double[] {burst, now});
        b[0] = Math.min(burst, b[0] + (now - b[1]) / 1e9 * perSecond);
        b[1] = now;
        if (b[0] >= 1) {
            b[0] -= 1;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - b[0]) / perSecond));
    }
}
