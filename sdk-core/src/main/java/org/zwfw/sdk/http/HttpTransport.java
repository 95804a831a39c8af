package org.zwfw.sdk.http;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The HTTP GET every remote fetch of the SDK goes through (trust lists, status lists, JWK Sets), so that
 * applications can plug in their own client (a proxy, a custom TLS trust store, another HTTP
 * library). The default, {@link #standard}, is built on {@code java.net.http}.
 *
 * <p>An implementation must honour every rule of {@code spec/http.md} that concerns the
 * exchange: never follow a redirect, accept status 200 only, refuse a {@code Content-Type} that
 * is not one of the types in {@code accept} ({@link FetchRules#checkContentType}), read at most
 * {@code maxBytes} of body, and give up after {@code timeout} in total. Callers check the URI
 * ({@link FetchRules#check}) before calling. Implementations must be thread-safe.
 */
public interface HttpTransport extends AutoCloseable {

    /**
     * Fetches a document.
     *
     * @param uri      the absolute URI, already checked against the fetch rules
     * @param accept   the {@code Accept} header value: the media types acceptable in the answer
     * @param maxBytes the largest body accepted
     * @param timeout  the longest the whole exchange (connection, headers, body) may take
     * @return the body of a 200 response
     * @throws IOException for every other outcome: connection failure, timeout, a status other
     *                     than 200 (redirects included), a wrong {@code Content-Type}, a body
     *                     larger than {@code maxBytes}; the message says which, without
     *                     credentials
     */
    byte[] get(URI uri, String accept, int maxBytes, Duration timeout) throws IOException;

    /**
     * Sends a request other than a plain fetch: a form {@code POST} to a token endpoint, a
     * {@code GET} with an {@code Authorization} header (OpenID Connect, {@code spec/login.md}
     * §7, §9). The rules of {@link #get} apply but for two: any status other than a redirect is
     * returned with its body (an OAuth error comes as 400 or 401 with a JSON body), and the
     * {@code Content-Type} is returned for the caller to check (what it must be depends on the
     * status). A redirect, a body larger than {@code maxBytes} (whatever the status), a
     * connection failure and the deadline are {@link IOException}s.
     *
     * <p>The default implementation refuses: transports written for {@link #get} alone cannot be
     * used for logins.
     *
     * @param request the request, its URI already checked against the fetch rules
     * @return the response
     * @throws IOException for a redirect, a body beyond the limit, a connection failure or a
     *                     timeout; the message says which, never headers or body
     */
    default Response exchange(Request request) throws IOException {
        throw new IOException(getClass().getName() + " does not implement HttpTransport.exchange (needed for "
                + request.method() + " " + request.uri().getScheme() + "://" + request.uri().getRawAuthority() + ")");
    }

    /**
     * A request for {@link #exchange}. Its {@code toString()} shows neither headers nor body: they
     * carry credentials (a client secret, an access token, an authorization code).
     *
     * @param method   {@code GET} or {@code POST}
     * @param uri      the absolute URI
     * @param headers  request headers (such as {@code Accept}, {@code Authorization},
     *                 {@code Content-Type}); names as written
     * @param body     the body of a {@code POST}, empty for a {@code GET}
     * @param maxBytes the largest response body accepted, whatever the status
     * @param timeout  the longest the whole exchange may take
     */
    record Request(String method, URI uri, Map<String, String> headers, byte[] body, int maxBytes, Duration timeout) {

        /** Checks and copies the arguments. */
        public Request {
            Objects.requireNonNull(method, "method");
            if (!method.equals("GET") && !method.equals("POST")) {
                throw new IllegalArgumentException("method must be GET or POST");
            }
            Objects.requireNonNull(uri, "uri");
            headers = Map.copyOf(headers);
            body = body.clone();
            if (method.equals("GET") && body.length > 0) {
                throw new IllegalArgumentException("a GET has no body");
            }
            if (maxBytes < 0) {
                throw new IllegalArgumentException("maxBytes must not be negative");
            }
            Objects.requireNonNull(timeout, "timeout");
        }

        /** @return a copy of the body */
        @Override
        public byte[] body() {
            return body.clone();
        }

        @Override
        public String toString() {
            return "Request[" + method + " " + uri.getScheme() + "://" + uri.getRawAuthority()
                    + (uri.getRawPath() == null ? "" : uri.getRawPath()) + "]";
        }
    }

    /**
     * What {@link #exchange} received.
     *
     * @param status  the HTTP status (never 3xx)
     * @param headers the response headers, names in lower case
     * @param body    the body, at most the request's {@code maxBytes}
     */
    record Response(int status, Map<String, List<String>> headers, byte[] body) {

        /** Copies the arguments; header names are put in lower case. */
        public Response {
            Map<String, List<String>> h = new TreeMap<>();
            headers.forEach((k, v) -> h.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
            headers = java.util.Collections.unmodifiableMap(h);
            body = body.clone();
        }

        /** @return a copy of the body */
        @Override
        public byte[] body() {
            return body.clone();
        }

        /**
         * @param name a header name, any case
         * @return its first value
         */
        public Optional<String> header(String name) {
            List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
            return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
        }

        /** @return the {@code Content-Type}, when there is one */
        public Optional<String> contentType() {
            return header("Content-Type");
        }

        @Override
        public String toString() {
            return "Response[" + status + ", " + body.length + " bytes]";
        }
    }

    /**
     * The SDK's transport on {@code java.net.http}: no redirects, status 200 only, the
     * {@code Content-Type} checked, bounded body, one deadline, HTTPS only (plain HTTP to loopback
     * hosts when allowed), the URI rules checked before every request ({@code spec/http.md}).
     *
     * @param connectTimeout    the longest a connection may take to establish
     * @param allowLoopbackHttp whether plain {@code http} to 127.0.0.1, ::1 and localhost is
     *                          allowed (the sandbox); off in production
     * @return a new transport owning its threads; close it when done
     */
    static HttpTransport standard(Duration connectTimeout, boolean allowLoopbackHttp) {
        return new JdkHttpTransport(Objects.requireNonNull(connectTimeout, "connectTimeout"), allowLoopbackHttp);
    }

    /**
     * A transport for offline mode: every request is refused before any I/O, with an
     * {@link IOException} saying that fetching is disabled.
     *
     * @return the transport; it holds nothing, closing it does nothing
     */
    static HttpTransport offline() {
        return OfflineTransport.INSTANCE;
    }

    /** Releases threads and connections; the transport cannot be used afterwards. */
    @Override
    void close();
}
