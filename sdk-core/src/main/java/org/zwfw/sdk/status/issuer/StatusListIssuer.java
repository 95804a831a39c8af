package org.zwfw.sdk.status.issuer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zwfw.sdk.crypto.SigningKey;
import org.zwfw.sdk.status.Status;
import org.zwfw.sdk.status.StatusList;
import org.zwfw.sdk.status.StatusListToken;

/**
 * The issuer side of one status list: a fixed number of indexes, handed out once each by
 * {@link #allocate()}, whose statuses are changed with {@link #set(int, Status)} and published
 * with {@link #toToken}.
 *
 * <p>Indexes are drawn uniformly at random among the free ones, so credentials issued one after
 * another get unrelated indexes (draft-ietf-oauth-status-list, privacy considerations); allocation
 * stays fast when the list is nearly full (a few random probes, then one pass over the bitmap that
 * counts free indexes 64 at a time) and throws {@link StatusListFullException} when it is full.
 *
 * <p>With {@link Builder#persistTo(Path)} the state is written atomically to a file
 * ({@link StatusListState}) before {@link #allocate()} or {@link #set} returns, and read back by
 * the next {@link Builder#build()}, so a restart never hands out an index twice. If writing fails
 * the change is undone in memory and an {@link UncheckedIOException} is thrown.
 *
 * <p>Thread-safe: allocation and changes are serialized.
 */
public final class StatusListIssuer {

    /** The SDK issues 2-bit lists: VALID, INVALID and SUSPENDED. */
    public static final int DEFAULT_BITS = 2;

    /** Random probes before allocation falls back to counting free indexes. */
    private static final int PROBES = 8;

    private static final Logger LOG = LoggerFactory.getLogger(StatusListIssuer.class);

    private final int capacity;
    /** Bit i set: index i allocated. Bits at and beyond capacity are set, so they are never free. */
    private final long[] allocated;
    private final StatusListBuilder statuses;
    private final RandomGenerator random;
    private final Path stateFile;
    private int allocatedCount;

    private StatusListIssuer(StatusListState state, RandomGenerator random, Path stateFile) {
        this.capacity = state.capacity();
        this.statuses = StatusListBuilder.wrap(state.bits(), state.statusBytes());
        this.random = random;
        this.stateFile = stateFile;
        this.allocatedCount = state.allocatedCount();
        this.allocated = new long[(capacity + 63) >>> 6];
        byte[] bitmap = state.allocatedBitmap();
        for (int i = 0; i < bitmap.length; i++) {
            allocated[i >>> 3] |= (bitmap[i] & 0xFFL) << ((i & 7) * 8);
        }
        if ((capacity & 63) != 0) {
            allocated[allocated.length - 1] |= -1L << (capacity & 63);
        }
    }

    /** @return a builder; a capacity or a state (given or persisted) is required */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Allocates an index never returned before (by this list, across restarts when persisted).
     *
     * @return the index, in {@code [0, capacity)}
     * @throws StatusListFullException if every index is allocated
     * @throws UncheckedIOException    if the state could not be persisted; the index is then not
     *                                 allocated
     */
    public synchronized int allocate() {
        if (allocatedCount == capacity) {
            throw new StatusListFullException(capacity);
        }
        int index = pick();
        allocated[index >>> 6] |= 1L << index;
        allocatedCount++;
        try {
            persist();
        } catch (IOException e) {
            allocated[index >>> 6] &= ~(1L << index);
            allocatedCount--;
            throw new UncheckedIOException("status list state could not be written; no index was allocated", e);
        }
        return index;
    }

    /** Uniform over the free indexes: probes are uniform over all, the fallback picks the k-th free. */
    private int pick() {
        for (int i = 0; i < PROBES; i++) {
            int r = random.nextInt(capacity);
            if ((allocated[r >>> 6] & (1L << r)) == 0) {
                return r;
            }
        }
        int k = random.nextInt(capacity - allocatedCount);
        for (int w = 0; w < allocated.length; w++) {
            int free = Long.bitCount(~allocated[w]);
            if (k < free) {
                long bits = ~allocated[w];
                for (int j = 0; j < k; j++) {
                    bits &= bits - 1;
                }
                return (w << 6) + Long.numberOfTrailingZeros(bits);
            }
            k -= free;
        }
        throw new IllegalStateException("allocation bitmap inconsistent with its count " + allocatedCount);
    }

    /**
     * Sets the status of an allocated index. {@link Status#INVALID} is final: a revoked credential
     * is never reinstated (issue a new one instead).
     *
     * @param index  an allocated index
     * @param status the new status, never {@code null}
     * @throws IllegalArgumentException if the index was never allocated
     * @throws IllegalStateException    if the index is INVALID and {@code status} is not
     * @throws UncheckedIOException     if the state could not be persisted; the status is then
     *                                  unchanged
     */
    public synchronized void set(int index, Status status) {
        Objects.requireNonNull(status, "status");
        if (!isAllocated(index)) {
            throw new IllegalArgumentException("index " + index + " was never allocated by this status list");
        }
        Status old = statuses.get(index);
        if (old == status) {
            return;
        }
        if (old == Status.INVALID) {
            throw new IllegalStateException("index " + index + " is INVALID (revoked), which is final");
        }
        statuses.set(index, status);
        try {
            persist();
        } catch (IOException e) {
            statuses.set(index, old);
            throw new UncheckedIOException("status list state could not be written; the status is unchanged", e);
        }
    }

    /**
     * @param index an index
     * @return whether it has been allocated ({@code false} outside the capacity)
     */
    public synchronized boolean isAllocated(int index) {
        return index >= 0 && index < capacity && (allocated[index >>> 6] & (1L << index)) != 0;
    }

    /**
     * @param index an index in {@code [0, capacity)}
     * @return its status (VALID for indexes not allocated)
     * @throws IndexOutOfBoundsException outside the capacity
     */
    public synchronized Status status(int index) {
        if (index < 0 || index >= capacity) {
            throw new IndexOutOfBoundsException("index " + index + " is outside the capacity " + capacity);
        }
        return statuses.get(index);
    }

    /** @return the number of indexes */
    public int capacity() {
        return capacity;
    }

    /** @return the bits per status */
    public int bits() {
        return statuses.bits();
    }

    /** @return how many indexes have been allocated */
    public synchronized int allocatedCount() {
        return allocatedCount;
    }

    /** @return a consistent snapshot of allocations and statuses */
    public synchronized StatusListState snapshot() {
        byte[] bitmap = new byte[StatusListState.bitmapLength(capacity)];
        for (int i = 0; i < bitmap.length; i++) {
            bitmap[i] = (byte) (allocated[i >>> 3] >>> ((i & 7) * 8));
        }
        if ((capacity & 7) != 0) {
            bitmap[bitmap.length - 1] &= (byte) ((1 << (capacity & 7)) - 1);
        }
        return new StatusListState(capacity, statuses.bits(), allocatedCount, bitmap, statuses.bytes().clone());
    }

    /** @return the current statuses as a list */
    public synchronized StatusList toStatusList() {
        return statuses.build();
    }

    /**
     * Signs the current list as a status list token ({@link StatusListToken}).
     *
     * @param key      the issuer's signing key, with a key ID
     * @param issuer   the issuer ID ({@code iss}), the same as in its credentials
     * @param uri      the list's URI ({@code sub}), as its credentials carry it
     * @param now      the issue time ({@code iat})
     * @param lifetime positive; {@code exp = now + lifetime}
     * @param ttl      the {@code ttl} (whole seconds, at least one), or {@code null} to omit it
     * @return the compact JWS
     * @throws IllegalArgumentException if the key has no key ID
     * @throws IllegalStateException    for a missing or inconsistent argument (see
     *                                  {@link StatusListToken.Builder#build()})
     */
    public String toToken(SigningKey key, String issuer, URI uri, Instant now, Duration lifetime, Duration ttl) {
        Objects.requireNonNull(now, "now");
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("lifetime must be positive");
        }
        StatusList list = toStatusList();
        return StatusListToken.builder().issuer(issuer).uri(uri).issuedAt(now).expiresAt(now.plus(lifetime))
                .timeToLive(ttl).statusList(list).build().sign(key);
    }

    private void persist() throws IOException {
        if (stateFile != null) {
            snapshot().writeTo(stateFile);
        }
    }

    @Override
    public synchronized String toString() {
        return "StatusListIssuer[capacity=" + capacity + ", allocated=" + allocatedCount + ", bits=" + bits()
                + (stateFile != null ? ", state=" + stateFile : "") + "]";
    }

    /** Configures a {@link StatusListIssuer}. Not thread-safe. */
    public static final class Builder {

        private int capacity;
        private int bits;
        private RandomGenerator random;
        private StatusListState state;
        private Path stateFile;

        private Builder() {
        }

        /**
         * @param capacity the number of indexes of a new list, at least 1
         * @return this builder
         */
        public Builder capacity(int capacity) {
            if (capacity < 1) {
                throw new IllegalArgumentException("capacity must be at least 1");
            }
            this.capacity = capacity;
            return this;
        }

        /**
         * @param bits the bits per status of a new list: 2 (default), 4 or 8
         * @return this builder
         */
        public Builder bits(int bits) {
            StatusList.checkBits(bits);
            if (bits < 2) {
                throw new IllegalArgumentException("an issuer list needs 2 bits at least, for SUSPENDED");
            }
            this.bits = bits;
            return this;
        }

        /**
         * @param random the source of index choices (default a new {@link SecureRandom}); a seeded
         *               generator is for tests only, since predictable indexes link credentials
         * @return this builder
         */
        public Builder random(RandomGenerator random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /**
         * @param state a snapshot to continue from (instead of a capacity)
         * @return this builder
         */
        public Builder restore(StatusListState state) {
            this.state = Objects.requireNonNull(state, "state");
            return this;
        }

        /**
         * @param file the state file: read by {@link #build()} when it exists (it then takes the
         *             place of a capacity), written atomically after every change
         * @return this builder
         */
        public Builder persistTo(Path file) {
            this.stateFile = Objects.requireNonNull(file, "file");
            return this;
        }

        /**
         * @return the issuer
         * @throws IllegalStateException if neither a capacity nor a state is available, or a given
         *                               capacity or bits contradict a persisted or restored state
         * @throws UncheckedIOException  if the state file cannot be read or first written
         */
        public StatusListIssuer build() {
            StatusListState s = state;
            try {
                if (stateFile != null && Files.exists(stateFile)) {
                    if (s != null) {
                        throw new IllegalStateException("restore(state) and an existing state file contradict");
                    }
                    s = StatusListState.readFrom(stateFile);
                    LOG.debug("status list state read from {}: {}", stateFile, s);
                }
                if (s == null) {
                    if (capacity == 0) {
                        throw new IllegalStateException("a new status list needs a capacity");
                    }
                    int b = bits == 0 ? DEFAULT_BITS : bits;
                    if ((long) capacity * b > 8L * StatusList.DEFAULT_MAX_BYTES) {
                        throw new IllegalStateException("a list of " + capacity + " entries of " + b
                                + " bits exceeds what verifiers accept by default (" + StatusList.DEFAULT_MAX_BYTES
                                + " bytes)");
                    }
                    s = new StatusListState(capacity, b, 0, new byte[StatusListState.bitmapLength(capacity)],
                            new byte[StatusListState.statusLength(capacity, b)]);
                    if (stateFile != null) {
                        s.writeTo(stateFile);
                    }
                } else if ((capacity != 0 && capacity != s.capacity()) || (bits != 0 && bits != s.bits())) {
                    throw new IllegalStateException("the state has capacity " + s.capacity() + " and " + s.bits()
                            + " bits, which contradicts the capacity or bits given");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new StatusListIssuer(s, random != null ? random : new SecureRandom(), stateFile);
        }
    }
}
