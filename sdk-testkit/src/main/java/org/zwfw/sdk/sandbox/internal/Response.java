package org.zwfw.sdk.sandbox.internal;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a handler answers: a status, a media type, a body and extra headers. Immutable.
 *
 * @param status      the HTTP status
 * @param contentType the {@code Content-Type}, or {@code null} without a body
 * @param body        the body bytes (empty for none)
 * @param headers     extra response headers
 */
public record Response(int status, String contentType, byte[] body, Map<String, String> headers) {

    /**
     * Not an answer: the connection is closed without one (a fault injected by a test hook).
     * Compared by identity.
     */
    public static final Response DROP = new Response(599, null, new byte[0], Map.of());

    /** JSON documents. */
    public static final String JSON = "application/json";

    /**
     * @param status      the HTTP status
     * @param contentType the media type
     * @param body        the body
     * @param headers     extra headers
     */
    public Response {
        Objects.requireNonNull(body, "body");
        headers = Map.copyOf(headers);
    }

    /**
     * @param status the HTTP status
     * @param value  a JSON-writable value (maps, lists, strings, numbers)
     * @return an indented JSON response
     */
    public static Response json(int status, Object value) {
        return new Response(status, JSON, StrictJson.write(value), Map.of());
    }

    /**
     * @param status    the HTTP status
     * @param mediaType the media type, such as {@code application/statuslist+jwt}
     * @param text      the body, sent as UTF-8
     * @return the response
     */
    public static Response text(int status, String mediaType, String text) {
        return new Response(status, mediaType, text.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /**
     * @param name  a header name
     * @param value its value
     * @return this response with the header added
     */
    public Response withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new Response(status, contentType, body, h);
    }
}
