package org.zwfw.sdk.http;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import org.zwfw.sdk.internal.Texts;

/**
 * The rules every remote fetch of the SDK follows ({@code spec/http.md}) that do not depend on
 * the HTTP client: the URI (HTTPS; plain HTTP only to a loopback host and only when explicitly
 * allowed) and the response's {@code Content-Type}. The SDK's own transport applies them; an
 * application's own {@link HttpTransport} can call them to behave the same.
 */
public final class FetchRules {

    /** Exactly these loopback names ({@code spec/http.md}); no resolution, so no DNS trick can add one. */
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "[::1]", "::1", "localhost");

    private FetchRules() {
    }

    /**
     * @param uri               the URI to fetch
     * @param allowLoopbackHttp whether plain HTTP to a loopback host is allowed
     * @throws IllegalArgumentException naming the rule the URI breaks
     */
    public static void check(URI uri, boolean allowLoopbackHttp) {
        String shown = Texts.quote(uri.getScheme() + "://" + uri.getRawAuthority() + "...", 120);
        if (!uri.isAbsolute() || uri.isOpaque() || uri.getHost() == null) {
            throw new IllegalArgumentException("URI to fetch must be an absolute https URI with a host: "
                    + Texts.quote(uri.toString(), 120).replaceAll("//[^/@]*@", "//***@"));
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("URI to fetch must not carry user information (credentials in"
                    + " a URI end up in logs)");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("https")) {
            return;
        }
        if (scheme.equals("http")) {
            if (!isLoopback(uri.getHost())) {
                throw new IllegalArgumentException("plain http is refused for " + shown
                        + ": only https, or http to 127.0.0.1, ::1 or localhost for development");
            }
            if (!allowLoopbackHttp) {
                throw new IllegalArgumentException("plain http to the loopback host " + shown
                        + " needs allowLoopbackHttp(true) (development against the sandbox only)");
            }
            return;
        }
        throw new IllegalArgumentException("URI scheme " + Texts.quote(uri.getScheme())
                + " is refused: only https (or http to a loopback host for development)");
    }

    /**
     * @param host a URI's host
     * @return whether it is one of the loopback names {@code 127.0.0.1}, {@code ::1} (bracketed or
     *         not) and {@code localhost}, compared without resolving anything
     */
    public static boolean isLoopback(String host) {
        return host != null && LOOPBACK.contains(host.toLowerCase(Locale.ROOT));
    }

    /**
     * Checks a response's {@code Content-Type} against the media types the request asked for.
     * Parameters ({@code ; charset=...}) and case are ignored; a type asked for as
     * {@code *}{@code /*} matches anything. A response without a {@code Content-Type} is accepted
     * (a file served as-is), since what the body is gets verified anyway.
     *
     * @param accept      the request's {@code Accept} value, media types separated by commas
     * @param contentType the response's {@code Content-Type}, or {@code null} when it has none
     * @throws IOException naming the type received and those asked for
     */
    public static void checkContentType(String accept, String contentType) throws IOException {
        if (contentType == null || accept == null) {
            return;
        }
        String received = mediaType(contentType);
        for (String wanted : accept.split(",")) {
            String w = mediaType(wanted);
            if (w.equals("*/*") || w.equals(received)) {
                return;
            }
        }
        throw new IOException("the response's Content-Type " + Texts.quote(contentType, 80) + " is not one of the"
                + " types asked for (" + accept + ")");
    }

    private static String mediaType(String value) {
        int semicolon = value.indexOf(';');
        return (semicolon < 0 ? value : value.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }
}
