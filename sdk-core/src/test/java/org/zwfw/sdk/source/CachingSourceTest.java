package org.zwfw.sdk.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.zwfw.sdk.source.ScriptedOrigin.value;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.zwfw.sdk.testing.MutableClock;

class CachingSourceTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
    private final ScriptedOrigin origin = new ScriptedOrigin(clock, Duration.ofHours(1));
    private final CachingSource<String> cache = new CachingSource<>(origin, clock);

    @Test
    void keepsAValueUntilItsRefreshTime() {
        assertThat(value(cache.get())).isEqualTo("v1");
        clock.advance(Duration.ofHours(1).minusSeconds(1));
        assertThat(value(cache.get())).isEqualTo("v1");
        clock.advance(Duration.ofSeconds(1));
        assertThat(value(cache.get())).isEqualTo("v2");
        assertThat(origin.calls()).isEqualTo(2);
    }

    @Test
    void aClockThatWentBackwardsMakesTheValueDue() {
        cache.get();
        clock.advance(Duration.ofMinutes(-5));
        assertThat(value(cache.get())).isEqualTo("v2");
    }

    @Test
    void aFailedRefreshKeepsAFreshValueAndAFailureIsNotCached() {
        cache.get();
        origin.failing(true);
        assertThat(cache.refresh().failure()).isPresent();
        assertThat(value(cache.get())).as("still fresh").isEqualTo("v1");
        assertThat(cache.peek().orElseThrow().isGood()).isTrue();
        clock.advance(Duration.ofHours(1));
        assertThat(cache.get().value()).isEmpty();
        assertThat(cache.get().value()).isEmpty();
        assertThat(origin.calls()).as("failures are asked again; pacing is RateLimitedSource's").isEqualTo(4);
    }

    @Test
    void whileOneCallerRefreshesTheOthersGetTheHeldValueWithoutWaiting() throws Exception {
        cache.get();
        clock.advance(Duration.ofHours(2));
        CountDownLatch release = origin.hold();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Outcome<String>> refreshing = pool.submit(cache::get);
            assertThat(origin.awaitCall()).isTrue();
            for (int i = 0; i < 3; i++) {
                assertThat(value(cache.get())).isEqualTo("v1");
            }
            release.countDown();
            assertThat(value(refreshing.get(10, TimeUnit.SECONDS))).isEqualTo("v2");
        } finally {
            pool.shutdownNow();
        }
        assertThat(value(cache.get())).isEqualTo("v2");
        assertThat(origin.calls()).isEqualTo(2);
    }

    @Test
    void whileOneCallerAsksAValueOlderThanTheBoundIsNotServedTheOthersWait() throws Exception {
        CachingSource<String> bounded = new CachingSource<>(origin, clock, Duration.ofHours(2));
        bounded.get();
        clock.advance(Duration.ofMinutes(90));
        CountDownLatch release = origin.hold();
        List<Thread> threads = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "caller");
            threads.add(t);
            return t;
        });
        try {
            Future<Outcome<String>> asking = pool.submit(bounded::get);
            assertThat(origin.awaitCall()).isTrue();
            assertThat(value(bounded.get())).as("within the bound: served at once").isEqualTo("v1");
            release.countDown();
            assertThat(value(asking.get(10, TimeUnit.SECONDS))).isEqualTo("v2");

            clock.advance(Duration.ofHours(2));
            release = origin.hold();
            asking = pool.submit(bounded::get);
            assertThat(origin.awaitCall()).isTrue();
            Future<Outcome<String>> waiting = pool.submit(bounded::get);
            // the asking thread waits in the origin (TIMED_WAITING); the other must queue for the lock
            long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!waiting.isDone() && threads.stream().noneMatch(t -> t.getState() == Thread.State.WAITING)
                    && System.nanoTime() < giveUp) {
                Thread.onSpinWait();
            }
            release.countDown();
            assertThat(value(asking.get(10, TimeUnit.SECONDS))).isEqualTo("v3");
            assertThat(value(waiting.get(10, TimeUnit.SECONDS))).as("waited for the answer, not served v2")
                    .isEqualTo("v3");
        } finally {
            pool.shutdownNow();
        }
        assertThat(origin.calls()).isEqualTo(3);
        assertThatThrownBy(() -> new CachingSource<>(origin, clock, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reloadAsksTheSourceWhileTheValueIsFresh() {
        cache.get();
        assertThat(value(cache.reload())).isEqualTo("v2");
        assertThat(value(cache.get())).isEqualTo("v2");
        assertThat(origin.calls()).isEqualTo(2);
    }

    @Test
    void callersWithNothingHeldWaitForTheOneCall() throws Exception {
        CountDownLatch release = origin.hold();
        List<Thread> callers = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "caller");
            callers.add(t);
            return t;
        });
        try {
            List<Future<Outcome<String>>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                results.add(pool.submit(cache::get));
            }
            assertThat(origin.awaitCall()).isTrue();
            long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (callers.stream().filter(t -> t.getState() == Thread.State.WAITING).count() < 3
                    && System.nanoTime() < giveUp) {
                Thread.onSpinWait();
            }
            release.countDown();
            for (Future<Outcome<String>> f : results) {
                assertThat(value(f.get(10, TimeUnit.SECONDS))).isEqualTo("v1");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(origin.calls()).isEqualTo(1);
    }
}
