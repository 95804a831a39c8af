package org.zwfw.sdk.client;

/**
 * Bounds retries to a share of the calls a client makes, so that when the platform struggles the
 * client does not multiply its load (the token-bucket budget of gRPC and Finagle). Each call puts
 * {@code ratio} of a token in; each retry takes one out and is allowed only when one is there. The
 * bucket starts with {@code reserve} tokens and holds at most {@code reserve} plus 100 × ratio ×
 * 10, so a quiet client can still retry its first few failures. Thread-safe.
 */
public final class RetryBudget {

    private final double ratio;
    private final double capacity;
    private double tokens;

    /**
     * @param ratio   retries allowed per call, in (0, 1] (default 0.2: one retry per five calls)
     * @param reserve retries allowed before any call deposited, 0 to 1000 (default 10)
     */
    public RetryBudget(double ratio, int reserve) {
        if (!(ratio > 0 && ratio <= 1)) {
            throw new IllegalArgumentException("ratio must be in (0, 1]");
        }
        if (reserve < 0 || reserve > 1000) {
            throw new IllegalArgumentException("reserve must be 0 to 1000");
        }
        this.ratio = ratio;
        this.capacity = reserve + 1000 * ratio;
        this.tokens = reserve;
    }

    /** @return a budget of one retry per five calls, with 10 in reserve */
    public static RetryBudget standard() {
        return new RetryBudget(0.2, 10);
    }

    /** A call was made. */
    public synchronized void deposit() {
        tokens = Math.min(capacity, tokens + ratio);
    }

    /** @return whether a retry may be made now; if so, its token is taken */
    public synchronized boolean tryRetry() {
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    /** @return the retries allowed now */
    public synchronized int available() {
        return (int) tokens;
    }
}
