package org.zwfw.sdk.verify;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The outcome of a verification: {@link Valid}, with the verified value, when every check passed;
 * otherwise {@link Invalid}, with every failed check, each with its {@link OutcomeCode}. Warnings
 * (for example a status that could not be checked when checking was optional) never make a
 * result invalid.
 *
 * <p>A sealed type: {@code if (r instanceof VerificationResult.Valid<Foo> v)} (or, from Java 21,
 * an exhaustive {@code switch}) reaches the value without an {@code Optional}; the methods below
 * serve callers who would rather not match.
 *
 * <p>Immutable and thread-safe when the value is. {@code toString} never prints the value (it
 * may hold personal data).
 *
 * @param <T> the type of the verified value
 */
public sealed interface VerificationResult<T> permits VerificationResult.Valid, VerificationResult.Invalid {

    /**
     * Every check passed.
     *
     * @param verified the verified value, never {@code null}
     * @param warnings warnings carried along, never {@code null}
     * @param <T>      the value type
     */
    record Valid<T>(T verified, List<Finding> warnings) implements VerificationResult<T> {

        /** Checks and copies the parts. */
        public Valid {
            Objects.requireNonNull(verified, "value");
            // List.copyOf copies an empty ArrayList too; most results carry no findings at all
            warnings = warnings.isEmpty() ? List.of() : List.copyOf(warnings);
        }

        @Override
        public boolean isValid() {
            return true;
        }

        @Override
        public Optional<T> value() {
            return Optional.of(verified);
        }

        @Override
        public T orElseThrow() {
            return verified;
        }

        @Override
        public List<Finding> errors() {
            return List.of();
        }

        @Override
        public String toString() {
            return "VerificationResult[valid, warnings=" + warnings + "]";
        }
    }

    /**
     * At least one check failed.
     *
     * @param errors   the failed checks, at least one, in the order found
     * @param warnings warnings carried along, never {@code null}
     * @param <T>      the value type the verification would have given
     */
    record Invalid<T>(List<Finding> errors, List<Finding> warnings) implements VerificationResult<T> {

        /**
         * Checks and copies the parts.
         *
         * @throws IllegalArgumentException if {@code errors} is empty
         */
        public Invalid {
            if (errors.isEmpty()) {
                throw new IllegalArgumentException("an invalid result needs at least one error");
            }
            errors = List.copyOf(errors);
            warnings = warnings.isEmpty() ? List.of() : List.copyOf(warnings);
        }

        @Override
        public boolean isValid() {
            return false;
        }

        @Override
        public Optional<T> value() {
            return Optional.empty();
        }

        @Override
        public T orElseThrow() throws VerificationException {
            throw new VerificationException(this);
        }

        @Override
        public String toString() {
            return "VerificationResult[invalid, errors=" + errors + ", warnings=" + warnings + "]";
        }
    }

    /**
     * A successful result.
     *
     * @param value    the verified value, never {@code null}
     * @param warnings warnings to carry along, never {@code null}
     * @param <T>      the value type
     * @return a valid result
     */
    static <T> VerificationResult<T> valid(T value, List<Finding> warnings) {
        return new Valid<>(value, warnings);
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
    static <T> VerificationResult<T> invalid(List<Finding> errors, List<Finding> warnings) {
        return new Invalid<>(errors, warnings);
    }

    /**
     * A failed result with a single error.
     *
     * @param code    the outcome code
     * @param message what is wrong
     * @param <T>     the value type
     * @return an invalid result
     */
    static <T> VerificationResult<T> invalid(OutcomeCode code, String message) {
        return new Invalid<>(List.of(new Finding(code, message)), List.of());
    }

    /** @return {@code true} when no check failed */
    boolean isValid();

    /** @return the verified value, empty when the result is invalid */
    Optional<T> value();

    /**
     * Returns the verified value or throws.
     *
     * @return the verified value, never {@code null}
     * @throws VerificationException carrying this result when it is invalid
     */
    T orElseThrow() throws VerificationException;

    /** @return every failed check, in the order found; empty when valid */
    List<Finding> errors();

    /** @return warnings, in the order found */
    List<Finding> warnings();

    /** @return the distinct codes of {@link #errors()} */
    default Set<OutcomeCode> errorCodes() {
        Set<OutcomeCode> codes = EnumSet.noneOf(OutcomeCode.class);
        for (Finding f : errors()) {
            codes.add(f.code());
        }
        return codes;
    }

    /**
     * @param code a code
     * @return whether an error with this code was reported
     */
    default boolean hasError(OutcomeCode code) {
        for (Finding f : errors()) {
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
    default <U> VerificationResult<U> asInvalid() {
        if (!(this instanceof Invalid)) {
            throw new IllegalStateException("result is valid");
        }
        return new Invalid<>(errors(), warnings());
    }
}
