package org.zwfw.sdk.verify;

import java.util.Objects;

/**
 * One failed check (or one warning) of a verification: a stable {@link OutcomeCode} and a
 * message for humans.
 *
 * <p>Messages name what is wrong and, where it helps, why it usually happens; they never contain
 * personal data, secrets or private keys, so they are safe to log. Immutable and thread-safe.
 *
 * @param code    the outcome code, never {@code null}
 * @param message the explanation, never {@code null}
 */
public record Finding(OutcomeCode code, String message) {

    /**
     * Creates a finding.
     *
     * @throws NullPointerException if an argument is {@code null}
     */
    public Finding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return code + ": " + message;
    }
}
