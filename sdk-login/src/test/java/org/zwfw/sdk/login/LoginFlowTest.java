package org.zwfw.sdk.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.zwfw.sdk.login.Fixtures.client;
import static org.zwfw.sdk.login.Fixtures.login;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.crypto.SigningKey;
import org.zwfw.sdk.rnat.AssuranceLevel;

/** The flow of spec/login.md §4 to §7 and §10, §11 against a provider on loopback. */
class LoginFlowTest {

    FakeProvider op;

    @BeforeEach
    void start() throws Exception {
        op = new FakeProvider();
    }

    @AfterEach
    void stop() {
        op.close();
    }

    @Test
    void theAuthorizationUrlCarriesStateNonceS256ChallengeAndTheLevelsAsked() throws Exception {
        try (OidcClient c = client(op).scopes("profile").minimumLevel(AssuranceLevel.L3)
                .maxAge(Duration.ofMinutes(5)).build()) {
            LoginRedirect go = c.beginLogin();
            Map<String, String> q = FakeProvider.form(go.url().getRawQuery());
            assertThat(go.url().toString()).startsWith(op.issuer() + "/authorize?");
            assertThat(q).containsEntry("response_type", "code").containsEntry("client_id", "portal-client")
                    .containsEntry("redirect_uri", "http://127.0.0.1:9/callback").containsEntry("scope", "openid profile")
                    .containsEntry("code_challenge_method", "S256").containsEntry("max_age", "300")
                    .containsEntry("acr_values", "urn:zwfw:rn:L3 urn:zwfw:rn:L4");
            assertThat(q.get("state")).hasSize(22);
            assertThat(q.get("nonce")).hasSize(22).isNotEqualTo(q.get("state"));
            LoginState s = LoginState.fromJson(go.state().toJson());
            assertThat(q.get("code_challenge")).isEqualTo(FakeProvider.challenge(s.codeVerifier()));
            assertThat(s.state()).isEqualTo(q.get("state"));
            assertThat(s.nonce()).isEqualTo(q.get("nonce"));
            assertThat(go.toString()).doesNotContain(q.get("state"));
            assertThat(c.beginLogin().state().state()).as("fresh for every login").isNotEqualTo(s.state());
        }
    }

    @Test
    void aLoginCompletesWithAVerifiedIdTokenAndTheTokens() throws Exception {
        try (OidcClient c = client(op).clientSecretBasic("s3cret").build()) {
            Login login = login(c);
            assertThat(login.idToken().subject()).isEqualTo(FakeProvider.SUB);
            assertThat(login.level()).contains(AssuranceLevel.L3);
            assertThat(login.refreshToken()).isPresent();
            assertThat(login.expiresIn()).contains(Duration.ofSeconds(600));
            assertThat(login.scope()).containsExactly("openid");
            assertThat(login.toString()).doesNotContain(login.accessToken()).doesNotContain(FakeProvider.SUB);
            assertThat(op.tokenRequests.get(0)).contains("grant_type=authorization_code").contains("code_verifier=")
                    .contains("redirect_uri=http%3A%2F%2F127.0.0.1%3A9%2Fcallback").doesNotContain("client_secret");
        }
    }

    @Test
    void stepUpAsksForMoreAndTheIdTokenMustHaveIt() throws Exception {
        try (OidcClient c = client(op).minimumLevel(AssuranceLevel.L2).build()) {
            LoginRedirect go = c.beginLogin(AssuranceLevel.L4);
            assertThat(FakeProvider.form(go.url().getRawQuery())).containsEntry("acr_values", "urn:zwfw:rn:L4");
            LoginException e = org.junit.jupiter.api.Assertions.assertThrows(LoginException.class,
                    () -> c.completeLogin(go.state(), Browser.callbackQuery(go.url())));
            assertThat(e.failure()).isEmpty();
            assertThat(Fixtures.codes(e)).containsExactly(org.zwfw.sdk.verify.OutcomeCode.ASSURANCE_TOO_LOW);
            assertThatThrownBy(() -> c.beginLogin(AssuranceLevel.L1)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void theSameCallbackTwiceFailsAtTheProviderAsTokenError() throws Exception {
        try (OidcClient c = client(op).build()) {
            LoginRedirect go = c.beginLogin();
            String q = Browser.callbackQuery(go.url());
            c.completeLogin(go.state(), q);
            assertThatThrownBy(() -> c.completeLogin(go.state(), q)).isInstanceOfSatisfying(LoginException.class,
                    e -> assertThat(e.failure()).contains(LoginFailure.TOKEN_ERROR))
                    .hasMessageContaining("invalid_grant").hasMessageContaining("unknown or used code");
        }
    }

    @Test
    void aWrongStateEndsTheLoginWithoutATokenRequest() throws Exception {
        try (OidcClient c = client(op).build()) {
            LoginRedirect go = c.beginLogin();
            String q = Browser.callbackQuery(go.url());
            LoginState other = c.beginLogin().state();
            assertFlow(() -> c.completeLogin(other, q), LoginFailure.STATE_MISMATCH);
            assertFlow(() -> c.completeLogin(go.state(), q.replaceAll("state=[^&]*", "")), LoginFailure.STATE_MISMATCH);
            assertThat(op.hits("/op/token")).isZero();
        }
    }

    @Test
    void anErrorIsNamedAndEndsTheLoginWithoutATokenRequest() throws Exception {
        try (OidcClient c = client(op).build()) {
            LoginRedirect go = c.beginLogin();
            String q = "error=access_denied&error_description=The+user+said+no%1b%5b2J&state=" + go.state().state();
            assertThatThrownBy(() -> c.completeLogin(go.state(), q)).isInstanceOfSatisfying(LoginException.class,
                    e -> assertThat(e.failure()).contains(LoginFailure.AUTHORIZATION_ERROR))
                    .hasMessageContaining("'access_denied'").hasMessageContaining("The user said no\\u001B[2J")
                    .hasMessageNotContaining("\u001b");
            // a forged error response (wrong state) is not believed either
            assertFlow(() -> c.completeLogin(go.state(), "error=access_denied&state=forged"), LoginFailure.STATE_MISMATCH);
            assertThat(op.hits("/op/token")).isZero();
        }
    }

    @Test
    void repeatedParametersAreRefusedBeforeStateIsRead() throws Exception {
        try (OidcClient c = client(op).build()) {
            LoginRedirect go = c.beginLogin();
            String q = Browser.callbackQuery(go.url());
            assertFlow(() -> c.completeLogin(go.state(), q + "&code=other"), LoginFailure.PROVIDER_RESPONSE_INVALID);
            assertFlow(() -> c.completeLogin(go.state(), q + "&state=" + go.state().state()),
                    LoginFailure.PROVIDER_RESPONSE_INVALID);
            assertFlow(() -> c.completeLogin(go.state(), q + "&x=" + "a".repeat(8 * 1024)),
                    LoginFailure.PROVIDER_RESPONSE_INVALID);
            assertFlow(() -> c.completeLogin(go.state(), q + "&x=%zz"), LoginFailure.PROVIDER_RESPONSE_INVALID);
            assertFlow(() -> c.completeLogin(go.state(), "state=" + go.state().state()),
                    LoginFailure.PROVIDER_RESPONSE_INVALID);
            assertFlow(() -> c.completeLogin(go.state(), "code=" + "a".repeat(2049) + "&state=" + go.state().state()),
                    LoginFailure.PROVIDER_RESPONSE_INVALID);
            assertThat(op.hits("/op/token")).isZero();
            assertThat(c.completeLogin(go.state(), "?" + q).idToken().subject()).isEqualTo(FakeProvider.SUB);
        }
    }

    @Test
    void anExpiredLoginStateEndsTheLoginFirst() throws Exception {
        Instant t0 = Instant.now();
        LoginRedirect go;
        String q;
        try (OidcClient c = client(op).build()) {
            go = c.beginLogin();
            q = Browser.callbackQuery(go.url());
        }
        Clock later = Clock.fixed(t0.plus(Duration.ofMinutes(10)).plusSeconds(2), ZoneOffset.UTC);
        try (OidcClient c = client(op).clock(later).build()) {
            assertFlow(() -> c.completeLogin(go.state(), q + "&code=again"), LoginFailure.LOGIN_STATE_EXPIRED);
        }
        Clock shortly = Clock.fixed(t0.plus(Duration.ofMinutes(2)), ZoneOffset.UTC);
        try (OidcClient c = client(op).loginStateLifetime(Duration.ofMinutes(1)).clock(shortly).build()) {
            assertFlow(() -> c.completeLogin(go.state(), q), LoginFailure.LOGIN_STATE_EXPIRED);
        }
        assertThat(op.hits("/op/token")).isZero();
    }

    @Test
    void theIssuerParameterIsCheckedWhenSentAndRequiredWhenAdvertised() throws Exception {
        try (OidcClient c = client(op).build()) {
            LoginRedirect go = c.beginLogin();
            String q = Browser.callbackQuery(go.url());
            assertFlow(() -> c.completeLogin(go.state(), q + "&iss=" + FakeProvider.enc("https://evil.example")),
                    LoginFailure.ISSUER_MISMATCH);
            assertThat(c.completeLogin(go.state(), q + "&iss=" + FakeProvider.enc(op.issuer())).idToken()).isNotNull();
        }
        op.discovery = m -> {
            m.put("authorization_response_iss_parameter_supported", true);
            return m;
        };
        try (OidcClient c = client(op).build()) {
            LoginRedirect go = c.beginLogin();
            String q = Browser.callbackQuery(go.url());
            assertFlow(() -> c.completeLogin(go.state(), q), LoginFailure.ISSUER_MISMATCH);
        }
        assertThat(op.tokenRequests).hasSize(1);
    }

    @Test
    void aLoginStateOfAnotherClientIsNotThisLogins() throws Exception {
        LoginState state;
        try (OidcClient other = client(op).clientId("other-client").build()) {
            state = other.beginLogin().state();
        }
        try (OidcClient c = client(op).build()) {
            assertFlow(() -> c.completeLogin(state, "code=x&state=" + state.state()), LoginFailure.STATE_MISMATCH);
        }
    }

    @Test
    void privateKeyJwtWithSm2AndEs256() throws Exception {
        for (JwsAlgorithm alg : new JwsAlgorithm[] {JwsAlgorithm.SGD_SM3_SM2, JwsAlgorithm.ES256}) {
            SigningKey clientKey = SigningKey.generate(alg);
            try (OidcClient c = client(op).privateKeyJwt(clientKey).build()) {
                login(c);
            }
            Map<String, String> body = FakeProvider.form(op.tokenRequests.get(op.tokenRequests.size() - 1));
            assertThat(body).containsEntry("client_assertion_type",
                    "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
            ClientAssertions.check(body.get("client_assertion"), clientKey, op.issuer());
        }
        assertThat(op.tokenAuthorizations).allMatch(String::isEmpty);
        assertThatThrownBy(() -> client(op).privateKeyJwt(SigningKey.generate(JwsAlgorithm.EDDSA)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void clientSecretBasicFormEncodesBeforeBase64() throws Exception {
        try (OidcClient c = client(op).clientId("id:1").clientSecretBasic("p:a%s s").build()) {
            login(c);
        }
        String header = op.tokenAuthorizations.get(0);
        assertThat(header).startsWith("Basic ");
        assertThat(new String(java.util.Base64.getDecoder().decode(header.substring(6)), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("id%3A1:p%3Aa%25s+s");
    }

    @Test
    void refreshKeepsTheSubjectAndRotatesTheRefreshToken() throws Exception {
        try (OidcClient c = client(op).build()) {
            Login first = login(c);
            Login refreshed = c.refresh(first);
            assertThat(refreshed.idToken().subject()).isEqualTo(first.idToken().subject());
            assertThat(refreshed.refreshToken()).isPresent().isNotEqualTo(first.refreshToken());
            assertThat(refreshed.accessToken()).isNotEqualTo(first.accessToken());
            op.idClaims = m -> {
                m.put("sub", "someone-else");
                return m;
            };
            LoginException e = org.junit.jupiter.api.Assertions.assertThrows(LoginException.class,
                    () -> c.refresh(refreshed));
            assertThat(Fixtures.codes(e)).contains(org.zwfw.sdk.verify.OutcomeCode.INVALID_CLAIM);
            op.tokenResponse = m -> {
                m.remove("id_token");
                m.remove("refresh_token");
                return m;
            };
            Login noIdToken = c.refresh(refreshed);
            assertThat(noIdToken.idToken()).isSameAs(refreshed.idToken());
            assertThat(noIdToken.refreshToken()).isEqualTo(refreshed.refreshToken());
        }
    }

    @Test
    void rpInitiatedLogoutUrl() throws Exception {
        try (OidcClient c = client(op).build()) {
            Login login = login(c);
            LogoutRedirect out = c.logoutUrl(login.idToken(), URI.create("http://127.0.0.1:9/bye")).orElseThrow();
            Map<String, String> q = FakeProvider.form(out.url().getRawQuery());
            assertThat(out.url().toString()).startsWith(op.issuer() + "/logout?");
            assertThat(q).containsEntry("id_token_hint", login.idToken().compact())
                    .containsEntry("client_id", "portal-client").containsEntry("post_logout_redirect_uri",
                            "http://127.0.0.1:9/bye").containsEntry("state", out.state().orElseThrow());
            assertThat(out.state().orElseThrow()).hasSize(22);
            // without a post-logout redirect URI there is nowhere for a state to come back to
            LogoutRedirect plain = c.logoutUrl(login.idToken(), null).orElseThrow();
            assertThat(plain.state()).isEmpty();
            assertThat(FakeProvider.form(plain.url().getRawQuery())).containsOnlyKeys("id_token_hint", "client_id");
        }
        op.discovery = m -> {
            m.remove("end_session_endpoint");
            return m;
        };
        try (OidcClient c = client(op).build()) {
            assertThat(c.logoutUrl(login(c).idToken(), null)).isEmpty();
        }
    }

    interface Call {
        Object run() throws Exception;
    }

    static void assertFlow(Call call, LoginFailure expected) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(LoginException.class,
                e -> assertThat(e.failure()).as(e.getMessage()).contains(expected));
    }
}
