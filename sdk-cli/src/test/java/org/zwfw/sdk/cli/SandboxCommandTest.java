package org.zwfw.sdk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zwfw.sdk.sandbox.Sandbox;

class SandboxCommandTest {

    private static final Pattern BASE = Pattern.compile("(?m)^base URL\\s+(http://\\S+)$");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private static String awaitBaseUrl(StringWriter out, Thread runner) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline && runner.isAlive()) {
            Matcher m = BASE.matcher(out.toString());
            if (m.find() && out.toString().contains("\ntry ")) {
                return m.group(1);
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no base URL printed; output so far: " + out);
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void runsUntilStoppedAndPrintsItsUrls() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        AtomicInteger exit = new AtomicInteger(-1);
        Thread runner = new Thread(() -> exit.set(Zwfw.run(new ByteArrayInputStream(new byte[0]),
                new PrintWriter(out, true), new PrintWriter(err, true), "sandbox", "--port", "0")));
        runner.start();
        String base = awaitBaseUrl(out, runner);
        assertThat(base).matches("http://127\\.0\\.0\\.1:\\d+");
        assertThat(out.toString()).contains("trust list         " + base + "/trust-list",
                "trust anchor JWKS  " + base + "/trust-anchor/jwks.json",
                "issue              POST " + base + "/issuers/market-regulation/credentials",
                "issue              POST " + base + "/issuers/licensing/credentials",
                "issue              POST " + base + "/issuers/social-security/credentials",
                "index              " + base + Sandbox.INDEX_PATH, "in memory",
                "openid issuer      " + base + "/oidc",
                "discovery          " + base + "/oidc/.well-known/openid-configuration",
                "redirect http://127.0.0.1/callback (any port) +1 more",
                "app                sandbox-native  public  redirect http://127.0.0.1/callback (any port)",
                "login              zwfw login --issuer " + base + "/oidc --client-id sandbox-native");
        assertThat(out.toString()).contains("api                " + base + "/v1",
                "platform keys      " + base + "/v1/platform/keys", "case step          every 5 s (--case-step)");
        // the default apps' private API keys, in memory: printed as JWKs, and they are the sandbox's
        Matcher apiKey = Pattern.compile("(?m)^api app\\s+sandbox-service  ES256  private JWK (\\{.*\\})$")
                .matcher(out.toString());
        assertThat(apiKey.find()).as(out.toString()).isTrue();
        org.zwfw.sdk.crypto.SigningKey printed = org.zwfw.sdk.crypto.SigningKey.fromJwk(apiKey.group(1));
        HttpResponse<String> keys = get(base + "/v1/platform/keys");
        assertThat(keys.statusCode()).isEqualTo(200);
        assertThat(out.toString()).contains("api app            sandbox-service  EdDSA  private JWK",
                "api app            sandbox-service  SGD_SM3_SM2  private JWK",
                "api app            sandbox-web  ES256  private JWK");
        assertThat(printed.algorithm()).isEqualTo(org.zwfw.sdk.crypto.JwsAlgorithm.ES256);
        Matcher secret = Pattern.compile("(?m)^app\\s+sandbox-web  client_secret_basic  secret ([A-Za-z0-9_-]{32})  ")
                .matcher(out.toString());
        assertThat(secret.find()).as(out.toString()).isTrue();
        // the printed secret is the one the provider checks
        HttpResponse<String> token = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/oidc/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Authorization", "Basic "
                + java.util.Base64.getEncoder().encodeToString(("sandbox-web:" + secret.group(1)).getBytes(
                StandardCharsets.US_ASCII))).POST(HttpRequest.BodyPublishers.ofString("grant_type=refresh_token"
                + "&refresh_token=unknown")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(token.body()).contains("invalid_grant");

        HttpResponse<String> index = get(base + Sandbox.INDEX_PATH);
        assertThat(index.statusCode()).isEqualTo(200);
        JsonNode doc = new ObjectMapper().readTree(index.body());
        assertThat(doc.get("base_url").asText()).isEqualTo(base);
        assertThat(doc.get("issuers")).hasSize(3);

        runner.interrupt();
        runner.join(10_000);
        assertThat(runner.isAlive()).isFalse();
        assertThat(exit.get()).isZero();
        assertThat(err.toString()).contains("stop with Ctrl-C", "sandbox stopped");
        assertThatThrownBy(() -> get(base + Sandbox.INDEX_PATH)).isInstanceOf(ConnectException.class);
    }

    @Test
    void aTerminationSignalStopsItCleanlyWithStatusZeroAndItsStateSaved(@TempDir Path dir) throws Exception {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // Process.destroy closes the pipes, so standard error goes to a file.
        Path errFile = dir.resolve("stderr.txt");
        Process p = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"), Zwfw.class.getName(),
                "sandbox", "--state-dir", dir.resolve("state").toString()).redirectError(errFile.toFile()).start();
        String entry;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String base = null;
            for (String line; (line = out.readLine()) != null;) {
                Matcher m = BASE.matcher(line);
                if (m.find()) {
                    base = m.group(1);
                    break;
                }
            }
            assertThat(base).as("base URL line").isNotNull();
            HttpResponse<String> issued = HTTP.send(HttpRequest.newBuilder(URI.create(base
                    + "/issuers/social-security/samples/zhang-san")).timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(issued.statusCode()).isEqualTo(201);
            entry = new ObjectMapper().readTree(issued.body()).get("status_entry").asText();
            p.destroy(); // SIGTERM where there are signals
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as("exit status after SIGTERM").isZero();
            assertThat(Files.readString(errFile)).contains("sandbox stopped");
        } finally {
            p.destroyForcibly();
        }
        // The state directory is free again, keeps its address and the credential issued.
        try (Sandbox again = Sandbox.builder().stateDirectory(dir.resolve("state")).start()) {
            assertThat(entry).startsWith(again.baseUri().toString());
            HttpResponse<String> status = get(entry);
            assertThat(status.statusCode()).isEqualTo(200);
            assertThat(new ObjectMapper().readTree(status.body()).get("status").asText()).isEqualTo("VALID");
        }
    }

    @Test
    void aDamagedStateDirectoryIsExitTwoNamingTheFile(@TempDir Path dir) throws Exception {
        Path state = dir.resolve("state");
        try (Sandbox sandbox = Sandbox.builder().stateDirectory(state).start()) {
            assertThat(sandbox.port()).isPositive();
        }
        Path list = state.resolve("status").resolve("licensing-1.zwsl");
        byte[] saved = Files.readAllBytes(list);
        Files.write(list, new byte[] {1, 2, 3});
        CliRunner.Result r = CliRunner.run("sandbox", "--state-dir", state.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains(list.toString(), "damaged", "3 bytes").doesNotContain("Exception");
        assertThat(r.out()).isEmpty();

        Path key = state.resolve("keys").resolve("licensing.jwk");
        Files.write(list, saved);
        Files.delete(key);
        Files.createDirectory(key);
        r = CliRunner.run("sandbox", "--state-dir", state.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains(key.toString(), "cannot be read").doesNotContain("Exception");
    }

    @Test
    void aCrashWhileWritingLeavesAStateThatStarts(@TempDir Path dir) throws Exception {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path state = dir.resolve("state");
        Process p = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"), Zwfw.class.getName(),
                "sandbox", "--state-dir", state.toString()).redirectError(dir.resolve("stderr.txt").toFile()).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String base = null;
            for (String line; (line = out.readLine()) != null;) {
                Matcher m = BASE.matcher(line);
                if (m.find()) {
                    base = m.group(1);
                    break;
                }
            }
            assertThat(base).as("base URL line").isNotNull();
            // Issue without waiting for the answers (each writes the status list), and kill the
            // process (SIGKILL: no hook, no clean-up) in the middle of it.
            HttpRequest issue = HttpRequest.newBuilder(URI.create(base + "/issuers/licensing/samples/"
                    + "tour-guide-certificate")).timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers
                    .noBody()).build();
            for (int i = 0; i < 40; i++) {
                HTTP.sendAsync(issue, HttpResponse.BodyHandlers.discarding());
            }
            assertThat(get(base + Sandbox.INDEX_PATH).statusCode()).isEqualTo(200);
            p.destroyForcibly();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            p.destroyForcibly();
        }
        try (Sandbox again = Sandbox.builder().stateDirectory(state).start()) {
            assertThat(again.stateDirectory()).isPresent();
        }
        try (var files = Files.walk(state)) {
            assertThat(files.map(Path::toString)).noneMatch(f -> f.endsWith(".tmp"));
        }
    }

    @Test
    void aNonLoopbackHostWithoutTheFlagIsAUsageError() {
        CliRunner.Result r = CliRunner.run("sandbox", "--host", "0.0.0.0");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("not a loopback address").contains("--allow-non-loopback")
                .doesNotContain("Exception");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertThat(CliRunner.run("sandbox", "--port", "70000").exit()).isEqualTo(2);
        assertThat(CliRunner.run("sandbox", "--port", "http").exit()).isEqualTo(2);
        CliRunner.Result url = CliRunner.run("sandbox", "--public-url", "http://192.0.2.1:8080");
        assertThat(url.exit()).isEqualTo(2);
        assertThat(url.err()).contains("https");
    }

    @Test
    void anAppsFileRegistersItsAppsAndNeverPrintsTheirSecrets(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("apps.json");
        Files.writeString(file, "{\"apps\": [{\"client_id\": \"portal\", \"redirect_uris\":"
                + " [\"https://portal.example.gov.cn/cb\"], \"token_endpoint_auth_method\": \"client_secret_basic\","
                + " \"client_secret\": \"file-secret-0123456789\"}]}");
        StringWriter out = new StringWriter();
        Thread runner = new Thread(() -> Zwfw.run(new ByteArrayInputStream(new byte[0]), new PrintWriter(out, true),
                new PrintWriter(new StringWriter(), true), "sandbox", "--apps", file.toString()));
        runner.start();
        String base = awaitBaseUrl(out, runner);
        try {
            assertThat(out.toString()).contains("app                portal  client_secret_basic  redirect"
                    + " https://portal.example.gov.cn/cb").doesNotContain("file-secret").doesNotContain("sandbox-web")
                    .doesNotContain("login ").doesNotContain("private JWK").doesNotContain("api app");
            assertThat(get(base + Sandbox.INDEX_PATH).body()).contains("\"portal\"");
        } finally {
            runner.interrupt();
            runner.join(10_000);
        }
    }

    @Test
    void aDamagedAppsFileIsExitTwoNamingTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("apps.json");
        Files.writeString(file, "{\"apps\": [{\"client_id\": \"portal\", \"redirect_uris\": [\"ftp://x/\"],"
                + " \"token_endpoint_auth_method\": \"client_secret_basic\", \"client_secret\": \"tiny\"}]}");
        CliRunner.Result r = CliRunner.run("sandbox", "--apps", file.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains(file.toString(), "apps[0].redirect_uris[0]", "apps[0].client_secret")
                .doesNotContain("tiny").doesNotContain("Exception");
        assertThat(r.out()).isEmpty();
        Files.writeString(file, "{\"apps\": [");
        CliRunner.Result truncated = CliRunner.run("sandbox", "--apps", file.toString());
        assertThat(truncated.exit()).isEqualTo(2);
        assertThat(truncated.err()).contains(file.toString(), "not valid JSON");
        CliRunner.Result missing = CliRunner.run("sandbox", "--apps", dir.resolve("none.json").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("none.json", "does not exist");
    }

    @Test
    void aStateDirectoryInUseIsAUsageError(@TempDir Path dir) {
        try (Sandbox running = Sandbox.builder().stateDirectory(dir).start()) {
            CliRunner.Result r = CliRunner.run("sandbox", "--state-dir", dir.toString());
            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.err()).contains("another sandbox");
            assertThat(running.baseUri()).isNotNull();
        }
    }

    @Test
    void helpDescribesTheOptions() {
        CliRunner.Result r = CliRunner.run("sandbox", "--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("--host", "--port", "--state-dir", "--allow-non-loopback", "--public-url",
                "--apps", "DANGEROUS");
        assertThat(CliRunner.run("--help").out()).contains("sandbox");
    }

    @Test
    void withAStateDirectoryTheKeyFilesAreNamedAndCasesMoveOnTheStepGiven(@TempDir Path dir) throws Exception {
        StringWriter out = new StringWriter();
        Path state = dir.resolve("state");
        Thread runner = new Thread(() -> Zwfw.run(new ByteArrayInputStream(new byte[0]), new PrintWriter(out, true),
                new PrintWriter(new StringWriter(), true), "sandbox", "--state-dir", state.toString(), "--case-step",
                "0", "--webhook-time-scale", "0.001"));
        runner.start();
        String base = awaitBaseUrl(out, runner);
        try {
            Path key = state.resolve("keys").resolve("api-sandbox-service-es256.jwk");
            assertThat(out.toString()).contains("api app            sandbox-service  ES256  key " + key,
                    "case step          on command only: POST " + base + "/sandbox/cases/{case_id}/advance",
                    "try api            zwfw api GET /v1/issuers --base-url " + base + " --app-id sandbox-service"
                            + " --app-key " + key).doesNotContain("private JWK");
            assertThat(org.zwfw.sdk.crypto.SigningKey.fromJwk(Files.readString(key)).algorithm())
                    .isEqualTo(org.zwfw.sdk.crypto.JwsAlgorithm.ES256);
            CliRunner.Result call = CliRunner.run("api", "GET", "/v1/issuers", "--base-url", base, "--app-id",
                    "sandbox-service", "--app-key", key.toString());
            assertThat(call.exit()).as("the printed key file signs accepted calls: %s", call.err()).isZero();
        } finally {
            runner.interrupt();
            runner.join(10_000);
        }
    }

    @Test
    void theApiOptionsAreChecked() {
        assertThat(CliRunner.run("sandbox", "--case-step", "-1").exit()).isEqualTo(2);
        assertThat(CliRunner.run("sandbox", "--webhook-time-scale", "0").exit()).isEqualTo(2);
        assertThat(CliRunner.run("sandbox", "--webhook-time-scale", "2").err()).contains("--webhook-time-scale");
    }
}
