package org.zwfw.sdk.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.crypto.JwsVerifier;
import org.zwfw.sdk.crypto.KeySet;
import org.zwfw.sdk.trust.TrustList;
import org.zwfw.sdk.trust.TrustListVerifier;
import org.zwfw.sdk.verify.OutcomeCode;

/**
 * RP-initiated logout, back-channel logout delivered to a receiver on loopback, the admin logout
 * switch, and the key-rotation switch (spec/sandbox.md §10.4, §10.5).
 */
class OpenIdLogoutAndKeysTest {

    private HttpServer receiver;
    private final List<String> received = new ArrayList<>();
    private Sandbox sandbox;
    private OpenIdProvider op;

    @BeforeEach
    void start() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/backchannel", x -> {
            String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.US_ASCII);
            synchronized (received) {
                received.add(x.getRequestHeaders().getFirst("Content-Type") + "|" + body);
            }
            x.sendResponseHeaders(200, -1);
            x.close();
        });
        receiver.start();
        String bc = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/backchannel";
        sandbox = Sandbox.builder().apps(List.of(
                RegisteredApp.builder("web").redirectUris("http://127.0.0.1/callback")
                        .postLogoutRedirectUris("http://127.0.0.1/bye").clientSecretBasic("web-secret-0123456789")
                        .backchannelLogoutUri(bc).idTokenSigningAlgorithm(JwsAlgorithm.ES256).build(),
                RegisteredApp.builder("other").redirectUris("http://127.0.0.1/callback")
                        .clientSecretBasic("other-secret-0123456789").backchannelLogoutUri(bc).build(),
                RegisteredApp.builder("quiet").redirectUris("http://127.0.0.1/callback")
                        .clientSecretBasic("quiet-secret-0123456789").build())).start();
        op = sandbox.openIdProvider();
    }

    @AfterEach
    void stop() {
        sandbox.close();
        receiver.stop(0);
    }

    private List<String> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    private Map<String, Object> logoutToken(String delivery) {
        assertThat(delivery).startsWith("application/x-www-form-urlencoded|logout_token=");
        String token = URLDecoder.decode(delivery.substring(delivery.indexOf('=') + 1), StandardCharsets.US_ASCII);
        var r = JwsVerifier.builder().allowedAlgorithms(JwsAlgorithm.RS256, JwsAlgorithm.ES256).expectedType(
                "logout+jwt").build().verify(token, KeySet.parse(Http.get(op.jwksUri()).body()));
        assertThat(r.isValid()).as(r.errors().toString()).isTrue();
        return r.value().orElseThrow().claims();
    }

    @Test
    void endSessionLogsOutDeliversLogoutTokensAndRedirects() {
        JsonNode web = Oidc.login(op, "web", "l3");
        Map<String, Object> id = Oidc.verify(op, web.get("id_token").asText());
        Oidc.login(op, "quiet", "l3");
        Http.Reply r = Http.get(URI.create(op.endSessionEndpoint() + "?" + Oidc.form("id_token_hint",
                web.get("id_token").asText(), "post_logout_redirect_uri", "http://127.0.0.1:7777/bye", "state", "s-9")));
        Map<String, String> redirect = Oidc.redirectParams(r);
        assertThat(redirect).containsEntry("_base", "http://127.0.0.1:7777/bye").containsEntry("state", "s-9");

        assertThat(received()).hasSize(1);
        Map<String, Object> lt = logoutToken(received().get(0));
        assertThat(lt).containsEntry("iss", op.issuer().toString()).containsEntry("aud", "web")
                .containsEntry("sub", id.get("sub")).containsEntry("sid", id.get("sid")).containsKey("jti")
                .doesNotContainKey("nonce");
        assertThat(lt.get("events")).isEqualTo(Map.of("http://schemas.openid.net/event/backchannel-logout", Map.of()));
        assertThat(((Number) lt.get("exp")).longValue() - ((Number) lt.get("iat")).longValue()).isEqualTo(120);
        assertThat(Oidc.userinfo(op, web.get("access_token").asText()).status()).as("the session's tokens end")
                .isEqualTo(401);

        Http.Reply page = Http.get(URI.create(op.endSessionEndpoint() + "?" + Oidc.form("id_token_hint",
                web.get("id_token").asText())));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(received()).as("an ended session is not delivered twice").hasSize(1);
    }

    @Test
    void logoutRefusesUnregisteredRedirectsAndForeignHints() {
        JsonNode web = Oidc.login(op, "web", "l1");
        Http.Reply evil = Http.get(URI.create(op.endSessionEndpoint() + "?" + Oidc.form("id_token_hint",
                web.get("id_token").asText(), "post_logout_redirect_uri", "https://evil.example/")));
        assertThat(evil.status()).isEqualTo(400);
        assertThat(evil.headers().firstValue("Location")).isEmpty();
        Http.Reply noClient = Http.get(URI.create(op.endSessionEndpoint() + "?" + Oidc.form(
                "post_logout_redirect_uri", "http://127.0.0.1/bye")));
        assertThat(noClient.status()).isEqualTo(400);
        Http.Reply forged = Http.get(URI.create(op.endSessionEndpoint() + "?" + Oidc.form("id_token_hint",
                web.get("id_token").asText() + "A")));
        assertThat(forged.status()).isEqualTo(400);
        assertThat(Oidc.userinfo(op, web.get("access_token").asText()).status()).isEqualTo(200);
    }

    @Test
    void theAdminSwitchLogsACitizenOutEverywhere() {
        JsonNode a = Oidc.login(op, "web", "l4");
        Oidc.login(op, "other", "l4");
        JsonNode keep = Oidc.login(op, "web", "l1");
        Http.Reply r = Http.postJson(URI.create(op.issuer() + "/admin/logout"), "{\"citizen\": \"l4\"}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("sessions").asInt()).isEqualTo(2);
        assertThat(received()).hasSize(2);
        assertThat(received().stream().map(d -> logoutToken(d).get("aud")).toList()).containsExactlyInAnyOrder("web",
                "other");
        assertThat(Oidc.userinfo(op, a.get("access_token").asText()).status()).isEqualTo(401);
        assertThat(Oidc.userinfo(op, keep.get("access_token").asText()).status()).isEqualTo(200);
        assertThat(op.logout(TestCitizen.L4)).isZero();
        assertThat(Http.postJson(URI.create(op.issuer() + "/admin/logout"), "{\"citizen\": \"l9\"}").status())
                .isEqualTo(400);
    }

    @Test
    void aDeadReceiverDoesNotStopTheLogout() throws Exception {
        receiver.stop(0);
        JsonNode a = Oidc.login(op, "web", "l2");
        Oidc.login(op, "other", "l2");
        long start = System.nanoTime();
        assertThat(op.logout(TestCitizen.L2)).isEqualTo(2);
        assertThat((System.nanoTime() - start) / 1_000_000).as("ms, one dead receiver tried once").isLessThan(8_000);
        assertThat(Oidc.userinfo(op, a.get("access_token").asText()).status()).isEqualTo(401);
    }

    @Test
    void keyRotationPublishesOldAndNewKeysAndCanRetireTheOld() {
        JsonNode before = Oidc.login(op, "web", "l2");
        String oldToken = before.get("id_token").asText();
        String oldKid = (String) Oidc.header(oldToken).get("kid");
        long seq = sandbox.trustListSeq();

        Http.Reply r = Http.postJson(URI.create(op.issuer() + "/admin/rotate-keys"), "{\"retire_previous\": false}");
        assertThat(r.status()).isEqualTo(200);
        List<String> kids = new ArrayList<>();
        r.json().get("kids").forEach(k -> kids.add(k.asText()));
        assertThat(kids).hasSize(5).doesNotContain(oldKid);
        JsonNode jwks = Http.get(op.jwksUri()).json().get("keys");
        List<String> published = new ArrayList<>();
        jwks.forEach(k -> published.add(k.get("kid").asText()));
        assertThat(published).contains(oldKid).containsAll(kids).hasSize(11);

        String newToken = Oidc.login(op, "web", "l2").get("id_token").asText();
        assertThat(Oidc.header(newToken).get("kid")).isIn(kids.toArray());
        Oidc.verify(op, oldToken);
        Oidc.verify(op, newToken);

        // the trust list follows: a new edition with the new keys
        TrustList trust = TrustListVerifier.builder(sandbox.trustAnchorKeys()).build().verify(Http.get(
                sandbox.trustListUri()).body()).value().orElseThrow();
        assertThat(trust.edition().orElseThrow().seq()).isGreaterThan(seq);
        assertThat(trust.find(op.issuer().toString()).orElseThrow().keys().keys().stream()
                .map(k -> k.keyId().orElseThrow()).toList()).containsExactlyInAnyOrderElementsOf(kids);

        assertThat(op.rotateKeys(true)).hasSize(5);
        assertThat(Http.get(op.jwksUri()).json().get("keys")).hasSize(6);
        var old = JwsVerifier.builder().allowedAlgorithms(JwsAlgorithm.ES256).build().verify(newToken,
                KeySet.parse(Http.get(op.jwksUri()).body()));
        assertThat(old.errors().get(0).code()).isEqualTo(OutcomeCode.UNKNOWN_KEY);
        assertThat(Http.postJson(URI.create(op.issuer() + "/admin/rotate-keys"), "{\"retire_previous\": 1}").status())
                .isEqualTo(400);
    }
}
