package org.zwfw.sdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.zwfw.sdk.crypto.SigningKey;
import org.zwfw.sdk.crypto.VerificationKey;

class KeysCommandTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"ES256", "EdDSA", "SGD_SM3_SM2"})
    void generatesAPrivateJwkThatSignsAndWhosePublicPartVerifies(String alg) throws Exception {
        CliRunner.Result gen = CliRunner.run("keys", "generate", "--alg", alg, "--kid", "k-" + alg);
        assertThat(gen.exit()).isZero();
        JsonNode jwk = MAPPER.readTree(gen.out());
        assertThat(jwk.get("alg").asText()).isEqualTo(alg);
        assertThat(jwk.get("kid").asText()).isEqualTo("k-" + alg);
        assertThat(jwk.has("d")).isTrue();
        if (alg.equals("SGD_SM3_SM2")) {
            assertThat(jwk.get("crv").asText()).isEqualTo("SM2-P-256");
        }
        CliRunner.Result pub = CliRunner.runWithInput(gen.out(), "keys", "public", "-");
        assertThat(pub.exit()).isZero();
        JsonNode pubJwk = MAPPER.readTree(pub.out());
        assertThat(pubJwk.has("d")).isFalse();
        SigningKey sk = SigningKey.fromJwk(gen.out().strip());
        VerificationKey vk = VerificationKey.fromJwk(pub.out().strip());
        byte[] msg = {1, 2, 3};
        assertThat(vk.verify(msg, sk.sign(msg))).isTrue();
    }

    @Test
    void jsonWrapsTheJwkWithKidAlgorithmAndThumbprint() throws Exception {
        CliRunner.Result gen = CliRunner.run("keys", "generate", "--alg", "SGD_SM3_SM2", "--kid", "si-2026", "--json");
        assertThat(gen.exit()).isZero();
        JsonNode g = MAPPER.readTree(gen.out());
        List<String> members = new ArrayList<>();
        g.fieldNames().forEachRemaining(members::add);
        assertThat(members).containsExactly("kid", "alg", "kty", "crv", "thumbprint", "jwk", "public_jwk");
        SigningKey sk = SigningKey.fromJwk(g.get("jwk").toString());
        assertThat(g.get("kid").asText()).isEqualTo("si-2026");
        assertThat(g.get("alg").asText()).isEqualTo("SGD_SM3_SM2");
        assertThat(g.get("crv").asText()).isEqualTo("SM2-P-256");
        assertThat(g.get("thumbprint").asText()).isEqualTo(sk.verificationKey().thumbprint());
        assertThat(g.get("public_jwk").has("d")).isFalse();

        CliRunner.Result pub = CliRunner.runWithInput(g.get("jwk").toString(), "keys", "public", "--json");
        assertThat(pub.exit()).isZero();
        JsonNode p = MAPPER.readTree(pub.out());
        members.clear();
        p.fieldNames().forEachRemaining(members::add);
        assertThat(members).containsExactly("kid", "alg", "kty", "crv", "thumbprint", "jwk");
        assertThat(p.get("thumbprint").asText()).isEqualTo(g.get("thumbprint").asText());
        assertThat(p.get("jwk")).isEqualTo(g.get("public_jwk"));
        assertThat(pub.out()).doesNotContain(g.get("jwk").get("d").asText());

        // without --json: the bare JWK, as before
        assertThat(MAPPER.readTree(CliRunner.runWithInput(g.get("jwk").toString(), "keys", "public").out()))
                .isEqualTo(g.get("public_jwk"));
    }

    @Test
    void publicRefusesHostileInputWithTheDocumentedStatus(@TempDir Path dir) throws Exception {
        for (String bad : new String[] {"", "[".repeat(100_000), "{\"kty\": " + "[".repeat(900) + "]".repeat(900) + "}",
            "\u0000\u0001binary", "x".repeat(Inputs.MAX_BYTES + 1)}) {
            CliRunner.Result r = CliRunner.runWithInput(bad, "keys", "public", "--json");
            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.out()).isEmpty();
            assertThat(r.err()).startsWith("zwfw: ").doesNotContain("unexpected", "Exception");
        }
        Path binary = Files.write(dir.resolve("key.bin"), new byte[] {(byte) 0xff, 0, 1});
        assertThat(CliRunner.run("keys", "public", binary.toString()).err()).contains("not UTF-8");
        CliRunner.Result d = CliRunner.run("keys", "public", dir.toString());
        assertThat(d.exit()).isEqualTo(2);
        assertThat(d.err()).contains("is a directory");
    }

    @Test
    void defaultKidIsTheThumbprint() throws Exception {
        JsonNode jwk = MAPPER.readTree(CliRunner.run("keys", "generate", "--alg", "ES256").out());
        assertThat(jwk.get("kid").asText())
                .isEqualTo(SigningKey.fromJwk(jwk.toString()).verificationKey().thumbprint());
    }

    @Test
    void publicReadsAPemFile(@TempDir Path dir) throws Exception {
        SigningKey sk = SigningKey.generate(org.zwfw.sdk.crypto.JwsAlgorithm.SGD_SM3_SM2);
        Path pem = dir.resolve("key.pem");
        Files.writeString(pem, sk.toPem());
        CliRunner.Result r = CliRunner.run("keys", "public", pem.toString());
        assertThat(r.exit()).isZero();
        assertThat(VerificationKey.fromJwk(r.out().strip()).thumbprint()).isEqualTo(sk.verificationKey().thumbprint());
    }

    @Test
    void unknownOrVerifyOnlyAlgorithmIsAUsageError() {
        CliRunner.Result r = CliRunner.run("keys", "generate", "--alg", "HS256");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("HS256").doesNotContain("Exception");
        assertThat(CliRunner.run("keys", "generate", "--alg", "RS256").err()).contains("verify-only");
        assertThat(CliRunner.run("keys", "generate").exit()).isEqualTo(2);
        assertThat(CliRunner.run("keys").exit()).isEqualTo(2);
        assertThat(CliRunner.run("keys", "generate", "--alg", "ES256", "--bogus").exit()).isEqualTo(2);
    }

    @Test
    void missingFileIsExit2AndBadKeyIsExit1WithoutStackTrace(@TempDir Path dir) throws Exception {
        CliRunner.Result missing = CliRunner.run("keys", "public", dir.resolve("nope.json").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("no such file");
        CliRunner.Result garbage = CliRunner.runWithInput(
                "{\"kty\":\"EC\",\"crv\":\"P-256\",\"d\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAE\"}", "keys", "public");
        assertThat(garbage.exit()).isEqualTo(1);
        assertThat(garbage.err()).contains("'x' is missing").doesNotContain("at org.");
        CliRunner.Result publicOnly = CliRunner.runWithInput(
                SigningKey.generate(org.zwfw.sdk.crypto.JwsAlgorithm.EDDSA).verificationKey().toJson(), "keys", "public");
        assertThat(publicOnly.exit()).isEqualTo(1);
        assertThat(publicOnly.err()).contains("public key");
        assertThat(CliRunner.runWithInput("", "keys", "public").exit()).isEqualTo(1);
    }

    @Test
    void neverPrintsTheSecretToStandardErrorOnFailure() {
        String jwk = SigningKey.generate(org.zwfw.sdk.crypto.JwsAlgorithm.ES256).toPrivateJwkJson();
        String broken = jwk.replace("\"alg\":\"ES256\"", "\"alg\":\"EdDSA\"");
        CliRunner.Result r = CliRunner.runWithInput(broken, "keys", "public");
        assertThat(r.exit()).isEqualTo(1);
        String d = jwk.replaceAll(".*\"d\":\"([^\"]+)\".*", "$1");
        assertThat(r.err()).doesNotContain(d);
    }

    @Test
    void publicReadsPemWithLeadingAttributes() throws Exception {
        SigningKey sk = SigningKey.generate(org.zwfw.sdk.crypto.JwsAlgorithm.ES256);
        String withBagAttributes = "Bag Attributes\n    localKeyID: 01 02\n" + sk.toPem();
        CliRunner.Result r = CliRunner.runWithInput(withBagAttributes, "keys", "public");
        assertThat(r.exit()).isZero();
        assertThat(VerificationKey.fromJwk(r.out().strip()).thumbprint()).isEqualTo(sk.verificationKey().thumbprint());
    }
}
