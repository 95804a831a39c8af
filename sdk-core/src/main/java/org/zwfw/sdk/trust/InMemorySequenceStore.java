package org.zwfw.sdk.trust;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link SequenceStore} in memory: forgotten when the process ends. The default of
 * {@link TrustListVerifier}. Seed it with {@link #startingAt(long)} to refuse lists older than
 * one the application already knows (for example the one it ships with). Thread-safe,
 * lock-free.
 */
public final class InMemorySequenceStore implements SequenceStore {

    private final AtomicReference<Seen> highest;

    /** A store that has seen nothing. */
    public InMemorySequenceStore() {
        this.highest = new AtomicReference<>();
    }

    private InMemorySequenceStore(Seen initial) {
        this.highest = new AtomicReference<>(initial);
    }

    /**
     * @param floorSeq the lowest {@code seq} accepted, ≥ 0
     * @return a store that refuses lists with a lower {@code seq}
     */
    public static InMemorySequenceStore startingAt(long floorSeq) {
        return new InMemorySequenceStore(Seen.floor(floorSeq));
    }

    @Override
    public Optional<Seen> highest() {
        return Optional.ofNullable(highest.get());
    }

    @Override
    public boolean advance(Seen next) {
        Objects.requireNonNull(next, "next");
        while (true) {
            Seen current = highest.get();
            if (current != null && !current.permits(next)) {
                return false;
            }
            if (next.equals(current) || highest.compareAndSet(current, next)) {
                return true;
            }
        }
    }

    @Override
    public String toString() {
        return "InMemorySequenceStore" + highest();
    }
}
