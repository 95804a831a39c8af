package org.zwfw.sdk.client;

import org.zwfw.sdk.verify.OutcomeCode;

/**
 * An answer came but fails the checks of spec/api-signing.md §7.2: it is not used, whatever its
 * status. The message names the check, the key ID and algorithm tried, and the usual cause.
 */
public final class ApiSignatureException extends ApiException {

    private static final long serialVersionUID = 1L;

    private final OutcomeCode outcome;

    ApiSignatureException(String message, OutcomeCode outcome, int status, String requestId, int attempts) {
        super(message, status, outcome.name(), requestId, attempts, null);
        this.outcome = outcome;
    }

    /** @return the failed check's outcome code ({@code SIGNATURE_MISSING}, {@code SIGNATURE_INVALID}, ...) */
    public OutcomeCode outcome() {
        return outcome;
    }
}
