package org.zwfw.sdk.client;

import java.time.Duration;

/**
 * One attempt of a call, as an {@link ApiInterceptor} sees it after the attempt: no content, no
 * signature, no query.
 *
 * @param method    the method
 * @param path      the path
 * @param attempt   1 for the first attempt
 * @param status    the HTTP status, or 0 when no answer came
 * @param requestId the platform's {@code X-Request-Id}, or {@code null}
 * @param elapsed   how long the attempt took
 * @param outcome   {@code OK}, a problem code, an outcome code of a failed check, {@code TIMEOUT} or {@code TRANSPORT}
 * @param retrying  whether another attempt follows
 */
public record ApiExchange(String method, String path, int attempt, int status, String requestId, Duration elapsed,
                          String outcome, boolean retrying) {
}
