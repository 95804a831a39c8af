package org.zwfw.sdk.sandbox.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One request as a handler sees it: the path parameters matched by the route, the request
 * headers and the body, already read within the route's size limit. Not thread-safe; one per
 * request.
 */
public final class Request {

    private final Map<String, String> pathParams;
    private final Map<String, List<String>> headers;
    private final byte[] body;
    private final String rawQuery;
    private final String method;
    private final String rawPath;
    private final String requestId;

    Request(Map<String, String> pathParams, Map<String, List<String>> headers, byte[] body, String rawQuery,
            String method) {
        this(pathParams, headers, body, rawQuery, method, null, null);
    }

    Request(Map<String, String> pathParams, Map<String, List<String>> headers, byte[] body, String rawQuery,
            String method, String rawPath, String requestId) {
        this.pathParams = Map.copyOf(pathParams);
        this.headers = headers;
        this.body = body;
        this.rawQuery = rawQuery;
        this.method = method;
        this.rawPath = rawPath;
        this.requestId = requestId;
    }

    /** @return the path as sent, percent-encoding untouched */
    public String rawPath() {
        return rawPath;
    }

    /** @return the query as sent, without {@code ?}; {@code null} when the target has none */
    public String rawQuery() {
        return rawQuery;
    }

    /** @return the ID of this request, its {@code X-Request-Id} */
    public String requestId() {
        return requestId;
    }

    /** @return every header line, in order, names as sent */
    public Map<String, List<String>> headerLines() {
        return java.util.Collections.unmodifiableMap(headers);
    }

    /** @return the body bytes (empty for none); not a copy */
    public byte[] body() {
        return body;
    }

    /** @return the method, {@code GET}, {@code HEAD} or {@code POST} */
    public String method() {
        return method;
    }

    /**
     * @return the query parameters (a route that accepts a query; none otherwise)
     * @throws FormParams.FormException when the query is not well-formed
     */
    public FormParams query() {
        return FormParams.parse(rawQuery == null ? "" : rawQuery);
    }

    /**
     * @return the body as form parameters ({@code application/x-www-form-urlencoded})
     * @throws FormParams.FormException when it is not well-formed
     */
    public FormParams form() {
        return FormParams.parse(body);
    }

    /**
     * @param name a header name, case-insensitive
     * @return every value of it
     */
    public List<String> headers(String name) {
        List<String> all = new java.util.ArrayList<>();
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey() != null && e.getKey().equalsIgnoreCase(name)) {
                all.addAll(e.getValue());
            }
        }
        return all;
    }

    /**
     * @param name a parameter of the route template, such as {@code issuer} for {@code {issuer}}
     * @return its value (a path segment of letters, digits, {@code -} and {@code _})
     * @throws IllegalArgumentException if the template has no such parameter
     */
    public String pathParam(String name) {
        String v = pathParams.get(name);
        if (v == null) {
            throw new IllegalArgumentException("route has no parameter " + name);
        }
        return v;
    }

    /**
     * @param name a header name, case-insensitive
     * @return its first value
     */
    public Optional<String> header(String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey() != null && e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                return Optional.of(e.getValue().get(0));
            }
        }
        return Optional.empty();
    }

    /** @return whether the request has a body (of at least one byte) */
    public boolean hasBody() {
        return body.length > 0;
    }

    /**
     * @return the body as a JSON object
     * @throws ProblemException {@code MALFORMED} or {@code TOO_LARGE}, see {@link StrictJson}
     */
    public JsonNode jsonObject() {
        return StrictJson.parseObject(body);
    }
}
