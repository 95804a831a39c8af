package org.zwfw.sdk.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.zwfw.sdk.sandbox.internal.SampleData;

/**
 * The sandbox logs one line per request (SLF4J, DEBUG; the test binding writes them to
 * {@code target/sandbox-tests.log}) naming the route template and the status, never paths, bodies
 * or claim values.
 */
class SandboxLoggingTest {

    private static final Path LOG = Path.of("target", "sandbox-tests.log");

    private static String logSince(long offset) throws IOException {
        try (InputStream in = Files.newInputStream(LOG)) {
            in.skipNBytes(offset);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void logsRoutesAndStatusesButNoPersonalData() throws IOException {
        LoggerFactory.getLogger(SandboxLoggingTest.class).warn("SandboxLoggingTest starts");
        long start = Files.size(LOG);
        String cardNumber;
        try (Sandbox sandbox = Sandbox.builder().start()) {
            ObjectNode request = (ObjectNode) Http.get(sandbox.samplesUri(SandboxIssuer.SOCIAL_SECURITY)).json()
                    .at("/samples/0/request");
            cardNumber = request.at("/claims/card_number").asText();
            JsonNode issued = Http.postJson(sandbox.credentialsUri(SandboxIssuer.SOCIAL_SECURITY), request).json();
            Http.get(java.net.URI.create(issued.get("status_entry").asText()));
            ((ObjectNode) request.get("claims")).put("social_security_number", BadRequestsTest.BAD_ID);
            Http.postJson(sandbox.credentialsUri(SandboxIssuer.SOCIAL_SECURITY), request);
            Http.postJson(sandbox.credentialsUri(SandboxIssuer.SOCIAL_SECURITY), "{\"claims\": "
                    + SampleData.ZHANG_SAN_ID + "}");
            Http.get(java.net.URI.create(sandbox.baseUri() + "/issuers/" + SampleData.LI_SI_ID));
        }
        String log = logSince(start);
        assertThat(log).contains("POST /issuers/{issuer}/credentials -> 201")
                .contains("GET /issuers/{issuer}/status-lists/1/entries/{idx} -> 200")
                .contains("POST /issuers/{issuer}/credentials -> 400")
                .contains("GET (no route) -> 404");
        assertThat(log).doesNotContain(SampleData.ZHANG_SAN_ID, SampleData.LI_SI_ID, BadRequestsTest.BAD_ID, "张三",
                cardNumber);
    }

    @Test
    void theOpenIdProviderLogsNoPersonalDataTokenOrSecret() throws IOException {
        LoggerFactory.getLogger(SandboxLoggingTest.class).warn("OpenID provider logging starts");
        long start = Files.size(LOG);
        java.util.List<String> secrets = new java.util.ArrayList<>();
        try (Sandbox sandbox = Sandbox.builder().start()) {
            OpenIdProvider op = sandbox.openIdProvider();
            String secret = Oidc.secret(op, "sandbox-service");
            secrets.add(secret);
            for (TestCitizen c : TestCitizen.values()) {
                JsonNode t = Oidc.login(op, "sandbox-service", c.slug(), "scope", "openid rn_masked rn_identity");
                secrets.add(t.get("access_token").asText());
                secrets.add(t.get("refresh_token").asText());
                Oidc.userinfo(op, t.get("access_token").asText());
            }
            Http.get(Oidc.authorizeUri(op, "sandbox-web"));
            Oidc.token(op, Oidc.basic("sandbox-service", secret + "x"), "grant_type=refresh_token");
            Http.get(java.net.URI.create(op.endSessionEndpoint() + "?id_token_hint=x"));
            op.logout(TestCitizen.L3);
        }
        String log = logSince(start);
        assertThat(log).contains("GET /oidc/authorize -> 302", "POST /oidc/token -> 200", "POST /oidc/token -> 401",
                "GET /oidc/userinfo -> 200", "GET /oidc/authorize -> 200");
        for (TestCitizen c : TestCitizen.values()) {
            assertThat(log).doesNotContain(c.residentId(), c.displayName(), c.mobile(),
                    c.residentId().substring(0, 2) + "*");
        }
        assertThat(log).doesNotContain(secrets.toArray(new String[0])).doesNotContain("sandbox:l");
    }

    @Test
    void closingFromAnInterruptedThreadStopsQuietlyAndKeepsTheInterrupt() throws Exception {
        LoggerFactory.getLogger(SandboxLoggingTest.class).warn("closing from an interrupted thread");
        long start = Files.size(LOG);
        Sandbox sandbox = Sandbox.builder().start();
        int port = sandbox.port();
        assertThat(Http.get(sandbox.trustListUri()).status()).isEqualTo(200);
        Thread.currentThread().interrupt();
        sandbox.close();
        assertThat(Thread.interrupted()).as("the interrupt is kept").isTrue();
        assertThat(logSince(start)).doesNotContain("WARN");
        try (java.net.ServerSocket again = new java.net.ServerSocket(port, 1,
                java.net.InetAddress.getByName("127.0.0.1"))) {
            assertThat(again.getLocalPort()).isEqualTo(port);
        }
    }
}
