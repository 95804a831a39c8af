package org.zwfw.sdk.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.zwfw.sdk.login.Fixtures.client;
import static org.zwfw.sdk.login.Fixtures.login;
import static org.zwfw.sdk.login.LoginFlowTest.assertFlow;

import java.io.OutputStream;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Broken and hostile providers (spec/login.md §2, §7, §13, §14): each ends the login with its
 * code, within the exchange deadline, and nothing of a document for another issuer is used.
 */
class ProviderFailuresTest {

    FakeProvider op;
    final CountDownLatch never = new CountDownLatch(1);

    @BeforeEach
    void start() throws Exception {
        op = new FakeProvider();
    }

    @AfterEach
    void stop() {
        never.countDown();
        op.close();
    }

    private static final String DISCOVERY = "/op/.well-known/openid-configuration";

    @Test
    void aDiscoveryDocumentForAnotherIssuerIsNotUsedAtAll() throws Exception {
        op.discovery = m -> {
            m.put("issuer", "https://evil.example/op");
            return m;
        };
        try (OidcClient c = client(op).build()) {
            assertThatThrownBy(c::beginLogin).isInstanceOfSatisfying(LoginException.class,
                    e -> assertThat(e.failure()).contains(LoginFailure.ISSUER_MISMATCH))
                    .hasMessageContaining("nothing of it was used").hasMessageNotContaining("evil");
            // not cached: a corrected document is used at the next attempt
            op.discovery = m -> m;
            assertThat(c.beginLogin().url().toString()).startsWith(op.issuer());
        }
        op.discovery = m -> {
            m.put("issuer", op.issuer() + "/");
            return m;
        };
        try (OidcClient c = client(op).build()) {
            assertFlow(c::beginLogin, LoginFailure.ISSUER_MISMATCH);
        }
        assertThat(op.hits("/op/authorize")).isZero();
    }

    @Test
    void anHtmlPageInsteadOfJsonIsProviderResponseInvalid() throws Exception {
        op.on(DISCOVERY, ex -> FakeProvider.respond(ex, 200, "text/html; charset=utf-8",
                "<html><body>Please log in to the proxy</body></html>"));
        try (OidcClient c = client(op).build()) {
            assertThatThrownBy(c::beginLogin).isInstanceOfSatisfying(LoginException.class,
                    e -> assertThat(e.failure()).contains(LoginFailure.PROVIDER_RESPONSE_INVALID))
                    .hasMessageContaining("not JSON");
        }
        op.on(DISCOVERY, ex -> FakeProvider.respond(ex, 200, null, "<html></html>"));
        try (OidcClient c = client(op).build()) {
            assertFlow(c::beginLogin, LoginFailure.PROVIDER_RESPONSE_INVALID);
        }
        op.on(DISCOVERY, ex -> FakeProvider.respond(ex, 200, "application/json",
                "{\"issuer\":\"" + op.issuer() + "\",\"issuer\":\"https://evil.example\"}"));
        try (OidcClient c = client(op).build()) {
            assertThatThrownBy(c::beginLogin).hasMessageContaining("strict JSON");
        }
    }

    @Test
    void aTenMegabyteBodyIsRefusedWithoutReadingIt() throws Exception {
        op.on(DISCOVERY, ex -> {
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, 10 << 20);
            try (OutputStream out = ex.getResponseBody()) {
                byte[] chunk = new byte[64 * 1024];
                java.util.Arrays.fill(chunk, (byte) ' ');
                for (int i = 0; i < 160; i++) {
                    out.write(chunk);
                }
            }
        });
        op.on("/op/token", ex -> {
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, 0); // chunked, no length
            try (OutputStream out = ex.getResponseBody()) {
                byte[] chunk = new byte[64 * 1024];
                for (int i = 0; i < 160; i++) {
                    out.write(chunk);
                }
            }
        });
        try (OidcClient c = client(op).build()) {
            assertThatThrownBy(c::beginLogin).isInstanceOfSatisfying(LoginException.class,
                    e -> assertThat(e.failure()).contains(LoginFailure.PROVIDER_UNAVAILABLE))
                    .hasMessageContaining("exceeds the limit of 65536");
        }
        op.on(DISCOVERY, ex -> FakeProvider.json(ex, 200, op.metadata()));
        try (OidcClient c = client(op).build()) {
            assertThatThrownBy(() -> login(c)).isInstanceOfSatisfying(LoginException.class,
                    e -> assertThat(e.failure()).contains(LoginFailure.PROVIDER_UNAVAILABLE))
                    .hasMessageContaining("exceeds the limit of 65536");
        }
    }

    @Test
    void aHangingDiscoveryOrTokenEndpointEndsWithinTheDeadline() throws Exception {
        op.on(DISCOVERY, ex -> await());
        try (OidcClient c = client(op).exchangeTimeout(Duration.ofMillis(500)).build()) {
            long t0 = System.nanoTime();
            assertThatThrownBy(c::beginLogin).isInstanceOfSatisfying(LoginException.class,
                    e -> assertThat(e.failure()).contains(LoginFailure.PROVIDER_UNAVAILABLE))
                    .hasMessageContaining("500 ms");
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(3));
        }
        op.on(DISCOVERY, ex -> FakeProvider.json(ex, 200, op.metadata()));
        op.on("/op/token", ex -> await());
        try (OidcClient c = client(op).exchangeTimeout(Duration.ofMillis(500)).build()) {
            LoginRedirect go = c.beginLogin();
            String q = Browser.callbackQuery(go.url());
            long t0 = System.nanoTime();
            assertFlow(() -> c.completeLogin(go.state(), q), LoginFailure.PROVIDER_UNAVAILABLE);
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(3));
        }
    }

    @Test
    void aDeadProviderIsUnavailable() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            port = s.getLocalPort();
        }
        try (OidcClient c = OidcClient.builder().issuer("http://127.0.0.1:" + port + "/op").clientId("c")
                .redirectUri(Fixtures.REDIRECT).allowLoopbackHttp(true).build()) {
            long t0 = System.nanoTime();
            assertThatThrownBy(c::beginLogin).isInstanceOfSatisfying(LoginException.class,
                    e -> assertThat(e.failure()).contains(LoginFailure.PROVIDER_UNAVAILABLE))
                    .hasMessageContaining("127.0.0.1:" + port);
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
        }
    }

    @Test
    void statusesRedirectsAndMissingEndpoints() throws Exception {
        op.on(DISCOVERY, ex -> FakeProvider.respond(ex, 404, "text/plain", "no"));
        try (OidcClient c = client(op).build()) {
            assertThatThrownBy(c::beginLogin).hasMessageContaining("HTTP 404");
            assertFlow(c::beginLogin, LoginFailure.PROVIDER_UNAVAILABLE);
        }
        op.on(DISCOVERY, ex -> {
            ex.getResponseHeaders().set("Location", "https://evil.example/.well-known/openid-configuration");
            ex.sendResponseHeaders(302, -1);
        });
        try (OidcClient c = client(op).build()) {
            assertThatThrownBy(c::beginLogin).hasMessageContaining("redirects are not followed");
        }
        op.on(DISCOVERY, ex -> FakeProvider.json(ex, 200, op.discovery.apply(op.metadata())));
        for (String member : List.of("authorization_endpoint", "token_endpoint", "jwks_uri")) {
            op.discovery = m -> {
                m.remove(member);
                return m;
            };
            try (OidcClient c = client(op).build()) {
                assertThatThrownBy(c::beginLogin).as(member).hasMessageContaining("has no " + member);
            }
        }
        for (String bad : List.of("http://example.com/token", "/token", "https://op.example/t#frag", "ftp://op/t")) {
            op.discovery = m -> {
                m.put("token_endpoint", bad);
                return m;
            };
            try (OidcClient c = client(op).build()) {
                assertFlow(c::beginLogin, LoginFailure.PROVIDER_RESPONSE_INVALID);
            }
        }
        op.discovery = m -> {
            m.put("code_challenge_methods_supported", List.of("plain"));
            return m;
        };
        try (OidcClient c = client(op).build()) {
            assertThatThrownBy(c::beginLogin).hasMessageContaining("ignore PKCE");
        }
        op.discovery = m -> {
            m.remove("subject_types_supported");
            return m;
        };
        try (OidcClient c = client(op).build()) {
            assertThatThrownBy(c::beginLogin).hasMessageContaining("subject_types_supported");
        }
    }

    @Test
    void theDocumentIsKeptADayAndTheLastGoodOneServesADayMore() throws Exception {
        Instant t0 = Instant.now();
        MutableClock clock = new MutableClock(t0);
        try (OidcClient c = client(op).clock(clock).build()) {
            c.beginLogin();
            c.beginLogin();
            assertThat(op.hits(DISCOVERY)).isOne();
            op.on(DISCOVERY, ex -> FakeProvider.respond(ex, 503, "text/plain", "down"));
            clock.now = t0.plus(Duration.ofHours(25));
            assertThat(c.beginLogin()).isNotNull();
            assertThat(op.hits(DISCOVERY)).isEqualTo(2);
            clock.now = t0.plus(Duration.ofHours(49));
            assertFlow(c::beginLogin, LoginFailure.PROVIDER_UNAVAILABLE);
            op.discovery = m -> {
                m.put("issuer", "https://evil.example");
                return m;
            };
            op.on(DISCOVERY, ex -> FakeProvider.json(ex, 200, op.discovery.apply(op.metadata())));
            clock.now = t0.plus(Duration.ofHours(25));
            assertFlow(c::beginLogin, LoginFailure.ISSUER_MISMATCH);
        }
    }

    @Test
    void concurrentFirstLoginsShareOneDiscoveryFetch() throws Exception {
        CountDownLatch slow = new CountDownLatch(1);
        op.on(DISCOVERY, ex -> {
            try {
                slow.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            FakeProvider.json(ex, 200, op.metadata());
        });
        try (OidcClient c = client(op).build()) {
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
            List<java.util.concurrent.Future<LoginRedirect>> logins = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                logins.add(pool.submit((java.util.concurrent.Callable<LoginRedirect>) c::beginLogin));
            }
            Thread.sleep(300);
            slow.countDown();
            for (java.util.concurrent.Future<LoginRedirect> f : logins) {
                assertThat(f.get(10, TimeUnit.SECONDS).url().toString()).startsWith(op.issuer());
            }
            pool.shutdown();
            assertThat(op.hits(DISCOVERY)).isOne();
        }
    }

    @Test
    void tokenEndpointErrorsAreNamedAndTheSecretNeverShown() throws Exception {
        String secret = "Tr0ub4dor&3:x";
        op.on("/op/token", ex -> FakeProvider.json(ex, 401, Map.of("error", "invalid_client",
                "error_description", "client secret " + secret + " is wrong")));
        try (OidcClient c = client(op).clientSecretBasic(secret).build()) {
            assertThatThrownBy(() -> login(c)).isInstanceOfSatisfying(LoginException.class,
                    e -> assertThat(e.failure()).contains(LoginFailure.TOKEN_ERROR))
                    .hasMessageContaining("'invalid_client'").hasMessageContaining("client secret *** is wrong")
                    .hasMessageNotContaining(secret);
            assertThat(c.toString()).doesNotContain(secret);
        }
        op.on("/op/token", ex -> FakeProvider.respond(ex, 400, "text/html", "<html>bad</html>"));
        try (OidcClient c = client(op).build()) {
            assertFlow(() -> login(c), LoginFailure.PROVIDER_UNAVAILABLE);
        }
        op.on("/op/token", ex -> FakeProvider.respond(ex, 200, "text/html", "<html>portal</html>"));
        try (OidcClient c = client(op).build()) {
            assertFlow(() -> login(c), LoginFailure.PROVIDER_RESPONSE_INVALID);
        }
    }

    @Test
    void aTokenResponseMustBeBearerWithAnIdToken() throws Exception {
        op.tokenResponse = m -> {
            m.put("token_type", "DPoP");
            return m;
        };
        try (OidcClient c = client(op).build()) {
            assertThatThrownBy(() -> login(c)).hasMessageContaining("not Bearer");
        }
        op.tokenResponse = m -> {
            m.remove("id_token");
            return m;
        };
        try (OidcClient c = client(op).build()) {
            assertThatThrownBy(() -> login(c)).isInstanceOfSatisfying(LoginException.class,
                    e -> assertThat(e.failure()).contains(LoginFailure.PROVIDER_RESPONSE_INVALID))
                    .hasMessageContaining("no id_token");
        }
        op.tokenResponse = m -> {
            m.remove("access_token");
            return m;
        };
        try (OidcClient c = client(op).build()) {
            assertFlow(() -> login(c), LoginFailure.PROVIDER_RESPONSE_INVALID);
        }
    }

    private void await() {
        try {
            never.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static final class MutableClock extends Clock {
        volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
