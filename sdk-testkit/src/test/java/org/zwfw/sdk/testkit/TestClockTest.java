package org.zwfw.sdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class TestClockTest {

    private static final Instant T0 = Instant.parse("2026-06-01T08:00:00Z");

    @Test
    void standsStillUntilMoved() {
        TestClock c = TestClock.at(T0);
        assertThat(c.instant()).isEqualTo(T0);
        assertThat(c.advance(Duration.ofSeconds(90))).isEqualTo(T0.plusSeconds(90));
        assertThat(c.instant()).isEqualTo(T0.plusSeconds(90));
        c.set(T0.minusSeconds(5));
        assertThat(c.millis()).isEqualTo(T0.minusSeconds(5).toEpochMilli());
    }

    @Test
    void aZoneViewFollowsTheSameClock() {
        TestClock c = TestClock.at(T0);
        java.time.Clock shanghai = c.withZone(ZoneId.of("Asia/Shanghai"));
        c.advance(Duration.ofHours(1));
        assertThat(shanghai.instant()).isEqualTo(T0.plusSeconds(3600));
        assertThat(shanghai.getZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(c.getZone()).isEqualTo(java.time.ZoneOffset.UTC);
    }

    @Test
    void atNowIsWholeSeconds() {
        assertThat(TestClock.atNow().instant().getNano()).isZero();
    }
}
