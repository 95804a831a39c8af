package org.zwfw.sdk.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile and broken requests to the OpenID provider: huge, garbage, repeated and missing
 * parameters get OAuth error JSON at the token and userinfo endpoints (never HTML, never a
 * submitted value back), problem details where no client can be redirected to, and the bounds of
 * spec/sandbox.md §10.6.
 */
class OpenIdBadRequestsTest {

    private static Sandbox sandbox;
    private static OpenIdProvider op;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.builder().start();
        op = sandbox.openIdProvider();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static Http.Reply token(String contentType, byte[] body) {
        return Http.send(HttpRequest.newBuilder(op.tokenEndpoint()).header("Content-Type", contentType)
                .header("Authorization", Oidc.basic("sandbox-web", Oidc.secret(op, "sandbox-web")))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private static Http.Reply token(String body) {
        return token("application/x-www-form-urlencoded", body.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static void oauthError(Http.Reply r, int status, String error) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/json");
        assertThat(r.json().get("error").asText()).isEqualTo(error);
        assertThat(r.json().get("error_description").asText()).isNotBlank();
    }

    @Test
    void missingParametersAreInvalidRequestJson() {
        oauthError(token(""), 400, "invalid_request");
        oauthError(token("grant_type=authorization_code"), 400, "invalid_request");
        oauthError(token("grant_type=authorization_code&code=abc&redirect_uri=" + Oidc.enc(Oidc.REDIRECT)), 400,
                "invalid_request");
        oauthError(token("grant_type=refresh_token"), 400, "invalid_request");
        oauthError(token("grant_type=password&username=a&password=b"), 400, "unsupported_grant_type");
        oauthError(token("grant_type=" + Oidc.enc("urn:ietf:params:oauth:grant-type:token-exchange")), 400,
                "invalid_request");
    }

    @Test
    void repeatedParametersAreRefusedNotPicked() {
        String code = Oidc.code(op, "sandbox-web", "l1");
        Http.Reply r = token("grant_type=authorization_code&code=" + code + "&code=other&redirect_uri="
                + Oidc.enc(Oidc.REDIRECT) + "&code_verifier=" + Oidc.VERIFIER);
        oauthError(r, 400, "invalid_request");
        assertThat(r.json().get("error_description").asText()).contains("'code' is repeated").doesNotContain(code);
        oauthError(token("grant_type=authorization_code&grant_type=refresh_token"), 400, "invalid_request");

        Http.Reply dupClient = Http.get(URI.create(Oidc.authorizeUri(op, "sandbox-web") + "&client_id=sandbox-web"));
        assertThat(dupClient.status()).isEqualTo(400);
        assertThat(dupClient.contentType()).isEqualTo("application/problem+json");
        assertThat(Oidc.redirectParams(Http.get(URI.create(Oidc.authorizeUri(op, "sandbox-web") + "&scope=openid"))))
                .containsEntry("error", "invalid_request");
    }

    @Test
    void garbageFormsAreInvalidRequestJson() {
        for (String body : new String[] {"grant_type=%zz", "grant_type=%", "grant_type=%ff%fe", "=x", "a=%00"}) {
            Http.Reply r = token(body);
            oauthError(r, 400, "invalid_request");
            assertThat(r.body()).doesNotContain(body);
        }
        oauthError(token("application/x-www-form-urlencoded", "grant_type=\u00e9".getBytes(StandardCharsets.UTF_8)),
                400, "invalid_request");
        oauthError(token("a=1&".repeat(65)), 400, "invalid_request");
        Http.Reply json = token("application/json", "{\"grant_type\":\"authorization_code\"}".getBytes(
                StandardCharsets.UTF_8));
        oauthError(json, 415, "invalid_request");
        Http.Reply query = Http.send(HttpRequest.newBuilder(URI.create(op.tokenEndpoint() + "?grant_type=x"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers
                .ofString("grant_type=refresh_token")));
        oauthError(query, 400, "invalid_request");
        Http.Reply get = Http.get(op.tokenEndpoint());
        assertThat(get.status()).isEqualTo(405);
    }

    @Test
    void hugeRequestsAreBounded() {
        Http.Reply big = token("grant_type=authorization_code&code=" + "a".repeat(20_000));
        oauthError(big, 413, "invalid_request");
        URI target = URI.create(Oidc.authorizeUri(op, "sandbox-web") + "&state2=" + "a".repeat(9000));
        Http.RawReply longQuery = Http.rawReply(sandbox.port(), "GET " + target.getRawPath() + "?"
                + target.getRawQuery() + " HTTP/1.1\r\nHost: 127.0.0.1:" + sandbox.port() + "\r\n\r\n");
        assertThat(longQuery.status()).isIn(414, 431);
        assertThat(longQuery.headers().get("content-type")).isEqualTo("application/problem+json");
        Http.Reply bigLoginForm = Http.send(HttpRequest.newBuilder(op.authorizationEndpoint()).header("Content-Type",
                "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("pending="
                + "a".repeat(5000))));
        assertThat(bigLoginForm.status()).isEqualTo(413);
        Http.Reply longState = Http.get(Oidc.authorizeUri(op, "sandbox-web", "state", "s".repeat(1025),
                "login_hint", "sandbox:l1"));
        assertThat(Oidc.redirectParams(longState)).containsEntry("error", "invalid_request").doesNotContainKey("state");
    }

    @Test
    void theLoginFormRefusesUnknownPendingAndCitizens() {
        for (String body : new String[] {"pending=nope&citizen=l1", "citizen=l1", "pending=x&citizen=l9",
            "pending=x&pending=y&citizen=l1"}) {
            Http.Reply r = Http.send(HttpRequest.newBuilder(op.authorizationEndpoint()).header("Content-Type",
                    "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)));
            assertThat(r.status()).as(body).isEqualTo(400);
            assertThat(r.contentType()).isEqualTo("application/problem+json");
        }
    }

    @Test
    void waitingLoginPagesAreBounded() {
        try (Sandbox s = Sandbox.builder().start()) {
            OpenIdProvider p = s.openIdProvider();
            URI page = Oidc.authorizeUri(p, "sandbox-web");
            int ok = 0;
            for (int i = 0; i < 1000; i++) {
                ok += Http.get(page).status() == 200 ? 1 : 0;
            }
            assertThat(ok).isEqualTo(1000);
            Http.Reply full = Http.get(page);
            assertThat(full.status()).isEqualTo(503);
            assertThat(full.contentType()).isEqualTo("application/problem+json");
            assertThat(Oidc.redirectParams(Http.get(Oidc.authorizeUri(p, "sandbox-web", "login_hint",
                    "sandbox:l1")))).as("non-interactive logins need no page").containsKey("code");
        }
    }
}
