package org.zwfw.sdk.source;

import java.time.Instant;
import java.util.Objects;

/**
 * A value an origin obtained, with when it was obtained and when it should be obtained again.
 *
 * @param value      the value
 * @param obtainedAt when the origin obtained it
 * @param refreshAt  when a cache should stop serving it without asking again (not before
 *                   {@code obtainedAt})
 * @param <T>        the value
 */
public record Fetched<T>(T value, Instant obtainedAt, Instant refreshAt) {

    /** Checks the arguments. */
    public Fetched {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(obtainedAt, "obtainedAt");
        Objects.requireNonNull(refreshAt, "refreshAt");
        if (refreshAt.isBefore(obtainedAt)) {
            throw new IllegalArgumentException("refreshAt " + refreshAt + " is before obtainedAt " + obtainedAt);
        }
    }

    /**
     * @param now the current time
     * @return whether the value may still be served without asking again: obtained no later than
     *         {@code now} (a clock that went backwards makes it due) and not yet at
     *         {@code refreshAt}
     */
    public boolean isFreshAt(Instant now) {
        return !now.isBefore(obtainedAt) && now.isBefore(refreshAt);
    }
}
