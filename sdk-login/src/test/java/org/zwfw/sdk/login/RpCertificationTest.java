package org.zwfw.sdk.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.zwfw.sdk.login.Fixtures.client;
import static org.zwfw.sdk.login.Fixtures.codes;
import static org.zwfw.sdk.login.Fixtures.login;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.crypto.SigningKey;
import org.zwfw.sdk.verify.OutcomeCode;

/**
 * The OpenID RP certification checks that concern the flow (the ID-token-level ones are in
 * sdk-core's IdTokenVerifierTest), named as the certification names them, against a provider
 * on loopback that misbehaves as each check asks.
 */
class RpCertificationTest {

    FakeProvider op;

    @BeforeEach
    void start() throws Exception {
        op = new FakeProvider();
    }

    @AfterEach
    void stop() {
        op.close();
    }

    private List<OutcomeCode> failed(UnaryOperator<Map<String, Object>> idClaims) throws Exception {
        op.idClaims = idClaims;
        try (OidcClient c = client(op).build()) {
            LoginException e = org.junit.jupiter.api.Assertions.assertThrows(LoginException.class, () -> login(c));
            assertThat(e.failure()).isEmpty();
            assertThat(e.getMessage()).doesNotContain(FakeProvider.SUB);
            return codes(e);
        }
    }

    @Test
    @DisplayName("rp-response_type-code, rp-scope-userinfo-claims: code flow, scopes asked, userinfo claims")
    void codeFlowWithUserInfo() throws Exception {
        try (OidcClient c = client(op).scopes("profile").build()) {
            Login login = login(c);
            UserInfo info = c.userInfo(login).orElseThrow();
            assertThat(info.claims()).containsEntry("name", "张三");
            assertThat(info.signed()).isFalse();
            assertThat(info.toString()).doesNotContain("张三").doesNotContain(FakeProvider.SUB);
        }
    }

    @Test
    @DisplayName("rp-nonce-invalid: an ID token with another nonce is NONCE_MISMATCH")
    void nonceInvalid() throws Exception {
        assertThat(failed(m -> {
            m.put("nonce", "aaaaaaaaaaaaaaaaaaaaaa");
            return m;
        })).containsExactly(OutcomeCode.NONCE_MISMATCH);
    }

    @Test
    @DisplayName("rp-nonce-unless-code-flow: the nonce is always sent, and an ID token without it is MISSING_CLAIM")
    void nonceAlwaysSentAndRequired() throws Exception {
        assertThat(failed(m -> {
            m.remove("nonce");
            return m;
        })).containsExactly(OutcomeCode.MISSING_CLAIM);
    }

    @Test
    @DisplayName("rp-id_token-issuer-mismatch, rp-id_token-aud, rp-id_token-sub, rp-id_token-iat: from the token endpoint too")
    void idTokenClaims() throws Exception {
        assertThat(failed(m -> {
            m.put("iss", "https://evil.example/op");
            return m;
        })).containsExactly(OutcomeCode.UNTRUSTED_ISSUER);
        assertThat(failed(m -> {
            m.put("aud", "other-client");
            return m;
        })).contains(OutcomeCode.AUDIENCE_MISMATCH);
        assertThat(failed(m -> {
            m.remove("sub");
            return m;
        })).containsExactly(OutcomeCode.MISSING_CLAIM);
        assertThat(failed(m -> {
            m.remove("iat");
            return m;
        })).containsExactly(OutcomeCode.MISSING_CLAIM);
        assertThat(failed(m -> {
            m.put("exp", Instant.now().minusSeconds(3600).getEpochSecond());
            return m;
        })).containsExactly(OutcomeCode.EXPIRED);
    }

    @Test
    @DisplayName("rp-id_token-at_hash: an at_hash of another access token is INVALID_CLAIM")
    void accessTokenHash() throws Exception {
        assertThat(failed(m -> {
            m.put("at_hash", "AAAAAAAAAAAAAAAAAAAAAA");
            return m;
        })).containsExactly(OutcomeCode.INVALID_CLAIM);
    }

    @Test
    @DisplayName("rp-id_token-bad-sig-es256: signed by another key under the provider's kid is SIGNATURE_INVALID")
    void badSignature() throws Exception {
        SigningKey real = op.key;
        op.published = List.of(real);
        op.key = SigningKey.generate(JwsAlgorithm.ES256).withKeyId("k1");
        try (OidcClient c = client(op).build()) {
            LoginException e = org.junit.jupiter.api.Assertions.assertThrows(LoginException.class, () -> login(c));
            assertThat(codes(e)).containsExactly(OutcomeCode.SIGNATURE_INVALID);
        }
    }

    @Test
    @DisplayName("rp-id_token-sig-none: an unsigned ID token from the token endpoint is refused")
    void unsigned() throws Exception {
        op.tokenResponse = m -> {
            String t = (String) m.get("id_token");
            String payload = t.split("\\.")[1];
            m.put("id_token", Base64.getUrlEncoder().withoutPadding().encodeToString(
                    "{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "." + payload + ".");
            return m;
        };
        try (OidcClient c = client(op).build()) {
            LoginException e = org.junit.jupiter.api.Assertions.assertThrows(LoginException.class, () -> login(c));
            assertThat(e.failure()).isEmpty();
            assertThat(codes(e)).isNotEmpty().doesNotContain(OutcomeCode.NONCE_MISMATCH);
        }
    }

    @Test
    @DisplayName("rp-id_token-sig-sgd_sm3_sm2: a provider signing with SM2 (nimbus cannot; the SDK does)")
    void sm2() throws Exception {
        op.key = SigningKey.generate(JwsAlgorithm.SGD_SM3_SM2).withKeyId("sm2-1");
        try (OidcClient c = client(op).build()) {
            assertThat(login(c).idToken().subject()).isEqualTo(FakeProvider.SUB);
        }
    }

    @Test
    @DisplayName("rp-id_token-kid-absent-single-jwks / -multiple-jwks: without kid the keys of the alg are tried")
    void kidAbsent() throws Exception {
        SigningKey noKid = SigningKey.generate(JwsAlgorithm.ES256);
        op.key = noKid;
        try (OidcClient c = client(op).build()) {
            assertThat(login(c)).isNotNull();
        }
        op.published = List.of(SigningKey.generate(JwsAlgorithm.ES256), noKid);
        try (OidcClient c = client(op).build()) {
            assertThat(login(c)).isNotNull();
        }
    }

    @Test
    @DisplayName("rp-id_token-typ: an ID token typed as an RNAT or logout token is WRONG_TYPE")
    void typed() throws Exception {
        op.idTokenType = "logout+jwt";
        try (OidcClient c = client(op).build()) {
            LoginException e = org.junit.jupiter.api.Assertions.assertThrows(LoginException.class, () -> login(c));
            assertThat(codes(e)).containsExactly(OutcomeCode.WRONG_TYPE);
        }
    }

    @Test
    @DisplayName("rp-key-rotation-op-sign-key: a new provider key is fetched once and used; random kids cause no fetch storm")
    void keyRotation() throws Exception {
        ProviderFailuresTest.MutableClock clock = new ProviderFailuresTest.MutableClock(Instant.now());
        try (OidcClient c = client(op).clock(clock).build()) {
            login(c);
            assertThat(op.hits("/op/jwks")).isOne();
            op.key = SigningKey.generate(JwsAlgorithm.ES256).withKeyId("k2");
            // within 30 s of the last fetch a key not held is not fetched (L2)
            LoginException e = org.junit.jupiter.api.Assertions.assertThrows(LoginException.class, () -> login(c));
            assertThat(codes(e)).containsExactly(OutcomeCode.UNKNOWN_KEY);
            for (int i = 0; i < 5; i++) {
                op.key = SigningKey.generate(JwsAlgorithm.ES256).withKeyId("random-" + i);
                org.junit.jupiter.api.Assertions.assertThrows(LoginException.class, () -> login(c));
            }
            assertThat(op.hits("/op/jwks")).isOne();
            clock.now = clock.now.plusSeconds(31);
            op.key = SigningKey.generate(JwsAlgorithm.ES256).withKeyId("k3");
            assertThat(login(c)).isNotNull();
            assertThat(op.hits("/op/jwks")).isEqualTo(2);
        }
    }

    @Test
    @DisplayName("keys published with use 'enc' never verify a signature")
    void encryptionKeysAreNotSignatureKeys() throws Exception {
        String jwks = op.jwks();
        op.on("/op/jwks", ex -> FakeProvider.respond(ex, 200, "application/json",
                jwks.replace("\"kty\"", "\"use\":\"enc\",\"kty\"").replace("\"use\":\"sig\",", "")));
        try (OidcClient c = client(op).build()) {
            LoginException e = org.junit.jupiter.api.Assertions.assertThrows(LoginException.class, () -> login(c));
            assertThat(codes(e)).contains(OutcomeCode.UNKNOWN_KEY);
        }
    }

    @Test
    @DisplayName("a hanging jwks_uri ends the login within the exchange deadline: UNKNOWN_KEY naming the failure")
    void hangingKeySet() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        op.on("/op/jwks", ex -> {
            try {
                never.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try (OidcClient c = client(op).exchangeTimeout(Duration.ofMillis(500)).build()) {
            long t0 = System.nanoTime();
            LoginException e = org.junit.jupiter.api.Assertions.assertThrows(LoginException.class, () -> login(c));
            assertThat(codes(e)).containsExactly(OutcomeCode.UNKNOWN_KEY);
            assertThat(e.getMessage()).contains("/op/jwks");
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(4));
        } finally {
            never.countDown();
        }
    }

    @Test
    @DisplayName("rp-userinfo-bad-sub-claim: a userinfo response about someone else is INVALID_CLAIM, none of it used")
    void userInfoBadSub() throws Exception {
        op.userInfo = m -> {
            m.put("sub", "someone-else");
            return m;
        };
        try (OidcClient c = client(op).build()) {
            Login login = login(c);
            LoginException e = org.junit.jupiter.api.Assertions.assertThrows(LoginException.class,
                    () -> c.userInfo(login));
            assertThat(codes(e)).containsExactly(OutcomeCode.INVALID_CLAIM);
            assertThat(e.getMessage()).doesNotContain("someone-else");
        }
    }

    @Test
    @DisplayName("rp-userinfo-bearer-header: the access token goes in the Authorization header, never the URL")
    void userInfoBearerHeader() throws Exception {
        try (OidcClient c = client(op).build()) {
            Login login = login(c);
            c.userInfo(login);
            assertThat(op.userInfoAuthorizations).containsExactly("Bearer " + login.accessToken());
        }
    }

    @Test
    @DisplayName("rp-userinfo-sig: a signed userinfo response is verified with the provider's keys")
    void userInfoSigned() throws Exception {
        op.userInfoSigned = true;
        try (OidcClient c = client(op).build()) {
            Login login = login(c);
            UserInfo info = c.userInfo(login).orElseThrow();
            assertThat(info.signed()).isTrue();
            assertThat(info.claims()).containsEntry("name", "张三");
            op.userInfo = m -> {
                m.put("sub", "someone-else");
                return m;
            };
            assertThatThrownBy(() -> c.userInfo(login)).isInstanceOfSatisfying(LoginException.class,
                    e -> assertThat(codes(e)).containsExactly(OutcomeCode.INVALID_CLAIM));
            op.userInfo = m -> m;
            SigningKey real = op.key;
            op.published = List.of(real);
            op.key = SigningKey.generate(JwsAlgorithm.ES256).withKeyId(real.keyId().orElseThrow());
            assertThatThrownBy(() -> c.userInfo(login)).isInstanceOfSatisfying(LoginException.class,
                    e -> assertThat(codes(e)).containsExactly(OutcomeCode.SIGNATURE_INVALID));
        }
    }

    @Test
    @DisplayName("userinfo errors: a refused token names the Bearer error; HTML is PROVIDER_RESPONSE_INVALID; none: empty")
    void userInfoErrors() throws Exception {
        try (OidcClient c = client(op).build()) {
            Login login = login(c);
            op.on("/op/userinfo", ex -> {
                ex.getResponseHeaders().set("WWW-Authenticate", "Bearer error=\"invalid_token\"");
                FakeProvider.respond(ex, 401, null, "");
            });
            assertThatThrownBy(() -> c.userInfo(login)).isInstanceOfSatisfying(LoginException.class,
                    e -> assertThat(e.failure()).contains(LoginFailure.PROVIDER_RESPONSE_INVALID))
                    .hasMessageContaining("HTTP 401").hasMessageContaining("invalid_token");
            op.on("/op/userinfo", ex -> FakeProvider.respond(ex, 200, "text/html", "<html></html>"));
            assertThatThrownBy(() -> c.userInfo(login)).isInstanceOfSatisfying(LoginException.class,
                    e -> assertThat(e.failure()).contains(LoginFailure.PROVIDER_RESPONSE_INVALID));
            op.on("/op/userinfo", ex -> FakeProvider.respond(ex, 503, "text/plain", "down"));
            assertThatThrownBy(() -> c.userInfo(login)).isInstanceOfSatisfying(LoginException.class,
                    e -> assertThat(e.failure()).contains(LoginFailure.PROVIDER_UNAVAILABLE));
        }
        op.discovery = m -> {
            m.remove("userinfo_endpoint");
            return m;
        };
        try (OidcClient c = client(op).build()) {
            assertThat(c.userInfo(login(c))).isEmpty();
        }
    }

    @Test
    @DisplayName("an ID token from the token endpoint of a pinned or trust-list key set is checked the same way")
    void pinnedKeys() throws Exception {
        try (OidcClient c = client(op).keys(org.zwfw.sdk.crypto.KeySet.parse(op.jwks())).build()) {
            assertThat(login(c)).isNotNull();
        }
        assertThat(op.hits("/op/jwks")).isZero();
        try (OidcClient c = client(op).keys(org.zwfw.sdk.crypto.KeySet.of(
                SigningKey.generate(JwsAlgorithm.ES256).withKeyId("k1").verificationKey())).build()) {
            LoginException e = org.junit.jupiter.api.Assertions.assertThrows(LoginException.class, () -> login(c));
            assertThat(codes(e)).containsExactly(OutcomeCode.SIGNATURE_INVALID);
        }
    }
}
