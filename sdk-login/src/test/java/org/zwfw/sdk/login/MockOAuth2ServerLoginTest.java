package org.zwfw.sdk.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.crypto.SigningKey;
import org.zwfw.sdk.internal.Json;
import org.zwfw.sdk.rnat.AssuranceLevel;
import org.zwfw.sdk.verify.OutcomeCode;

/**
 * Logins against an independent provider on loopback inside the build: NAV's
 * mock-oauth2-server 6.0.2 (Kotlin on nimbus, RS256 keys published with {@code alg}), which
 * checks PKCE and the client assertion's claims. It runs on JDK 17 (its classes are Java 17).
 */
class MockOAuth2ServerLoginTest {

    static MockOAuth2Server server;
    static String issuer;

    @BeforeAll
    static void start() throws Exception {
        server = new MockOAuth2Server();
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        issuer = server.issuerUrl("default").toString();
    }

    @AfterAll
    static void stop() {
        server.shutdown();
    }

    static OidcClient.Builder client() {
        return OidcClient.builder().issuer(issuer).clientId("portal-client").allowLoopbackHttp(true)
                .redirectUri(URI.create("http://127.0.0.1:8080/callback"));
    }

    @Test
    @DisplayName("rp-id_token-sig-rs256, rp-response_type-code: a public client logs in, asks userinfo, refreshes, logs out")
    void publicClient() throws Exception {
        try (OidcClient c = client().scopes("profile").build()) {
            Login login = Fixtures.login(c);
            assertThat(login.idToken().issuer()).isEqualTo(issuer);
            assertThat(login.idToken().audience()).containsExactly("portal-client");
            assertThat(login.refreshToken()).isPresent();
            UserInfo info = c.userInfo(login).orElseThrow();
            assertThat(info.subject()).isEqualTo(login.idToken().subject());
            Login refreshed = c.refresh(login);
            assertThat(refreshed.idToken().subject()).isEqualTo(login.idToken().subject());
            LogoutRedirect out = c.logoutUrl(refreshed.idToken(), URI.create("http://127.0.0.1:8080/bye"))
                    .orElseThrow();
            assertThat(out.url().toString()).startsWith(server.endSessionEndpointUrl("default").toString());
        }
    }

    @Test
    @DisplayName("rp-token_endpoint-client_secret_basic")
    void clientSecretBasic() throws Exception {
        try (OidcClient c = client().clientSecretBasic("s3cret:with%odd chars").build()) {
            assertThat(Fixtures.login(c).idToken()).isNotNull();
        }
    }

    @Test
    @DisplayName("rp-token_endpoint-private_key_jwt: ES256 assertion with the issuer as audience, or the token endpoint")
    void privateKeyJwt() throws Exception {
        try (OidcClient c = client().privateKeyJwt(SigningKey.generate(JwsAlgorithm.ES256)).build()) {
            assertThat(Fixtures.login(c).idToken()).isNotNull();
        }
        try (OidcClient c = client().privateKeyJwt(SigningKey.generate(JwsAlgorithm.ES256))
                .assertionAudienceIsTokenEndpoint(true).build()) {
            assertThat(Fixtures.login(c).idToken()).isNotNull();
        }
    }

    @Test
    @DisplayName("an SM2 client assertion: nimbus-based providers refuse it (RSA or ECDSA only) with invalid_client")
    void sm2AssertionIsRefusedByANimbusProvider() throws Exception {
        try (OidcClient c = client().privateKeyJwt(SigningKey.generate(JwsAlgorithm.SGD_SM3_SM2)).build()) {
            assertThatThrownBy(() -> Fixtures.login(c)).isInstanceOfSatisfying(LoginException.class,
                    e -> assertThat(e.failure()).contains(LoginFailure.TOKEN_ERROR));
        }
    }

    @Test
    @DisplayName("PKCE is sent and checked: a login state with another code_verifier is refused by the provider")
    void pkceIsChecked() throws Exception {
        try (OidcClient c = client().build()) {
            LoginRedirect go = c.beginLogin();
            String q = Browser.callbackQuery(go.url());
            Map<String, Object> m = Json.parseObject(go.state().toJson(), 1);
            m.put("code_verifier", LoginState.random(32));
            LoginState forged = LoginState.fromJson(Json.writeString(m));
            assertThatThrownBy(() -> c.completeLogin(forged, q)).isInstanceOfSatisfying(LoginException.class,
                    e -> assertThat(e.failure()).contains(LoginFailure.TOKEN_ERROR))
                    .hasMessageContaining("invalid_grant");
        }
    }

    @Test
    @DisplayName("the level: acr in the provider's ID token is checked against the minimum")
    void level() throws Exception {
        try (OidcClient c = client().minimumLevel(AssuranceLevel.L3).build()) {
            server.enqueueCallback(new DefaultOAuth2TokenCallback("default", "citizen-1", "JWT", List.of("portal-client"),
                    Map.of("acr", "urn:zwfw:rn:L3", "amr", List.of("sms", "face")), 600));
            Login login = Fixtures.login(c);
            assertThat(login.level()).contains(AssuranceLevel.L3);
            assertThat(login.idToken().subject()).isEqualTo("citizen-1");
            server.enqueueCallback(new DefaultOAuth2TokenCallback("default", "citizen-2", "JWT", List.of("portal-client"),
                    Map.of("acr", "urn:zwfw:rn:L2"), 600));
            LoginException e = org.junit.jupiter.api.Assertions.assertThrows(LoginException.class,
                    () -> Fixtures.login(c));
            assertThat(Fixtures.codes(e)).containsExactly(OutcomeCode.ASSURANCE_TOO_LOW);
        }
    }

    @Test
    @DisplayName("rp-id_token-aud: a provider issuing for another audience is AUDIENCE_MISMATCH")
    void audience() throws Exception {
        try (OidcClient c = client().build()) {
            server.enqueueCallback(new DefaultOAuth2TokenCallback("default", "citizen-3", "JWT", List.of("other-client"),
                    Map.of("aud", "other-client"), 600));
            LoginException e = org.junit.jupiter.api.Assertions.assertThrows(LoginException.class,
                    () -> Fixtures.login(c));
            assertThat(Fixtures.codes(e)).contains(OutcomeCode.AUDIENCE_MISMATCH);
        }
    }

    @Test
    @DisplayName("a used code: the provider's invalid_grant is TOKEN_ERROR")
    void usedCode() throws Exception {
        try (OidcClient c = client().build()) {
            LoginRedirect go = c.beginLogin();
            String q = Browser.callbackQuery(go.url());
            c.completeLogin(go.state(), q);
            assertThatThrownBy(() -> c.completeLogin(go.state(), q)).isInstanceOfSatisfying(LoginException.class,
                    e -> assertThat(e.failure()).contains(LoginFailure.TOKEN_ERROR));
        }
    }
}
