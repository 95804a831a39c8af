package org.zwfw.sdk.source;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Keeps a good value until its {@link Fetched#refreshAt() refresh time} and asks the source
 * again only after that (or when the clock went back to before the value was obtained).
 *
 * <p>One caller at a time asks the source. While it does, the others are served the value held
 * (even if due), without waiting, unless it was obtained longer ago than the bound given (the
 * outage tolerance of the source below, so that no caller gets a value older than that source
 * would serve); callers when nothing servable is held wait for the answer. An
 * answer that is not good (a failure, or a last good value served despite one) is returned to
 * the caller that asked, and replaces the value held only when that one is no longer fresh.
 * Thread-safe; no thread of its own.
 *
 * @param <T> the value
 */
public final class CachingSource<T> implements Source<T> {

    private final Source<T> source;
    private final Clock clock;
    private final Duration maxAgeWhileAsking;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile Outcome<T> held;

    /**
     * @param source the source to cache
     * @param clock  the time source
     */
    public CachingSource(Source<T> source, Clock clock) {
        this(source, clock, OutageTolerantSource.UNBOUNDED);
    }

    /**
     * @param source            the source to cache
     * @param clock             the time source
     * @param maxAgeWhileAsking how long after it was obtained a held value may still be given to
     *                          callers while another caller asks the source, above 0, or
     *                          {@link OutageTolerantSource#UNBOUNDED}; older, they wait for the answer
     */
    public CachingSource(Source<T> source, Clock clock, Duration maxAgeWhileAsking) {
        this.source = Objects.requireNonNull(source, "source");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxAgeWhileAsking = Objects.requireNonNull(maxAgeWhileAsking, "maxAgeWhileAsking");
        if (maxAgeWhileAsking.isNegative() || maxAgeWhileAsking.isZero()) {
            throw new IllegalArgumentException("maxAgeWhileAsking must be above 0");
        }
    }

    @Override
    public Outcome<T> get() {
        Outcome<T> h = held;
        if (isFresh(h)) {
            return h;
        }
        if (!lock.tryLock()) {
            if (servableWhileAsking(h)) {
                return h; // another caller is asking the source
            }
            lock.lock();
        }
        try {
            Outcome<T> now = held;
            if (isFresh(now)) {
                return now; // answered while this caller waited
            }
            return keep(source.get());
        } finally {
            lock.unlock();
        }
    }

    /** Asks the source's {@link Source#refresh()}, whatever the age of the value held. */
    @Override
    public Outcome<T> refresh() {
        lock.lock();
        try {
            return keep(source.refresh());
        } finally {
            lock.unlock();
        }
    }

    /**
     * Asks the source's {@link Source#get()} now, whatever the age of the value held (paced
     * sources below still pace it); for refreshing ahead of time, or a refresh a caller triggers.
     * Waits while another caller asks the source.
     *
     * @return the source's answer
     */
    @Override
    public Outcome<T> reload() {
        lock.lock();
        try {
            return keep(source.get());
        } finally {
            lock.unlock();
        }
    }

    /** @return what is held, without asking the source */
    public Optional<Outcome<T>> peek() {
        return Optional.ofNullable(held);
    }

    private Outcome<T> keep(Outcome<T> o) {
        if (o.value().isPresent() && (o.isGood() || !isFresh(held))) {
            held = o;
        }
        return o;
    }

    /** A clock that went backwards keeps the value servable. */
    private boolean servableWhileAsking(Outcome<T> h) {
        return h != null && Duration.between(h.value().orElseThrow().obtainedAt(), clock.instant())
                .compareTo(maxAgeWhileAsking) < 0;
    }

    private boolean isFresh(Outcome<T> o) {
        return o != null && o.isGood() && o.value().orElseThrow().isFreshAt(clock.instant());
    }
}
