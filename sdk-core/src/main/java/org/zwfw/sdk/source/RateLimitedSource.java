package org.zwfw.sdk.source;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Paces the calls to another source: after a call, the next {@link #get()} within the interval
 * gets the same outcome again instead of a new call. Two kinds: {@link #afterFailure} paces only
 * while the source is failing (an outage costs one attempt per interval, not one per caller),
 * {@link #everyCall} allows at most one call per interval whatever its outcome (for a refresh
 * that callers may trigger, such as an unknown key ID).
 *
 * <p>A clock that went backwards ends the pause (a pause never lasts longer than the interval).
 * {@link #refresh()} is not paced. One call at a time: concurrent callers wait for the call in
 * progress and then get its outcome. Thread-safe; no thread of its own.
 *
 * @param <T> the value
 */
public final class RateLimitedSource<T> implements Source<T> {

    private final Source<T> source;
    private final Clock clock;
    private final Duration interval;
    private final boolean failuresOnly;
    private final ReentrantLock lock = new ReentrantLock();
    private Outcome<T> last;
    private Instant lastAt;

    private RateLimitedSource(Source<T> source, Clock clock, Duration interval, boolean failuresOnly) {
        this.source = Objects.requireNonNull(source, "source");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.interval = Objects.requireNonNull(interval, "interval");
        if (interval.isNegative()) {
            throw new IllegalArgumentException("interval must not be negative");
        }
        this.failuresOnly = failuresOnly;
    }

    /**
     * @param source   the source to pace
     * @param clock    the time source
     * @param interval the pause after a failed call, 0 or more
     * @param <T>      the value
     * @return a source that repeats a failure for {@code interval} instead of calling again
     */
    public static <T> RateLimitedSource<T> afterFailure(Source<T> source, Clock clock, Duration interval) {
        return new RateLimitedSource<>(source, clock, interval, true);
    }

    /**
     * @param source   the source to pace
     * @param clock    the time source
     * @param interval the least time between two calls, 0 or more
     * @param <T>      the value
     * @return a source that calls at most once per {@code interval} and repeats the outcome meanwhile
     */
    public static <T> RateLimitedSource<T> everyCall(Source<T> source, Clock clock, Duration interval) {
        return new RateLimitedSource<>(source, clock, interval, false);
    }

    @Override
    public Outcome<T> get() {
        lock.lock();
        try {
            if (paused(clock.instant())) {
                return last;
            }
            return record(source.get());
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Outcome<T> refresh() {
        lock.lock();
        try {
            return record(source.refresh());
        } finally {
            lock.unlock();
        }
    }

    private boolean paused(Instant now) {
        if (last == null || failuresOnly && last.failure().isEmpty()) {
            return false;
        }
        return !now.isBefore(lastAt) && now.isBefore(lastAt.plus(interval));
    }

    private Outcome<T> record(Outcome<T> o) {
        last = o;
        lastAt = clock.instant();
        return o;
    }
}
