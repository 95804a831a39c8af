package org.zwfw.sdk.trust;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;

/**
 * The HTTP GET a {@link TrustListSource} uses to fetch a trust list, so that applications can
 * plug in their own client (a proxy, a custom TLS trust store, another HTTP library). The
 * default, used when none is given, is built on {@code java.net.http}.
 *
 * <p>An implementation must honour every rule of {@code spec/trust-list.md} §8 that concerns
 * the exchange: never follow a redirect, accept status 200 only, read at most
 * {@code maxBytes} of body, and give up after {@code timeout} in total. The caller has already
 * checked the URI (HTTPS, or HTTP to a loopback host when allowed). Implementations must be
 * thread-safe.
 */
public interface HttpTransport extends AutoCloseable {

    /**
     * Fetches a document.
     *
     * @param uri      the absolute URI, already checked against the fetch rules
     * @param accept   the {@code Accept} header value
     * @param maxBytes the largest body accepted
     * @param timeout  the longest the whole exchange (connection, headers, body) may take
     * @return the body of a 200 response
     * @throws IOException for every other outcome: connection failure, timeout, a status other
     *                     than 200 (redirects included), a body larger than {@code maxBytes}; the
     *                     message says which, without credentials
     */
    byte[] get(URI uri, String accept, int maxBytes, Duration timeout) throws IOException;

    /**
     * The SDK's transport on {@code java.net.http}: no redirects, status 200 only, bounded body,
     * one deadline, HTTPS only (plain HTTP to loopback hosts when allowed), the URI rules checked
     * before every request ({@code spec/trust-list.md} §8). Trust-list and status-list sources
     * share it.
     *
     * @param connectTimeout    the longest a connection may take to establish
     * @param allowLoopbackHttp whether plain {@code http} to 127.0.0.1, ::1 and localhost is
     *                          allowed (the sandbox); off in production
     * @return a new transport owning its threads; close it when done
     */
    static HttpTransport standard(Duration connectTimeout, boolean allowLoopbackHttp) {
        return new JdkHttpTransport(java.util.Objects.requireNonNull(connectTimeout, "connectTimeout"),
                allowLoopbackHttp);
    }

    /** Releases threads and connections; the transport cannot be used afterwards. */
    @Override
    void close();
}
