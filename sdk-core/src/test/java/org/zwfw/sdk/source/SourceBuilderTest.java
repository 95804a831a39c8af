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

class SourceBuilderTest {

    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
    private final MutableClock clock = new MutableClock(T0);
    private final ScriptedOrigin origin = new ScriptedOrigin(clock, Duration.ofHours(1));

    @Test
    void composesCachingOutageToleranceAndPacing() {
        Source<String> s = SourceBuilder.from(origin, clock).rateLimitAfterFailure(Duration.ofMinutes(1))
                .outageTolerance(Duration.ofDays(1), null).cache().build();
        assertThat(value(s.get())).isEqualTo("v1");
        origin.failing(true);
        clock.advance(Duration.ofHours(1));
        for (int i = 0; i < 5; i++) {
            Outcome<String> o = s.get();
            assertThat(value(o)).isEqualTo("v1");
            assertThat(o.failure()).isPresent();
            clock.advance(Duration.ofSeconds(10));
        }
        assertThat(origin.calls()).as("one attempt a minute during the outage").isEqualTo(2);
        clock.advance(Duration.ofSeconds(10));
        origin.failing(false);
        assertThat(value(s.get())).isEqualTo("v3");
        assertThat(s.get().isGood()).isTrue();
    }

    @Test
    void reloadGoesPastTheCacheButNotPastThePacing() {
        Source<String> s = SourceBuilder.from(origin, clock).rateLimitEveryCall(Duration.ofSeconds(30))
                .outageTolerance(Duration.ofDays(1), null).cache().refreshAhead(Duration.ofMinutes(6), Runnable::run)
                .build();
        assertThat(value(s.get())).isEqualTo("v1");
        assertThat(value(s.reload())).as("paced: the last outcome again").isEqualTo("v1");
        clock.advance(Duration.ofSeconds(30));
        assertThat(value(s.reload())).isEqualTo("v2");
        assertThat(value(s.get())).isEqualTo("v2");
        assertThat(origin.calls()).isEqualTo(2);
    }

    @Test
    void theCacheHandsOutNoValueOlderThanTheToleranceWhileAnotherCallerAsks() throws Exception {
        Source<String> s = SourceBuilder.from(origin, clock).outageTolerance(Duration.ofHours(2), null).cache().build();
        s.get();
        clock.advance(Duration.ofHours(2));
        CountDownLatch release = origin.hold();
        List<Thread> threads = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "caller");
            threads.add(t);
            return t;
        });
        try {
            Future<Outcome<String>> asking = pool.submit(s::get);
            assertThat(origin.awaitCall()).isTrue();
            Future<Outcome<String>> waiting = pool.submit(s::get);
            long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!waiting.isDone() && threads.stream().noneMatch(t -> t.getState() == Thread.State.WAITING)
                    && System.nanoTime() < giveUp) {
                Thread.onSpinWait();
            }
            release.countDown();
            assertThat(value(asking.get(10, TimeUnit.SECONDS))).isEqualTo("v2");
            assertThat(value(waiting.get(10, TimeUnit.SECONDS))).isEqualTo("v2");
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void aSeedCarriesAColdStartThroughAnOutage() {
        Source<String> s = SourceBuilder.from(origin, clock).rateLimitAfterFailure(Duration.ofMinutes(1))
                .outageTolerance(OutageTolerantSource.UNBOUNDED, new Fetched<>("from disk", T0, T0)).cache().build();
        origin.failing(true);
        assertThat(value(s.get())).isEqualTo("from disk");
    }

    @Test
    void refreshAheadNeedsCaching() {
        assertThatThrownBy(() -> SourceBuilder.from(origin, clock).refreshAhead(Duration.ofMinutes(1), Runnable::run)
                .build()).isInstanceOf(IllegalStateException.class).hasMessageContaining("cache()");
        Source<String> s = SourceBuilder.from(origin, clock).cache().refreshAhead(Duration.ofMinutes(1),
                Runnable::run).build();
        s.get();
        clock.advance(Duration.ofMinutes(59));
        assertThat(value(s.get())).as("served, reloaded on the executor").isEqualTo("v1");
        assertThat(value(s.get())).isEqualTo("v2");
    }
}
