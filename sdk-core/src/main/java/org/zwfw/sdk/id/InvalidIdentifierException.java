package org.zwfw.sdk.id;

import java.util.List;
import java.util.Objects;

/**
 * Thrown by the {@code parse} methods when a value is not a valid identifier. Carries every failed
 * rule, not only the first; {@link #getMessage()} lists them. The message never contains a full
 * resident ID number.
 *
 * <p>Immutable once constructed and safe to share between threads.
 */
public class InvalidIdentifierException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** The kind the value was parsed as. */
    private final IdentifierKind kind;
    /** Every failed rule, unmodifiable. */
    private final List<IdentifierViolation> violations;

    /**
     * Creates an exception.
     *
     * @param kind the kind the value was parsed as; not {@code null}
     * @param violations the failed rules; not {@code null}, not empty, copied
     * @throws NullPointerException if an argument or a violation is {@code null}
     * @throws IllegalArgumentException if {@code violations} is empty
     */
    public InvalidIdentifierException(IdentifierKind kind, List<IdentifierViolation> violations) {
        super(message(kind, violations));
        this.kind = kind;
        this.violations = List.copyOf(violations);
    }

    private static String message(IdentifierKind kind, List<IdentifierViolation> violations) {
        Objects.requireNonNull(kind, "kind");
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("an invalid identifier has at least one violation");
        }
        StringBuilder message = new StringBuilder("invalid ").append(kind.jsonName()).append(": ");
        for (int i = 0; i < violations.size(); i++) {
            message.append(i == 0 ? "" : "; ").append(violations.get(i));
        }
        return message.toString();
    }

    /**
     * Returns the kind the value was parsed as.
     *
     * @return the kind; never {@code null}
     */
    public IdentifierKind kind() {
        return kind;
    }

    /**
     * Returns every failed rule, in the order checked.
     *
     * @return an unmodifiable, non-empty list; never {@code null}
     */
    public List<IdentifierViolation> violations() {
        return violations;
    }
}
