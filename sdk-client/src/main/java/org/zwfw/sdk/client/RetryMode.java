package org.zwfw.sdk.client;

/**
 * What a client may retry after a timeout, a dropped connection, a {@code 429} or a {@code 503}:
 * the {@code x-zwfw-retry} extension of each operation of {@code spec/openapi/zwfw-api.yaml}.
 */
public enum RetryMode {
    /** A read: retried. */
    SAFE,
    /** Setting a state again changes nothing: retried. */
    IDEMPOTENT,
    /**
     * Retried only with the same {@code Idempotency-Key}, which the client then always sends; also
     * after {@code 409 IDEMPOTENCY_KEY_IN_USE} (an earlier attempt still running), so that a later
     * attempt gets that attempt's answer.
     */
    IDEMPOTENCY_KEY,
    /**
     * A retry could act twice: a failure is reported instead. A verified {@code 429} is still
     * retried, since the platform refuses a rate-limited request before acting on it.
     */
    NEVER
}
