package org.zwfw.sdk.http;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The executor of {@link JdkHttpTransport}'s client: tasks wait in one queue that a few workers
 * drain ({@code core}, started on demand); when the oldest waiting task has waited {@code stall}
 * or longer, every worker being held (a TLS certificate check waiting on OCSP, a host being
 * resolved), a watchdog on {@code watchdog} starts one more worker, and again after each further
 * {@code stall} while tasks keep waiting. So a blocked task holds the others back by about
 * {@code stall}, and no task waits forever behind blocked ones. A worker idle for
 * {@code keepAlive} ends: an idle pool keeps no thread; and a worker that finds the queue empty
 * after its task while more than {@code core} workers are free ends at once, so that the pool
 * shrinks back to {@code core} after the blocked tasks end, also under steady traffic.
 *
 * <p>Why not a thread per task ({@code Executors.newCachedThreadPool}, a hand-off queue): a few
 * busy workers take the next task without a thread parked and woken per hand-off, which under 32
 * concurrent calls cost 30–60 µs of CPU per call ({@code spec/http.md} §2). Why not a fixed
 * pool: one blocked task would hold every task queued behind it.
 *
 * <p>When no thread can be made, the task stays queued and the watchdog tries again after
 * {@code stall}. When the watchdog refuses work (its owner closed it), a task that finds every
 * core worker started gets a worker of its own instead: exchanges still in flight end. Thread-safe.
 */
final class TaskPool implements Executor {

    private record Task(Runnable run, long queuedAt) {
    }

    private final LinkedBlockingQueue<Task> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger workers = new AtomicInteger();
    /** Workers running a task now. */
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicBoolean watching = new AtomicBoolean();
    private final int core;
    private final long stallNanos;
    private final long keepAliveNanos;
    private final ScheduledExecutorService watchdog;
    private final ThreadFactory threads;

    TaskPool(int core, java.time.Duration stall, java.time.Duration keepAlive, ScheduledExecutorService watchdog,
            ThreadFactory threads) {
        if (core < 1) {
            throw new IllegalArgumentException("core must be at least 1, not " + core);
        }
        this.core = core;
        this.stallNanos = stall.toNanos();
        this.keepAliveNanos = keepAlive.toNanos();
        this.watchdog = Objects.requireNonNull(watchdog, "watchdog");
        this.threads = Objects.requireNonNull(threads, "threads");
    }

    @Override
    public void execute(Runnable task) {
        queue.offer(new Task(Objects.requireNonNull(task, "task"), System.nanoTime()));
        for (int n = workers.get(); n < core; n = workers.get()) {
            if (workers.compareAndSet(n, n + 1)) {
                if (tryStart()) {
                    return;
                }
                break; // no thread now: the task waits, and the watchdog tries again
            }
        }
        watch(stallNanos);
    }

    /** The workers alive now (for tests). */
    int workers() {
        return workers.get();
    }

    /**
     * Arms one check in {@code delayNanos}, unless one is already armed; with the watchdog closed,
     * starts a worker at once instead.
     */
    private void watch(long delayNanos) {
        if (!watching.compareAndSet(false, true)) {
            return;
        }
        try {
            watchdog.schedule(this::check, delayNanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            watching.set(false);
            workers.incrementAndGet();
            tryStart(); // never an error thrown to java.net.http (see tryStart)
        }
    }

    private void check() {
        watching.set(false);
        Task head = queue.peek();
        if (head == null) {
            return;
        }
        long waited = System.nanoTime() - head.queuedAt();
        if (waited < stallNanos) {
            watch(stallNanos - waited); // when this task will have waited the bound
            return;
        }
        workers.incrementAndGet();
        tryStart(); // no thread now: tried again after the bound
        watch(stallNanos);
    }

    /**
     * Starts a worker already counted in {@link #workers}; {@code false}, the worker uncounted, when
     * no thread could be made ({@code OutOfMemoryError: unable to create native thread}). The
     * caller's task stays queued: an error thrown to {@code java.net.http} ends its client (JDK 25
     * aborts the selector on a refused task, JDK 17 fails the step that handed it over).
     */
    private boolean tryStart() {
        try {
            threads.newThread(this::work).start();
            return true;
        } catch (RuntimeException | Error e) {
            workers.decrementAndGet();
            return false;
        }
    }

    private void work() {
        Thread self = Thread.currentThread();
        while (true) {
            Task task;
            try {
                Thread.interrupted(); // a task's interrupt does not end the worker
                task = queue.poll(keepAliveNanos, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                continue;
            }
            if (task == null) {
                workers.decrementAndGet();
                if (stillNeeded()) {
                    continue;
                }
                return;
            }
            running.incrementAndGet();
            try {
                task.run().run();
            } catch (Throwable t) {
                try {
                    self.getUncaughtExceptionHandler().uncaughtException(self, t);
                } catch (Throwable ignored) {
                    // a handler that fails does not end the worker
                }
            } finally {
                running.decrementAndGet();
            }
            // a worker the watchdog added ends once more than core workers are free and nothing
            // waits: under steady traffic the queue's waiters are woken in turn, so none would
            // ever stay idle for keepAlive, and each hand-off would wake a thread again
            int n = workers.get();
            if (n - running.get() > core && queue.isEmpty() && workers.compareAndSet(n, n - 1)
                    && !stillNeeded()) {
                return;
            }
        }
    }

    /**
     * For a worker just uncounted: {@code true}, counted again, when a task was queued meanwhile (one
     * queued while this worker was ending, still counted alive, must not be stranded).
     */
    private boolean stillNeeded() {
        if (queue.isEmpty()) {
            return false;
        }
        workers.incrementAndGet();
        return true;
    }
}
