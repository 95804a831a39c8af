package org.zwfw.sdk.login;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.zwfw.sdk.http.HttpTransport;
import org.zwfw.sdk.internal.Json;
import org.zwfw.sdk.internal.JsonException;
import org.zwfw.sdk.internal.Texts;

/**
 * The provider's endpoints over the SDK's transport, under the bounds of spec/login.md §14
 * (64 KiB, one deadline, no redirects), with the failures classified as §13 says: not reached in
 * time, or not a 200 ({@code PROVIDER_UNAVAILABLE}); not the JSON the protocol requires
 * ({@code PROVIDER_RESPONSE_INVALID}).
 */
final class Exchanges {

    /** Discovery document, token and userinfo responses: 64 KiB. */
    static final int MAX_BYTES = 64 * 1024;

    private final HttpTransport transport;
    private final Duration timeout;

    Exchanges(HttpTransport transport, Duration timeout) {
        this.transport = transport;
        this.timeout = timeout;
    }

    HttpTransport.Response get(String what, URI uri, Map<String, String> headers) throws LoginException {
        return send(what, new HttpTransport.Request("GET", uri, headers, new byte[0], MAX_BYTES, timeout));
    }

    HttpTransport.Response post(String what, URI uri, Map<String, String> headers, String form) throws LoginException {
        return send(what, new HttpTransport.Request("POST", uri, headers, form.getBytes(StandardCharsets.UTF_8),
                MAX_BYTES, timeout));
    }

    private HttpTransport.Response send(String what, HttpTransport.Request request) throws LoginException {
        try {
            return transport.exchange(request);
        } catch (IOException | IllegalArgumentException e) {
            if (e instanceof java.io.InterruptedIOException) {
                Thread.currentThread().interrupt();
            }
            throw new LoginException(LoginFailure.PROVIDER_UNAVAILABLE, "the " + what + " could not be had from "
                    + where(request.uri()) + ": " + e.getMessage(), e);
        }
    }

    /** Scheme, host, port and path: never a query, which may carry a token. */
    static String where(URI uri) {
        return uri.getScheme() + "://" + uri.getRawAuthority() + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }

    /** @return whether the response says it is of this media type (or says nothing) */
    static boolean typed(HttpTransport.Response r, String mediaType) {
        String ct = r.contentType().orElse(null);
        if (ct == null) {
            return true;
        }
        int semicolon = ct.indexOf(';');
        return (semicolon < 0 ? ct : ct.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT).equals(mediaType);
    }

    /** A 200 whose body is one strict JSON object, else {@code PROVIDER_RESPONSE_INVALID}. */
    static Map<String, Object> json(String what, URI uri, HttpTransport.Response r) throws LoginException {
        if (!typed(r, "application/json")) {
            throw new LoginException(LoginFailure.PROVIDER_RESPONSE_INVALID, "the " + what + " from " + where(uri)
                    + " is " + Texts.quote(r.contentType().orElse(""), 60) + ", not JSON (a login page or a proxy's"
                    + " error page?)");
        }
        try {
            return Json.parseObject(r.body(), Json.DEFAULT_MAX_DEPTH);
        } catch (JsonException e) {
            throw new LoginException(LoginFailure.PROVIDER_RESPONSE_INVALID, "the " + what + " from " + where(uri)
                    + " is not one strict JSON object: " + e.getMessage());
        }
    }

    /** A status other than 200: {@code PROVIDER_UNAVAILABLE} naming it. */
    static LoginException unavailable(String what, URI uri, HttpTransport.Response r) {
        return new LoginException(LoginFailure.PROVIDER_UNAVAILABLE, "the " + what + " could not be had from "
                + where(uri) + ": HTTP " + r.status());
    }

    /**
     * Provider text for a message: each secret (as given, form-encoded, or in a Basic header)
     * replaced by {@code ***}, then escaped and cut to 200 characters.
     */
    static String shown(String text, java.util.List<String> secrets) {
        if (text == null) {
            return "none";
        }
        String t = text;
        for (String s : secrets) {
            if (s != null && !s.isEmpty()) {
                t = t.replace(s, "***").replace(java.net.URLEncoder.encode(s, StandardCharsets.UTF_8), "***");
            }
        }
        return Texts.quote(t, 200);
    }
}
