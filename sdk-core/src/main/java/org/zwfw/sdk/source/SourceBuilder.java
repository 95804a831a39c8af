package org.zwfw.sdk.source;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * Composes an origin with the decorators of this package, always in the same order, from the
 * origin outwards: rate limiting, outage tolerance, caching, refresh-ahead. Each is optional
 * (refresh-ahead needs caching). Not thread-safe; the sources built are.
 *
 * <pre>{@code
 * Source<TrustList> s = SourceBuilder.from(origin, clock)
 *         .rateLimitAfterFailure(Duration.ofMinutes(1))
 *         .outageTolerance(OutageTolerantSource.UNBOUNDED, null)
 *         .cache()
 *         .build();
 * }</pre>
 *
 * @param <T> the value
 */
public final class SourceBuilder<T> {

    private final Source<T> origin;
    private final Clock clock;
    private Duration rateLimit;
    private boolean rateLimitEveryCall;
    private Duration tolerance;
    private Fetched<T> seed;
    private boolean cache;
    private Duration ahead;
    private Executor executor;

    private SourceBuilder(Source<T> origin, Clock clock) {
        this.origin = Objects.requireNonNull(origin, "origin");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param origin where the values come from
     * @param clock  the time source of every decorator
     * @param <T>    the value
     * @return a builder adding nothing yet
     */
    public static <T> SourceBuilder<T> from(Source<T> origin, Clock clock) {
        return new SourceBuilder<>(origin, clock);
    }

    /**
     * @param interval the pause after a failure ({@link RateLimitedSource#afterFailure})
     * @return this builder
     */
    public SourceBuilder<T> rateLimitAfterFailure(Duration interval) {
        this.rateLimit = Objects.requireNonNull(interval, "interval");
        this.rateLimitEveryCall = false;
        return this;
    }

    /**
     * @param interval the least time between two calls ({@link RateLimitedSource#everyCall})
     * @return this builder
     */
    public SourceBuilder<T> rateLimitEveryCall(Duration interval) {
        this.rateLimit = Objects.requireNonNull(interval, "interval");
        this.rateLimitEveryCall = true;
        return this;
    }

    /**
     * @param tolerance how long a last good value may be served during an outage
     *                  ({@link OutageTolerantSource})
     * @param seed      a value to fall back on before any call succeeded, or {@code null}
     * @return this builder
     */
    public SourceBuilder<T> outageTolerance(Duration tolerance, Fetched<T> seed) {
        this.tolerance = Objects.requireNonNull(tolerance, "tolerance");
        this.seed = seed;
        return this;
    }

    /**
     * Keeps good values until their refresh time ({@link CachingSource}); with an outage
     * tolerance, a value older than the tolerance is not given to callers while another asks the
     * source (they wait for the answer instead).
     *
     * @return this builder
     */
    public SourceBuilder<T> cache() {
        this.cache = true;
        return this;
    }

    /**
     * @param ahead    how long before the refresh time to reload ({@link RefreshAheadSource})
     * @param executor where reloads run
     * @return this builder
     */
    public SourceBuilder<T> refreshAhead(Duration ahead, Executor executor) {
        this.ahead = Objects.requireNonNull(ahead, "ahead");
        this.executor = Objects.requireNonNull(executor, "executor");
        return this;
    }

    /**
     * @return the composed source
     * @throws IllegalStateException when refresh-ahead is asked for without caching
     */
    public Source<T> build() {
        if (ahead != null && !cache) {
            throw new IllegalStateException("refreshAhead needs cache()");
        }
        Source<T> s = origin;
        if (rateLimit != null) {
            s = rateLimitEveryCall ? RateLimitedSource.everyCall(s, clock, rateLimit)
                    : RateLimitedSource.afterFailure(s, clock, rateLimit);
        }
        if (tolerance != null) {
            OutageTolerantSource<T> o = new OutageTolerantSource<>(s, clock, tolerance);
            if (seed != null) {
                o.seed(seed);
            }
            s = o;
        }
        if (cache) {
            CachingSource<T> c = new CachingSource<>(s, clock, tolerance == null ? OutageTolerantSource.UNBOUNDED
                    : tolerance);
            s = ahead == null ? c : new RefreshAheadSource<>(c, clock, ahead, executor);
        }
        return s;
    }
}
