package org.zwfw.sdk.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.zwfw.sdk.source.ScriptedOrigin.value;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;
import org.zwfw.sdk.testing.MutableClock;

class RefreshAheadSourceTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
    private final ScriptedOrigin origin = new ScriptedOrigin(clock, Duration.ofHours(1));
    private final CachingSource<String> cache = new CachingSource<>(origin, clock);
    /** An executor the test runs by hand. */
    private final Queue<Runnable> tasks = new ArrayDeque<>();
    private final Source<String> s = new RefreshAheadSource<>(cache, clock, Duration.ofMinutes(5), tasks::add);

    @Test
    void startsOneReloadShortlyBeforeTheValueIsDueAndKeepsServingIt() {
        assertThat(value(s.get())).isEqualTo("v1");
        clock.advance(Duration.ofMinutes(54));
        s.get();
        assertThat(tasks).isEmpty();
        clock.advance(Duration.ofMinutes(1));
        assertThat(value(s.get())).isEqualTo("v1");
        assertThat(value(s.get())).isEqualTo("v1");
        assertThat(tasks).as("one reload in flight").hasSize(1);
        tasks.poll().run();
        assertThat(value(s.get())).isEqualTo("v2");
        assertThat(origin.calls()).isEqualTo(2);
    }

    @Test
    void aFailedReloadLeavesTheFreshValueAndAllowsAnotherAttempt() {
        s.get();
        clock.advance(Duration.ofMinutes(56));
        s.get();
        origin.failing(true);
        tasks.poll().run();
        assertThat(value(s.get())).isEqualTo("v1");
        assertThat(tasks).hasSize(1);
    }

    @Test
    void anExecutorThatRefusesLeavesTheRefreshToTheDueTime() {
        Executor refusing = r -> {
            throw new RejectedExecutionException("shut down");
        };
        Source<String> r = new RefreshAheadSource<>(cache, clock, Duration.ofMinutes(5), refusing);
        r.get();
        clock.advance(Duration.ofMinutes(58));
        assertThat(value(r.get())).isEqualTo("v1");
        clock.advance(Duration.ofMinutes(2));
        assertThat(value(r.get())).isEqualTo("v2");
    }

    @Test
    void reloadAsksPastTheCache() {
        assertThat(value(s.get())).isEqualTo("v1");
        assertThat(value(s.reload())).isEqualTo("v2");
        assertThat(value(s.get())).isEqualTo("v2");
        assertThat(tasks).isEmpty();
    }

    @Test
    void refusesANonPositiveLead() {
        assertThatThrownBy(() -> new RefreshAheadSource<>(cache, clock, Duration.ZERO, tasks::add))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ahead");
    }
}
