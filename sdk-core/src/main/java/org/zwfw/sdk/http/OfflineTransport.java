package org.zwfw.sdk.http;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;

/** {@link HttpTransport#offline()}: refuses every request without I/O. */
final class OfflineTransport implements HttpTransport {

    static final OfflineTransport INSTANCE = new OfflineTransport();

    private OfflineTransport() {
    }

    @Override
    public byte[] get(URI uri, String accept, int maxBytes, Duration timeout) throws IOException {
        throw refusal(uri);
    }

    @Override
    public Response exchange(Request request) throws IOException {
        throw refusal(request.uri());
    }

    private static IOException refusal(URI uri) {
        return new IOException("offline: fetching is disabled (nothing was requested from " + uri.getScheme() + "://"
                + uri.getRawAuthority() + ")");
    }

    @Override
    public void close() {
        // holds nothing
    }

    @Override
    public String toString() {
        return "HttpTransport.offline";
    }
}
