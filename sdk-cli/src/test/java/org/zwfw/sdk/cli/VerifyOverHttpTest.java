package org.zwfw.sdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zwfw.sdk.credential.issuer.CredentialIssuer;
import org.zwfw.sdk.credential.issuer.IssuedCredential;
import org.zwfw.sdk.sandbox.ExampleClaims;
import org.zwfw.sdk.status.Status;
import org.zwfw.sdk.status.issuer.StatusListIssuer;

/** Status lists fetched over real HTTP on loopback, and never fetched with {@code --offline}. */
class VerifyOverHttpTest {

    @TempDir
    Path dir;

    private HttpServer server;
    private final AtomicInteger hits = new AtomicInteger();
    private final AtomicReference<String> served = new AtomicReference<>();
    private Province p;
    private CredentialIssuer issuer;
    private URI listUri;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/status/1", exchange -> {
            hits.incrementAndGet();
            byte[] body = served.get().getBytes(StandardCharsets.US_ASCII);
            exchange.getResponseHeaders().set("Content-Type", "application/statuslist+jwt");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        listUri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/status/1");
        p = new Province(dir);
        issuer = CredentialIssuer.builder(Province.LICENSING, p.licensingKey).clock(Province.CLOCK)
                .statusList(StatusListIssuer.builder().capacity(256).build(), listUri).build();
        served.set(issuer.statusListToken(Duration.ofHours(1), Duration.ofMinutes(5)));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private CliRunner.Result verify(String presentation, String... more) {
        return CliRunner.runWithInput(presentation, Province.args(java.util.List.of("verify", "--json", "--at",
                Province.AT, "--trust", p.trust().toString()), Province.args(java.util.List.of(more), "-")));
    }

    @Test
    void fetchesTheStatusListOverLoopbackHttp() {
        IssuedCredential ok = issuer.issue(ExampleClaims.license());
        IssuedCredential revoked = issuer.issue(ExampleClaims.license());
        issuer.setStatus(revoked.statusReference().orElseThrow(), Status.INVALID);
        served.set(issuer.statusListToken(Duration.ofHours(1), Duration.ofMinutes(5)));

        CliRunner.Result r = verify(Province.presentWithoutKeyBinding(ok), "--require-status");
        assertThat(r.exit()).as(r.out()).isZero();
        JsonNode o = Province.json(r.out());
        assertThat(o.get("status").asText()).isEqualTo("VALID");
        assertThat(hits.get()).isEqualTo(1);

        JsonNode rev = Province.json(verify(Province.presentWithoutKeyBinding(revoked)).out());
        assertThat(rev.get("status").asText()).isEqualTo("INVALID");
        assertThat(rev.get("errors").get(0).get("code").asText()).isEqualTo("REVOKED");
        assertThat(hits.get()).isEqualTo(2);
    }

    @Test
    void offlineNeverTouchesTheNetwork() {
        String presentation = Province.presentWithoutKeyBinding(issuer.issue(ExampleClaims.license()));
        CliRunner.Result r = verify(presentation, "--offline");
        assertThat(r.exit()).isZero();
        JsonNode o = Province.json(r.out());
        assertThat(o.get("status").asText()).isEqualTo("UNCHECKED");
        assertThat(o.get("warnings").get(0).get("code").asText()).isEqualTo("STATUS_UNAVAILABLE");
        assertThat(o.get("warnings").get(0).get("message").asText()).contains("--offline");
        CliRunner.Result required = verify(presentation, "--offline", "--require-status");
        assertThat(required.exit()).isEqualTo(1);
        assertThat(hits.get()).isZero();

        // --status-from serves the list offline; the server is still never asked.
        Path file = p.write("list.jwt", served.get());
        CliRunner.Result fromFile = verify(presentation, "--offline", "--require-status", "--status-from",
                listUri + "=" + file);
        assertThat(fromFile.exit()).as(fromFile.out()).isZero();
        assertThat(Province.json(fromFile.out()).get("status").asText()).isEqualTo("VALID");
        assertThat(hits.get()).isZero();
    }

    @Test
    void statusFromTakesPrecedenceOverTheNetworkWhenOnline() {
        String presentation = Province.presentWithoutKeyBinding(issuer.issue(ExampleClaims.license()));
        Path file = p.write("list.jwt", served.get());
        CliRunner.Result r = verify(presentation, "--status-from", listUri + "=" + file);
        assertThat(r.exit()).isZero();
        assertThat(hits.get()).isZero();
    }

    @Test
    void anUnreachableListIsAWarningOrWithRequireStatusAnError() {
        String presentation = Province.presentWithoutKeyBinding(issuer.issue(ExampleClaims.license()));
        server.stop(0);
        JsonNode warned = Province.json(verify(presentation).out());
        assertThat(warned.get("valid").asBoolean()).isTrue();
        assertThat(warned.get("warnings").get(0).get("code").asText()).isEqualTo("STATUS_UNAVAILABLE");
        CliRunner.Result required = verify(presentation, "--require-status");
        assertThat(required.exit()).isEqualTo(1);
        assertThat(Province.json(required.out()).get("errors").get(0).get("code").asText())
                .isEqualTo("STATUS_UNAVAILABLE");
    }
}
