package org.zwfw.sdk.login;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.zwfw.sdk.crypto.KeyRequest;
import org.zwfw.sdk.crypto.KeyResolver;
import org.zwfw.sdk.crypto.KeySet;
import org.zwfw.sdk.http.HttpTransport;
import org.zwfw.sdk.verify.OutcomeCode;
import org.zwfw.sdk.verify.VerificationResult;

/**
 * A stand-in for the SDK's remote key set until it lands: fetches the set on first use, again
 * when a token names a key not held (at most once per 30 s), and every hour.
 */
final class InterimJwks implements KeyResolver {

    private final URI uri;
    private final HttpTransport transport;
    private final Clock clock;
    private final Duration timeout;
    private KeySet keys;
    private Instant fetchedAt = Instant.MIN;
    private String failure = "not fetched yet";

    InterimJwks(URI uri, HttpTransport transport, Clock clock, Duration timeout) {
        this.uri = uri;
        this.transport = transport;
        this.clock = clock;
        this.timeout = timeout;
    }

    @Override
    public synchronized VerificationResult<KeySet> resolve(KeyRequest request) {
        Instant now = clock.instant();
        boolean due = keys == null || now.isAfter(fetchedAt.plus(Duration.ofHours(1)))
                || request.keyId() != null && keys.keys().stream().noneMatch(k -> request.keyId().equals(
                        k.keyId().orElse(null)));
        if (due && (fetchedAt == Instant.MIN || now.isAfter(fetchedAt.plusSeconds(30)))) {
            fetchedAt = now;
            try {
                keys = KeySet.parse(new String(transport.get(uri, "application/jwk-set+json, application/json",
                        1 << 20, timeout), StandardCharsets.UTF_8));
            } catch (IOException | IllegalArgumentException e) {
                failure = e.getMessage();
            }
        }
        if (keys == null) {
            return VerificationResult.invalid(OutcomeCode.UNKNOWN_KEY, "no key set to verify with: could not fetch the"
                    + " key set from " + Exchanges.where(uri) + ": " + failure);
        }
        return keys.resolve(request);
    }
}
