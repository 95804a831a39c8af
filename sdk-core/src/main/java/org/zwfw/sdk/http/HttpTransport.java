package org.zwfw.sdk.http;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

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
