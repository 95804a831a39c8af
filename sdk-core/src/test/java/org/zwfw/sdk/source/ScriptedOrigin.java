package org.zwfw.sdk.source;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.zwfw.sdk.verify.Finding;
import org.zwfw.sdk.verify.OutcomeCode;

/**
 * An origin for the decorator tests: answers "v1", "v2", ... (due {@code lifetime} after the
 * call) or fails while told to, counting calls; can hold a call until released.
 */
final class ScriptedOrigin implements Source<String> {

    private final Clock clock;
    private final Duration lifetime;
    private final AtomicInteger calls = new AtomicInteger();
    private volatile boolean failing;
    private volatile CountDownLatch hold;
    private volatile CountDownLatch arrived = new CountDownLatch(1);

    ScriptedOrigin(Clock clock, Duration lifetime) {
        this.clock = clock;
        this.lifetime = lifetime;
    }

    void failing(boolean f) {
        failing = f;
    }

    /** Holds every call from now on until the returned latch is counted down. */
    CountDownLatch hold() {
        arrived = new CountDownLatch(1);
        CountDownLatch l = new CountDownLatch(1);
        hold = l;
        return l;
    }

    /** @return whether a call arrived (since {@link #hold()}) within 10 seconds */
    boolean awaitCall() throws InterruptedException {
        return arrived.await(10, TimeUnit.SECONDS);
    }

    int calls() {
        return calls.get();
    }

    @Override
    public Outcome<String> get() {
        int n = calls.incrementAndGet();
        arrived.countDown();
        CountDownLatch h = hold;
        if (h != null) {
            try {
                h.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (failing) {
            return Outcome.failed(new Outcome.Failure(List.of(new Finding(OutcomeCode.TRUST_LIST_INVALID,
                    "HTTP 503 (call " + n + ")")), clock.instant()));
        }
        return Outcome.of(new Fetched<>("v" + n, clock.instant(), clock.instant().plus(lifetime)));
    }

    static String value(Outcome<String> o) {
        return o.value().orElseThrow().value();
    }
}
