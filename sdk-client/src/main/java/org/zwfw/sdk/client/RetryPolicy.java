package org.zwfw.sdk.client;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How a call is retried when its {@link RetryMode} allows: at most {@code maxAttempts} attempts,
 * exponential backoff with full jitter between them ({@code random(0, min(maxBackoff, initial × 2^(n−1)))}),
 * a {@code Retry-After} of the platform honoured when it is no longer than {@code maxRetryAfter}
 * and fits in the call's total timeout (otherwise the answer is reported at once), and a
 * {@link RetryBudget} shared by the client's calls so that an outage does not multiply the load.
 * Immutable.
 *
 * @param maxAttempts    attempts in all, 1 (no retries) to 10
 * @param initialBackoff the first backoff's upper bound
 * @param maxBackoff     the largest backoff
 * @param maxRetryAfter  the longest {@code Retry-After} waited for
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {

    /** 3 attempts, backoff from 200 ms up to 5 s, {@code Retry-After} up to 30 s. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofMillis(200), Duration.ofSeconds(5),
            Duration.ofSeconds(30));
    /** One attempt, no retries. */
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO);

    /** Checks the ranges. */
    public RetryPolicy {
        if (maxAttempts < 1 || maxAttempts > 10) {
            throw new IllegalArgumentException("maxAttempts must be 1 to 10");
        }
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0 || maxRetryAfter.isNegative()) {
            throw new IllegalArgumentException("backoffs must be ≥ 0 and maxBackoff ≥ initialBackoff");
        }
    }

    /**
     * @param retry  1 for the first retry (the second attempt)
     * @param random the jitter's source
     * @return how long to wait before that retry
     */
    public Duration backoff(int retry, RandomGenerator random) {
        long cap = initialBackoff.toMillis();
        for (int i = 1; i < retry && cap < maxBackoff.toMillis(); i++) {
            cap *= 2;
        }
        cap = Math.min(cap, maxBackoff.toMillis());
        return Duration.ofMillis(cap <= 0 ? 0 : random.nextLong(cap + 1));
    }
}
