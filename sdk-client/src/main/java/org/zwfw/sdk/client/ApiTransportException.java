package org.zwfw.sdk.client;

/**
 * No usable answer: the connection failed or was dropped, an attempt or the whole call timed out,
 * or the retries allowed were used up. {@link #code()} is {@code TIMEOUT} or {@code TRANSPORT}.
 */
public final class ApiTransportException extends ApiException {

    private static final long serialVersionUID = 1L;

    ApiTransportException(String message, boolean timeout, int attempts, Throwable cause) {
        super(message, 0, timeout ? "TIMEOUT" : "TRANSPORT", null, attempts, cause);
    }

    /** @return whether a deadline ended the call */
    public boolean isTimeout() {
        return code().equals("TIMEOUT");
    }
}
