package org.zwfw.sdk.sandbox.internal.oidc;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Matching redirect URIs against the registered ones, and building redirects with parameters. */
final class Redirects {

    private Redirects() {
    }

    /**
     * A requested URI matches a registered one exactly, or, for an {@code http} loopback one,
     * with any port (RFC 8252 §7.3): same scheme, host, path and query.
     *
     * @return the requested URI when it matches one of the registered
     */
    static Optional<String> match(String requested, List<URI> registered) {
        if (requested == null) {
            return Optional.empty();
        }
        URI r;
        try {
            r = new URI(requested);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        for (URI reg : registered) {
            if (reg.toString().equals(requested)) {
                return Optional.of(requested);
            }
            if (isLoopback(reg) && r.isAbsolute() && "http".equals(r.getScheme()) && r.getRawFragment() == null
                    && r.getRawUserInfo() == null && r.getHost() != null
                    && reg.getHost().toLowerCase(Locale.ROOT).equals(r.getHost().toLowerCase(Locale.ROOT))
                    && Objects.equals(reg.getRawPath(), r.getRawPath())
                    && Objects.equals(reg.getRawQuery(), r.getRawQuery())) {
                return Optional.of(requested);
            }
        }
        return Optional.empty();
    }

    private static boolean isLoopback(URI u) {
        String h = u.getHost();
        return "http".equals(u.getScheme()) && h != null && (h.equals("127.0.0.1") || h.equals("[::1]")
                || h.equalsIgnoreCase("localhost"));
    }

    /** @return the URI with the parameters appended to its query (null values left out) */
    static String with(String uri, Map<String, String> params) {
        StringBuilder sb = new StringBuilder(uri);
        boolean first = !uri.contains("?");
        for (Map.Entry<String, String> p : params.entrySet()) {
            if (p.getValue() == null) {
                continue;
            }
            sb.append(first ? '?' : '&').append(Texts.urlEncode(p.getKey())).append('=')
                    .append(Texts.urlEncode(p.getValue()));
            first = false;
        }
        return sb.toString();
    }
}
