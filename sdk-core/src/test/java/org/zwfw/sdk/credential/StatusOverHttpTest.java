package org.zwfw.sdk.credential;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zwfw.sdk.http.HttpTransport;
import org.zwfw.sdk.status.Status;
import org.zwfw.sdk.status.issuer.StatusListIssuer;
import org.zwfw.sdk.status.StatusListSource;
import org.zwfw.sdk.status.StatusListToken;
import org.zwfw.sdk.verify.Finding;
import org.zwfw.sdk.verify.OutcomeCode;
import org.zwfw.sdk.verify.VerificationResult;
import org.zwfw.sdk.credential.issuer.CredentialIssuer;
import org.zwfw.sdk.credential.issuer.IssuedCredential;

/** A status list served by a real HTTP server on loopback, fetched by {@link StatusListSource#http}. */
class StatusOverHttpTest {

    private final Ecerts p = new Ecerts();
    private HttpServer server;
    private final AtomicReference<String> token = new AtomicReference<>();
    private final AtomicReference<String> accept = new AtomicReference<>();
    private final AtomicInteger requests = new AtomicInteger();
    private CredentialIssuer issuer;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/status/1", ex -> {
            requests.incrementAndGet();
            accept.set(ex.getRequestHeaders().getFirst("Accept"));
            String t = token.get();
            if (t == null) {
                ex.sendResponseHeaders(404, -1);
            } else {
                byte[] b = t.getBytes(StandardCharsets.US_ASCII);
                ex.getResponseHeaders().set("Content-Type", StatusListToken.MEDIA_TYPE);
                ex.sendResponseHeaders(200, b.length);
                try (OutputStream o = ex.getResponseBody()) {
                    o.write(b);
                }
            }
            ex.close();
        });
        server.start();
        URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/status/1");
        issuer = CredentialIssuer.builder(Ecerts.LICENSING, p.licensingKey).clock(Ecerts.CLOCK)
                .statusList(StatusListIssuer.builder().capacity(256).build(), uri).build();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private VerificationResult<VerifiedCredential> verify(String credential, boolean allowLoopback) {
        try (HttpTransport t = HttpTransport.standard(Duration.ofSeconds(2), allowLoopback)) {
            return p.verifier().statusSource(StatusListSource.http(t, Duration.ofSeconds(5))).build()
                    .verify(credential);
        }
    }

    @Test
    void revocationPublishedOverHttpReachesTheVerifier() {
        IssuedCredential c = issuer.issue(Ecerts.license());
        token.set(issuer.statusListToken(Duration.ofHours(1), Duration.ofMinutes(5)));
        assertThat(verify(c.compact(), true).value().orElseThrow().status()).isEqualTo(CredentialStatus.VALID);
        assertThat(accept.get()).isEqualTo("application/statuslist+jwt");

        issuer.setStatus(c.statusReference().orElseThrow(), Status.INVALID);
        token.set(issuer.statusListToken(Duration.ofHours(1), Duration.ofMinutes(5)));
        assertThat(verify(c.compact(), true).errors()).extracting(Finding::code).containsExactly(OutcomeCode.REVOKED);
    }

    @Test
    void theLargestLengthLimitStillFetches() throws Exception {
        // the source reads a little beyond the limit (surrounding white space): no int overflow
        String t = issuer.statusListToken(Duration.ofHours(1), null);
        token.set(t);
        URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/status/1");
        try (HttpTransport transport = HttpTransport.standard(Duration.ofSeconds(2), true)) {
            StatusListSource source = StatusListSource.http(transport, Duration.ofSeconds(5));
            assertThat(source.fetch(uri, Integer.MAX_VALUE)).contains(t);
        }
    }

    @Test
    void missingListAndPlainHttpWithoutLoopbackPermissionAreUnavailable() {
        IssuedCredential c = issuer.issue(Ecerts.license());
        VerificationResult<VerifiedCredential> r = verify(c.compact(), true);
        assertThat(r.errors()).extracting(Finding::code).containsExactly(OutcomeCode.STATUS_UNAVAILABLE);
        assertThat(r.errors().get(0).message()).contains("404");

        token.set(issuer.statusListToken(Duration.ofHours(1), null));
        int before = requests.get();
        r = verify(c.compact(), false);
        assertThat(r.errors()).extracting(Finding::code).containsExactly(OutcomeCode.STATUS_UNAVAILABLE);
        assertThat(requests.get()).isEqualTo(before);
    }
}
