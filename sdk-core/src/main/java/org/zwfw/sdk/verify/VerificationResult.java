package org.zwfw.sdk.verify;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The outcome of a verification: the verified value when every check passed, and otherwise
 * every failed check, each with its {@link OutcomeCode}. Warnings (for example a status that
 * could not be checked when checking was optional) never make a result invalid.
 *
 * <p>Immutable and thread-safe when the value is.
 *
 * @param <T> the type of the verified value
 */
public final class VerificationResult<T> {

    private final T value;
    private final List<Finding> errors;
    private final List<Finding> warnings;

    private VerificationResult(T value, List<Finding> errors, List<Finding> warnings) {
        this.value = value;
        // List.copyOf copies an empty ArrayList too; most results carry no findings at all
        this.errors = errors.isEmpty() ? List.of() : List.copyOf(errors);
        this.warnings = warnings.isEmpty() ? List.of() : List.copyOf(warnings);
    }

    /**
     * A successful result.
     *
     * @param value    the verified value, never {@code null}
     * @param warnings warnings to carry along, never {@code null}
     * @param <T>      the value type
     * @return a valid result
     */
    public static <T> VerificationResult<T> valid(T value, List<Finding> warnings) {
        return new VerificationResult<>(Objects.requireNonNull(value, "value"), List.of(), warnings);
    }

    /**
     * A failed result.
     *
     * @param errors   the failed checks, at least one
     * @param warnings warnings to carry along, never {@code null}
     * @param <T>      the value type
     * @return an invalid result
     * @throws IllegalArgumentException if {@code errors} is empty
     */
    public static <T> VerificationResult<T> invalid(List<Finding> errors, List<Finding> warnings) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an invalid result needs at least one error");
        }
        return new VerificationResult<>(null, errors, warnings);
    }

    /**
     * A failed result with a single error.
     *
     * @param code    the outcome code
     * @param message what is wrong
     * @param <T>     the value type
     * @return an invalid result
     */
    public static <T> VerificationResult<T> invalid(OutcomeCode code, String message) {
        return invalid(List.of(new Finding(code, message)), List.of());
    }

    /** @return {@code true} when no check failed */
    public boolean isValid() {
        return errors.isEmpty();
    }

    /** @return the verified value, empty when the result is invalid */
    public Optional<T> value() {
        return Optional.ofNullable(value);
    }

    /**
     * Returns the verified value or throws.
     *
     * @return the verified value, never {@code null}
     * @throws VerificationException carrying this result when it is invalid
     */
    public T orElseThrow() throws VerificationException {
        if (!isValid()) {
            throw new VerificationException(this);
        }
        return value;
    }

    /** @return every failed check, in the order found; empty when valid */
    public List<Finding> errors() {
        return errors;
    }

    /** @return warnings, in the order found */
    public List<Finding> warnings() {
        return warnings;
    }

    /** @return the distinct codes of {@link #errors()} */
    public Set<OutcomeCode> errorCodes() {
        Set<OutcomeCode> codes = EnumSet.noneOf(OutcomeCode.class);
        for (Finding f : errors) {
            codes.add(f.code());
        }
        return codes;
    }

    /**
     * @param code a code
     * @return whether an error with this code was reported
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
     * Converts a failed result to another value type; errors and warnings are kept.
     *
     * @param <U> the new value type
     * @return this result's errors and warnings, typed for {@code U}
     * @throws IllegalStateException if this result is valid
     */
    public <U> VerificationResult<U> asInvalid() {
        if (isValid()) {
            throw new IllegalStateException("result is valid");
        }
        return new VerificationResult<>(null, errors, warnings);
    }

    /** Lists the codes and messages; the value is not printed (it may hold personal data). */
    @Override
    public String toString() {
        return isValid() ? "VerificationResult[valid, warnings=" + warnings + "]"
                : "VerificationResult[invalid, errors=" + errors + ", warnings=" + warnings + "]";
    }
}
