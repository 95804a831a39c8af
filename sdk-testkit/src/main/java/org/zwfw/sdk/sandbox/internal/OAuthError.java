package org.zwfw.sdk.sandbox.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An OAuth error answer (RFC 6749 §5.2, RFC 6750 §3): {@code {"error", "error_description"}} as
 * {@code application/json}, the form OAuth clients read. The description names the rule broken,
 * never a submitted value (codes, tokens, secrets and personal data are never repeated).
 * Thrown by the OpenID provider's handlers; immutable.
 */
public final class OAuthError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String error;
    private final transient Map<String, String> headers;

    /**
     * @param status      the HTTP status (400, or 401 for {@code invalid_client} and {@code invalid_token})
     * @param error       the OAuth error code, such as {@code invalid_grant}
     * @param description what is wrong, for people
     */
    public OAuthError(int status, String error, String description) {
        this(status, error, description, Map.of());
    }

    private OAuthError(int status, String error, String description, Map<String, String> headers) {
        super(description, null, false, false);
        this.status = status;
        this.error = Objects.requireNonNull(error, "error");
        this.headers = Map.copyOf(headers);
    }

    /**
     * @param description what is wrong
     * @return a 400 {@code invalid_request}
     */
    public static OAuthError invalidRequest(String description) {
        return new OAuthError(400, "invalid_request", description);
    }

    /**
     * @param name  a response header
     * @param value its value
     * @return this error sent with the header
     */
    public OAuthError withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new OAuthError(status, error, getMessage(), h);
    }

    /** @return the OAuth error code */
    public String error() {
        return error;
    }

    /** @return the HTTP status */
    public int status() {
        return status;
    }

    /**
     * A failure the router found (a body too large, of the wrong media type, a query where none is
     * taken) on a protocol route, in the OAuth form.
     *
     * @param p the problem
     * @return the same failure as an OAuth error, with the problem's status and headers
     */
    static OAuthError fromProblem(Problem p) {
        String error = p.status() >= 500 ? (p.status() == 503 ? "temporarily_unavailable" : "server_error")
                : "invalid_request";
        Object detail = p.toJson("").get("detail");
        return new OAuthError(p.status(), error, String.valueOf(detail), p.headers());
    }

    /** @return the answer */
    public Response response() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", getMessage());
        Response r = new Response(status, Response.JSON, StrictJson.write(body), Map.of());
        for (Map.Entry<String, String> h : headers.entrySet()) {
            r = r.withHeader(h.getKey(), h.getValue());
        }
        return r;
    }
}
