package org.zwfw.sdk.replay;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The default {@link ReplayStore}: identifiers in this JVM's memory, for one node. Bounded: at most
 * {@link #maxEntries()} identifiers are kept (threads inserting at the same instant may each add
 * one beyond it). An identifier is forgotten once its keep-until time
 * has passed (by this store's clock); expired ones are swept when the store is full and every
 * {@link #SWEEP_INTERVAL} new identifiers.
 *
 * <p><b>When full</b> (every kept identifier still live), {@link #firstUse} throws
 * {@link ReplayStoreException} and records nothing (expired identifiers are looked for at most
 * once a second while full, so refusing stays cheap): evicting a live identifier would let its
 * token be replayed, so the store fails closed instead. Size {@code maxEntries} for the
 * number of tokens accepted within their lifetime; with the default of 1,000,000 and identifiers
 * of about 60 characters the store stays well under 256 MiB.
 *
 * <p>Several nodes need a shared store (Redis, a database) behind the same interface. Thread-safe.
 */
public final class InMemoryReplayStore implements ReplayStore {

    /** Default capacity: one million live identifiers. */
    public static final int DEFAULT_MAX_ENTRIES = 1_000_000;

    /** Expired identifiers are swept after this many new ones, so memory follows the live count. */
    public static final int SWEEP_INTERVAL = 65_536;

    /** When full, expired identifiers are looked for at most this often, so refusals stay cheap. */
    static final long FULL_SWEEP_INTERVAL_MILLIS = 1000;

    private final ConcurrentHashMap<String, Long> kept = new ConcurrentHashMap<>();
    private final AtomicLong sinceSweep = new AtomicLong();
    private final AtomicLong lastFullSweep = new AtomicLong(Long.MIN_VALUE / 2);
    private final int maxEntries;
    private final Clock clock;

    /**
     * @param maxEntries the most identifiers kept at once, at least 1
     * @param clock      the clock keep-until times are compared with
     */
    public InMemoryReplayStore(int maxEntries, Clock clock) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1, was " + maxEntries);
        }
        this.maxEntries = maxEntries;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A store of {@link #DEFAULT_MAX_ENTRIES} on the system clock. */
    public InMemoryReplayStore() {
        this(DEFAULT_MAX_ENTRIES, Clock.systemUTC());
    }

    @Override
    public boolean firstUse(String id, Instant keepUntil) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(keepUntil, "keepUntil");
        if (id.isEmpty() || id.length() > MAX_ID_LENGTH) {
            throw new IllegalArgumentException("an identifier has 1 to " + MAX_ID_LENGTH + " characters, this one "
                    + id.length());
        }
        long now = clock.millis();
        // Instant.MAX and other times beyond the millisecond range: kept "forever"
        long until = keepUntil.isAfter(Instant.ofEpochMilli(Long.MAX_VALUE)) ? Long.MAX_VALUE : keepUntil.toEpochMilli();
        if (until <= now) {
            // Kept until a time already past: nothing to remember, and never seen as "kept".
            return !isLive(kept.get(id), now);
        }
        while (true) {
            Long previous = kept.get(id);
            if (isLive(previous, now)) {
                return false;
            }
            if (previous == null) {
                if (kept.size() >= maxEntries) {
                    long last = lastFullSweep.get();
                    if (now - last >= FULL_SWEEP_INTERVAL_MILLIS || now < last) {
                        lastFullSweep.set(now);
                        sweep(now);
                    }
                    if (kept.size() >= maxEntries) {
                        throw new ReplayStoreException("the in-memory replay store is full: " + maxEntries
                                + " identifiers are still live; give it a larger capacity or use a shared store");
                    }
                }
                if (kept.putIfAbsent(id, until) == null) {
                    if (sinceSweep.incrementAndGet() >= SWEEP_INTERVAL) {
                        sweep(now);
                    }
                    return true;
                }
            } else if (kept.replace(id, previous, until)) {
                return true;
            }
            // another thread changed the entry in between: decide again on what it wrote
        }
    }

    @Override
    public void release(String id) {
        kept.remove(Objects.requireNonNull(id, "id"));
    }

    private static boolean isLive(Long until, long now) {
        return until != null && until > now;
    }

    private void sweep(long now) {
        sinceSweep.set(0);
        kept.values().removeIf(until -> until <= now);
    }

    /** @return the capacity */
    public int maxEntries() {
        return maxEntries;
    }

    /** @return the identifiers currently kept, expired ones not yet swept included */
    public int size() {
        return kept.size();
    }

    @Override
    public String toString() {
        return "InMemoryReplayStore[" + kept.size() + "/" + maxEntries + "]";
    }
}
