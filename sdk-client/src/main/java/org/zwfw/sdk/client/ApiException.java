package org.zwfw.sdk.client;

import java.util.Optional;

/**
 * A call of the service-network API that did not give a verified {@code 2xx} answer. One of
 * four: {@link ApiProblemException} (the platform answered, verifiably, with a problem),
 * {@link ApiSignatureException} (an answer came that fails verification: it is not used),
 * {@link ApiTransportException} (no answer: connection, timeout, retries exhausted), or
 * {@link ApiDecodingException} (a verified answer that does not read as the API document says). Messages and
 * fields never carry signature values, keys, tokens, content or personal data.
 */
public abstract sealed class ApiException extends RuntimeException
        permits ApiProblemException, ApiSignatureException, ApiTransportException, ApiDecodingException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final String requestId;
    private final int attempts;

    ApiException(String message, int status, String code, String requestId, int attempts, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.code = code;
        this.requestId = requestId;
        this.attempts = attempts;
    }

    /** @return the HTTP status of the last answer, or 0 when none came */
    public int status() {
        return status;
    }

    /**
     * @return the stable code: the problem's {@code code} (spec/openapi ProblemCode), the
     *         outcome code of a failed response check (spec/errors.md), or {@code TRANSPORT} /
     *         {@code TIMEOUT} when no answer came
     */
    public String code() {
        return code;
    }

    /** @return the platform's {@code X-Request-Id} of the last answer, for support requests */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    /** @return how many attempts were made */
    public int attempts() {
        return attempts;
    }
}
