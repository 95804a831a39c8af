package org.zwfw.sdk.cli;

/**
 * The bytes of input a whole {@code verify-batch} run may hold at once, shared by every worker
 * (spec/cli.md): the thread handing out inputs reserves an input's size before a worker gets it
 * and waits while the budget is spent; the worker releases it when the input is verified. One
 * reservation is at most the whole budget, so an input larger than it still runs, alone.
 * Thread-safe.
 */
final class ByteBudget {

    private final long capacity;
    private long held;
    private long peak;

    /** @param capacity bytes, at least 1 */
    ByteBudget(long capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.capacity = capacity;
    }

    /**
     * Waits until {@code bytes} (at most the capacity) are free and reserves them.
     *
     * @return the bytes reserved, to be given to {@link #release}
     * @throws InterruptedException when interrupted while waiting
     */
    synchronized long acquire(long bytes) throws InterruptedException {
        long n = Math.max(0, Math.min(bytes, capacity));
        while (held + n > capacity) {
            wait();
        }
        held += n;
        peak = Math.max(peak, held);
        return n;
    }

    synchronized void release(long bytes) {
        held -= bytes;
        notifyAll();
    }

    /** @return the most bytes held at once so far */
    synchronized long peak() {
        return peak;
    }

    long capacity() {
        return capacity;
    }
}
