package org.zwfw.sdk.source;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.zwfw.sdk.verify.Finding;

/**
 * What a {@link Source} answers: a value, the failure of the last attempt, or both (a last good
 * value served although the last attempt failed). Immutable.
 *
 * @param <T> the value
 */
public final class Outcome<T> {

    /**
     * Why an attempt failed.
     *
     * @param errors the findings that say why, at least one, with their outcome codes
     * @param at     when the attempt was made
     */
    public record Failure(List<Finding> errors, Instant at) {

        /** Checks and copies the arguments. */
        public Failure {
            errors = List.copyOf(errors);
            Objects.requireNonNull(at, "at");
            if (errors.isEmpty()) {
                throw new IllegalArgumentException("a failure needs at least one finding");
            }
        }
    }

    private final Fetched<T> value;
    private final Failure failure;

    private Outcome(Fetched<T> value, Failure failure) {
        this.value = value;
        this.failure = failure;
    }

    /**
     * @param value what was obtained
     * @param <T>   the value
     * @return a successful outcome
     */
    public static <T> Outcome<T> of(Fetched<T> value) {
        return new Outcome<>(Objects.requireNonNull(value, "value"), null);
    }

    /**
     * @param failure why nothing could be obtained
     * @param <T>     the value
     * @return a failed outcome without a value
     */
    public static <T> Outcome<T> failed(Failure failure) {
        return new Outcome<>(null, Objects.requireNonNull(failure, "failure"));
    }

    /**
     * @param lastGood the last good value, served instead
     * @param failure  why a newer one could not be obtained
     * @param <T>      the value
     * @return an outcome with both
     */
    public static <T> Outcome<T> degraded(Fetched<T> lastGood, Failure failure) {
        return new Outcome<>(Objects.requireNonNull(lastGood, "lastGood"), Objects.requireNonNull(failure,
                "failure"));
    }

    /** @return the value, if any (the last good one when {@link #failure()} is present too) */
    public Optional<Fetched<T>> value() {
        return Optional.ofNullable(value);
    }

    /** @return why the last attempt failed, if it did */
    public Optional<Failure> failure() {
        return Optional.ofNullable(failure);
    }

    /** @return whether there is a value and no failure */
    public boolean isGood() {
        return value != null && failure == null;
    }

    @Override
    public String toString() {
        return "Outcome[" + (value == null ? "no value" : value) + (failure == null ? "" : ", failed: "
                + failure.errors()) + "]";
    }
}
