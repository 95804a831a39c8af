package org.zwfw.sdk.client;

import java.util.Map;

/**
 * A hook around every attempt of every call: add unsigned headers (a trace ID) and observe each
 * attempt's outcome (metrics). Implementations must be thread-safe and fast; an exception thrown
 * here fails the call.
 */
public interface ApiInterceptor {

    /**
     * @param request the call
     * @param attempt 1 for the first attempt
     * @return extra header fields for this attempt; they are not signed, and names the profile
     *         uses ({@code signature}, {@code content-digest}, {@code x-zwfw-app-id}, ...) are refused
     */
    default Map<String, String> headers(ApiRequest request, int attempt) {
        return Map.of();
    }

    /** @param exchange what one attempt did */
    default void afterAttempt(ApiExchange exchange) {
    }
}
