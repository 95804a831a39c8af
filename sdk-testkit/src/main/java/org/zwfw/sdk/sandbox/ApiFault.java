package org.zwfw.sdk.sandbox;

import java.time.Duration;
import java.util.Objects;
import org.zwfw.sdk.sandbox.internal.api.Faults;

/**
 * A fault the sandbox injects into its next matching service-network API calls
 * ({@link Sandbox#injectFault(ApiFault)}, {@code spec/sandbox.md} §11.6): a delay, a {@code 5xx},
 * a {@code 429} with {@code Retry-After} (signed problem answers, nothing done), a connection
 * closed without an answer before the operation runs, or one closed after it ran (the answer
 * lost, the effect kept). Immutable.
 */
public final class ApiFault {

    final Faults.Fault fault;

    private ApiFault(Faults.Fault fault) {
        this.fault = fault;
    }

    /** @param delay 0 to 30 s before the call is handled @return the fault, for the next call */
    public static ApiFault latency(Duration delay) {
        return new ApiFault(new Faults.Fault(Faults.Kind.LATENCY, null, 1, 0, Objects.requireNonNull(delay)));
    }

    /** @param status 500 to 599 @return the fault, for the next call */
    public static ApiFault status(int status) {
        return new ApiFault(new Faults.Fault(Faults.Kind.STATUS, null, 1, status, null));
    }

    /** @param retryAfter the {@code Retry-After}, whole seconds up to 30 @return the fault, for the next call */
    public static ApiFault rateLimited(Duration retryAfter) {
        return new ApiFault(new Faults.Fault(Faults.Kind.RATE_LIMITED, null, 1, 0, Objects.requireNonNull(retryAfter)));
    }

    /** @return a connection closed without an answer, the operation not run, for the next call */
    public static ApiFault drop() {
        return new ApiFault(new Faults.Fault(Faults.Kind.DROP, null, 1, 0, null));
    }

    /** @return a connection closed without an answer after the operation ran, for the next call */
    public static ApiFault dropResponse() {
        return new ApiFault(new Faults.Fault(Faults.Kind.DROP_RESPONSE, null, 1, 0, null));
    }

    /** @param times how many matching calls, 1 to 1000 @return this fault for that many calls */
    public ApiFault times(int times) {
        return new ApiFault(new Faults.Fault(fault.kind(), fault.operation(), times, fault.status(), fault.delay()));
    }

    /** @param operationId an operation of the API document, such as {@code submitCase} @return this fault for it only */
    public ApiFault operation(String operationId) {
        return new ApiFault(new Faults.Fault(fault.kind(), Objects.requireNonNull(operationId), fault.times(),
                fault.status(), fault.delay()));
    }

    @Override
    public String toString() {
        return "ApiFault[" + fault.kind() + (fault.operation() == null ? "" : ", " + fault.operation()) + " x"
                + fault.times() + "]";
    }
}
