package org.zwfw.sdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.crypto.KeySet;
import org.zwfw.sdk.crypto.SigningKey;
import org.zwfw.sdk.internal.Json;
import org.zwfw.sdk.sandbox.RegisteredApp;
import org.zwfw.sdk.sandbox.Sandbox;

/** {@code zwfw login} (spec/cli.md): each ending, against the sandbox's provider and hostile ones. */
class LoginCommandTest {

    static final SigningKey SM2_CLIENT = SigningKey.generate(JwsAlgorithm.SGD_SM3_SM2).withKeyId("cli-sm2");
    static final String SECRET = "cli-secret-0123456789abcdef";
    static Sandbox sandbox;
    static String issuer;

    @BeforeAll
    static void start() {
        String loopback = "http://127.0.0.1/callback";
        sandbox = Sandbox.builder().apps(List.of(
                RegisteredApp.builder("native").publicClient().redirectUris(loopback).autoLogin("l3").build(),
                RegisteredApp.builder("web").clientSecretBasic(SECRET).redirectUris(loopback).autoLogin("l4").build(),
                RegisteredApp.builder("pk-sm2").privateKeyJwt(KeySet.of(SM2_CLIENT.verificationKey()))
                        .redirectUris(loopback).idTokenSigningAlgorithm(JwsAlgorithm.SGD_SM3_SM2).autoLogin("l2").build(),
                RegisteredApp.builder("deny").publicClient().redirectUris(loopback).autoLogin("deny").build()))
                .start();
        issuer = sandbox.openIdProvider().issuer().toString();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void aLoginPrintsTheUrlThenTheMaskedResult() throws Exception {
        try (LoginDriver d = new LoginDriver("login", "--issuer", issuer, "--client-id", "native", "--no-browser",
                "--acr", "L3")) {
            HttpResponse<String> page = d.browse();
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("Login succeeded").doesNotContain("code=");
            CliRunner.Result r = d.result();
            assertThat(r.exit()).as(r.err()).isZero();
            String[] lines = r.out().split("\n");
            assertThat(lines[0]).startsWith(issuer + "/authorize?").contains("code_challenge_method=S256")
                    .contains("acr_values=urn%3Azwfw%3Arn%3AL3+urn%3Azwfw%3Arn%3AL4");
            assertThat(r.out()).contains("VALID login").contains("level:     L3").contains("amr:       [\"sms\",\"face\"]")
                    .contains("refresh token issued: yes");
            assertThat(r.err()).contains("waiting for the redirect to http://127.0.0.1:");
        }
    }

    @Test
    void jsonIsTwoLinesAndPersonalDataIsMaskedUnlessAsked() throws Exception {
        for (boolean pii : new boolean[] {false, true}) {
            List<String> args = new java.util.ArrayList<>(List.of("login", "--json", "--issuer", issuer, "--client-id",
                    "web", "--client-secret", "-", "--no-browser"));
            if (pii) {
                args.add("--show-pii");
            }
            try (LoginDriver d = LoginDriver.withInput(SECRET + "\n", args.toArray(String[]::new))) {
                d.browse();
                CliRunner.Result r = d.result();
                assertThat(r.exit()).as(r.out() + r.err()).isZero();
                String[] lines = r.out().strip().split("\n");
                assertThat(lines).hasSize(2);
                assertThat(Json.parseObject(lines[0], 2)).containsOnlyKeys("authorization_url");
                Map<String, Object> result = Json.parseObject(lines[1], 8);
                assertThat(result.keySet()).containsExactly("valid", "issuer", "errors", "warnings", "claims", "userinfo",
                        "scope", "expires_in", "refresh_token_issued");
                assertThat(result).containsEntry("valid", true).containsEntry("issuer", issuer)
                        .containsEntry("refresh_token_issued", true).containsEntry("expires_in", 600L);
                @SuppressWarnings("unchecked")
                Map<String, Object> claims = (Map<String, Object>) result.get("claims");
                assertThat(claims).containsEntry("level", "L4").containsEntry("acr", "urn:zwfw:rn:L4")
                        .doesNotContainKeys("iss", "aud", "exp", "iat", "nonce", "at_hash");
                String sub = (String) claims.get("sub");
                assertThat(sub.matches("\\*+")).isEqualTo(!pii);
                assertThat(result.get("userinfo")).isNotNull();
                assertThat(r.out() + r.err()).doesNotContain(SECRET);
            }
        }
    }

    @Test
    void privateKeyJwtWithAnSm2KeyFromAFile(@TempDir Path dir) throws Exception {
        Path key = dir.resolve("client.jwk");
        Files.writeString(key, SM2_CLIENT.toPrivateJwkJson());
        String d = (String) SM2_CLIENT.toPrivateJwk().get("d");
        try (LoginDriver run = new LoginDriver("login", "--issuer", issuer, "--client-id", "pk-sm2", "--client-key",
                key.toString(), "--no-browser")) {
            run.browse();
            CliRunner.Result r = run.result();
            assertThat(r.exit()).as(r.out() + r.err()).isZero();
            assertThat(r.out()).contains("level:     L2");
            assertThat(r.out() + r.err()).doesNotContain(d);
        }
    }

    @Test
    void anErrorRedirectEndsAtOnceNamingIt() throws Exception {
        try (LoginDriver d = new LoginDriver("login", "--json", "--issuer", issuer, "--client-id", "deny",
                "--no-browser")) {
            HttpResponse<String> page = d.browse();
            assertThat(page.body()).contains("Login failed (AUTHORIZATION_ERROR)");
            CliRunner.Result r = d.result();
            assertThat(r.exit()).isOne();
            String last = r.out().strip().substring(r.out().strip().lastIndexOf('\n') + 1);
            assertThat(last).contains("\"valid\":false").contains("AUTHORIZATION_ERROR").contains("access_denied")
                    .contains("\"claims\":{}").contains("\"userinfo\":null").contains("\"scope\":null");
        }
    }

    @Test
    void aWrongStateEndsAtOnceWithoutATokenRequestAndOtherRequestsAreIgnored() throws Exception {
        try (Hostile op = new Hostile(); LoginDriver d = new LoginDriver("login", "--issuer", op.issuer(),
                "--client-id", "c", "--no-browser")) {
            URI url = d.authorizationUrl();
            Map<String, String> q = form(url.getRawQuery());
            URI callback = URI.create(q.get("redirect_uri"));
            assertThat(callback.getHost()).isEqualTo("127.0.0.1");
            assertThat(LoginDriver.get(callback.resolve("/favicon.ico")).statusCode()).isEqualTo(404);
            assertThat(LoginDriver.get(URI.create(callback + "?code=abc&state=not-this-logins")).body())
                    .contains("STATE_MISMATCH");
            CliRunner.Result r = d.result();
            assertThat(r.exit()).isOne();
            assertThat(r.out()).contains("INVALID login").contains("STATE_MISMATCH");
            assertThat(op.tokenRequests.get()).isZero();
        }
    }

    @Test
    void aDiscoveryIssuerMismatchStopsBeforeAnyUrlIsPrinted() throws Exception {
        try (Hostile op = new Hostile()) {
            op.issuerInDocument = "https://evil.example/op";
            CliRunner.Result r = CliRunner.run("login", "--json", "--issuer", op.issuer(), "--client-id", "c",
                    "--no-browser");
            assertThat(r.exit()).isOne();
            assertThat(r.out().strip().split("\n")).hasSize(1);
            assertThat(r.out()).doesNotContain("authorization_url").contains("ISSUER_MISMATCH")
                    .doesNotContain("evil.example");
            CliRunner.Result human = CliRunner.run("login", "--issuer", op.issuer(), "--client-id", "c", "--no-browser");
            assertThat(human.exit()).isOne();
            assertThat(human.out()).startsWith("INVALID login").doesNotContain("/authorize");
        }
    }

    @Test
    void aDeadProviderEndsAtOnce() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = s.getLocalPort();
        }
        CliRunner.Result r = CliRunner.run("login", "--issuer", "http://127.0.0.1:" + port + "/op", "--client-id", "c",
                "--no-browser");
        assertThat(r.exit()).isOne();
        assertThat(r.out()).contains("PROVIDER_UNAVAILABLE");
    }

    @Test
    void aHangingTokenEndpointEndsWithin30Seconds() throws Exception {
        try (Hostile op = new Hostile(); LoginDriver d = new LoginDriver("login", "--issuer", op.issuer(),
                "--client-id", "c", "--client-secret", "hanging-secret-1234", "--no-browser")) {
            op.hangToken = true;
            HttpResponse<String> page = d.browse();
            assertThat(page.body()).contains("PROVIDER_UNAVAILABLE");
            CliRunner.Result r = d.result();
            assertThat(r.exit()).isOne();
            assertThat(d.elapsed()).isLessThan(Duration.ofSeconds(30));
            assertThat(r.out()).contains("PROVIDER_UNAVAILABLE");
            assertThat(r.out() + r.err()).doesNotContain("hanging-secret-1234");
        }
    }

    @Test
    void theWholeStepAfterTheRedirectHasOneDeadline() throws Exception {
        LoginCommand.stepDeadlineForTests = Duration.ofSeconds(1);
        try (Hostile op = new Hostile(); LoginDriver d = new LoginDriver("login", "--issuer", op.issuer(),
                "--client-id", "c", "--no-browser")) {
            op.hangToken = true;
            d.browse();
            CliRunner.Result r = d.result();
            assertThat(r.exit()).isOne();
            assertThat(r.out()).contains("PROVIDER_UNAVAILABLE").contains("within 1 s");
            assertThat(d.elapsed()).isLessThan(Duration.ofSeconds(8));
        } finally {
            LoginCommand.stepDeadlineForTests = null;
        }
    }

    @Test
    void noRedirectWithinTheLifetimeIsLoginStateExpired() throws Exception {
        LoginCommand.redirectWaitForTests = Duration.ofMillis(500);
        try (LoginDriver d = new LoginDriver("login", "--issuer", issuer, "--client-id", "native", "--no-browser")) {
            d.authorizationUrl();
            CliRunner.Result r = d.result();
            assertThat(r.exit()).isOne();
            assertThat(r.out()).contains("LOGIN_STATE_EXPIRED");
        } finally {
            LoginCommand.redirectWaitForTests = null;
        }
    }

    @Test
    void theSecretTheProviderEchoesIsMasked() throws Exception {
        try (Hostile op = new Hostile(); LoginDriver d = LoginDriver.withInput("echoed-Secret-42:x\n", "login", "--issuer",
                op.issuer(), "--client-id", "c", "--client-secret", "-", "--no-browser")) {
            op.echoSecret = true;
            d.browse();
            CliRunner.Result r = d.result();
            assertThat(r.exit()).isOne();
            assertThat(r.out()).contains("TOKEN_ERROR").contains("invalid_client").contains("***");
            assertThat(r.out() + r.err()).doesNotContain("echoed-Secret-42");
        }
    }

    @Test
    void usageErrors(@TempDir Path dir) throws Exception {
        Path pub = dir.resolve("public.jwk");
        Files.writeString(pub, SigningKey.generate(JwsAlgorithm.ES256).verificationKey().toJwk().toString()
                .replace("=", "\":\"").replace(", ", "\",\"").replace("{", "{\"").replace("}", "\"}"));
        Files.writeString(dir.resolve("ed.jwk"), SigningKey.generate(JwsAlgorithm.EDDSA).toPrivateJwkJson());
        Files.writeString(dir.resolve("ok.jwk"), SM2_CLIENT.toPrivateJwkJson());
        String[][] cases = {
            {"login", "--issuer", "http://example.com/op", "--client-id", "c"},
            {"login", "--issuer", "ftp://127.0.0.1/op", "--client-id", "c"},
            {"login", "--issuer", issuer + "?x=1", "--client-id", "c"},
            {"login", "--issuer", issuer, "--client-id", "c", "--client-secret", "s", "--client-key",
                dir.resolve("ok.jwk").toString()},
            {"login", "--issuer", issuer, "--client-id", "c", "--port", "70000"},
            {"login", "--issuer", issuer, "--client-id", "c", "--acr", "L5"},
            {"login", "--issuer", issuer, "--client-id", "c", "--client-key", pub.toString()},
            {"login", "--issuer", issuer, "--client-id", "c", "--client-key", dir.resolve("ed.jwk").toString()},
            {"login", "--issuer", issuer, "--client-id", "c", "--client-key", dir.resolve("missing.jwk").toString()},
            {"login", "--issuer", issuer, "--client-id", "c", "--client-secret", "-"},
            {"login", "--issuer", issuer, "--client-id", "c", "--scope", "bad\"scope"},
            {"login", "--issuer", issuer},
        };
        for (String[] args : cases) {
            CliRunner.Result r = CliRunner.run(args);
            assertThat(r.exit()).as(String.join(" ", args) + "\n" + r.err()).isEqualTo(2);
            assertThat(r.out()).isEmpty();
            assertThat(r.err()).startsWith("zwfw: ");
        }
        CliRunner.Result r = CliRunner.run("login", "--issuer", issuer, "--client-id", "c", "--client-key",
                dir.resolve("ed.jwk").toString());
        assertThat(r.err()).doesNotContain((String) Json.parseObject(Files.readString(dir.resolve("ed.jwk")), 2)
                .get("d"));
    }

    @Test
    void aPortInUseEndsWithExitOne() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            CliRunner.Result r = CliRunner.run("login", "--issuer", issuer, "--client-id", "native", "--no-browser",
                    "--port", String.valueOf(taken.getLocalPort()));
            assertThat(r.exit()).isOne();
            assertThat(r.err()).contains("cannot listen on 127.0.0.1:" + taken.getLocalPort());
            assertThat(r.out()).isEmpty();
        }
    }

    static Map<String, String> form(String q) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (String pair : q.split("&")) {
            int eq = pair.indexOf('=');
            m.put(java.net.URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return m;
    }

    /** A provider that misbehaves on purpose: another issuer, a hanging or echoing token endpoint. */
    static final class Hostile implements AutoCloseable {
        final HttpServer server;
        final AtomicInteger tokenRequests = new AtomicInteger();
        final CountDownLatch release = new CountDownLatch(1);
        volatile String issuerInDocument;
        volatile boolean hangToken;
        volatile boolean echoSecret;

        Hostile() throws Exception {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
            server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "hostile-op");
                t.setDaemon(true);
                return t;
            }));
            server.createContext("/op/.well-known/openid-configuration", ex -> {
                String iss = issuerInDocument != null ? issuerInDocument : issuer();
                respond(ex, 200, "{\"issuer\":\"" + iss + "\",\"authorization_endpoint\":\"" + issuer()
                        + "/authorize\",\"token_endpoint\":\"" + issuer() + "/token\",\"jwks_uri\":\"" + issuer()
                        + "/jwks\",\"response_types_supported\":[\"code\"],\"subject_types_supported\":[\"public\"],"
                        + "\"id_token_signing_alg_values_supported\":[\"ES256\"]}");
            });
            server.createContext("/op/authorize", ex -> {
                Map<String, String> q = form(ex.getRequestURI().getRawQuery());
                ex.getResponseHeaders().set("Location", q.get("redirect_uri") + "?code=c0de&state="
                        + java.net.URLEncoder.encode(q.get("state"), StandardCharsets.UTF_8));
                ex.sendResponseHeaders(302, -1);
                ex.close();
            });
            server.createContext("/op/token", ex -> {
                tokenRequests.incrementAndGet();
                if (hangToken) {
                    try {
                        release.await(40, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return;
                }
                String auth = ex.getRequestHeaders().getFirst("Authorization");
                String said = echoSecret && auth != null ? java.net.URLDecoder.decode(new String(java.util.Base64
                        .getDecoder().decode(auth.substring(6)), StandardCharsets.UTF_8).split(":", 2)[1],
                        StandardCharsets.UTF_8) : "";
                respond(ex, 401, "{\"error\":\"invalid_client\",\"error_description\":\"secret " + said
                        + " is wrong\"}");
            });
            server.start();
        }

        String issuer() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/op";
        }

        private static void respond(com.sun.net.httpserver.HttpExchange ex, int status, String json)
                throws java.io.IOException {
            byte[] b = json.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(status, b.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(b);
            }
        }

        @Override
        public void close() {
            release.countDown();
            server.stop(0);
        }
    }
}
