package org.zwfw.sdk.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.zwfw.sdk.source.ScriptedOrigin.value;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.zwfw.sdk.testing.MutableClock;

class RateLimitedSourceTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
    private final ScriptedOrigin origin = new ScriptedOrigin(clock, Duration.ofHours(1));

    @Test
    void afterAFailureRepeatsItForTheIntervalThenAsksAgain() {
        Source<String> s = RateLimitedSource.afterFailure(origin, clock, Duration.ofMinutes(1));
        origin.failing(true);
        Outcome<String> first = s.get();
        assertThat(first.failure()).isPresent();
        clock.advance(Duration.ofSeconds(59));
        assertThat(s.get()).isSameAs(first);
        assertThat(origin.calls()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        origin.failing(false);
        assertThat(value(s.get())).isEqualTo("v2");
        assertThat(value(s.get())).as("successes are not paced").isEqualTo("v3");
    }

    @Test
    void everyCallAllowsOneCallPerIntervalWhateverItsOutcome() {
        Source<String> s = RateLimitedSource.everyCall(origin, clock, Duration.ofMinutes(1));
        assertThat(value(s.get())).isEqualTo("v1");
        clock.advance(Duration.ofSeconds(30));
        assertThat(value(s.get())).isEqualTo("v1");
        clock.advance(Duration.ofSeconds(30));
        assertThat(value(s.get())).isEqualTo("v2");
        assertThat(origin.calls()).isEqualTo(2);
    }

    @Test
    void aClockThatWentBackwardsEndsThePause() {
        Source<String> s = RateLimitedSource.afterFailure(origin, clock, Duration.ofMinutes(1));
        origin.failing(true);
        s.get();
        clock.advance(Duration.ofHours(-1));
        s.get();
        assertThat(origin.calls()).isEqualTo(2);
    }

    @Test
    void refreshIsNotPaced() {
        Source<String> s = RateLimitedSource.afterFailure(origin, clock, Duration.ofMinutes(1));
        origin.failing(true);
        s.get();
        origin.failing(false);
        assertThat(value(s.refresh())).isEqualTo("v2");
    }

    @Test
    void aZeroIntervalNeverPausesAndANegativeOneIsRefused() {
        Source<String> s = RateLimitedSource.afterFailure(origin, clock, Duration.ZERO);
        origin.failing(true);
        s.get();
        s.get();
        assertThat(origin.calls()).isEqualTo(2);
        assertThatThrownBy(() -> RateLimitedSource.everyCall(origin, clock, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("interval");
    }
}
