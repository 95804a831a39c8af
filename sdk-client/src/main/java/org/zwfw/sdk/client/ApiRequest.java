package org.zwfw.sdk.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One call of the service-network API before it is signed: method, path with query, content,
 * retry mode and, for creating calls, the {@code Idempotency-Key}. Immutable; {@code toString()}
 * shows neither query nor content (a query may carry search words, content personal data).
 *
 * @param method         {@code GET} or {@code POST}
 * @param path           the path below the endpoint, starting with {@code /v1/}, percent-encoded
 * @param query          the query without {@code ?}, percent-encoded, or {@code null}
 * @param contentType    the media type of the content, or {@code null} without content
 * @param content        the content ({@code POST}), or {@code null}
 * @param retry          what may be retried
 * @param idempotencyKey the key (16 to 64 of {@code A-Z a-z 0-9 _ -}), or {@code null}: for
 *                       {@link RetryMode#IDEMPOTENCY_KEY} the client then makes one per call
 * @param accept         the media types of a successful answer (the operation's own, such as
 *                       {@code application/trustlist+jwt}), or {@code null} for JSON;
 *                       {@code application/problem+json} is always added
 */
public record ApiRequest(String method, String path, String query, String contentType, byte[] content,
                         RetryMode retry, String idempotencyKey, String accept) {

    /** Checks and copies the parts. */
    public ApiRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(retry, "retry");
        if (!method.equals("GET") && !method.equals("POST")) {
            throw new IllegalArgumentException("the API uses GET and POST only, not " + method);
        }
        // "//host/..." would resolve against the endpoint as another host
        if (!path.startsWith("/") || path.startsWith("//") || path.contains("?") || path.contains("#") || path.contains("..")) {
            throw new IllegalArgumentException("the path must start with a single / and hold no query, fragment or ..");
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c <= 0x20 || c >= 0x7f) {
                throw new IllegalArgumentException("the path must be percent-encoded ASCII");
            }
        }
        if (method.equals("GET") && content != null) {
            throw new IllegalArgumentException("a GET has no content");
        }
        if (method.equals("POST") && (content == null || contentType == null)) {
            throw new IllegalArgumentException("a POST has content and a content type (at least {} as application/json)");
        }
        if (idempotencyKey != null && !isIdempotencyKey(idempotencyKey)) {
            throw new IllegalArgumentException("an Idempotency-Key is 16 to 64 of A-Z a-z 0-9 _ -");
        }
        if (accept != null && (accept.isEmpty() || accept.length() > 256 || !accept.chars().allMatch(c -> c >= 0x20 && c < 0x7f))) {
            throw new IllegalArgumentException("accept is 1 to 256 printable ASCII characters");
        }
        content = content == null ? null : content.clone();
        query = query == null || query.isEmpty() ? null : query;
    }

    /**
     * A request whose answer is JSON.
     *
     * @param method         {@code GET} or {@code POST}
     * @param path           the path
     * @param query          the query, or {@code null}
     * @param contentType    the content's media type, or {@code null}
     * @param content        the content, or {@code null}
     * @param retry          what may be retried
     * @param idempotencyKey the key, or {@code null}
     */
    public ApiRequest(String method, String path, String query, String contentType, byte[] content, RetryMode retry,
                      String idempotencyKey) {
        this(method, path, query, contentType, content, retry, idempotencyKey, null);
    }

    /**
     * @param mediaTypes the media types of a successful answer, such as {@code application/statuslist+jwt}
     * @return this request asking for them
     */
    public ApiRequest withAccept(String mediaTypes) {
        return new ApiRequest(method, path, query, contentType, content, retry, idempotencyKey, mediaTypes);
    }

    /**
     * @param path  the path
     * @param query the encoded query, or {@code null}
     * @return a read ({@link RetryMode#SAFE})
     */
    public static ApiRequest get(String path, String query) {
        return new ApiRequest("GET", path, query, null, null, RetryMode.SAFE, null);
    }

    /**
     * @param path  the path
     * @param json  the JSON content
     * @param retry the operation's retry mode
     * @return a POST of JSON
     */
    public static ApiRequest post(String path, byte[] json, RetryMode retry) {
        return new ApiRequest("POST", path, null, "application/json", json, retry, null);
    }

    /**
     * @param key the Idempotency-Key to send (the same for every retry)
     * @return this request with it
     */
    public ApiRequest withIdempotencyKey(String key) {
        return new ApiRequest(method, path, query, contentType, content, retry, key, accept);
    }

    /** @return a copy of the content, or {@code null} */
    @Override
    public byte[] content() {
        return content == null ? null : content.clone();
    }

    byte[] contentView() {
        return content;
    }

    /**
     * @param name  a query parameter name
     * @param value its value, or {@code null} to leave it out
     * @return {@code name=value}, percent-encoded, or an empty string
     */
    public static String param(String name, Object value) {
        if (value == null) {
            return "";
        }
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20") + "="
                + URLEncoder.encode(value.toString(), StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * @param name   a query parameter name whose value is a list ({@code style: form},
     *               {@code explode: false} in the document)
     * @param values the values, or {@code null} or none to leave it out
     * @return {@code name=v1,v2}, each value percent-encoded and the commas between them not, or an empty string
     */
    public static String listParam(String name, Iterable<?> values) {
        StringBuilder sb = new StringBuilder();
        if (values != null) {
            for (Object v : values) {
                sb.append(sb.length() == 0 ? "" : ",").append(encode(v.toString()));
            }
        }
        return sb.length() == 0 ? "" : encode(name) + "=" + sb;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * @param id an ID or code that goes into the path as one segment (a case ID, an item code, an
     *           issuer slug), 1 to 128 characters
     * @return it percent-encoded, so that it stays one segment whatever it holds
     */
    public static String segment(String id) {
        Objects.requireNonNull(id, "id");
        if (id.isEmpty() || id.length() > 128 || id.equals(".") || id.equals("..")) {
            throw new IllegalArgumentException("an ID in a path is 1 to 128 characters, not . or ..");
        }
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * @param params encoded parameters (empty ones are skipped)
     * @return them joined by {@code &}, or {@code null} when all are empty
     */
    public static String query(String... params) {
        StringBuilder sb = new StringBuilder();
        for (String p : params) {
            if (p != null && !p.isEmpty()) {
                sb.append(sb.length() == 0 ? "" : "&").append(p);
            }
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    static boolean isIdempotencyKey(String k) {
        if (k.length() < 16 || k.length() > 64) {
            return false;
        }
        for (int i = 0; i < k.length(); i++) {
            char c = k.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ApiRequest r && r.method.equals(method) && r.path.equals(path) && Objects.equals(r.query, query)
                && Objects.equals(r.contentType, contentType) && java.util.Arrays.equals(r.content, content)
                && r.retry == retry && Objects.equals(r.idempotencyKey, idempotencyKey) && Objects.equals(r.accept, accept);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, path, query, contentType, retry, idempotencyKey, accept) * 31
                + java.util.Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        return "ApiRequest[" + method + " " + path + (query == null ? "" : "?…") + ", " + retry + "]";
    }
}
