package org.zwfw.sdk.internal;

import java.util.ArrayList;
import java.util.List;
import org.zwfw.sdk.verify.Finding;
import org.zwfw.sdk.verify.OutcomeCode;
import org.zwfw.sdk.verify.VerificationResult;

/**
 * Collects the errors and warnings of one verification run, so that a verifier can report every
 * failed check rather than the first.
 *
 * <p>Not thread-safe: one instance per verification call.
 */
public final class Findings {

    private final List<Finding> errors = new ArrayList<>(4);
    private final List<Finding> warnings = new ArrayList<>(2);

    /** Creates an empty collector. */
    public Findings() {
    }

    /**
     * Records a failed check.
     *
     * @param code    the outcome code, never {@code null}
     * @param message what is wrong, without personal data, never {@code null}
     * @return this collector
     */
    public Findings error(OutcomeCode code, String message) {
        errors.add(new Finding(code, message));
        return this;
    }

    /**
     * Records a warning.
     *
     * @param code    the outcome code, never {@code null}
     * @param message what happened, without personal data, never {@code null}
     * @return this collector
     */
    public Findings warn(OutcomeCode code, String message) {
        warnings.add(new Finding(code, message));
        return this;
    }

    /**
     * Copies the errors and warnings of another result into this collector.
     *
     * @param other a result, never {@code null}
     * @return this collector
     */
    public Findings addAll(VerificationResult<?> other) {
        errors.addAll(other.errors());
        warnings.addAll(other.warnings());
        return this;
    }

    /** @return how many errors were recorded so far */
    public int errorCount() {
        return errors.size();
    }

    /** @return whether any error was recorded */
    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /**
     * @param code a code
     * @return whether an error with that code was recorded
     */
    public boolean hasError(OutcomeCode code) {
        for (Finding f : errors) {
            if (f.code() == code) {
                return true;
            }
        }
        return false;
    }

    /**
     * Builds the result: valid with {@code value} when no error was recorded, else invalid.
     *
     * @param value the verified value; may be {@code null} only when errors were recorded
     * @param <T>   the value type
     * @return the result
     */
    public <T> VerificationResult<T> result(T value) {
        return errors.isEmpty() ? VerificationResult.valid(value, warnings)
                : VerificationResult.invalid(errors, warnings);
    }

    /**
     * Builds an invalid result; there must be at least one error.
     *
     * @param <T> the value type
     * @return the invalid result
     * @throws IllegalStateException when no error was recorded
     */
    public <T> VerificationResult<T> failure() {
        if (errors.isEmpty()) {
            throw new IllegalStateException("no error recorded");
        }
        return VerificationResult.invalid(errors, warnings);
    }
}
