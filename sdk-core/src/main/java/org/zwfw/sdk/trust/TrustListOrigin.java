package org.zwfw.sdk.trust;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zwfw.sdk.http.HttpTransport;
import org.zwfw.sdk.internal.Findings;
import org.zwfw.sdk.source.Fetched;
import org.zwfw.sdk.source.Outcome;
import org.zwfw.sdk.source.Source;
import org.zwfw.sdk.verify.OutcomeCode;
import org.zwfw.sdk.verify.VerificationResult;

/**
 * The origin of a {@link TrustListSource}: fetches the list from its URL and verifies it
 * ({@code spec/trust-list.md} §5, §7). A good list is due again after the refresh interval, or
 * when it goes stale if that is sooner (a list already stale when fetched is asked for again
 * after the refresh interval, so that a late publisher is asked once per interval).
 */
final class TrustListOrigin implements Source<TrustList> {

    private static final Logger LOG = LoggerFactory.getLogger(TrustListOrigin.class);

    private final TrustListVerifier verifier;
    private final URI uri;
    private final HttpTransport transport;
    private final Clock clock;
    private final Duration refreshInterval;
    private final Duration readTimeout;
    private final int maxResponseBytes;

    TrustListOrigin(TrustListVerifier verifier, URI uri, HttpTransport transport, Clock clock,
            Duration refreshInterval, Duration readTimeout, int maxResponseBytes) {
        this.verifier = verifier;
        this.uri = uri;
        this.transport = transport;
        this.clock = clock;
        this.refreshInterval = refreshInterval;
        this.readTimeout = readTimeout;
        this.maxResponseBytes = maxResponseBytes;
    }

    @Override
    public Outcome<TrustList> get() {
        VerificationResult<TrustList> r = fetchAndVerify();
        Instant now = clock.instant();
        if (!r.isValid()) {
            LOG.warn("trust list refresh from {} failed: {}", uri, r.errors());
            return Outcome.failed(new Outcome.Failure(r.errors(), now));
        }
        TrustList list = r.value().orElseThrow();
        LOG.debug("trust list refreshed from {}: {}", uri, list);
        Instant due = now.plus(refreshInterval);
        if (r.warnings().isEmpty()) {
            Instant stale = verifier.staleAt(list).orElse(due);
            if (stale.isBefore(due)) {
                due = stale.isBefore(now) ? now : stale;
            }
        }
        return Outcome.of(new Fetched<>(list, now, due));
    }

    private VerificationResult<TrustList> fetchAndVerify() {
        byte[] body;
        try {
            body = transport.get(uri, TrustListSource.ACCEPT, maxResponseBytes, readTimeout);
        } catch (IOException | IllegalArgumentException e) {
            String m = e.getMessage();
            return VerificationResult.invalid(OutcomeCode.TRUST_LIST_INVALID, "could not fetch the trust list: "
                    + (m == null || m.isBlank() ? e.getClass().getSimpleName() : m));
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return new Findings().error(OutcomeCode.TRUST_LIST_INVALID, "the fetched trust list is not a JWS")
                    .error(OutcomeCode.MALFORMED, "the response body is not UTF-8 text").failure();
        }
        return verifier.verify(stripTrailingWhitespace(text));
    }

    /** A file served as-is usually ends with a line break; nothing else is changed. */
    private static String stripTrailingWhitespace(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\t' || s.charAt(end - 1) == '\r'
                || s.charAt(end - 1) == '\n')) {
            end--;
        }
        return s.substring(0, end);
    }

    @Override
    public String toString() {
        return "TrustListOrigin[" + uri + "]";
    }
}
