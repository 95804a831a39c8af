package org.zwfw.sdk.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.crypto.KeySet;
import org.zwfw.sdk.crypto.SigningKey;

/**
 * The OpenID provider's state (spec/sandbox.md §10.6): keys, pairwise key and default secrets
 * survive a restart, damaged or partial key files stop the start; and the rules of an apps file
 * (§10.3).
 */
class OpenIdStateAndAppsTest {

    @TempDir
    Path dir;

    private static String sub(OpenIdProvider op, String clientId) {
        return (String) Oidc.verify(op, Oidc.login(op, clientId, "l3").get("id_token").asText()).get("sub");
    }

    @Test
    void keysSubsAndSecretsSurviveARestart() {
        Path state = dir.resolve("state");
        String sub;
        String secret;
        String jwks;
        String oldToken;
        try (Sandbox s = Sandbox.builder().stateDirectory(state).start()) {
            OpenIdProvider op = s.openIdProvider();
            sub = sub(op, "sandbox-web");
            secret = Oidc.secret(op, "sandbox-web");
            oldToken = Oidc.login(op, "sandbox-web", "l1").get("id_token").asText();
            op.rotateKeys(false);
            jwks = Http.get(op.jwksUri()).body();
        }
        assertThat(state.resolve("keys/oidc-rsa.pem")).content().startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(state.resolve("keys/oidc-previous/oidc-rsa.pem")).exists();
        assertThat(state.resolve("keys/oidc-pairwise.key")).exists();
        assertThat(state.resolve("oidc-apps.json")).exists();
        try (Sandbox s = Sandbox.builder().stateDirectory(state).start()) {
            OpenIdProvider op = s.openIdProvider();
            assertThat(sub(op, "sandbox-web")).isEqualTo(sub);
            assertThat(Oidc.secret(op, "sandbox-web")).isEqualTo(secret);
            assertThat(Http.get(op.jwksUri()).body()).isEqualTo(jwks);
            Oidc.verify(op, oldToken);
        }
    }

    @Test
    void aDamagedOrMissingProviderKeyStopsTheStart() throws Exception {
        Path state = dir.resolve("state");
        try (Sandbox s = Sandbox.builder().stateDirectory(state).start()) {
            assertThat(s.openIdProvider()).isNotNull();
        }
        Path rsa = state.resolve("keys/oidc-rsa.pem");
        byte[] saved = Files.readAllBytes(rsa);
        Files.writeString(rsa, "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
        assertThatThrownBy(() -> Sandbox.builder().stateDirectory(state).start()).isInstanceOf(
                IllegalStateException.class).hasMessageContaining(rsa.toString()).hasMessageContaining("damaged");
        Files.write(rsa, saved);
        Path pairwise = state.resolve("keys/oidc-pairwise.key");
        Files.delete(pairwise);
        assertThatThrownBy(() -> Sandbox.builder().stateDirectory(state).start()).isInstanceOf(
                IllegalStateException.class).hasMessageContaining(pairwise.toString()).hasMessageContaining("sub");
        Files.writeString(pairwise, "c2hvcnQ\n");
        assertThatThrownBy(() -> Sandbox.builder().stateDirectory(state).start()).hasMessageContaining("32 bytes");
        Path secrets = state.resolve("oidc-apps.json");
        Files.writeString(pairwise, java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[32]));
        Files.writeString(secrets, "{\"format\": 1}");
        assertThatThrownBy(() -> Sandbox.builder().stateDirectory(state).start()).hasMessageContaining(
                secrets.toString());
    }

    @Test
    void aStateMadeBeforeTheProviderGetsItsKeys() throws Exception {
        Path state = dir.resolve("state");
        try (Sandbox s = Sandbox.builder().stateDirectory(state).start()) {
            assertThat(s.port()).isPositive();
        }
        try (var files = Files.list(state.resolve("keys"))) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith("oidc-")).toList()) {
                if (Files.isRegularFile(f)) {
                    Files.delete(f);
                }
            }
        }
        try (Sandbox s = Sandbox.builder().stateDirectory(state).start()) {
            assertThat(Oidc.login(s.openIdProvider(), "sandbox-web", "l2").has("id_token")).isTrue();
        }
        assertThat(state.resolve("keys/oidc-sm2.jwk")).exists();
    }

    @Test
    void anAppsFileReplacesTheDefaults() throws Exception {
        SigningKey key = SigningKey.generate(JwsAlgorithm.ES256).withKeyId("portal-1");
        Path file = dir.resolve("apps.json");
        Files.writeString(file, "{\"apps\": [{\"client_id\": \"portal-client\", \"name\": \"示例门户\","
                + " \"redirect_uris\": [\"https://portal.example.gov.cn/callback\", \"http://127.0.0.1/callback\"],"
                + " \"token_endpoint_auth_method\": \"private_key_jwt\", \"jwks\": "
                + KeySet.of(key.verificationKey()).toJson() + ", \"entitlements\": [\"rn_masked\"],"
                + " \"auto_login\": \"l3\"}]}", StandardCharsets.UTF_8);
        try (Sandbox s = Sandbox.builder().apps(file).start()) {
            OpenIdProvider op = s.openIdProvider();
            assertThat(op.apps()).extracting(RegisteredApp::clientId).containsExactly("portal-client");
            RegisteredApp app = op.app("portal-client").orElseThrow();
            assertThat(app.sectorIdentifier()).isEqualTo("portal.example.gov.cn");
            assertThat(app.idTokenSigningAlgorithm()).isEqualTo(JwsAlgorithm.RS256);
            // auto_login answers at once, without a login_hint
            Map<String, String> r = Oidc.redirectParams(Http.get(Oidc.authorizeUri(op, "portal-client")));
            assertThat(r).containsKey("code");
            JsonNode index = Http.get(s.indexUri()).json().at("/openid_provider/apps");
            assertThat(index.toString()).isEqualTo("[\"portal-client\"]");
        }
    }

    @Test
    void everyProblemOfAnAppsFileIsReportedWithoutItsSecret() throws Exception {
        Path file = dir.resolve("apps.json");
        Files.writeString(file, "{\"apps\": [{\"client_id\": \"a b\", \"redirect_uris\": [\"http://evil.example/cb\"],"
                + " \"token_endpoint_auth_method\": \"client_secret_basic\", \"client_secret\": \"short-secret\","
                + " \"colour\": \"red\", \"entitlements\": [\"everything\"], \"auto_login\": \"l7\"},"
                + " {\"client_id\": \"b\", \"redirect_uris\": [\"https://a.example/cb\", \"https://b.example/cb\"],"
                + " \"token_endpoint_auth_method\": \"private_key_jwt\", \"jwks\": {\"keys\": [{\"kty\": \"EC\","
                + " \"crv\": \"P-256\", \"x\": \"" + "A".repeat(43) + "\", \"y\": \"" + "A".repeat(43)
                + "\", \"d\": \"x\"}]}, \"rnat_audiences\": [\"nobody\"]}]}");
        assertThatThrownBy(() -> Sandbox.builder().apps(file).start()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("apps[0].client_id").hasMessageContaining("apps[0].redirect_uris[0]")
                .hasMessageContaining("apps[0].client_secret").hasMessageContaining("'colour'")
                .hasMessageContaining("apps[0].entitlements").hasMessageContaining("apps[0].auto_login")
                .hasMessageContaining("apps[1].sector_identifier").hasMessageContaining("apps[1].jwks.keys[0]")
                .message().doesNotContain("short-secret");
        Files.writeString(file, "{\"apps\": [{\"client_id\": \"a\", \"redirect_uris\": [\"https://a.example/cb\"],"
                + " \"token_endpoint_auth_method\": \"none\", \"rnat_audiences\": [\"nobody\"]},"
                + " {\"client_id\": \"a\", \"redirect_uris\": [\"https://a.example/cb\"],"
                + " \"token_endpoint_auth_method\": \"none\"}]}");
        assertThatThrownBy(() -> Sandbox.builder().apps(file).start()).hasMessageContaining("apps[1].client_id repeats")
                .hasMessageContaining("apps[0].rnat_audiences");
        for (String broken : new String[] {"", "[]", "{\"apps\": []}", "{\"apps\": [1]}", "{\"apps\": [], \"x\": 1}",
            "{\"apps\": [{}], \"apps\": []}"}) {
            Files.writeString(file, broken);
            assertThatThrownBy(() -> Sandbox.builder().apps(file).start()).as(broken)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(file.toString());
        }
        // API keys: the public key only, each with a kid (spec/api-signing.md §8.1)
        org.zwfw.sdk.crypto.SigningKey api = org.zwfw.sdk.crypto.SigningKey.generate(org.zwfw.sdk.crypto.JwsAlgorithm.ES256);
        Files.writeString(file, "{\"apps\": [{\"client_id\": \"a\", \"redirect_uris\": [\"https://a.example/cb\"],"
                + " \"token_endpoint_auth_method\": \"none\", \"api_keys\": {\"keys\": ["
                + api.withKeyId("k1").toPrivateJwkJson() + "]}},"
                + " {\"client_id\": \"b\", \"redirect_uris\": [\"https://a.example/cb\"],"
                + " \"token_endpoint_auth_method\": \"none\", \"api_keys\": {\"keys\": ["
                + api.withKeyId(null).verificationKey().toJson() + "]}}]}");
        assertThatThrownBy(() -> Sandbox.builder().apps(file).start())
                .hasMessageContaining("apps[0].api_keys.keys[0] has the private member d")
                .hasMessageContaining("apps[1].api_keys.keys[0] needs a kid")
                .message().doesNotContain(String.valueOf(api.toPrivateJwk().get("d")));
        Files.write(file, new byte[] {(byte) 0xff, '{'});
        assertThatThrownBy(() -> Sandbox.builder().apps(file).start()).hasMessageContaining("UTF-8");
        assertThatThrownBy(() -> Sandbox.builder().apps(dir.resolve("missing.json")).start())
                .hasMessageContaining("does not exist");
    }

    @Test
    void theBuilderAppliesTheSameRules() {
        assertThatThrownBy(() -> RegisteredApp.builder("x").redirectUris("ftp://x.example/").publicClient().build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("app.redirect_uris[0]");
        assertThatThrownBy(() -> RegisteredApp.builder("x").redirectUris("https://x.example/cb#f").publicClient()
                .build()).hasMessageContaining("fragment");
        assertThatThrownBy(() -> RegisteredApp.builder("x").redirectUris("https://x.example/cb").build())
                .hasMessageContaining("token_endpoint_auth_method");
        assertThatThrownBy(() -> Sandbox.builder().apps(List.of(
                RegisteredApp.builder("x").redirectUris("https://x.example/cb").publicClient().build(),
                RegisteredApp.builder("x").redirectUris("https://x.example/cb").publicClient().build())))
                .hasMessageContaining("repeats");
        RegisteredApp app = RegisteredApp.builder("x").redirectUris("https://x.example/cb").clientSecretBasic(
                "a-secret-of-sixteen-or-more").build();
        assertThat(app.toString()).doesNotContain("a-secret-of-sixteen-or-more");
        assertThat(app.sectorIdentifier()).isEqualTo("x.example");
    }
}
