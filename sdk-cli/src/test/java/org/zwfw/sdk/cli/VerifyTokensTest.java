package org.zwfw.sdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.crypto.JwsBuilder;
import org.zwfw.sdk.crypto.KeySet;
import org.zwfw.sdk.crypto.SigningKey;
import org.zwfw.sdk.rnat.AssuranceLevel;
import org.zwfw.sdk.rnat.issuer.PairwiseSubject;
import org.zwfw.sdk.rnat.issuer.RnatGrant;
import org.zwfw.sdk.rnat.issuer.RnatIssuer;
import org.zwfw.sdk.trust.TrustedIssuer;

/** {@code zwfw verify} of real-name auth tokens and ID tokens (spec/cli.md). */
class VerifyTokensTest {

    static final String RZ = "https://rz.zwfw.example.gov.cn";
    static final String OP = "http://127.0.0.1:43121/oidc";
    static final String CLIENT = "portal-client";

    @TempDir
    Path dir;

    Province p;
    final SigningKey rzKey = SigningKey.generate(JwsAlgorithm.SGD_SM3_SM2).withKeyId("rz-2026");
    final SigningKey opKey = SigningKey.generate(JwsAlgorithm.ES256).withKeyId("op-1");

    @BeforeEach
    void setUp() {
        p = new Province(dir);
    }

    private String rnat(AssuranceLevel onRecord, String... methods) {
        RnatIssuer issuer = RnatIssuer.builder(RZ, rzKey).pairwise(PairwiseSubject.of(new byte[32]))
                .clock(Province.CLOCK).build();
        return issuer.issue(RnatGrant.builder().audience(CLIENT, "portal.example.gov.cn")
                .person(Province.ID_NUMBER, Province.HOLDER_NAME, "13800000001")
                .proofing(onRecord, Province.NOW.minusSeconds(86_400))
                .authentication(Province.NOW.minusSeconds(20), methods).release(RnatGrant.SCOPE_MASKED).build());
    }

    private Path rzTrust(String... types) {
        return p.trust(TrustedIssuer.builder(RZ).name("省统一身份认证平台").uscc("11100000000013338W")
                .keys(rzKey.verificationKey()).types(types).build());
    }

    private static CliRunner.Result run(String... args) {
        List<String> all = new ArrayList<>(List.of("verify", "--json", "--at", Province.AT));
        all.addAll(List.of(args));
        return CliRunner.run(all.toArray(String[]::new));
    }

    private static List<String> codes(JsonNode report) {
        List<String> out = new ArrayList<>();
        report.get("errors").forEach(e -> out.add(e.get("code").asText()));
        return out;
    }

    @Test
    void aRealNameTokenVerifiesWithTheTrustListAndShowsItsLevelButNoIdentity() {
        Path token = p.write("t.jwt", rnat(AssuranceLevel.L3, "sms", "face"));
        CliRunner.Result r = run("--trust", rzTrust("rnat").toString(), "--aud", CLIENT, "--min-level", "L3",
                token.toString());
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        JsonNode o = Province.json(r.out());
        assertThat(o.get("kind").asText()).isEqualTo("rnat");
        assertThat(o.get("claims").get("level").asText()).isEqualTo("L3");
        assertThat(o.get("claims").get("sub").asText()).matches("\\*+");
        assertThat(r.out()).doesNotContain(Province.ID_NUMBER).contains("11**************2X");

        CliRunner.Result low = run("--trust", rzTrust("rnat").toString(), "--aud", CLIENT, "--min-level", "L4",
                token.toString());
        assertThat(low.exit()).isEqualTo(1);
        assertThat(codes(Province.json(low.out()))).containsExactly("ASSURANCE_TOO_LOW");
    }

    @Test
    void anIssuerAllowedOnlyIdTokensCannotSignRealNameTokens() {
        Path token = p.write("t.jwt", rnat(AssuranceLevel.L2, "pwd"));
        CliRunner.Result r = run("--trust", rzTrust("id_token").toString(), "--aud", CLIENT, token.toString());
        assertThat(codes(Province.json(r.out()))).containsExactly("TYPE_NOT_ALLOWED");
        CliRunner.Result other = run("--trust", rzTrust("rnat").toString(), "--aud", "another-client", token.toString());
        assertThat(codes(Province.json(other.out()))).containsExactly("AUDIENCE_MISMATCH");
    }

    @Test
    void theSameTokenTwiceInOneBatchIsReplayedTheSecondTime() {
        String token = rnat(AssuranceLevel.L2, "pwd");
        Path list = p.write("list.txt", token + "\n" + token + "\n");
        CliRunner.Result r = CliRunner.run("verify-batch", "--at", Province.AT, "--threads", "1", "--trust",
                rzTrust("rnat").toString(), "--aud", CLIENT, list.toString());
        String[] lines = r.out().strip().split("\n");
        assertThat(lines).hasSize(3); // two reports and the summary
        assertThat(Province.json(lines[0]).get("valid").asBoolean()).isTrue();
        assertThat(codes(Province.json(lines[1]))).containsExactly("REPLAYED");
    }

    @Test
    void anIdTokenVerifiesWithTheIssuersJwksAndOnlyForThatIssuer() {
        String id = JwsBuilder.signedWith(opKey).claims(Map.of("iss", OP, "sub", "u-1", "aud", CLIENT,
                "iat", Province.NOW.getEpochSecond(), "exp", Province.NOW.getEpochSecond() + 300,
                "acr", "urn:zwfw:rn:L2", "nonce", "n-1")).sign();
        Path jwks = p.write("jwks.json", KeySet.of(opKey.verificationKey()).toJson());
        Path token = p.write("id.jwt", id);
        CliRunner.Result ok = run("--issuer", OP, "--jwks", jwks.toString(), "--aud", CLIENT, "--nonce", "n-1",
                token.toString());
        assertThat(ok.exit()).as(ok.out() + ok.err()).isZero();
        JsonNode o = Province.json(ok.out());
        assertThat(o.get("kind").asText()).isEqualTo("id_token");
        assertThat(o.get("claims").get("level").asText()).isEqualTo("L2");
        assertThat(o.get("claims").has("nonce")).isFalse();
        CliRunner.Result wrongNonce = run("--issuer", OP, "--jwks", jwks.toString(), "--aud", CLIENT, "--nonce", "n-2",
                token.toString());
        assertThat(codes(Province.json(wrongNonce.out()))).containsExactly("NONCE_MISMATCH");
        // keys of a named issuer never verify another issuer's token
        CliRunner.Result other = run("--issuer", "https://op.other.example", "--jwks", jwks.toString(), "--aud", CLIENT,
                token.toString());
        assertThat(codes(Province.json(other.out()))).containsExactly("UNTRUSTED_ISSUER");
        CliRunner.Result noKeys = run("--issuer", OP, "--offline", "--aud", CLIENT, token.toString());
        assertThat(codes(Province.json(noKeys.out()))).containsExactly("UNKNOWN_KEY");
    }

    /** A provider on loopback serving its discovery document and keys; {@code named} is the issuer it claims. */
    private com.sun.net.httpserver.HttpServer provider(java.util.function.IntFunction<String> named,
            java.util.concurrent.atomic.AtomicInteger fetches) throws java.io.IOException {
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        int port = server.getAddress().getPort();
        String base = "http://127.0.0.1:" + port;
        server.createContext("/oidc/.well-known/openid-configuration", x -> {
            fetches.incrementAndGet();
            byte[] body = org.zwfw.sdk.internal.Json.writeString(Map.of("issuer", named.apply(port),
                    "authorization_endpoint", base + "/oidc/authorize", "token_endpoint", base + "/oidc/token",
                    "jwks_uri", base + "/oidc/jwks", "response_types_supported", List.of("code"),
                    "subject_types_supported", List.of("pairwise"),
                    "id_token_signing_alg_values_supported", List.of("ES256"))).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            x.getResponseHeaders().set("Content-Type", "application/json");
            x.sendResponseHeaders(200, body.length);
            x.getResponseBody().write(body);
            x.close();
        });
        server.createContext("/oidc/jwks", x -> {
            fetches.incrementAndGet();
            byte[] body = KeySet.of(opKey.verificationKey()).toJson().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            x.getResponseHeaders().set("Content-Type", "application/jwk-set+json");
            x.sendResponseHeaders(200, body.length);
            x.getResponseBody().write(body);
            x.close();
        });
        server.start();
        return server;
    }

    private String idToken(String iss) {
        return JwsBuilder.signedWith(opKey).claims(Map.of("iss", iss, "sub", "u-1", "aud", CLIENT,
                "iat", Province.NOW.getEpochSecond(), "exp", Province.NOW.getEpochSecond() + 300)).sign();
    }

    @Test
    void withoutJwksTheNamedIssuersKeysComeFromItsDiscoveryOncePerRun() throws Exception {
        java.util.concurrent.atomic.AtomicInteger fetches = new java.util.concurrent.atomic.AtomicInteger();
        com.sun.net.httpserver.HttpServer server = provider(port -> "http://127.0.0.1:" + port + "/oidc", fetches);
        try {
            String iss = "http://127.0.0.1:" + server.getAddress().getPort() + "/oidc";
            Path list = p.write("ids.txt", idToken(iss) + "\n" + idToken(iss) + "\n");
            CliRunner.Result r = CliRunner.run("verify-batch", "--at", Province.AT, "--threads", "2", "--issuer", iss,
                    "--aud", CLIENT, list.toString());
            String[] lines = r.out().strip().split("\n");
            assertThat(Province.json(lines[0]).get("valid").asBoolean()).as(r.out()).isTrue();
            assertThat(Province.json(lines[1]).get("valid").asBoolean()).isTrue();
            assertThat(fetches.get()).as("one discovery and one key set fetch for the run").isEqualTo(2);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aDiscoveryDocumentNamingAnotherIssuerIsNotUsedAndADeadOneIsNamed() throws Exception {
        java.util.concurrent.atomic.AtomicInteger fetches = new java.util.concurrent.atomic.AtomicInteger();
        com.sun.net.httpserver.HttpServer server = provider(port -> "https://op.attacker.example", fetches);
        String iss = "http://127.0.0.1:" + server.getAddress().getPort() + "/oidc";
        try {
            CliRunner.Result r = run("--issuer", iss, "--aud", CLIENT, p.write("id.jwt", idToken(iss)).toString());
            assertThat(r.exit()).isEqualTo(1);
            JsonNode o = Province.json(r.out());
            assertThat(codes(o)).containsExactly("UNTRUSTED_ISSUER");
            assertThat(o.get("errors").get(0).get("message").asText()).contains("nothing of it was used");
            assertThat(fetches.get()).as("the key set of a mismatched document is never fetched").isEqualTo(1);
        } finally {
            server.stop(0);
        }
        // the same port, nobody listening now
        CliRunner.Result dead = run("--issuer", iss, "--aud", CLIENT, p.write("id2.jwt", idToken(iss)).toString());
        assertThat(codes(Province.json(dead.out()))).containsExactly("UNKNOWN_KEY");
        assertThat(Province.json(dead.out()).get("errors").get(0).get("message").asText()).contains("discovery");
    }

    @Test
    void badIssuerAndJwksOptionsAreUsageErrors() {
        Path token = p.write("t.jwt", rnat(AssuranceLevel.L2, "pwd"));
        Path jwks = p.write("jwks.json", KeySet.of(opKey.verificationKey()).toJson());
        assertThat(run("--jwks", jwks.toString(), "--aud", CLIENT, token.toString()).exit()).isEqualTo(2);
        CliRunner.Result ftp = run("--issuer", "ftp://op.example", "--aud", CLIENT, token.toString());
        assertThat(ftp.exit()).isEqualTo(2);
        assertThat(ftp.err()).contains("--issuer");
        assertThat(run("--issuer", "http://op.example.com", "--aud", CLIENT, token.toString()).exit())
                .as("plain http only to a loopback host").isEqualTo(2);
        Path priv = p.write("priv.json", opKey.toPrivateJwkJson());
        CliRunner.Result r = run("--issuer", OP, "--jwks", priv.toString(), "--aud", CLIENT, token.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--jwks " + priv, "private key").doesNotContain("\"d\"");
        Path binary = p.write("bin.json", "\u0000\u0001\u00ff");
        assertThat(run("--issuer", OP, "--jwks", binary.toString(), "--aud", CLIENT, token.toString()).exit())
                .isEqualTo(2);
    }
}
