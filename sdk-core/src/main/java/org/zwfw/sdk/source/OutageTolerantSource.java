package org.zwfw.sdk.source;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the last good value when the source fails, for a bounded time: the answer then carries
 * both the last good value and the failure ({@link Outcome#degraded}), so that the caller reports
 * the failure as a warning. Beyond the tolerance, counted from when the last good value was
 * obtained, the failure is answered alone. Each new failure is logged once as a warning.
 *
 * <p>Thread-safe; no thread of its own.
 *
 * @param <T> the value
 */
public final class OutageTolerantSource<T> implements Source<T> {

    /** A tolerance without a time bound, for values whose own validity bounds them. */
    public static final Duration UNBOUNDED = ChronoUnit.FOREVER.getDuration();

    private static final Logger LOG = LoggerFactory.getLogger(OutageTolerantSource.class);

    private final Source<T> source;
    private final Clock clock;
    private final Duration tolerance;
    private final AtomicReference<Fetched<T>> lastGood = new AtomicReference<>();
    private final AtomicReference<Outcome.Failure> lastLogged = new AtomicReference<>();

    /**
     * @param source    the source whose failures are tolerated
     * @param clock     the time source
     * @param tolerance how long after it was obtained the last good value may still be served,
     *                  above 0, or {@link #UNBOUNDED}
     */
    public OutageTolerantSource(Source<T> source, Clock clock, Duration tolerance) {
        this.source = Objects.requireNonNull(source, "source");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.tolerance = Objects.requireNonNull(tolerance, "tolerance");
        if (tolerance.isNegative() || tolerance.isZero()) {
            throw new IllegalArgumentException("tolerance must be above 0");
        }
    }

    /**
     * Gives a value to fall back on before any call succeeded (such as a copy kept on disk); no
     * effect once a good value is held.
     *
     * @param value the value
     */
    public void seed(Fetched<T> value) {
        lastGood.compareAndSet(null, Objects.requireNonNull(value, "value"));
    }

    @Override
    public Outcome<T> get() {
        return tolerate(source.get());
    }

    @Override
    public Outcome<T> refresh() {
        return tolerate(source.refresh());
    }

    private Outcome<T> tolerate(Outcome<T> o) {
        if (o.isGood()) {
            lastGood.set(o.value().orElseThrow());
            return o;
        }
        Outcome.Failure failure = o.failure().orElseThrow();
        Fetched<T> good = lastGood.get();
        if (o.value().isPresent() || good == null || !within(good, clock.instant())) {
            return o;
        }
        if (lastLogged.getAndSet(failure) != failure) {
            LOG.warn("serving the last good value (obtained at {}) because a newer one could not be obtained: {}",
                    good.obtainedAt(), failure.errors());
        }
        return Outcome.degraded(good, failure);
    }

    /** A clock that went backwards keeps the value within the tolerance. */
    private boolean within(Fetched<T> good, Instant now) {
        return tolerance.equals(UNBOUNDED) || Duration.between(good.obtainedAt(), now).compareTo(tolerance) < 0;
    }
}
