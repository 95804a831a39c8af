package org.zwfw.sdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.crypto.KeySet;
import org.zwfw.sdk.crypto.SigningKey;
import org.zwfw.sdk.trust.TrustList;
import org.zwfw.sdk.trust.TrustListVerifier;
import org.zwfw.sdk.trust.TrustedIssuer;
import org.zwfw.sdk.verify.VerificationResult;

class TrustListCommandTest {

    @TempDir
    Path dir;

    private final SigningKey anchor = SigningKey.generate(JwsAlgorithm.SGD_SM3_SM2).withKeyId("anchor-1");

    private Path entries() throws Exception {
        TrustedIssuer si = TrustedIssuer.builder("https://si.zwfw.example.gov.cn").name("省人社厅")
                .uscc("11100000000013338W").keys(SigningKey.generate(JwsAlgorithm.ES256).verificationKey())
                .types("urn:zwfw:vct:social-security-card:1", TrustedIssuer.TYPE_STATUS_LIST).build();
        Path f = dir.resolve("entries.json");
        Files.writeString(f, TrustList.of(List.of(si)).toLocalJson());
        return f;
    }

    @Test
    void signsAnEditionThatAVerifierPinningTheAnchorAccepts() throws Exception {
        Path key = dir.resolve("anchor.jwk");
        Files.writeString(key, anchor.toPrivateJwkJson());
        CliRunner.Result r = CliRunner.run("trust-list", "sign", "--key", key.toString(), "--iss",
                "https://trust.zwfw.example.gov.cn", "--seq", "12", "--at", "2026-06-01T00:00:00Z", "--lifetime",
                "P3D", entries().toString());
        assertThat(r.exit()).as(r.err()).isZero();
        TrustListVerifier v = TrustListVerifier.builder(KeySet.of(anchor.verificationKey()))
                .clock(Clock.fixed(Instant.parse("2026-06-02T00:00:00Z"), ZoneOffset.UTC)).build();
        VerificationResult<TrustList> list = v.verify(r.out().strip());
        assertThat(list.errors()).isEmpty();
        TrustList.Edition e = list.value().orElseThrow().edition().orElseThrow();
        assertThat(e.seq()).isEqualTo(12);
        assertThat(e.expiresAt()).isEqualTo(Instant.parse("2026-06-04T00:00:00Z"));
        assertThat(list.value().orElseThrow().find("https://si.zwfw.example.gov.cn")).isPresent();
    }

    @Test
    void badEntriesKeysAndOptionsAreRefusedWithoutSigning() throws Exception {
        Path key = dir.resolve("anchor.jwk");
        Files.writeString(key, anchor.toPrivateJwkJson());
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"issuers\": [{\"id\": \"x\"}]}");
        CliRunner.Result r = CliRunner.run("trust-list", "sign", "--key", key.toString(), "--iss", "i", "--seq", "1",
                bad.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("zwfw: entries:");

        Path pub = dir.resolve("public.jwk");
        Files.writeString(pub, anchor.verificationKey().toJson());
        r = CliRunner.run("trust-list", "sign", "--key", pub.toString(), "--iss", "i", "--seq", "1",
                entries().toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("--key");

        r = CliRunner.run("trust-list", "sign", "--key", key.toString(), "--iss", "i", "--seq", "1", "--lifetime",
                "a week", entries().toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--lifetime");
        r = CliRunner.run("trust-list", "sign", "--key", dir.resolve("missing").toString(), "--iss", "i", "--seq",
                "1", entries().toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(CliRunner.run("trust-list", "sign", "--iss", "i", "--seq", "1").exit()).isEqualTo(2);
    }
}
