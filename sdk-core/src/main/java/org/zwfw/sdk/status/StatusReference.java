package org.zwfw.sdk.status;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.zwfw.sdk.internal.Findings;
import org.zwfw.sdk.internal.Json;
import org.zwfw.sdk.internal.Texts;
import org.zwfw.sdk.verify.OutcomeCode;
import org.zwfw.sdk.verify.VerificationResult;

/**
 * Where a credential's status lives: the {@code status.status_list} claim
 * {@code {"idx": n, "uri": "https://..."}} of a referenced token (draft-ietf-oauth-status-list,
 * "Referenced Token"; contract §3).
 *
 * <p>Immutable and thread-safe.
 *
 * @param uri the status list token's URI, absolute; compared with the list's {@code sub} as an
 *            exact string
 * @param idx the index in the list, zero or more
 */
public record StatusReference(URI uri, int idx) {

    /** Longest {@code uri} accepted, in characters; longer is refused as {@code INVALID_CLAIM}. */
    public static final int MAX_URI_LENGTH = 2048;

    /**
     * @throws NullPointerException     if {@code uri} is {@code null}
     * @throws IllegalArgumentException if {@code idx} is negative or {@code uri} is not absolute
     */
    public StatusReference {
        Objects.requireNonNull(uri, "uri");
        if (idx < 0) {
            throw new IllegalArgumentException("idx must be zero or more, not " + idx);
        }
        if (!uri.isAbsolute()) {
            throw new IllegalArgumentException("a status list URI must be absolute");
        }
    }

    /**
     * Reads the reference from a credential's claims ({@code {"status": {"status_list": {"idx": n,
     * "uri": "..."}}}}). No {@code status} claim means the credential has no status: an empty
     * reference, valid.
     *
     * <p>Codes: {@code INVALID_CLAIM} ({@code status} or {@code status_list} not an object,
     * {@code status} without {@code status_list}, the only mechanism of this profile; {@code idx}
     * not an integer in {@code [0, 2^31 - 1]}; {@code uri} not a string, too long, relative, or not
     * {@code https}, plain {@code http} being accepted for loopback hosts only),
     * {@code MISSING_CLAIM} ({@code idx} or {@code uri} absent), {@code MALFORMED} ({@code uri}
     * not URI syntax, RFC 3986).
     *
     * @param claims the credential's claims as parsed by the SDK, never {@code null}
     * @return the reference (empty when there is no {@code status} claim), or every problem found
     */
    public static VerificationResult<Optional<StatusReference>> fromClaims(Map<String, ?> claims) {
        Findings f = new Findings();
        if (!claims.containsKey("status")) {
            return f.result(Optional.empty());
        }
        Object status = claims.get("status");
        if (!(status instanceof Map)) {
            return f.error(OutcomeCode.INVALID_CLAIM, "'status' must be an object, found " + Json.typeName(status))
                    .failure();
        }
        Map<?, ?> s = (Map<?, ?>) status;
        if (!s.containsKey("status_list")) {
            return f.error(OutcomeCode.INVALID_CLAIM, "'status' has no 'status_list', the only status mechanism"
                    + " this profile knows").failure();
        }
        Object ref = s.get("status_list");
        if (!(ref instanceof Map)) {
            return f.error(OutcomeCode.INVALID_CLAIM, "'status.status_list' must be an object, found "
                    + Json.typeName(ref)).failure();
        }
        Map<?, ?> m = (Map<?, ?>) ref;
        int idx = index(m, f);
        URI uri = uri(m, f);
        return f.hasErrors() ? f.failure() : f.result(Optional.of(new StatusReference(uri, idx)));
    }

    private static int index(Map<?, ?> m, Findings f) {
        if (!m.containsKey("idx")) {
            f.error(OutcomeCode.MISSING_CLAIM, "'status.status_list' has no 'idx'");
            return -1;
        }
        Object v = m.get("idx");
        if (!(v instanceof Long) || (Long) v < 0 || (Long) v > Integer.MAX_VALUE) {
            f.error(OutcomeCode.INVALID_CLAIM, "'status.status_list.idx' must be an integer from 0 to "
                    + Integer.MAX_VALUE + ", found " + (v instanceof Long ? v : "a " + Json.typeName(v)));
            return -1;
        }
        return ((Long) v).intValue();
    }

    private static URI uri(Map<?, ?> m, Findings f) {
        if (!m.containsKey("uri")) {
            f.error(OutcomeCode.MISSING_CLAIM, "'status.status_list' has no 'uri'");
            return null;
        }
        Object v = m.get("uri");
        if (!(v instanceof String)) {
            f.error(OutcomeCode.INVALID_CLAIM, "'status.status_list.uri' must be a string, found a "
                    + Json.typeName(v));
            return null;
        }
        String text = (String) v;
        if (text.length() > MAX_URI_LENGTH) {
            f.error(OutcomeCode.INVALID_CLAIM, "'status.status_list.uri' has " + text.length()
                    + " characters; at most " + MAX_URI_LENGTH + " are accepted");
            return null;
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            f.error(OutcomeCode.MALFORMED, "'status.status_list.uri' " + Texts.quote(text, 120)
                    + " is not a URI (RFC 3986): " + e.getReason());
            return null;
        }
        String problem = schemeProblem(uri);
        if (problem != null) {
            f.error(OutcomeCode.INVALID_CLAIM, "'status.status_list.uri' " + Texts.quote(text, 120) + " " + problem);
            return null;
        }
        return uri;
    }

    /** HTTPS only; plain HTTP for loopback hosts, as the contract allows for the sandbox. */
    static String schemeProblem(URI uri) {
        if (!uri.isAbsolute() || uri.getHost() == null) {
            return "must be an absolute https URI with a host";
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("https")) {
            return null;
        }
        if (scheme.equals("http") && isLoopback(uri.getHost())) {
            return null;
        }
        return scheme.equals("http") ? "uses plain http, accepted for loopback hosts only"
                : "must use https, not " + Texts.quote(uri.getScheme(), 16);
    }

    private static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.equals("127.0.0.1") || h.equals("[::1]");
    }
}
