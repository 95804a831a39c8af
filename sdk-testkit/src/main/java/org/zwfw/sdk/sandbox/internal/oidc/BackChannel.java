package org.zwfw.sdk.sandbox.internal.oidc;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers logout tokens to apps' {@code backchannel_logout_uri} (OpenID Connect Back-Channel
 * Logout §2.5, {@code spec/sandbox.md} §10.4): {@code POST logout_token=...}, synchronously,
 * connect {@value #CONNECT_SECONDS} s, whole exchange {@value #EXCHANGE_SECONDS} s, no redirects,
 * no retry. Within one logout, a receiver that failed once is not tried again, so that one dead
 * or hanging receiver delays a logout of many sessions by one timeout, not one per session. Only
 * the status is logged (DEBUG), never the token. Thread-safe.
 */
final class BackChannel {

    static final int CONNECT_SECONDS = 2;
    static final int EXCHANGE_SECONDS = 5;

    private static final Logger LOG = LoggerFactory.getLogger(BackChannel.class);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(CONNECT_SECONDS)).followRedirects(HttpClient.Redirect.NEVER).build();

    /** The deliveries of one logout. */
    final class Run {
        private final Set<URI> failed = new HashSet<>();

        void deliver(URI uri, String logoutToken) {
            if (failed.contains(uri)) {
                LOG.debug("back-channel logout to an app skipped: its receiver failed earlier in this logout");
                return;
            }
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(EXCHANGE_SECONDS))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("logout_token=" + Texts.urlEncode(logoutToken),
                            StandardCharsets.US_ASCII)).build();
            try {
                int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                LOG.debug("back-channel logout delivered: HTTP {}", status);
            } catch (IOException e) {
                failed.add(uri);
                LOG.debug("back-channel logout not delivered: {}", e.getClass().getSimpleName());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failed.add(uri);
            }
        }
    }

    Run run() {
        return new Run();
    }
}
