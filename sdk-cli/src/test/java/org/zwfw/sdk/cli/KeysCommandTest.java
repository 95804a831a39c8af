package org.zwfw.sdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
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
