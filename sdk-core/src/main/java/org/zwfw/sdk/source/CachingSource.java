package org.zwfw.sdk.source;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Keeps a good value until its {@link Fetched#refreshAt() refresh time} and asks the source
 * again only after that (or when the clock went back to before the value was obtained).
 *
 * <p>One caller at a time asks the source. While it does, the others are served the value held
 * (even if due), without waiting; only callers when nothing is held wait for the answer. An
 * answer that is not good (a failure, or a last good value served despite one) is returned to
 * the caller that asked, and replaces the value held only when that one is no longer fresh.
 * Thread-safe; no thread of its own.
 *
 * @param <T> the value
 */
public final class CachingSource<T> implements Source<T> {

    private final Source<T> source;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile Outcome<T> held;

    /**
     * @param source the source to cache
     * @param clock  the time source
     */
    public CachingSource(Source<T> source, Clock clock) {
        this.source = Objects.requireNonNull(source, "source");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Outcome<T> get() {
        Outcome<T> h = held;
        if (isFresh(h)) {
            return h;
        }
        if (!lock.tryLock()) {
            if (h != null) {
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
     * sources below still pace it); for refreshing ahead of time.
     *
     * @return the source's answer
     */
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

    private boolean isFresh(Outcome<T> o) {
        return o != null && o.isGood() && o.value().orElseThrow().isFreshAt(clock.instant());
    }
}
