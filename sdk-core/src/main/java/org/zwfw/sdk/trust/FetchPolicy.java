package org.zwfw.sdk.trust;

import java.net.URI;
import java.util.Locale;
import java.util.Set;
import org.zwfw.sdk.internal.Texts;

/**
 * The URI rules of every remote fetch ({@code spec/trust-list.md} §8, security.md "every remote
 * fetch"): HTTPS; plain HTTP only to a loopback host and only when explicitly allowed.
 */
final class FetchPolicy {

    /** Exactly the loopback names of contract §9; no resolution, so no DNS trick can add one. */
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "[::1]", "::1", "localhost");

    private FetchPolicy() {
    }

    /**
     * @param uri               the URI to fetch
     * @param allowLoopbackHttp whether plain HTTP to a loopback host is allowed
     * @throws IllegalArgumentException naming the rule the URI breaks
     */
    static void check(URI uri, boolean allowLoopbackHttp) {
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

    static boolean isLoopback(String host) {
        return host != null && LOOPBACK.contains(host.toLowerCase(Locale.ROOT));
    }
}
