package org.zwfw.sdk.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The transport client's executor: a few workers, another when tasks wait, none when idle. */
class TaskPoolTest {

    private final ScheduledThreadPoolExecutor watchdog = new ScheduledThreadPoolExecutor(1);
    private final AtomicInteger made = new AtomicInteger();
    private final CountDownLatch release = new CountDownLatch(1);
    private final ThreadFactory threads = r -> {
        Thread t = new Thread(r, "task-pool-test-" + made.incrementAndGet());
        t.setDaemon(true);
        return t;
    };

    @AfterEach
    void stop() {
        release.countDown();
        watchdog.shutdownNow();
    }

    private TaskPool pool(Duration stall, Duration keepAlive) {
        return new TaskPool(2, stall, keepAlive, watchdog, threads);
    }

    /** Submits a task that blocks until the test ends; returns once it runs. */
    private void block(TaskPool pool) throws InterruptedException {
        CountDownLatch running = new CountDownLatch(1);
        pool.execute(blocking(running));
        assertThat(running.await(10, TimeUnit.SECONDS)).as("the blocking task runs").isTrue();
    }

    /** A task that counts {@code running} down, then blocks until the test ends. */
    private Runnable blocking(CountDownLatch running) {
        return () -> {
            running.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    @Test
    void manyShortTasksFromManyThreadsRunOnTheCoreWorkersOnly() throws InterruptedException {
        // a stall bound far beyond what these tasks take: no worker beyond the two is needed
        TaskPool pool = pool(Duration.ofSeconds(30), Duration.ofSeconds(30));
        Set<String> ran = ConcurrentHashMap.newKeySet();
        CountDownLatch done = new CountDownLatch(32 * 500);
        Thread[] senders = new Thread[32];
        for (int i = 0; i < senders.length; i++) {
            senders[i] = new Thread(() -> {
                for (int k = 0; k < 500; k++) {
                    pool.execute(() -> {
                        ran.add(Thread.currentThread().getName());
                        done.countDown();
                    });
                }
            });
            senders[i].start();
        }
        assertThat(done.await(30, TimeUnit.SECONDS)).as("every task ran").isTrue();
        assertThat(ran).hasSizeLessThanOrEqualTo(2);
        assertThat(made.get()).isEqualTo(2);
    }

    @Test
    void aTaskQueuedBehindBlockedWorkersRunsAfterAboutTheStallBound() throws InterruptedException {
        TaskPool pool = pool(Duration.ofMillis(100), Duration.ofSeconds(30));
        block(pool);
        block(pool);
        CountDownLatch ran = new CountDownLatch(1);
        long start = System.nanoTime();
        pool.execute(ran::countDown);
        // a fixed pool of two would hold it until the blocked tasks end (30 s)
        assertThat(ran.await(5, TimeUnit.SECONDS)).as("the queued task ran").isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(90));
        assertThat(pool.workers()).isEqualTo(3);
    }

    @Test
    void everyTaskQueuedBehindBlockedOnesRunsAsMoreWorkersStart() throws InterruptedException {
        TaskPool pool = pool(Duration.ofMillis(20), Duration.ofSeconds(30));
        block(pool);
        block(pool);
        // queued at once: each worker the watchdog starts takes one and blocks in turn, so the
        // last one runs only if the watchdog keeps starting workers while tasks wait
        CountDownLatch blocked = new CountDownLatch(2);
        pool.execute(blocking(blocked));
        pool.execute(blocking(blocked));
        CountDownLatch ran = new CountDownLatch(1);
        pool.execute(ran::countDown);
        assertThat(ran.await(5, TimeUnit.SECONDS)).as("the last queued task ran").isTrue();
        assertThat(blocked.getCount()).isZero();
        assertThat(pool.workers()).isBetween(5, 6);
    }

    @Test
    void afterTheBlockedTasksEndThePoolShrinksToItsCoreUnderSteadyTraffic() throws InterruptedException {
        // keep-alive far beyond the test: only the rule for spare workers can end them
        TaskPool pool = pool(Duration.ofMillis(20), Duration.ofSeconds(30));
        block(pool);
        block(pool);
        CountDownLatch blocked = new CountDownLatch(3);
        for (int i = 0; i < 3; i++) {
            pool.execute(blocking(blocked));
        }
        assertThat(blocked.await(5, TimeUnit.SECONDS)).as("three workers added").isTrue();
        assertThat(pool.workers()).isEqualTo(5);
        release.countDown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        int sent = 0;
        while (pool.workers() > 2 && System.nanoTime() < deadline) {
            CountDownLatch ran = new CountDownLatch(1);
            pool.execute(ran::countDown);
            assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
            sent++;
            Thread.sleep(1);
        }
        assertThat(pool.workers()).as("workers after %d short tasks", sent).isEqualTo(2);
        // and the two left still serve
        CountDownLatch more = new CountDownLatch(100);
        for (int i = 0; i < 100; i++) {
            pool.execute(more::countDown);
        }
        assertThat(more.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(pool.workers()).isEqualTo(2);
    }

    @Test
    void idleWorkersEndAndTheNextTaskStartsOneAgain() throws InterruptedException {
        TaskPool pool = pool(Duration.ofMillis(50), Duration.ofMillis(100));
        CountDownLatch first = new CountDownLatch(2);
        pool.execute(first::countDown);
        pool.execute(first::countDown);
        assertThat(first.await(5, TimeUnit.SECONDS)).isTrue();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (pool.workers() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(pool.workers()).as("workers left after 100 ms idle").isZero();
        CountDownLatch again = new CountDownLatch(1);
        pool.execute(again::countDown);
        assertThat(again.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void tasksSubmittedWhileWorkersEndAreNeverStranded() throws InterruptedException {
        // one worker, ending as soon as the queue is empty, so that tasks keep arriving while it
        // ends; the watchdog's stall bound is beyond the test's wait
        TaskPool pool = new TaskPool(1, Duration.ofSeconds(30), Duration.ofNanos(1), watchdog, threads);
        for (int i = 0; i < 2000; i++) {
            CountDownLatch ran = new CountDownLatch(1);
            pool.execute(ran::countDown);
            assertThat(ran.await(5, TimeUnit.SECONDS)).as("task %d ran", i).isTrue();
        }
    }

    @Test
    void aFailingTaskKeepsItsWorkerAlsoWhenTheHandlerFails() throws InterruptedException {
        TaskPool pool = new TaskPool(1, Duration.ofSeconds(30), Duration.ofSeconds(30), watchdog, r -> {
            Thread t = threads.newThread(r);
            t.setUncaughtExceptionHandler((th, e) -> {
                throw new IllegalStateException("the handler failed too");
            });
            return t;
        });
        pool.execute(() -> {
            throw new IllegalStateException("task failed");
        });
        pool.execute(() -> Thread.currentThread().interrupt());
        CountDownLatch ran = new CountDownLatch(1);
        pool.execute(ran::countDown);
        assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(made.get()).isEqualTo(1);
    }

    @Test
    void withItsWatchdogShutATaskBehindBlockedWorkersGetsAWorkerAtOnce() throws InterruptedException {
        // the transport's close() shuts the timer; exchanges in flight must still end
        TaskPool pool = pool(Duration.ofSeconds(30), Duration.ofSeconds(30));
        block(pool);
        block(pool);
        watchdog.shutdown();
        CountDownLatch ran = new CountDownLatch(1);
        pool.execute(ran::countDown);
        assertThat(ran.await(5, TimeUnit.SECONDS)).as("the queued task ran").isTrue();
    }

    @Test
    void aTaskQueuedJustAfterTheWatchdogArmedWaitsAboutTheStallBoundNotTwice() throws InterruptedException {
        TaskPool pool = pool(Duration.ofMillis(400), Duration.ofSeconds(30));
        block(pool);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch hold = new CountDownLatch(1);
        pool.execute(() -> {
            holding.countDown();
            try {
                hold.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
        // queued behind two held workers: the watchdog is armed for 400 ms from now; the second
        // worker then takes it and blocks, and the next task queued waits behind both
        CountDownLatch taken = new CountDownLatch(1);
        pool.execute(() -> {
            taken.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        hold.countDown();
        assertThat(taken.await(10, TimeUnit.SECONDS)).isTrue();
        CountDownLatch ran = new CountDownLatch(1);
        long start = System.nanoTime();
        pool.execute(ran::countDown);
        assertThat(ran.await(5, TimeUnit.SECONDS)).as("the queued task ran").isTrue();
        // the check armed for the earlier task finds this one not yet 400 ms old: the next check
        // comes when it is, not a whole stall bound later (about 800 ms)
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(650));
    }

    @Test
    void aTaskWhoseWorkerCannotStartWaitsQueuedForTheWatchdogsNextTry() throws InterruptedException {
        AtomicBoolean fail = new AtomicBoolean(true);
        TaskPool pool = new TaskPool(2, Duration.ofMillis(20), Duration.ofSeconds(30), watchdog, r -> {
            if (fail.getAndSet(false)) {
                throw new OutOfMemoryError("unable to create native thread");
            }
            return threads.newThread(r);
        });
        // an error thrown to java.net.http's selector ends the client (JDK 25: a
        // RejectedExecutionException aborts it; JDK 17: the step that handed the task over fails)
        CountDownLatch ran = new CountDownLatch(1);
        pool.execute(ran::countDown);
        assertThat(ran.await(5, TimeUnit.SECONDS)).as("the task ran once a worker could start").isTrue();
    }

    @Test
    void theWatchdogTriesAgainWhenAWorkerCannotStart() throws InterruptedException {
        AtomicBoolean failNext = new AtomicBoolean();
        TaskPool pool = new TaskPool(2, Duration.ofMillis(20), Duration.ofSeconds(30), watchdog, r -> {
            if (failNext.getAndSet(false)) {
                throw new OutOfMemoryError("unable to create native thread");
            }
            return threads.newThread(r);
        });
        block(pool);
        block(pool);
        failNext.set(true);
        CountDownLatch ran = new CountDownLatch(1);
        pool.execute(ran::countDown);
        assertThat(ran.await(5, TimeUnit.SECONDS)).as("the queued task ran").isTrue();
    }

    @Test
    void refusesNoCoreWorkersAndNullTasks() {
        assertThatThrownBy(() -> new TaskPool(0, Duration.ofMillis(50), Duration.ofSeconds(1), watchdog, threads))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("core must be at least 1, not 0");
        TaskPool pool = pool(Duration.ofMillis(50), Duration.ofSeconds(1));
        assertThatThrownBy(() -> pool.execute(null)).isInstanceOf(NullPointerException.class).hasMessage("task");
    }
}
