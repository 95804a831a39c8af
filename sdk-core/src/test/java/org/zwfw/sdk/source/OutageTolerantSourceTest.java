package org.zwfw.sdk.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.zwfw.sdk.source.ScriptedOrigin.value;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.zwfw.sdk.testing.MutableClock;

class OutageTolerantSourceTest {

    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
    private final MutableClock clock = new MutableClock(T0);
    private final ScriptedOrigin origin = new ScriptedOrigin(clock, Duration.ofHours(1));

    @Test
    void servesTheLastGoodValueWithTheFailureWithinTheTolerance() {
        Source<String> s = new OutageTolerantSource<>(origin, clock, Duration.ofHours(6));
        assertThat(s.get().isGood()).isTrue();
        origin.failing(true);
        clock.advance(Duration.ofHours(6).minusSeconds(1));
        Outcome<String> o = s.get();
        assertThat(value(o)).isEqualTo("v1");
        assertThat(o.failure().orElseThrow().errors().get(0).message()).contains("HTTP 503");
        assertThat(o.isGood()).isFalse();
        clock.advance(Duration.ofSeconds(1));
        Outcome<String> beyond = s.get();
        assertThat(beyond.value()).isEmpty();
        assertThat(beyond.failure()).isPresent();
    }

    @Test
    void aNewGoodValueReplacesTheLastOne() {
        Source<String> s = new OutageTolerantSource<>(origin, clock, Duration.ofHours(6));
        s.get();
        s.get();
        origin.failing(true);
        assertThat(value(s.get())).isEqualTo("v2");
    }

    @Test
    void withoutAGoodValueTheFailureIsAnsweredAlone() {
        Source<String> s = new OutageTolerantSource<>(origin, clock, OutageTolerantSource.UNBOUNDED);
        origin.failing(true);
        assertThat(s.get().value()).isEmpty();
    }

    @Test
    void aSeedIsServedUntilAGoodValueArrivesButDoesNotReplaceOne() {
        OutageTolerantSource<String> s = new OutageTolerantSource<>(origin, clock, OutageTolerantSource.UNBOUNDED);
        s.seed(new Fetched<>("seed", T0, T0));
        origin.failing(true);
        assertThat(value(s.get())).isEqualTo("seed");
        origin.failing(false);
        assertThat(value(s.refresh())).isEqualTo("v2");
        s.seed(new Fetched<>("late seed", T0, T0));
        origin.failing(true);
        clock.advance(Duration.ofDays(3650));
        assertThat(value(s.get())).as("unbounded: no overflow").isEqualTo("v2");
    }

    @Test
    void aClockThatWentBackwardsKeepsTheValueWithinTheTolerance() {
        Source<String> s = new OutageTolerantSource<>(origin, clock, Duration.ofHours(1));
        s.get();
        origin.failing(true);
        clock.advance(Duration.ofDays(-1));
        assertThat(value(s.get())).isEqualTo("v1");
    }

    @Test
    void refusesANonPositiveTolerance() {
        assertThatThrownBy(() -> new OutageTolerantSource<>(origin, clock, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tolerance");
    }
}
