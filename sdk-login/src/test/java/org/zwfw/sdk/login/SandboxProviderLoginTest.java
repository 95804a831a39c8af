package org.zwfw.sdk.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.zwfw.sdk.login.Fixtures.codes;
import static org.zwfw.sdk.login.Fixtures.login;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.crypto.KeySet;
import org.zwfw.sdk.crypto.SigningKey;
import org.zwfw.sdk.oidc.LogoutToken;
import org.zwfw.sdk.oidc.LogoutTokenVerifier;
import org.zwfw.sdk.replay.InMemoryReplayStore;
import org.zwfw.sdk.rnat.AssuranceLevel;
import org.zwfw.sdk.sandbox.OpenIdProvider;
import org.zwfw.sdk.sandbox.RegisteredApp;
import org.zwfw.sdk.sandbox.Sandbox;
import org.zwfw.sdk.sandbox.TestCitizen;
import org.zwfw.sdk.verify.OutcomeCode;
import org.zwfw.sdk.verify.VerificationResult;

/**
 * Logins against the sandbox's OpenID provider (spec/sandbox.md §10) over real HTTP: every
 * client authentication, every ID-token algorithm it signs with (RS256 with an RSA key published
 * without {@code alg}, ES256, EdDSA, SGD_SM3_SM2), signed userinfo, refresh, RP-initiated and
 * back-channel logout, key rotation, a denied login.
 */
class SandboxProviderLoginTest {

    static final String SECRET = "web-secret-0123456789abcdef";
    static final SigningKey ES_CLIENT = SigningKey.generate(JwsAlgorithm.ES256).withKeyId("pk-es-1");
    static final SigningKey SM2_CLIENT = SigningKey.generate(JwsAlgorithm.SGD_SM3_SM2).withKeyId("pk-sm2-1");
    static final List<String> LOGOUT_TOKENS = new CopyOnWriteArrayList<>();

    static HttpServer backchannel;
    static Sandbox sandbox;
    static OpenIdProvider op;

    @BeforeAll
    static void start() throws Exception {
        backchannel = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        backchannel.createContext("/backchannel", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            LOGOUT_TOKENS.add(FakeProvider.form(body).get("logout_token"));
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        backchannel.start();
        String loopback = "http://127.0.0.1/callback";
        sandbox = Sandbox.builder().apps(List.of(
                RegisteredApp.builder("web").clientSecretBasic(SECRET).redirectUris(loopback)
                        .postLogoutRedirectUris("http://127.0.0.1/bye").autoLogin("l3").rnatAudiences("ed")
                        .backchannelLogoutUri("http://127.0.0.1:" + backchannel.getAddress().getPort() + "/backchannel")
                        .build(),
                RegisteredApp.builder("native").publicClient().redirectUris(loopback).autoLogin("l2").build(),
                RegisteredApp.builder("pk-es").privateKeyJwt(KeySet.of(ES_CLIENT.verificationKey()))
                        .redirectUris(loopback).idTokenSigningAlgorithm(JwsAlgorithm.ES256)
                        .userinfoSigningAlgorithm(JwsAlgorithm.ES256).autoLogin("l4").build(),
                RegisteredApp.builder("pk-sm2").privateKeyJwt(KeySet.of(SM2_CLIENT.verificationKey()))
                        .redirectUris(loopback).idTokenSigningAlgorithm(JwsAlgorithm.SGD_SM3_SM2)
                        .userinfoSigningAlgorithm(JwsAlgorithm.SGD_SM3_SM2).autoLogin("l3").build(),
                RegisteredApp.builder("ed").clientSecretBasic(SECRET).redirectUris(loopback)
                        .idTokenSigningAlgorithm(JwsAlgorithm.EDDSA).autoLogin("l1").build(),
                RegisteredApp.builder("deny").publicClient().redirectUris(loopback).autoLogin("deny").build()))
                .start();
        op = sandbox.openIdProvider();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
        backchannel.stop(0);
    }

    static OidcClient.Builder client(String clientId) {
        return OidcClient.builder().issuer(op.issuer().toString()).clientId(clientId).allowLoopbackHttp(true)
                .redirectUri(URI.create("http://127.0.0.1:9/callback"));
    }

    @Test
    @DisplayName("rp-id_token-sig-rs256 (key without alg), client_secret_basic, iss in the response (RFC 9207)")
    void clientSecretBasicWithRs256() throws Exception {
        try (OidcClient c = client("web").clientSecretBasic(SECRET).minimumLevel(AssuranceLevel.L3).build()) {
            assertThat(c.provider().issParameterSupported()).isTrue();
            Login login = login(c);
            assertThat(login.level()).contains(AssuranceLevel.L3);
            assertThat(login.idToken().claims()).containsEntry("amr", List.of("sms", "face"));
            assertThat(login.idToken().sessionId()).isPresent();
            UserInfo info = c.userInfo(login).orElseThrow();
            assertThat(info.signed()).isFalse();
            assertThat(info.subject()).isEqualTo(login.idToken().subject());
        }
    }

    @Test
    @DisplayName("rp-token_endpoint-private_key_jwt with ES256 and with SGD_SM3_SM2; signed userinfo in both")
    void privateKeyJwt() throws Exception {
        try (OidcClient c = client("pk-es").privateKeyJwt(ES_CLIENT).build()) {
            Login login = login(c);
            assertThat(login.level()).contains(AssuranceLevel.L4);
            assertThat(c.userInfo(login).orElseThrow().signed()).isTrue();
        }
        try (OidcClient c = client("pk-sm2").privateKeyJwt(SM2_CLIENT).build()) {
            Login login = login(c);
            assertThat(login.level()).contains(AssuranceLevel.L3);
            UserInfo info = c.userInfo(login).orElseThrow();
            assertThat(info.signed()).isTrue();
            assertThat(info.subject()).isEqualTo(login.idToken().subject());
        }
        try (OidcClient c = client("pk-sm2").privateKeyJwt(SigningKey.generate(JwsAlgorithm.SGD_SM3_SM2)
                .withKeyId("pk-sm2-1")).build()) {
            assertThatThrownBy(() -> login(c)).isInstanceOfSatisfying(LoginException.class,
                    e -> assertThat(e.failure()).contains(LoginFailure.TOKEN_ERROR)).hasMessageContaining("invalid_client");
        }
    }

    @Test
    @DisplayName("EdDSA ID tokens; a public client (RFC 8252 native app); a wrong secret is TOKEN_ERROR")
    void eddsaAndPublicClient() throws Exception {
        try (OidcClient c = client("ed").clientSecretBasic(SECRET).build()) {
            assertThat(login(c).level()).contains(AssuranceLevel.L1);
        }
        try (OidcClient c = client("native").build()) {
            assertThat(login(c).level()).contains(AssuranceLevel.L2);
        }
        try (OidcClient c = client("web").clientSecretBasic("wrong-secret-0123456789").build()) {
            assertThatThrownBy(() -> login(c)).isInstanceOfSatisfying(LoginException.class,
                    e -> assertThat(e.failure()).contains(LoginFailure.TOKEN_ERROR))
                    .hasMessageNotContaining("wrong-secret-0123456789");
        }
    }

    @Test
    @DisplayName("a level below the minimum is ASSURANCE_TOO_LOW; a denied login is AUTHORIZATION_ERROR access_denied")
    void levelAndDenial() throws Exception {
        try (OidcClient c = client("native").minimumLevel(AssuranceLevel.L3).build()) {
            LoginRedirect go = c.beginLogin();
            assertThat(FakeProvider.form(go.url().getRawQuery())).containsEntry("acr_values",
                    "urn:zwfw:rn:L3 urn:zwfw:rn:L4");
            LoginException e = org.junit.jupiter.api.Assertions.assertThrows(LoginException.class,
                    () -> c.completeLogin(go.state(), Browser.callbackQuery(go.url())));
            assertThat(codes(e)).containsExactly(OutcomeCode.ASSURANCE_TOO_LOW);
        }
        try (OidcClient c = client("deny").build()) {
            assertThatThrownBy(() -> login(c)).isInstanceOfSatisfying(LoginException.class,
                    e -> assertThat(e.failure()).contains(LoginFailure.AUTHORIZATION_ERROR))
                    .hasMessageContaining("'access_denied'");
        }
    }

    @Test
    @DisplayName("token exchange (RFC 8693): an RNAT for another audience, checked as it would, its use not recorded")
    void tokenExchangeForAnotherAudience() throws Exception {
        try (OidcClient c = client("web").clientSecretBasic(SECRET).build()) {
            Login login = login(c);
            ExchangedToken t = c.exchangeForRnat(login, "ed");
            assertThat(t.verified().audience()).isEqualTo("ed");
            assertThat(t.verified().clientId()).contains("web");
            assertThat(t.verified().level()).isEqualTo(AssuranceLevel.L3);
            assertThat(t.toString()).doesNotContain(t.token());
            // the audience accepts it once: the client's check did not burn its jti
            org.zwfw.sdk.rnat.RnatVerifier audience = org.zwfw.sdk.rnat.RnatVerifier.builder().audience("ed")
                    .issuer(op.issuer().toString(), op.keys()).build();
            assertThat(audience.verify(t.token()).errors()).isEmpty();
            assertThat(audience.verify(t.token()).errorCodes())
                    .containsExactly(org.zwfw.sdk.verify.OutcomeCode.REPLAYED);
            // an audience this client is not registered to obtain tokens for
            assertThatThrownBy(() -> c.exchangeForRnat(login, "pk-es")).isInstanceOfSatisfying(LoginException.class,
                    e -> assertThat(e.failure()).contains(LoginFailure.TOKEN_ERROR)).hasMessageContaining("invalid_target");
        }
        try (OidcClient pub = client("native").build()) {
            Login login = login(pub);
            assertThatThrownBy(() -> pub.exchangeForRnat(login, "ed")).isInstanceOfSatisfying(LoginException.class,
                    e -> assertThat(e.failure()).contains(LoginFailure.TOKEN_ERROR));
        }
    }

    @Test
    @DisplayName("refresh: the new ID token keeps the subject, has no nonce; the refresh token rotates")
    void refresh() throws Exception {
        try (OidcClient c = client("web").clientSecretBasic(SECRET).build()) {
            Login login = login(c);
            Login refreshed = c.refresh(login);
            assertThat(refreshed.idToken().subject()).isEqualTo(login.idToken().subject());
            assertThat(refreshed.idToken().claims()).doesNotContainKey("nonce");
            assertThat(refreshed.refreshToken()).isNotEqualTo(login.refreshToken());
            // the used refresh token is refused, and its family revoked
            assertThatThrownBy(() -> c.refresh(login)).isInstanceOfSatisfying(LoginException.class,
                    e -> assertThat(e.failure()).contains(LoginFailure.TOKEN_ERROR)).hasMessageContaining("invalid_grant");
        }
    }

    @Test
    @DisplayName("RP-initiated logout ends the session and the provider's back-channel logout token verifies once")
    void logout() throws Exception {
        try (OidcClient c = client("web").clientSecretBasic(SECRET).build()) {
            Login login = login(c);
            LogoutRedirect out = c.logoutUrl(login.idToken(), URI.create("http://127.0.0.1:9/bye")).orElseThrow();
            LOGOUT_TOKENS.clear();
            URI back = Browser.authorize(out.url());
            assertThat(FakeProvider.form(back.getRawQuery())).containsEntry("state", out.state().orElseThrow());
            assertThat(LOGOUT_TOKENS).hasSize(1);
            LogoutTokenVerifier v = c.logoutTokenVerifier(new InMemoryReplayStore());
            VerificationResult<LogoutToken> r = v.verify(LOGOUT_TOKENS.get(0));
            assertThat(r.errors()).isEmpty();
            assertThat(r.value().orElseThrow().sessionId()).isEqualTo(login.idToken().sessionId());
            assertThat(r.value().orElseThrow().subject()).contains(login.idToken().subject());
            assertThat(v.verify(LOGOUT_TOKENS.get(0)).errors()).extracting(f -> f.code())
                    .containsExactly(OutcomeCode.REPLAYED);
            // the session's tokens are revoked
            assertThatThrownBy(() -> c.userInfo(login)).isInstanceOfSatisfying(LoginException.class,
                    e -> assertThat(e.failure()).contains(LoginFailure.PROVIDER_RESPONSE_INVALID))
                    .hasMessageContaining("invalid_token");
        }
    }

    @Test
    @DisplayName("rp-key-rotation-op-sign-key: after the provider rotates, the new key is fetched (once the 30 s pacing allows)")
    void keyRotation() throws Exception {
        ProviderFailuresTest.MutableClock clock = new ProviderFailuresTest.MutableClock(Instant.now());
        try (OidcClient c = client("pk-es").privateKeyJwt(ES_CLIENT).clock(clock).build()) {
            login(c);
            List<String> kids = op.rotateKeys(true);
            assertThat(kids).isNotEmpty();
            LoginException e = org.junit.jupiter.api.Assertions.assertThrows(LoginException.class, () -> login(c));
            assertThat(codes(e)).containsExactly(OutcomeCode.UNKNOWN_KEY);
            clock.now = clock.now.plusSeconds(31);
            assertThat(login(c).idToken().subject()).isNotEmpty();
        }
    }

    @Test
    @DisplayName("the provider's published EC key with use 'enc' is skipped, never a verification key")
    void encryptionKeyIsSkipped() throws Exception {
        String jwks = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(op.jwksUri())
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        assertThat(jwks.replace(" ", "")).contains("\"use\":\"enc\"");
        KeySet keys = KeySet.parse(jwks);
        assertThat(keys.skipped()).anyMatch(s -> s.contains("enc"));
        assertThat(keys.keys()).allMatch(k -> k.isSignatureKey());
        try (OidcClient c = client("native").build()) {
            assertThat(login(c)).isNotNull();
        }
    }
}
