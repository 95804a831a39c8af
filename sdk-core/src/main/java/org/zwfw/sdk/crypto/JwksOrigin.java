package org.zwfw.sdk.crypto;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zwfw.sdk.http.HttpTransport;
import org.zwfw.sdk.source.Fetched;
import org.zwfw.sdk.source.Outcome;
import org.zwfw.sdk.source.Source;
import org.zwfw.sdk.verify.Finding;
import org.zwfw.sdk.verify.OutcomeCode;

/**
 * The origin of a {@link RemoteKeySet}: fetches the JWK Set and reads it as {@link KeySet#parse}
 * does ({@code spec/login.md} §3). Every failure (the fetch, a body that is not a JWK Set, a
 * malformed key of a supported type, a private key) is an {@code UNKNOWN_KEY} finding naming it.
 * A set read is due again after the refresh interval; an empty set is a set (a provider may
 * withdraw every key).
 */
final class JwksOrigin implements Source<KeySet> {

    private static final Logger LOG = LoggerFactory.getLogger(JwksOrigin.class);

    private final URI uri;
    private final HttpTransport transport;
    private final Clock clock;
    private final Duration refreshInterval;
    private final Duration readTimeout;
    private final int maxResponseBytes;
    private final AliasPolicy aliases;

    JwksOrigin(URI uri, HttpTransport transport, Clock clock, Duration refreshInterval, Duration readTimeout,
            int maxResponseBytes, AliasPolicy aliases) {
        this.uri = uri;
        this.transport = transport;
        this.clock = clock;
        this.refreshInterval = refreshInterval;
        this.readTimeout = readTimeout;
        this.maxResponseBytes = maxResponseBytes;
        this.aliases = aliases;
    }

    @Override
    public Outcome<KeySet> get() {
        byte[] body;
        try {
            body = transport.get(uri, RemoteKeySet.ACCEPT, maxResponseBytes, readTimeout);
        } catch (IOException | IllegalArgumentException e) {
            return failed("could not fetch the key set from " + where(uri) + ": " + describe(e));
        }
        KeySet keys;
        try {
            keys = KeySet.parse(body, aliases);
        } catch (KeyFormatException e) {
            return failed("the key set from " + where(uri) + " is not a usable JWK Set: " + e.getMessage());
        }
        Instant now = clock.instant();
        LOG.debug("key set fetched from {}: {} key(s), {} skipped", where(uri), keys.keys().size(),
                keys.skipped().size());
        return Outcome.of(new Fetched<>(keys, now, now.plus(refreshInterval)));
    }

    private Outcome<KeySet> failed(String message) {
        LOG.warn("{}", message);
        return Outcome.failed(new Outcome.Failure(List.of(new Finding(OutcomeCode.UNKNOWN_KEY, message)),
                clock.instant()));
    }

    /** Scheme, host, port and path: never user information or the query. */
    static String where(URI uri) {
        return uri.getScheme() + "://" + uri.getRawAuthority() + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }

    private static String describe(Exception e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    @Override
    public String toString() {
        return "JwksOrigin[" + where(uri) + "]";
    }
}
