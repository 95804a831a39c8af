package org.zwfw.sdk.verify;

/**
 * Thrown by convenience methods when a verification fails; carries the full
 * {@link VerificationResult} with every failed check.
 *
 * <p>The message lists the codes and messages of the failed checks, which never contain personal
 * data or secrets.
 */
public final class VerificationException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient VerificationResult<?> result;

    /**
     * @param result an invalid result, never {@code null}
     * @throws IllegalArgumentException if the result is valid
     */
    public VerificationException(VerificationResult<?> result) {
        super(describe(result), null, false, false);
        if (result.isValid()) {
            throw new IllegalArgumentException("result is valid");
        }
        this.result = result;
    }

    private static String describe(VerificationResult<?> result) {
        StringBuilder sb = new StringBuilder("verification failed");
        for (Finding f : result.errors()) {
            sb.append("; ").append(f.code()).append(": ").append(f.message());
        }
        return sb.toString();
    }

    /** @return the failed result, never {@code null} */
    public VerificationResult<?> result() {
        return result;
    }
}
