package org.zwfw.sdk.sandbox.internal.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Faults injected by tests into the next matching API calls: a delay, a {@code 5xx}, a
 * {@code 429} with {@code Retry-After}, a connection closed without an answer before the
 * operation runs, or after it ran (the answer lost). Thread-safe.
 */
public final class Faults {

    /** What happens to a matching call. */
    public enum Kind { LATENCY, STATUS, RATE_LIMITED, DROP, DROP_RESPONSE }

    /**
     * One injected fault.
     *
     * @param kind      what happens
     * @param operation the operationId it applies to, or {@code null} for every operation
     * @param times     how many matching calls it applies to
     * @param status    the status of {@link Kind#STATUS} (500 to 599)
     * @param delay     the delay of {@link Kind#LATENCY}, or the {@code Retry-After} of {@link Kind#RATE_LIMITED}
     */
    public record Fault(Kind kind, String operation, int times, int status, Duration delay) {
    }

    /** The longest delay a fault may add. */
    public static final Duration MAX_DELAY = Duration.ofSeconds(30);

    private final List<Fault> pending = new ArrayList<>();

    /**
     * @param fault a fault to apply to the next matching calls
     * @throws IllegalArgumentException for a count below 1, a status outside 500..599 or a delay beyond 30 s
     */
    public synchronized void add(Fault fault) {
        if (fault.times() < 1 || fault.times() > 1000) {
            throw new IllegalArgumentException("a fault applies to 1 to 1000 calls");
        }
        if (fault.kind() == Kind.STATUS && (fault.status() < 500 || fault.status() > 599)) {
            throw new IllegalArgumentException("an injected status is 500 to 599");
        }
        if ((fault.kind() == Kind.LATENCY || fault.kind() == Kind.RATE_LIMITED) && (fault.delay() == null
                || fault.delay().isNegative() || fault.delay().compareTo(MAX_DELAY) > 0)) {
            throw new IllegalArgumentException("a delay is 0 to 30 s");
        }
        pending.add(fault);
    }

    /** Removes every pending fault. */
    public synchronized void clear() {
        pending.clear();
    }

    /** @return the fault for a call of this operation, counted, or {@code null} */
    synchronized Fault take(String operation) {
        for (Iterator<Fault> it = pending.iterator(); it.hasNext();) {
            Fault f = it.next();
            if (f.operation() == null || f.operation().equals(operation)) {
                it.remove();
                if (f.times() > 1) {
                    pending.add(0, new Fault(f.kind(), f.operation(), f.times() - 1, f.status(), f.delay()));
                }
                return f;
            }
        }
        return null;
    }
}
