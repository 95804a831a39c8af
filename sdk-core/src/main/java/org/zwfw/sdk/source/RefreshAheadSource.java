package org.zwfw.sdk.source;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Refreshes a cached value shortly before it is due, on an executor, so that callers keep being
 * served the cached value and none waits for the origin: once a good value is within
 * {@code ahead} of its refresh time, the first caller starts one reload
 * ({@link CachingSource#reload()}, paced like any other call) and returns at once. At most one
 * reload is in flight. A reload that fails leaves the fresh value in place.
 *
 * <p>Creates no thread: reloads run on the given executor, which its owner shuts down. If the
 * executor refuses a task, the value is refreshed when it is due, on a caller's thread, as
 * without this decorator. Thread-safe.
 *
 * @param <T> the value
 */
public final class RefreshAheadSource<T> implements Source<T> {

    private final CachingSource<T> cache;
    private final Clock clock;
    private final Duration ahead;
    private final Executor executor;
    private final AtomicBoolean inFlight = new AtomicBoolean();

    /**
     * @param cache    the cache to refresh ahead of time
     * @param clock    the time source
     * @param ahead    how long before the refresh time to start, above 0
     * @param executor where reloads run
     */
    public RefreshAheadSource(CachingSource<T> cache, Clock clock, Duration ahead, Executor executor) {
        this.cache = Objects.requireNonNull(cache, "cache");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ahead = Objects.requireNonNull(ahead, "ahead");
        this.executor = Objects.requireNonNull(executor, "executor");
        if (ahead.isNegative() || ahead.isZero()) {
            throw new IllegalArgumentException("ahead must be above 0");
        }
    }

    @Override
    public Outcome<T> get() {
        Outcome<T> o = cache.get();
        if (o.isGood() && !clock.instant().isBefore(o.value().orElseThrow().refreshAt().minus(ahead))
                && inFlight.compareAndSet(false, true)) {
            try {
                executor.execute(() -> {
                    try {
                        cache.reload();
                    } finally {
                        inFlight.set(false);
                    }
                });
            } catch (RejectedExecutionException e) {
                inFlight.set(false);
            }
        }
        return o;
    }

    @Override
    public Outcome<T> refresh() {
        return cache.refresh();
    }

    /** {@link CachingSource#reload()} of the cache. */
    @Override
    public Outcome<T> reload() {
        return cache.reload();
    }
}
