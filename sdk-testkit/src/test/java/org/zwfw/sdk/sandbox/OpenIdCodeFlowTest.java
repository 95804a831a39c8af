package org.zwfw.sdk.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.rnat.issuer.PairwiseSubject;

/**
 * The authorization-code flow of the sandbox's OpenID provider over real HTTP (spec/sandbox.md
 * §10.4): a non-interactive login with PKCE, the ID token's claims and signature, and every way a
 * code exchange is refused.
 */
class OpenIdCodeFlowTest {

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

    @Test
    void theCodeFlowWithPkceGivesAVerifiableIdToken() {
        Map<String, String> redirect = Oidc.redirectParams(Http.get(Oidc.authorizeUri(op, "sandbox-web",
                "login_hint", "sandbox:l3")));
        assertThat(redirect.get("_base")).isEqualTo(Oidc.REDIRECT);
        assertThat(redirect.get("state")).isEqualTo("st-123");
        assertThat(redirect.get("iss")).isEqualTo(op.issuer().toString());
        assertThat(redirect.get("code")).matches("[A-Za-z0-9_-]{43}");

        Http.Reply r = Oidc.exchangeCode(op, "sandbox-web", redirect.get("code"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonNode t = r.json();
        assertThat(t.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(t.get("expires_in").asInt()).isEqualTo(600);
        assertThat(t.get("scope").asText()).isEqualTo("openid");
        assertThat(t.get("refresh_token").asText()).hasSize(43);

        String idToken = t.get("id_token").asText();
        assertThat(Oidc.header(idToken)).containsEntry("alg", "RS256").containsEntry("typ", "JWT");
        Map<String, Object> c = Oidc.verify(op, idToken);
        assertThat(c).containsEntry("iss", op.issuer().toString()).containsEntry("aud", "sandbox-web")
                .containsEntry("nonce", "n-456").containsEntry("acr", "urn:zwfw:rn:L3")
                .containsEntry("amr", List.of("sms", "face")).containsKeys("auth_time", "sid", "iat", "exp")
                .doesNotContainKey("verified_claims");
        assertThat(((Number) c.get("exp")).longValue() - ((Number) c.get("iat")).longValue()).isEqualTo(600);
        assertThat(c.get("at_hash")).isEqualTo(leftHalf("SHA-256", t.get("access_token").asText()));
        // the pairwise sub of spec/realname-token.md §7, for the sector client:sandbox-web
        assertThat(((String) c.get("sub"))).hasSize(43).isNotEqualTo(Oidc.verify(op, Oidc.login(op, "sandbox-service",
                "l3").get("id_token").asText()).get("sub"));
    }

    @Test
    void theSameCitizenHasTheSameSubInOneSectorAndAnotherInTheNext() {
        String a = (String) Oidc.verify(op, Oidc.login(op, "sandbox-web", "l2").get("id_token").asText()).get("sub");
        String b = (String) Oidc.verify(op, Oidc.login(op, "sandbox-web", "l2").get("id_token").asText()).get("sub");
        String other = (String) Oidc.verify(op, Oidc.login(op, "sandbox-service", "l2").get("id_token").asText())
                .get("sub");
        assertThat(a).isEqualTo(b).isNotEqualTo(other);
    }

    @Test
    void everyCitizenLogsInAtTheirOwnLevelWhateverWasAskedFor() {
        for (TestCitizen citizen : TestCitizen.values()) {
            JsonNode t = Oidc.login(op, "sandbox-web", citizen.slug(), "acr_values", "urn:zwfw:rn:L4");
            Map<String, Object> c = Oidc.verify(op, t.get("id_token").asText());
            assertThat(c.get("acr")).isEqualTo(citizen.level().acr());
            assertThat(c.get("amr")).isEqualTo(citizen.methods());
        }
    }

    @Test
    void releaseTiersNeedEntitlementAndScope() {
        JsonNode t = Oidc.login(op, "sandbox-web", "l3", "scope", "openid rn_masked rn_identity");
        assertThat(t.get("scope").asText()).as("sandbox-web is entitled to rn_masked only").isEqualTo("openid rn_masked");
        Map<String, Object> c = Oidc.verify(op, t.get("id_token").asText());
        @SuppressWarnings("unchecked")
        Map<String, Object> vc = (Map<String, Object>) c.get("verified_claims");
        assertThat(vc.get("claims")).isEqualTo(Map.of("id_number_masked", "33**************35",
                "phone_number_masked", "138****0003"));
        assertThat(vc.get("verification")).isEqualTo(Map.of("trust_framework", "cn_zwfw", "assurance_level", "L3",
                "time", "2025-06-01T09:00:00+08:00"));

        JsonNode s = Oidc.login(op, "sandbox-service", "l4", "scope", "openid rn_identity");
        @SuppressWarnings("unchecked")
        Map<String, Object> claims = (Map<String, Object>) ((Map<String, Object>) Oidc.verify(op,
                s.get("id_token").asText()).get("verified_claims")).get("claims");
        assertThat(claims).containsEntry("name", "周四").containsEntry("birthdate", "1966-09-08");
    }

    @Test
    void eachAlgorithmSignsItsAppsIdTokensWithItsOwnAtHash() throws Exception {
        for (JwsAlgorithm alg : List.of(JwsAlgorithm.ES256, JwsAlgorithm.EDDSA, JwsAlgorithm.SGD_SM3_SM2)) {
            try (Sandbox s = Sandbox.builder().apps(List.of(RegisteredApp.builder("app").redirectUris(
                    "http://127.0.0.1/callback").clientSecretBasic("0123456789abcdef-secret")
                    .idTokenSigningAlgorithm(alg).build())).start()) {
                OpenIdProvider p = s.openIdProvider();
                JsonNode t = Oidc.login(p, "app", "l1");
                String idToken = t.get("id_token").asText();
                assertThat(Oidc.header(idToken)).containsEntry("alg", alg.jwsName());
                String access = t.get("access_token").asText();
                String expected = alg == JwsAlgorithm.EDDSA ? leftHalf("SHA-512", access)
                        : alg == JwsAlgorithm.SGD_SM3_SM2 ? sm3LeftHalf(access) : leftHalf("SHA-256", access);
                assertThat(Oidc.verify(p, idToken)).containsEntry("at_hash", expected);
            }
        }
    }

    @Test
    void theSubIsThePairwiseSubjectOfTheSpec() {
        // two apps of one sector share sub; the derivation is PairwiseSubject's with the provider's key
        try (Sandbox s = Sandbox.builder().apps(List.of(
                RegisteredApp.builder("a").redirectUris("http://127.0.0.1/callback").clientSecretBasic(
                        "0123456789abcdef-secret").sectorIdentifier("portal.example.gov.cn").build(),
                RegisteredApp.builder("b").redirectUris("http://127.0.0.1/callback").clientSecretBasic(
                        "0123456789abcdef-secret").sectorIdentifier("portal.example.gov.cn").build())).start()) {
            OpenIdProvider p = s.openIdProvider();
            Object a = Oidc.verify(p, Oidc.login(p, "a", "l4").get("id_token").asText()).get("sub");
            Object b = Oidc.verify(p, Oidc.login(p, "b", "l4").get("id_token").asText()).get("sub");
            assertThat(a).isEqualTo(b);
            assertThat(PairwiseSubject.of(new byte[32]).derive("portal.example.gov.cn", TestCitizen.L4.residentId()))
                    .as("another key, another sub").isNotEqualTo(a);
        }
    }

    @Test
    void aWrongCodeVerifierIsInvalidGrantAndBurnsTheCode() {
        String code = Oidc.code(op, "sandbox-web", "l1");
        Http.Reply r = Oidc.token(op, Oidc.basic("sandbox-web", Oidc.secret(op, "sandbox-web")), Oidc.form(
                "grant_type", "authorization_code", "code", code, "redirect_uri", Oidc.REDIRECT, "code_verifier",
                Oidc.VERIFIER + "x"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/json");
        assertThat(r.json().get("error").asText()).isEqualTo("invalid_grant");
        assertThat(r.json().get("error_description").asText()).contains("PKCE").doesNotContain(code);
        assertThat(Oidc.exchangeCode(op, "sandbox-web", code).json().get("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void aCodeUsedTwiceIsRefusedAndRevokesWhatItGave() {
        String code = Oidc.code(op, "sandbox-web", "l2");
        JsonNode first = Oidc.exchangeCode(op, "sandbox-web", code).json();
        assertThat(Oidc.userinfo(op, first.get("access_token").asText()).status()).isEqualTo(200);
        Http.Reply second = Oidc.exchangeCode(op, "sandbox-web", code);
        assertThat(second.status()).isEqualTo(400);
        assertThat(second.json().get("error").asText()).isEqualTo("invalid_grant");
        assertThat(Oidc.userinfo(op, first.get("access_token").asText()).status()).as("revoked").isEqualTo(401);
        Http.Reply refresh = Oidc.token(op, Oidc.basic("sandbox-web", Oidc.secret(op, "sandbox-web")), Oidc.form(
                "grant_type", "refresh_token", "refresh_token", first.get("refresh_token").asText()));
        assertThat(refresh.json().get("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void aCodeIsBoundToItsRedirectUriAndClient() {
        String code = Oidc.code(op, "sandbox-web", "l2");
        Http.Reply r = Oidc.token(op, Oidc.basic("sandbox-web", Oidc.secret(op, "sandbox-web")), Oidc.form(
                "grant_type", "authorization_code", "code", code, "redirect_uri", "http://127.0.0.1:5556/callback",
                "code_verifier", Oidc.VERIFIER));
        assertThat(r.json().get("error").asText()).isEqualTo("invalid_grant");
        assertThat(r.json().get("error_description").asText()).contains("redirect_uri");

        String other = Oidc.code(op, "sandbox-web", "l2");
        Http.Reply stolen = Oidc.exchangeCode(op, "sandbox-service", other);
        assertThat(stolen.json().get("error").asText()).isEqualTo("invalid_grant");
        assertThat(Oidc.exchangeCode(op, "sandbox-web", other).status()).as("not burnt by another client")
                .isEqualTo(200);
    }

    @Test
    void anUnregisteredRedirectUriOrUnknownClientIsNeverRedirected() {
        Http.Reply r = Http.get(Oidc.authorizeUri(op, "sandbox-web", "redirect_uri", "https://evil.example/cb",
                "login_hint", "sandbox:l1"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.headers().firstValue("Location")).isEmpty();
        assertThat(r.contentType()).isEqualTo("application/problem+json");
        assertThat(r.json().get("type").asText()).isEqualTo("urn:zwfw:sandbox:problem:invalid-authorization-request");

        Http.Reply path = Http.get(Oidc.authorizeUri(op, "sandbox-web", "redirect_uri",
                "http://127.0.0.1:5555/callback/../evil"));
        assertThat(path.status()).isEqualTo(400);

        Http.Reply unknown = Http.get(Oidc.authorizeUri(op, "nobody", "login_hint", "sandbox:l1"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("detail").asText()).contains("client_id");
    }

    @Test
    void otherFaultsAreRedirectedWithStateAndIss() {
        Map<String, String> noPkce = Oidc.redirectParams(Http.get(Oidc.authorizeUri(op, "sandbox-web",
                "code_challenge", null, "login_hint", "sandbox:l1")));
        assertThat(noPkce).containsEntry("error", "invalid_request").containsEntry("state", "st-123")
                .containsEntry("iss", op.issuer().toString()).doesNotContainKey("code");
        assertThat(Oidc.redirectParams(Http.get(Oidc.authorizeUri(op, "sandbox-web", "code_challenge_method",
                "plain")))).containsEntry("error", "invalid_request");
        assertThat(Oidc.redirectParams(Http.get(Oidc.authorizeUri(op, "sandbox-web", "response_type", "token"))))
                .containsEntry("error", "unsupported_response_type");
        assertThat(Oidc.redirectParams(Http.get(Oidc.authorizeUri(op, "sandbox-web", "scope", "profile"))))
                .containsEntry("error", "invalid_scope");
        assertThat(Oidc.redirectParams(Http.get(Oidc.authorizeUri(op, "sandbox-web", "prompt", "none"))))
                .containsEntry("error", "login_required");
        assertThat(Oidc.redirectParams(Http.get(Oidc.authorizeUri(op, "sandbox-web", "login_hint", "sandbox:deny"))))
                .containsEntry("error", "access_denied").containsEntry("state", "st-123");
        assertThat(Oidc.redirectParams(Http.get(Oidc.authorizeUri(op, "sandbox-web", "request", "eyJ.x.y"))))
                .containsEntry("error", "request_not_supported");
    }

    @Test
    void unknownClientsAndBadSecretsAreInvalidClient() {
        String code = Oidc.code(op, "sandbox-web", "l1");
        String body = Oidc.form("grant_type", "authorization_code", "code", code, "redirect_uri", Oidc.REDIRECT,
                "code_verifier", Oidc.VERIFIER);
        String secret = Oidc.secret(op, "sandbox-web");
        for (String auth : new String[] {Oidc.basic("sandbox-web", secret + "x"), Oidc.basic("nobody", secret),
            Oidc.basic("sandbox-web", ""), "Basic !!!", "Bearer " + secret}) {
            Http.Reply r = Oidc.token(op, auth, body);
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.json().get("error").asText()).isEqualTo("invalid_client");
            assertThat(r.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v)
                    .startsWith("Basic"));
            assertThat(r.body()).doesNotContain(secret).doesNotContain(code);
        }
        Http.Reply post = Oidc.token(op, null, body + "&client_id=sandbox-web&client_secret=" + Oidc.enc(secret));
        assertThat(post.json().get("error").asText()).isEqualTo("invalid_client");
        assertThat(post.body()).contains("client_secret_post").doesNotContain(secret);
        Http.Reply none = Oidc.token(op, null, body + "&client_id=sandbox-web");
        assertThat(none.json().get("error").asText()).as("a confidential client must authenticate")
                .isEqualTo("invalid_client");
        assertThat(Oidc.token(op, null, body).json().get("error").asText()).isEqualTo("invalid_client");
        assertThat(Oidc.exchangeCode(op, "sandbox-web", code).status()).as("the code survived the failures")
                .isEqualTo(200);
    }

    @Test
    void aPublicClientUsesPkceAlone() {
        String code = Oidc.code(op, "sandbox-native", "l2");
        Http.Reply r = Oidc.token(op, null, Oidc.form("grant_type", "authorization_code", "code", code,
                "redirect_uri", Oidc.REDIRECT, "code_verifier", Oidc.VERIFIER, "client_id", "sandbox-native"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(Oidc.verify(op, r.json().get("id_token").asText())).containsEntry("aud", "sandbox-native");
    }

    @Test
    void refreshRotatesAndAReusedRefreshTokenRevokesTheFamily() {
        JsonNode first = Oidc.login(op, "sandbox-web", "l4");
        String auth = Oidc.basic("sandbox-web", Oidc.secret(op, "sandbox-web"));
        Http.Reply r = Oidc.token(op, auth, Oidc.form("grant_type", "refresh_token", "refresh_token",
                first.get("refresh_token").asText()));
        assertThat(r.status()).isEqualTo(200);
        JsonNode second = r.json();
        assertThat(second.get("refresh_token").asText()).isNotEqualTo(first.get("refresh_token").asText());
        Map<String, Object> a = Oidc.verify(op, first.get("id_token").asText());
        Map<String, Object> b = Oidc.verify(op, second.get("id_token").asText());
        assertThat(b.get("sub")).isEqualTo(a.get("sub"));
        assertThat(b.get("auth_time")).isEqualTo(a.get("auth_time"));
        assertThat(b.get("sid")).isEqualTo(a.get("sid"));
        assertThat(b).doesNotContainKey("nonce");
        assertThat(Oidc.userinfo(op, second.get("access_token").asText()).status()).isEqualTo(200);

        Http.Reply reuse = Oidc.token(op, auth, Oidc.form("grant_type", "refresh_token", "refresh_token",
                first.get("refresh_token").asText()));
        assertThat(reuse.json().get("error").asText()).isEqualTo("invalid_grant");
        assertThat(Oidc.userinfo(op, second.get("access_token").asText()).status()).as("successor revoked")
                .isEqualTo(401);
        assertThat(Oidc.token(op, auth, Oidc.form("grant_type", "refresh_token", "refresh_token",
                second.get("refresh_token").asText())).json().get("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void userinfoAnswersJsonOrASignedJwt() {
        JsonNode t = Oidc.login(op, "sandbox-web", "l3", "scope", "openid rn_masked");
        Http.Reply json = Oidc.userinfo(op, t.get("access_token").asText());
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.contentType()).startsWith("application/json");
        Map<String, Object> id = Oidc.verify(op, t.get("id_token").asText());
        assertThat(json.json().get("sub").asText()).isEqualTo(id.get("sub"));
        assertThat(json.json().at("/verified_claims/claims/id_number_masked").asText()).isEqualTo("33**************35");

        Http.Reply post = Http.send(HttpRequest.newBuilder(op.userinfoEndpoint()).header("Authorization", "Bearer "
                + t.get("access_token").asText()).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(post.status()).isEqualTo(200);

        try (Sandbox s = Sandbox.builder().apps(List.of(RegisteredApp.builder("signed").redirectUris(
                "http://127.0.0.1/callback").clientSecretBasic("0123456789abcdef-secret")
                .userinfoSigningAlgorithm(JwsAlgorithm.SGD_SM3_SM2).build())).start()) {
            OpenIdProvider p = s.openIdProvider();
            JsonNode st = Oidc.login(p, "signed", "l2");
            Http.Reply jwt = Oidc.userinfo(p, st.get("access_token").asText());
            assertThat(jwt.contentType()).isEqualTo("application/jwt");
            assertThat(Oidc.header(jwt.body())).containsEntry("alg", "SGD_SM3_SM2");
            assertThat(Oidc.verify(p, jwt.body())).containsEntry("iss", p.issuer().toString())
                    .containsEntry("aud", "signed").containsEntry("sub", Oidc.verify(p, st.get("id_token").asText())
                    .get("sub"));
        }
    }

    @Test
    void userinfoRefusesMissingUnknownAndQueryTokens() {
        Http.Reply none = Http.get(op.userinfoEndpoint());
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v)
                .startsWith("Bearer"));
        Http.Reply unknown = Oidc.userinfo(op, "not-a-token");
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("error=\"invalid_token\"");
        Http.Reply query = Http.get(java.net.URI.create(op.userinfoEndpoint() + "?access_token=abc"));
        assertThat(query.status()).isEqualTo(400);
        assertThat(query.json().get("error").asText()).isEqualTo("invalid_request");
        Http.Reply body = Http.send(HttpRequest.newBuilder(op.userinfoEndpoint()).header("Content-Type",
                "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("access_token=abc")));
        assertThat(body.status()).isEqualTo(400);
        assertThat(body.json().get("error").asText()).isEqualTo("invalid_request");
    }

    @Test
    void theDiscoveryDocumentNamesEveryEndpointAndCapability() {
        Http.Reply r = Http.get(op.discoveryUri());
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/json");
        JsonNode d = r.json();
        String iss = op.issuer().toString();
        assertThat(iss).isEqualTo(sandbox.baseUri() + "/oidc");
        assertThat(d.get("issuer").asText()).isEqualTo(iss);
        assertThat(d.get("authorization_endpoint").asText()).isEqualTo(iss + "/authorize");
        assertThat(d.get("token_endpoint").asText()).isEqualTo(iss + "/token");
        assertThat(d.get("userinfo_endpoint").asText()).isEqualTo(iss + "/userinfo");
        assertThat(d.get("jwks_uri").asText()).isEqualTo(iss + "/jwks.json");
        assertThat(d.get("end_session_endpoint").asText()).isEqualTo(iss + "/logout");
        assertThat(texts(d, "response_types_supported")).containsExactly("code");
        assertThat(texts(d, "code_challenge_methods_supported")).containsExactly("S256");
        assertThat(texts(d, "subject_types_supported")).containsExactly("pairwise");
        assertThat(texts(d, "id_token_signing_alg_values_supported")).contains("RS256", "ES256", "EdDSA",
                "SGD_SM3_SM2");
        assertThat(texts(d, "token_endpoint_auth_methods_supported")).containsExactly("client_secret_basic",
                "private_key_jwt", "none");
        assertThat(texts(d, "grant_types_supported")).contains("urn:ietf:params:oauth:grant-type:token-exchange");
        assertThat(texts(d, "acr_values_supported")).containsExactly("urn:zwfw:rn:L1", "urn:zwfw:rn:L2",
                "urn:zwfw:rn:L3", "urn:zwfw:rn:L4");
        assertThat(d.get("authorization_response_iss_parameter_supported").asBoolean()).isTrue();
        assertThat(d.get("backchannel_logout_supported").asBoolean()).isTrue();
        assertThat(d.get("request_uri_parameter_supported").asBoolean()).isFalse();
        assertThat(texts(d, "trust_frameworks_supported")).containsExactly("cn_zwfw");

        JsonNode index = Http.get(sandbox.indexUri()).json().get("openid_provider");
        assertThat(index.get("issuer").asText()).isEqualTo(iss);
        assertThat(texts(index, "apps")).containsExactly("sandbox-web", "sandbox-native", "sandbox-service");
        assertThat(index.get("citizens")).hasSize(4);
    }

    @Test
    void theJwksHasEverySigningKeyTheRsaOneWithoutAlgAndAnEncKey() {
        JsonNode keys = Http.get(op.jwksUri()).json().get("keys");
        assertThat(keys).hasSize(6);
        JsonNode rsa = keys.get(0);
        assertThat(rsa.get("kty").asText()).isEqualTo("RSA");
        assertThat(rsa.has("alg")).isFalse();
        assertThat(rsa.get("use").asText()).isEqualTo("sig");
        long enc = 0;
        for (JsonNode k : keys) {
            assertThat(k.has("d")).isFalse();
            enc += k.get("use").asText().equals("enc") ? 1 : 0;
        }
        assertThat(enc).isEqualTo(1);
    }

    @Test
    void theLoginPageListsTheCitizensAndItsFormLogsIn() {
        Http.Reply page = Http.get(Oidc.authorizeUri(op, "sandbox-web", "acr_values", "urn:zwfw:rn:L3"));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("default-src 'none'");
        assertThat(page.body()).contains("赵一", "钱二", "孙三", "周四", "below the level asked for", "deny")
                .doesNotContain("<script");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"pending\" value=\"([^\"]+)\"")
                .matcher(page.body());
        assertThat(m.find()).isTrue();
        String pending = m.group(1);
        Http.Reply answer = Http.send(HttpRequest.newBuilder(op.authorizationEndpoint()).header("Content-Type",
                "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("pending=" + pending
                + "&citizen=l4")));
        Map<String, String> redirect = Oidc.redirectParams(answer);
        assertThat(Oidc.exchangeCode(op, "sandbox-web", redirect.get("code")).status()).isEqualTo(200);
        Http.Reply again = Http.send(HttpRequest.newBuilder(op.authorizationEndpoint()).header("Content-Type",
                "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("pending=" + pending
                + "&citizen=l4")));
        assertThat(again.status()).as("a login page is answered once").isEqualTo(400);
    }

    private static List<String> texts(JsonNode n, String member) {
        List<String> out = new java.util.ArrayList<>();
        n.get(member).forEach(v -> out.add(v.asText()));
        return out;
    }

    static String leftHalf(String hash, String token) {
        try {
            byte[] h = MessageDigest.getInstance(hash).digest(token.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(h, h.length / 2));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String sm3LeftHalf(String token) {
        byte[] in = token.getBytes(StandardCharsets.US_ASCII);
        SM3Digest d = new SM3Digest();
        d.update(in, 0, in.length);
        byte[] h = new byte[32];
        d.doFinal(h, 0);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(h, 16));
    }
}
