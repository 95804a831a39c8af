package org.zwfw.sdk.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.crypto.JwsBuilder;
import org.zwfw.sdk.crypto.KeySet;
import org.zwfw.sdk.crypto.SigningKey;
import org.zwfw.sdk.rnat.AssuranceLevel;
import org.zwfw.sdk.rnat.RealNameToken;
import org.zwfw.sdk.rnat.RnatVerifier;
import org.zwfw.sdk.verify.OutcomeCode;
import org.zwfw.sdk.verify.VerificationResult;

/**
 * private_key_jwt client authentication (ES256 and SGD_SM3_SM2, assertions single use) and token
 * exchange to an RNAT for another audience (spec/realname-token.md §14), checked with the SDK's
 * {@link RnatVerifier}.
 */
class OpenIdClientsTest {

    private static final SigningKey ES256 = SigningKey.generate(JwsAlgorithm.ES256);
    private static final SigningKey SM2 = SigningKey.generate(JwsAlgorithm.SGD_SM3_SM2);
    private static Sandbox sandbox;
    private static OpenIdProvider op;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.builder().apps(List.of(
                RegisteredApp.builder("portal-es").redirectUris("http://127.0.0.1/callback")
                        .privateKeyJwt(KeySet.of(ES256.verificationKey())).entitlements("rn_masked")
                        .rnatAudiences("service").build(),
                RegisteredApp.builder("portal-sm2").redirectUris("http://127.0.0.1/callback")
                        .privateKeyJwt(KeySet.of(SM2.verificationKey())).idTokenSigningAlgorithm(JwsAlgorithm.SGD_SM3_SM2)
                        .build(),
                RegisteredApp.builder("service").redirectUris("https://service.example.gov.cn/cb")
                        .clientSecretBasic("service-secret-0123456789").entitlements("rn_masked", "rn_identity").build(),
                RegisteredApp.builder("native").redirectUris("http://127.0.0.1/callback").publicClient()
                        .rnatAudiences("service").build())).start();
        op = sandbox.openIdProvider();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    static String assertion(SigningKey key, String clientId, Object aud, long lifetime, String jti) {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("iss", clientId);
        c.put("sub", clientId);
        c.put("aud", aud);
        c.put("jti", jti);
        c.put("iat", now);
        c.put("exp", now + lifetime);
        return JwsBuilder.signedWith(key).type("client-authentication+jwt").claims(c).sign();
    }

    private static Http.Reply codeWithAssertion(String clientId, String code, String assertion) {
        return Oidc.token(op, null, Oidc.form("grant_type", "authorization_code", "code", code, "redirect_uri",
                Oidc.REDIRECT, "code_verifier", Oidc.VERIFIER, "client_assertion_type",
                "urn:ietf:params:oauth:client-assertion-type:jwt-bearer", "client_assertion", assertion));
    }

    @Test
    void es256AndSm2ClientAssertionsAuthenticateOnce() {
        for (Object[] c : new Object[][] {{"portal-es", ES256}, {"portal-sm2", SM2}}) {
            String id = (String) c[0];
            SigningKey key = (SigningKey) c[1];
            String assertion = assertion(key, id, op.issuer().toString(), 60, "jti-" + id);
            Http.Reply ok = codeWithAssertion(id, Oidc.code(op, id, "l2"), assertion);
            assertThat(ok.status()).as(id).isEqualTo(200);
            assertThat(Oidc.verify(op, ok.json().get("id_token").asText())).containsEntry("aud", id);

            Http.Reply replay = codeWithAssertion(id, Oidc.code(op, id, "l2"), assertion);
            assertThat(replay.status()).isEqualTo(401);
            assertThat(replay.json().get("error").asText()).isEqualTo("invalid_client");
            assertThat(replay.json().get("error_description").asText()).contains("used before");
        }
        // the token endpoint URL as audience (older clients) is accepted too
        assertThat(codeWithAssertion("portal-es", Oidc.code(op, "portal-es", "l1"), assertion(ES256, "portal-es",
                op.tokenEndpoint().toString(), 60, "jti-token-endpoint")).status()).isEqualTo(200);
    }

    @Test
    void badClientAssertionsAreInvalidClient() {
        String iss = op.issuer().toString();
        SigningKey stranger = SigningKey.generate(JwsAlgorithm.ES256);
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("another key", assertion(stranger.withKeyId(ES256.keyId().orElseThrow()), "portal-es", iss, 60, "b1"));
        bad.put("another audience", assertion(ES256, "portal-es", "https://elsewhere.example", 60, "b2"));
        bad.put("two audiences", assertion(ES256, "portal-es", List.of(iss, "x"), 60, "b3"));
        bad.put("too long a lifetime", assertion(ES256, "portal-es", iss, 3600, "b4"));
        bad.put("expired", assertion(ES256, "portal-es", iss, -120, "b5"));
        bad.put("an SM2 key of another client", assertion(SM2, "portal-es", iss, 60, "b6"));
        bad.put("garbage", "not.a.jwt");
        for (Map.Entry<String, String> e : bad.entrySet()) {
            Http.Reply r = codeWithAssertion("portal-es", Oidc.code(op, "portal-es", "l1"), e.getValue());
            assertThat(r.status()).as(e.getKey()).isEqualTo(401);
            assertThat(r.json().get("error").asText()).as(e.getKey()).isEqualTo("invalid_client");
        }
        String code = Oidc.code(op, "portal-es", "l1");
        Http.Reply both = Oidc.token(op, Oidc.basic("portal-es", "0123456789abcdef"), Oidc.form("grant_type",
                "authorization_code", "code", code, "redirect_uri", Oidc.REDIRECT, "code_verifier", Oidc.VERIFIER,
                "client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer", "client_assertion",
                assertion(ES256, "portal-es", iss, 60, "b7")));
        assertThat(both.json().get("error").asText()).as("two methods").isEqualTo("invalid_request");
    }

    @Test
    void tokenExchangeGivesAnRnatForTheAudienceThatTheSdkVerifies() {
        String code = Oidc.code(op, "portal-es", "l3");
        JsonNode tokens = codeWithAssertion("portal-es", code, assertion(ES256, "portal-es", op.issuer().toString(),
                60, "x1")).json();
        Http.Reply r = exchange("portal-es", "x2", tokens.get("id_token").asText(),
                "urn:ietf:params:oauth:token-type:id_token", "service", "rn_masked rn_identity");
        assertThat(r.status()).isEqualTo(200);
        JsonNode body = r.json();
        assertThat(body.get("issued_token_type").asText()).isEqualTo("urn:zwfw:token-type:rnat");
        assertThat(body.get("token_type").asText()).isEqualTo("N_A");
        assertThat(body.get("scope").asText()).isEqualTo("rn_masked rn_identity");
        assertThat(body.has("refresh_token")).isFalse();

        RnatVerifier verifier = RnatVerifier.builder().issuer(op.issuer().toString(), KeySet.parse(
                Http.get(op.jwksUri()).body())).audience("service").minimumLevel(AssuranceLevel.L3).build();
        VerificationResult<RealNameToken> v = verifier.verify(body.get("access_token").asText());
        assertThat(v.isValid()).as(v.errors().toString()).isTrue();
        RealNameToken t = v.value().orElseThrow();
        assertThat(t.audience()).isEqualTo("service");
        assertThat(t.clientId()).hasValue("portal-es");
        assertThat(t.level()).isEqualTo(AssuranceLevel.L3);
        assertThat(t.methods()).containsExactly("sms", "face");
        assertThat(t.verifiedClaims().orElseThrow().claims()).containsEntry("name", "孙三")
                .containsKey("id_number_masked");
        Map<String, Object> id = Oidc.verify(op, tokens.get("id_token").asText());
        assertThat(t.subject()).as("pairwise for the audience's sector").isNotEqualTo(id.get("sub"));
        assertThat(t.authTime().getEpochSecond()).isEqualTo(((Number) id.get("auth_time")).longValue());
        assertThat(verifier.verify(body.get("access_token").asText()).errors().get(0).code())
                .isEqualTo(OutcomeCode.REPLAYED);

        // the access token and an RNAT for the client itself are subject tokens too
        assertThat(exchange("portal-es", "x3", tokens.get("access_token").asText(),
                "urn:ietf:params:oauth:token-type:access_token", "service", null).status()).isEqualTo(200);
        JsonNode own = exchange("portal-es", "x4", tokens.get("access_token").asText(),
                "urn:ietf:params:oauth:token-type:access_token", "portal-es", null).json();
        assertThat(exchange("portal-es", "x5", own.get("access_token").asText(), "urn:zwfw:token-type:rnat",
                "service", "rn_masked").status()).isEqualTo(200);
    }

    @Test
    void tokenExchangeRefusals() {
        JsonNode tokens = codeWithAssertion("portal-es", Oidc.code(op, "portal-es", "l2"), assertion(ES256,
                "portal-es", op.issuer().toString(), 60, "y1")).json();
        String idToken = tokens.get("id_token").asText();
        String type = "urn:ietf:params:oauth:token-type:id_token";
        assertThat(exchange("portal-es", "y2", idToken, type, "portal-sm2", null).json().get("error").asText())
                .as("not among rnat_audiences").isEqualTo("invalid_target");
        assertThat(exchange("portal-es", "y3", idToken, type, "nobody", null).json().get("error").asText())
                .isEqualTo("invalid_target");
        assertThat(exchange("portal-es", "y4", idToken, type, "service", "rn_id_number").json().get("error").asText())
                .isEqualTo("invalid_scope");
        assertThat(exchange("portal-es", "y5", idToken + "x", type, "service", null).json().get("error").asText())
                .isEqualTo("invalid_grant");
        assertThat(exchange("portal-es", "y6", idToken, "urn:zwfw:token-type:rnat", "service", null).json()
                .get("error").asText()).as("of another type than stated").isEqualTo("invalid_grant");
        JsonNode otherClient = codeWithAssertion("portal-sm2", Oidc.code(op, "portal-sm2", "l2"), assertion(SM2,
                "portal-sm2", op.issuer().toString(), 60, "y7")).json();
        assertThat(exchange("portal-es", "y8", otherClient.get("id_token").asText(), type, "service", null).json()
                .get("error").asText()).as("issued to another client").isEqualTo("invalid_grant");
        Http.Reply actor = Oidc.token(op, null, Oidc.form("grant_type",
                "urn:ietf:params:oauth:grant-type:token-exchange", "requested_token_type", "urn:zwfw:token-type:rnat",
                "subject_token", idToken, "subject_token_type", type, "audience", "service", "actor_token", idToken,
                "client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                "client_assertion", assertion(ES256, "portal-es", op.issuer().toString(), 60, "y9")));
        assertThat(actor.json().get("error").asText()).isEqualTo("invalid_request");

        String nativeCode = Oidc.code(op, "native", "l2");
        JsonNode nativeTokens = Oidc.token(op, null, Oidc.form("grant_type", "authorization_code", "code", nativeCode,
                "redirect_uri", Oidc.REDIRECT, "code_verifier", Oidc.VERIFIER, "client_id", "native")).json();
        Http.Reply pub = Oidc.token(op, null, Oidc.form("grant_type",
                "urn:ietf:params:oauth:grant-type:token-exchange", "requested_token_type", "urn:zwfw:token-type:rnat",
                "subject_token", nativeTokens.get("id_token").asText(), "subject_token_type", type, "audience",
                "service", "client_id", "native"));
        assertThat(pub.json().get("error").asText()).isEqualTo("unauthorized_client");
    }

    private static Http.Reply exchange(String clientId, String jti, String subject, String type, String audience,
            String scope) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("grant_type", "urn:ietf:params:oauth:grant-type:token-exchange");
        p.put("requested_token_type", "urn:zwfw:token-type:rnat");
        p.put("subject_token", subject);
        p.put("subject_token_type", type);
        p.put("audience", audience);
        if (scope != null) {
            p.put("scope", scope);
        }
        p.put("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
        p.put("client_assertion", assertion(ES256, clientId, op.issuer().toString(), 60, jti));
        return Oidc.token(op, null, Oidc.form(p));
    }
}
