package org.zwfw.sdk.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A {@link Clock} that a test sets and moves by hand, for code that takes a clock (verifiers,
 * issuers, trust-list sources, the sandbox): a test checks expiry, caches and refreshes without
 * sleeping. Time never moves by itself. Thread-safe: readers on other threads (a sandbox's
 * server threads) see every change.
 *
 * <pre>{@code
 * TestClock clock = TestClock.at(Instant.parse("2026-06-01T08:00:00Z"));
 * CredentialVerifier verifier = CredentialVerifier.builder().clock(clock)...build();
 * clock.advance(Duration.ofDays(400)); // now the credential is expired
 * }</pre>
 */
public final class TestClock extends Clock {

    private final ZoneId zone;
    private volatile Instant now;

    private TestClock(Instant now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    /**
     * @param start the first reading
     * @return a clock reading {@code start}, in UTC, until it is set or advanced
     */
    public static TestClock at(Instant start) {
        return new TestClock(Objects.requireNonNull(start, "start"), ZoneOffset.UTC);
    }

    /** @return a clock reading the current time, truncated to whole seconds (as NumericDates are) */
    public static TestClock atNow() {
        return at(Instant.ofEpochSecond(Instant.now().getEpochSecond()));
    }

    /**
     * Moves the clock forward (or back, with a negative duration).
     *
     * @param duration how far
     * @return the new reading
     */
    public Instant advance(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        synchronized (this) {
            now = now.plus(duration);
            return now;
        }
    }

    /**
     * Sets the clock.
     *
     * @param instant the new reading
     */
    public void set(Instant instant) {
        now = Objects.requireNonNull(instant, "instant");
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** @return a view in another zone that reads (and follows) this same clock */
    @Override
    public Clock withZone(ZoneId zone) {
        Objects.requireNonNull(zone, "zone");
        TestClock self = this;
        return zone.equals(this.zone) ? this : new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return self.withZone(other);
            }

            @Override
            public Instant instant() {
                return self.instant();
            }
        };
    }

    @Override
    public String toString() {
        return "TestClock[" + now + "]";
    }
}
