package org.zwfw.sdk.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.zwfw.sdk.login.Fixtures.client;
import static org.zwfw.sdk.login.LoginFlowTest.assertFlow;

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

/** What a client may be built with (spec/login.md §1), and a login state bound to its configuration (§4). */
class OidcClientBuilderTest {

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
    void buildingChecksTheSettingsAndFetchesNothing() {
        OidcClient.Builder b = OidcClient.builder().clientId("c").redirectUri(Fixtures.REDIRECT);
        assertThatThrownBy(() -> b.build()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> OidcClient.builder().issuer("http://op.example").clientId("c")
                .redirectUri(Fixtures.REDIRECT).allowLoopbackHttp(true).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("plain http");
        assertThatThrownBy(() -> OidcClient.builder().issuer(op.issuer()).clientId("c")
                .redirectUri(Fixtures.REDIRECT).build()).hasMessageContaining("allowLoopbackHttp");
        assertThatThrownBy(() -> client(op).issuer("https://op.example/?tenant=1").build())
                .hasMessageContaining("no query or fragment");
        assertThatThrownBy(() -> client(op).redirectUri(URI.create("/callback")).build())
                .hasMessageContaining("absolute");
        assertThatThrownBy(() -> client(op).redirectUri(URI.create("https://app.example/cb#x")).build())
                .hasMessageContaining("fragment");
        assertThatThrownBy(() -> client(op).loginStateLifetime(Duration.ofSeconds(59)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client(op).loginStateLifetime(Duration.ofMinutes(61)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client(op).exchangeTimeout(Duration.ofSeconds(11)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client(op).exchangeTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client(op).scopes("a b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client(op).clientSecretBasic("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client(op).maxAge(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client(op).keys(org.zwfw.sdk.crypto.KeySet.of()).trustList(
                org.zwfw.sdk.trust.TrustListKeys.of(org.zwfw.sdk.trust.TrustList.of(java.util.List.of()))).build())
                .isInstanceOf(IllegalStateException.class);
        try (OidcClient c = client(op).clientSecretBasic("s3cret-value").build()) {
            assertThat(c.toString()).contains("client_secret_basic").doesNotContain("s3cret-value");
        }
        assertThat(op.hits("/op/.well-known/openid-configuration")).isZero();
    }

    @Test
    void aLoginStateIsBoundToItsClientsConfiguration() throws Exception {
        LoginState noMinimum;
        LoginState otherRedirect;
        LoginState withMaxAge;
        try (OidcClient c = client(op).build()) {
            noMinimum = c.beginLogin().state();
        }
        try (OidcClient c = client(op).redirectUri(URI.create("http://127.0.0.1:9/other")).build()) {
            otherRedirect = c.beginLogin().state();
        }
        try (OidcClient c = client(op).maxAge(Duration.ofMinutes(5)).build()) {
            withMaxAge = c.beginLogin().state();
        }
        try (OidcClient c = client(op).minimumLevel(AssuranceLevel.L3).build()) {
            assertFlow(() -> c.completeLogin(noMinimum, "code=x&state=" + noMinimum.state()),
                    LoginFailure.STATE_MISMATCH);
        }
        try (OidcClient c = client(op).build()) {
            assertFlow(() -> c.completeLogin(otherRedirect, "code=x&state=" + otherRedirect.state()),
                    LoginFailure.STATE_MISMATCH);
            assertFlow(() -> c.completeLogin(withMaxAge, "code=x&state=" + withMaxAge.state()),
                    LoginFailure.STATE_MISMATCH);
        }
        Clock earlier = Clock.fixed(Instant.now().minus(Duration.ofMinutes(5)), ZoneOffset.UTC);
        try (OidcClient c = client(op).clock(earlier).build()) {
            assertFlow(() -> c.completeLogin(noMinimum, "code=x&state=" + noMinimum.state()),
                    LoginFailure.LOGIN_STATE_EXPIRED); // made in the future of this clock
        }
        assertThat(op.hits("/op/token")).isZero();
    }

    @Test
    void theAssertionAudienceCanBeTheTokenEndpoint() throws Exception {
        SigningKey key = SigningKey.generate(JwsAlgorithm.ES256).withKeyId("pk-1");
        try (OidcClient c = client(op).privateKeyJwt(key).assertionAudienceIsTokenEndpoint(true).build()) {
            Fixtures.login(c);
        }
        Map<String, String> body = FakeProvider.form(op.tokenRequests.get(0));
        ClientAssertions.check(body.get("client_assertion"), key, op.issuer() + "/token");
        assertThat(body).containsEntry("client_id", "portal-client").doesNotContainKey("client_secret");
    }
}
