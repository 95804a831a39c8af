package org.zwfw.sdk.client;

/**
 * A verified answer whose content does not read as the API document says (a member missing, of
 * the wrong type): the platform and this SDK disagree about the API. {@link #code()} is
 * {@code MALFORMED}; the message names the member, never its value.
 */
public final class ApiDecodingException extends ApiException {

    private static final long serialVersionUID = 1L;

    ApiDecodingException(String message, int status, String requestId, int attempts, Throwable cause) {
        super(message, status, "MALFORMED", requestId, attempts, cause);
    }
}
