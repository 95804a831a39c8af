package org.zwfw.sdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.crypto.KeySet;
import org.zwfw.sdk.crypto.SigningKey;
import org.zwfw.sdk.sandbox.ApiFault;
import org.zwfw.sdk.sandbox.Sandbox;

/** {@code zwfw api} against a real sandbox: each exit status, and what is printed for each ending. */
class ApiCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Sandbox sandbox;
    @TempDir
    static Path dir;
    private static Path es;
    private static Path sm;

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.builder().start();
        es = Files.writeString(dir.resolve("es.jwk"),
                sandbox.defaultAppKey(Sandbox.DEFAULT_API_APP, JwsAlgorithm.ES256).toPrivateJwkJson());
        sm = Files.writeString(dir.resolve("sm.jwk"),
                sandbox.defaultAppKey(Sandbox.DEFAULT_API_APP, JwsAlgorithm.SGD_SM3_SM2).toPrivateJwkJson());
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static CliRunner.Result api(Path key, String... more) {
        String[] base = {"api", "--base-url", sandbox.baseUri().toString().replaceAll("/$", ""), "--app-id",
            Sandbox.DEFAULT_API_APP, "--app-key", key.toString()};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return CliRunner.run(all);
    }

    @Test
    void aVerifiedAnswerIsPrintedAndExits0() throws Exception {
        CliRunner.Result r = api(es, "GET", "/v1/service-items?region_code=330100&page_size=2");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("HTTP 200, verified (platform key").contains("ecdsa-p256-sha256").contains("request id");
        assertThat(JSON.readTree(r.out()).get("items").size()).isEqualTo(2);
        CliRunner.Result sm2 = api(sm, "--json", "GET", "/v1/service-items/330100-SB-YL-0007");
        assertThat(sm2.exit()).as(sm2.err()).isZero();
        JsonNode j = JSON.readTree(sm2.out());
        assertThat(j.get("verified").asBoolean()).isTrue();
        assertThat(j.at("/signed_by/alg").asText()).isEqualTo("sm2-sm3");
        assertThat(j.at("/body/item_code").asText()).isEqualTo("330100-SB-YL-0007");
    }

    @Test
    void aProblemAnswerIsPrintedVerifiedAndExits1() throws Exception {
        CliRunner.Result r = api(es, "--json", "POST", "/v1/cases", "--data", "{\"item_code\":\"nope\"}",
                "--idempotency-key", "cli-test-0000000001");
        assertThat(r.exit()).isEqualTo(1);
        JsonNode j = JSON.readTree(r.out());
        assertThat(j.get("verified").asBoolean()).isTrue();
        assertThat(j.get("status").asInt()).isEqualTo(400);
        assertThat(j.at("/body/code").asText()).isEqualTo(j.get("code").asText()).isNotEmpty();
        CliRunner.Result missing = api(es, "GET", "/v1/cases/case_0000000000000000");
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("HTTP 404").contains("verified problem");
    }

    @Test
    void anAnswerSignedByAKeyThatIsNotPinnedIsNotPrinted() throws Exception {
        Path other = Files.writeString(dir.resolve("other-platform.json"),
                KeySet.of(SigningKey.generate(JwsAlgorithm.ES256).verificationKey()).toJson());
        CliRunner.Result r = api(es, "--platform-keys", other.toString(), "GET", "/v1/service-items?region_code=330100");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("failed verification").contains("UNKNOWN_KEY");
        Path pinned = Files.writeString(dir.resolve("platform.json"), sandbox.platformKeys().toJson());
        assertThat(api(es, "--platform-keys", pinned.toString(), "GET", "/v1/service-items?region_code=330100").exit()).isZero();
    }

    @Test
    void noAnswerInTimeOrADroppedConnectionExits1() throws Exception {
        sandbox.injectFault(ApiFault.latency(Duration.ofSeconds(3)).operation("searchServiceItems"));
        long start = System.nanoTime();
        CliRunner.Result slow = api(es, "--json", "--timeout", "1", "GET", "/v1/service-items?region_code=330100");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2900));
        assertThat(slow.exit()).isEqualTo(1);
        assertThat(JSON.readTree(slow.out()).get("code").asText()).isEqualTo("TIMEOUT");
        sandbox.injectFault(ApiFault.drop().operation("submitCase"));
        CliRunner.Result dropped = api(es, "POST", "/v1/cases", "--data", "{}");
        assertThat(dropped.exit()).isEqualTo(1);
        assertThat(dropped.err()).contains("no usable answer");
        sandbox.clearFaults();
    }

    @Test
    void usageErrorsExit2AndNeverCallThePlatform() throws Exception {
        assertThat(api(es, "DELETE", "/v1/cases/x").exit()).isEqualTo(2);
        assertThat(api(es, "GET", "/v2/cases").exit()).isEqualTo(2);
        assertThat(api(es, "GET", "/v1/cases", "--data", "{}").exit()).isEqualTo(2);
        assertThat(api(es, "POST", "/v1/cases", "--data", "{not json").exit()).isEqualTo(2);
        assertThat(api(es, "POST", "/v1/cases", "--idempotency-key", "short").exit()).isEqualTo(2);
        assertThat(api(es, "GET", "/v1/../admin").exit()).isEqualTo(2);
        Path notAKey = Files.writeString(dir.resolve("not-a-key.jwk"), "{\"kty\":\"oct\",\"k\":\"AAAA\"}");
        CliRunner.Result r = api(notAKey, "GET", "/v1/service-items?region_code=330100");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).doesNotContain("AAAA");
        Path binary = Files.write(dir.resolve("binary.key"), new byte[] {(byte) 0xff, 0, 1, 2});
        assertThat(api(binary, "GET", "/v1/service-items?region_code=330100").exit()).isEqualTo(2);
        assertThat(CliRunner.run("api", "--base-url", "http://example.com", "--app-id", "a", "--app-key", es.toString(),
                "GET", "/v1/service-items?region_code=330100").exit()).isEqualTo(2);
        assertThat(CliRunner.run("api", "GET", "/v1/service-items?region_code=330100").exit()).isEqualTo(2);
    }
}
