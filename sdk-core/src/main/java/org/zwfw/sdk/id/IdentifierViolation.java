package org.zwfw.sdk.id;

import java.io.Serializable;
import java.util.Objects;

/**
 * One failed rule with a message saying what is wrong, for example
 * {@code check character (position 18) is '3' but GB 11643 gives 'X'}.
 *
 * <p>Messages name positions (1-based) and single characters, never a full resident ID number.
 * Immutable and thread-safe.
 *
 * @param rule the failed rule; not {@code null}
 * @param message what is wrong, in English; not {@code null}
 */
public record IdentifierViolation(IdentifierRule rule, String message) implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * Creates a violation.
     *
     * @param rule the failed rule; not {@code null}
     * @param message what is wrong; not {@code null}
     * @throws NullPointerException if an argument is {@code null}
     */
    public IdentifierViolation {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
    }

    /**
     * Returns {@code RULE: message}.
     *
     * @return the rule name and message; never {@code null}
     */
    @Override
    public String toString() {
        return rule + ": " + message;
    }
}
