package org.zwfw.sdk.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.zwfw.sdk.verify.OutcomeCode.UNKNOWN_KEY;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zwfw.sdk.http.HttpTransport;
import org.zwfw.sdk.internal.Base64Url;
import org.zwfw.sdk.internal.Json;
import org.zwfw.sdk.testing.LoopbackServer;
import org.zwfw.sdk.testing.MutableClock;
import org.zwfw.sdk.verify.Finding;
import org.zwfw.sdk.verify.OutcomeCode;
import org.zwfw.sdk.verify.VerificationResult;

/** The remote JWK Set against a real HTTP server on loopback, time driven by a test clock. */
class RemoteKeySetTest {

    private static final String PATH = "/oidc/jwks.json";
    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    private static final SigningKey K1 = SigningKey.generate(JwsAlgorithm.ES256).withKeyId("k1");
    private static final SigningKey K2 = SigningKey.generate(JwsAlgorithm.ES256).withKeyId("k2");
    private static final SigningKey K3 = SigningKey.generate(JwsAlgorithm.EDDSA).withKeyId("k3");
    private static final KeyPair RSA = rsaKeyPair();

    private LoopbackServer server;
    private MutableClock clock;
    /** What the server answers at {@link #PATH}, as {@code application/json}. */
    private final AtomicReference<String> published = new AtomicReference<>();
    private final List<RemoteKeySet> opened = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = new LoopbackServer();
        clock = new MutableClock(T0);
        publish(K1);
        server.on(PATH, ex -> LoopbackServer.respond(ex, 200, "application/json", published.get()));
    }

    @AfterEach
    void stop() {
        opened.forEach(RemoteKeySet::close);
        server.close();
    }

    private static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private void publish(SigningKey... keys) {
        List<VerificationKey> v = new ArrayList<>();
        for (SigningKey k : keys) {
            v.add(k.verificationKey());
        }
        published.set(KeySet.of(v).toJson());
    }

    private void publishJwks(Object... jwks) {
        published.set(Json.writeString(Map.of("keys", List.of(jwks))));
    }

    private RemoteKeySet.Builder builder() {
        return RemoteKeySet.builder(server.uri(PATH)).allowLoopbackHttp(true).clock(clock)
                .readTimeout(Duration.ofSeconds(5));
    }

    private RemoteKeySet keys(RemoteKeySet.Builder b) {
        RemoteKeySet r = b.build();
        opened.add(r);
        return r;
    }

    private static String token(SigningKey key) {
        return JwsBuilder.signedWith(key).claims(Map.of("iss", "https://op.example", "sub", "s")).sign();
    }

    private static String rs256(String kid) throws Exception {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "RS256");
        if (kid != null) {
            header.put("kid", kid);
        }
        String input = Base64Url.encode(Json.write(header)) + "." + Base64Url.encode(Json.write(Map.of("sub", "s")));
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(RSA.getPrivate());
        s.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + Base64Url.encode(s.sign());
    }

    private static Map<String, Object> rsaJwkWithoutAlg(String kid) {
        Map<String, Object> jwk = VerificationKey.fromPublicKey(RSA.getPublic()).withKeyId(kid).toJwk();
        jwk.remove("alg");
        jwk.remove("use");
        return jwk;
    }

    private static VerificationResult<VerifiedJws> verify(RemoteKeySet keys, String jws) {
        return JwsVerifier.builder().keys(keys).allowedAlgorithms(JwsAlgorithm.ES256, JwsAlgorithm.EDDSA,
                JwsAlgorithm.RS256).build().verify(jws);
    }

    private static VerificationResult<KeySet> ask(RemoteKeySet keys, String kid) {
        return keys.resolve(new KeyRequest(kid, "ES256", null, null, T0));
    }

    private static List<OutcomeCode> warningCodes(VerificationResult<?> r) {
        return r.warnings().stream().map(Finding::code).toList();
    }

    private static String messages(VerificationResult<?> r) {
        return r.errors().stream().map(Finding::message).toList().toString();
    }

    @Test
    void buildingFetchesNothing() throws IOException {
        RemoteKeySet keys = keys(builder());
        assertThat(server.hits(PATH)).isZero();
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        RemoteKeySet unreachable = keys(RemoteKeySet.builder(URI.create("http://127.0.0.1:" + closedPort + "/jwks"))
                .allowLoopbackHttp(true).clock(clock));
        VerificationResult<KeySet> r = ask(unreachable, "k1");
        assertThat(r.errorCodes()).containsExactly(UNKNOWN_KEY);
        assertThat(messages(r)).contains("no key set to verify with", "could not fetch the key set from http://127.0.0.1:"
                + closedPort + "/jwks");
        assertThat(verify(keys, token(K1)).errors()).isEmpty();
        assertThat(server.hits(PATH)).isEqualTo(1);
    }

    @Test
    void answersFromTheSetHeldUntilItIsDue() {
        RemoteKeySet keys = keys(builder());
        for (int i = 0; i < 100; i++) {
            assertThat(verify(keys, token(K1)).errors()).isEmpty();
            clock.advance(Duration.ofSeconds(35));
        }
        assertThat(server.hits(PATH)).as("100 tokens in 58 minutes").isEqualTo(1);
        clock.set(T0.plus(RemoteKeySet.DEFAULT_REFRESH_INTERVAL));
        publish(K2);
        assertThat(ask(keys, "k2").errors()).isEmpty();
        assertThat(server.hits(PATH)).isEqualTo(2);
        assertThat(verify(keys, token(K1)).errorCodes()).as("a key withdrawn by the provider").containsExactly(
                UNKNOWN_KEY);
    }

    @Test
    void keyRotationOneFetchThenTheNewKeyVerifies() {
        RemoteKeySet keys = keys(builder());
        assertThat(verify(keys, token(K1)).errors()).isEmpty();
        publish(K1, K2);
        clock.advance(Duration.ofMinutes(5));
        VerificationResult<VerifiedJws> r = verify(keys, token(K2));
        assertThat(r.errors()).isEmpty();
        assertThat(r.value().orElseThrow().key()).isEqualTo(K2.verificationKey());
        assertThat(server.hits(PATH)).isEqualTo(2);
        for (int i = 0; i < 10; i++) {
            assertThat(verify(keys, token(i % 2 == 0 ? K1 : K2)).errors()).isEmpty();
        }
        assertThat(server.hits(PATH)).isEqualTo(2);
    }

    @Test
    void aSecondRotationWithinTheIntervalIsSeenOnlyAfterIt() {
        RemoteKeySet keys = keys(builder());
        verify(keys, token(K1));
        publish(K1, K2);
        clock.advance(Duration.ofMinutes(1));
        assertThat(verify(keys, token(K2)).errors()).isEmpty();
        publish(K1, K2, K3);
        clock.advance(Duration.ofSeconds(29));
        VerificationResult<VerifiedJws> early = verify(keys, token(K3));
        assertThat(early.errorCodes()).containsExactly(UNKNOWN_KEY);
        assertThat(early.errors().get(0).message()).contains("no signature key with kid 'k3'", "at most once per");
        assertThat(server.hits(PATH)).isEqualTo(2);
        clock.advance(Duration.ofSeconds(1));
        assertThat(verify(keys, token(K3)).errors()).isEmpty();
        assertThat(server.hits(PATH)).isEqualTo(3);
    }

    @Test
    void aTokenWithoutKidAndNoKeyForItsAlgAlsoFetchesOnce() throws Exception {
        RemoteKeySet keys = keys(builder());
        assertThat(verify(keys, token(K1)).errors()).isEmpty();
        publishJwks(K1.verificationKey().toJwk(), rsaJwkWithoutAlg("r1"));
        clock.advance(Duration.ofMinutes(1));
        assertThat(verify(keys, rs256(null)).errors()).isEmpty();
        assertThat(server.hits(PATH)).isEqualTo(2);
    }

    @Test
    void aFloodOfRandomKidsCostsAtMostOneFetchPerInterval() throws Exception {
        RemoteKeySet keys = keys(builder());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 1; round <= 3; round++) {
                List<Future<VerificationResult<KeySet>>> results = new ArrayList<>();
                for (int i = 0; i < 1000; i++) {
                    String kid = UUID.randomUUID().toString();
                    results.add(pool.submit(() -> ask(keys, kid)));
                }
                for (Future<VerificationResult<KeySet>> f : results) {
                    assertThat(f.get(10, TimeUnit.SECONDS).errorCodes()).containsExactly(UNKNOWN_KEY);
                }
                assertThat(server.hits(PATH)).as("round " + round).isEqualTo(round);
                assertThat(ask(keys, "k1").errors()).isEmpty();
                clock.advance(RemoteKeySet.DEFAULT_UNKNOWN_KEY_REFRESH_INTERVAL);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentCallersForANewKeyShareOneFetch() throws Exception {
        RemoteKeySet keys = keys(builder());
        ask(keys, "k1");
        clock.advance(Duration.ofMinutes(1));
        publish(K1, K2);
        CountDownLatch arrived = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        server.on(PATH, ex -> {
            arrived.countDown();
            await(release);
            LoopbackServer.respond(ex, 200, "application/json", published.get());
        });
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<VerificationResult<VerifiedJws>>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> verify(keys, token(K2))));
            }
            assertThat(arrived.await(10, TimeUnit.SECONDS)).isTrue();
            long start = System.nanoTime();
            assertThat(verify(keys, token(K1)).errors()).as("a key held is served while the fetch hangs").isEmpty();
            assertThat(System.nanoTime() - start).isLessThan(TimeUnit.SECONDS.toNanos(2));
            release.countDown();
            for (Future<VerificationResult<VerifiedJws>> f : results) {
                assertThat(f.get(10, TimeUnit.SECONDS).errors()).isEmpty();
            }
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
        assertThat(server.hits(PATH)).isEqualTo(2);
    }

    @Test
    void providerDownTheLastGoodSetServesThroughTheToleranceThenAClearFailure() {
        RemoteKeySet keys = keys(builder());
        assertThat(verify(keys, token(K1)).errors()).isEmpty();
        server.on(PATH, ex -> LoopbackServer.respond(ex, 503, "text/html", "<html>maintenance</html>"));
        clock.set(T0.plus(RemoteKeySet.DEFAULT_REFRESH_INTERVAL));
        VerificationResult<VerifiedJws> r = verify(keys, token(K1));
        assertThat(r.isValid()).isTrue();
        assertThat(warningCodes(r)).containsExactly(UNKNOWN_KEY, UNKNOWN_KEY);
        assertThat(r.warnings().get(0).message()).contains("last good set", "fetched at " + T0);
        assertThat(r.warnings().get(1).message()).contains("HTTP 503");
        for (int i = 0; i < 5; i++) {
            assertThat(verify(keys, token(K1)).isValid()).isTrue();
            clock.advance(Duration.ofSeconds(5));
        }
        assertThat(server.hits(PATH)).as("failed fetches paced to one per 30 s").isEqualTo(2);
        Instant end = T0.plus(RemoteKeySet.DEFAULT_REFRESH_INTERVAL).plus(RemoteKeySet.DEFAULT_OUTAGE_TOLERANCE);
        clock.set(end.minusSeconds(1));
        assertThat(verify(keys, token(K1)).isValid()).isTrue();
        clock.set(end);
        VerificationResult<VerifiedJws> beyond = verify(keys, token(K1));
        assertThat(beyond.errorCodes()).containsExactly(UNKNOWN_KEY);
        assertThat(messages(beyond)).contains("no key set to verify with", "HTTP 503");
        server.on(PATH, ex -> LoopbackServer.respond(ex, 200, "application/json", published.get()));
        clock.advance(RemoteKeySet.DEFAULT_UNKNOWN_KEY_REFRESH_INTERVAL);
        assertThat(verify(keys, token(K1)).warnings()).as("recovered").isEmpty();
    }

    @Test
    void theOutageToleranceIsSettable() {
        RemoteKeySet keys = keys(builder().refreshInterval(Duration.ofMinutes(10))
                .outageTolerance(Duration.ofMinutes(20)));
        ask(keys, "k1");
        server.on(PATH, ex -> LoopbackServer.respond(ex, 500, "application/json", "{}"));
        clock.set(T0.plus(Duration.ofMinutes(29)));
        assertThat(ask(keys, "k1").isValid()).isTrue();
        clock.set(T0.plus(Duration.ofMinutes(30)));
        assertThat(ask(keys, "k1").errorCodes()).containsExactly(UNKNOWN_KEY);
    }

    @Test
    void anUnknownKidDuringAnOutageNamesTheFailedFetch() {
        RemoteKeySet keys = keys(builder());
        ask(keys, "k1");
        server.on(PATH, ex -> LoopbackServer.respond(ex, 502, "text/plain", "bad gateway"));
        clock.advance(Duration.ofMinutes(1));
        VerificationResult<KeySet> r = ask(keys, "k9");
        assertThat(r.errors()).extracting(Finding::code).containsExactly(UNKNOWN_KEY, UNKNOWN_KEY);
        assertThat(r.errors().get(0).message()).contains("no signature key with kid 'k9'");
        assertThat(r.errors().get(1).message()).contains("fetching the key set again failed", "HTTP 502");
        assertThat(ask(keys, "k1").isValid()).as("the fresh set held is kept").isTrue();
        assertThat(ask(keys, "k1").warnings()).isEmpty();
    }

    @Test
    void htmlInsteadOfJsonIsAFailedFetch() {
        server.on(PATH, ex -> LoopbackServer.respond(ex, 200, "text/html", "<html><body>login</body></html>"));
        VerificationResult<KeySet> typed = ask(keys(builder()), "k1");
        assertThat(typed.errorCodes()).containsExactly(UNKNOWN_KEY);
        assertThat(messages(typed)).contains("Content-Type", "text/html");
        server.on(PATH, ex -> LoopbackServer.respond(ex, 200, "application/json", "<html><body>login</body></html>"));
        VerificationResult<KeySet> mislabelled = ask(keys(builder()), "k1");
        assertThat(mislabelled.errorCodes()).containsExactly(UNKNOWN_KEY);
        assertThat(messages(mislabelled)).contains("not a usable JWK Set", "not valid JSON");
    }

    @Test
    void aTenMegabyteBodyIsRefusedWithinTheLimit() {
        byte[] chunk = new byte[64 * 1024];
        java.util.Arrays.fill(chunk, (byte) ' ');
        AtomicInteger declared = new AtomicInteger(10 << 20);
        server.on(PATH, ex -> {
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, declared.get());
            try (OutputStream out = ex.getResponseBody()) {
                for (int i = 0; i < 160; i++) {
                    out.write(chunk);
                }
            } catch (IOException e) {
                // the client hung up
            }
        });
        VerificationResult<KeySet> r = ask(keys(builder()), "k1");
        assertThat(r.errorCodes()).containsExactly(UNKNOWN_KEY);
        assertThat(messages(r)).contains("exceeds the limit of 1048576 bytes");
        declared.set(0); // chunked, no length announced
        VerificationResult<KeySet> chunked = ask(keys(builder().maxResponseBytes(4096)), "k1");
        assertThat(messages(chunked)).contains("exceeds the limit of 4096 bytes");
    }

    @Test
    void aHangingServerIsBoundedByTheDeadline() {
        CountDownLatch never = new CountDownLatch(1);
        server.on(PATH, ex -> {
            await(never);
            LoopbackServer.respond(ex, 200, "application/json", published.get());
        });
        try {
            long start = System.nanoTime();
            VerificationResult<KeySet> r = ask(keys(builder().readTimeout(Duration.ofMillis(300))), "k1");
            long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertThat(r.errorCodes()).containsExactly(UNKNOWN_KEY);
            assertThat(messages(r)).contains("within 300 ms");
            assertThat(tookMs).isLessThan(5000);
        } finally {
            never.countDown();
        }
    }

    @Test
    void badJsonAndBadSetsAreFailedFetchesAndKeepTheLastGoodSet() {
        Map<String, Object> offCurve = K2.verificationKey().toJwk();
        offCurve.put("y", offCurve.get("x"));
        Map<String, Object> priv = SigningKey.generate(JwsAlgorithm.ES256).withKeyId("p").toPrivateJwk();
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("{\"keys\":[", "not valid JSON");
        bad.put("{\"keys\":{}}", "'keys' array");
        bad.put("{\"keys\":[],\"keys\":[]}", "not valid JSON");
        bad.put("[]", "not valid JSON");
        bad.put(Json.writeString(Map.of("keys", List.of(K1.verificationKey().toJwk(), offCurve))), "key 1");
        bad.put(Json.writeString(Map.of("keys", List.of(priv))), "private member 'd'");
        for (Map.Entry<String, String> e : bad.entrySet()) {
            published.set(e.getKey());
            VerificationResult<KeySet> cold = ask(keys(builder()), "k1");
            assertThat(cold.errorCodes()).as(e.getKey()).containsExactly(UNKNOWN_KEY);
            assertThat(messages(cold)).as(e.getKey()).contains("not a usable JWK Set", e.getValue());
        }
        publish(K1);
        RemoteKeySet keys = keys(builder());
        ask(keys, "k1");
        published.set(Json.writeString(Map.of("keys", List.of(K1.verificationKey().toJwk(), offCurve))));
        clock.advance(RemoteKeySet.DEFAULT_REFRESH_INTERVAL);
        VerificationResult<KeySet> r = ask(keys, "k1");
        assertThat(r.isValid()).isTrue();
        assertThat(r.warnings().get(1).message()).contains("not a usable JWK Set", "key 1");
    }

    @Test
    void anEmptySetIsASetWithoutKeys() {
        published.set("{\"keys\":[]}");
        RemoteKeySet keys = keys(builder());
        VerificationResult<VerifiedJws> r = verify(keys, token(K1));
        assertThat(r.errorCodes()).containsExactly(UNKNOWN_KEY);
        assertThat(messages(r)).contains("no signature key with kid 'k1'", "(0 key(s)");
        assertThat(server.hits(PATH)).isEqualTo(1);
    }

    @Test
    void anEmptySetReplacesTheSetHeldTheProviderWithdrewItsKeys() {
        RemoteKeySet keys = keys(builder());
        assertThat(verify(keys, token(K1)).errors()).isEmpty();
        published.set("{\"keys\":[]}");
        clock.advance(RemoteKeySet.DEFAULT_REFRESH_INTERVAL);
        VerificationResult<VerifiedJws> r = verify(keys, token(K1));
        assertThat(r.errorCodes()).containsExactly(UNKNOWN_KEY);
        assertThat(r.warnings()).as("not an outage").isEmpty();
        assertThat(server.hits(PATH)).isEqualTo(2);
    }

    @Test
    void anRsaKeyWithoutAlgVerifiesAnRs256Token() throws Exception {
        publishJwks(rsaJwkWithoutAlg("r1"));
        RemoteKeySet keys = keys(builder());
        assertThat(verify(keys, rs256("r1")).errors()).isEmpty();
        VerificationKey held = ask(keys, "r1").value().orElseThrow().keys().get(0);
        assertThat(held.algorithm()).isEqualTo(JwsAlgorithm.RS256);
    }

    @Test
    void aKeyForEncryptionNeverVerifies() {
        Map<String, Object> enc = K1.verificationKey().toJwk();
        enc.put("use", "enc");
        Map<String, Object> ops = K2.verificationKey().toJwk();
        ops.remove("use");
        ops.put("key_ops", List.of("encrypt"));
        publishJwks(enc, ops);
        RemoteKeySet keys = keys(builder());
        VerificationResult<VerifiedJws> withKid = verify(keys, token(K1));
        assertThat(withKid.errorCodes()).containsExactly(UNKNOWN_KEY);
        assertThat(messages(withKid)).contains("no signature key with kid 'k1'", "skipped key 0 (kid 'k1')",
                "'use' is 'enc'");
        assertThat(messages(verify(keys, token(K2)))).contains("'key_ops' lacks 'verify'");
        String noKid = JwsBuilder.signedWith(SigningKey.generate(JwsAlgorithm.ES256)).claims(Map.of("n", 1)).sign();
        VerificationResult<VerifiedJws> withoutKid = JwsVerifier.builder().keys(keys).build().verify(
                signedWithoutKid(K1));
        assertThat(withoutKid.errorCodes()).containsExactly(UNKNOWN_KEY);
        assertThat(verify(keys, noKid).errorCodes()).containsExactly(UNKNOWN_KEY);
        assertThat(ask(keys, "k1").errorCodes()).containsExactly(UNKNOWN_KEY);
    }

    private static String signedWithoutKid(SigningKey key) {
        String input = Base64Url.encode(Json.write(Map.of("alg", "ES256"))) + "."
                + Base64Url.encode(Json.write(Map.of("n", 1)));
        return input + "." + Base64Url.encode(key.sign(input.getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void asksForAJwkSetAndAcceptsItsMediaType() {
        AtomicReference<String> accept = new AtomicReference<>();
        server.on(PATH, ex -> {
            accept.set(ex.getRequestHeaders().getFirst("Accept"));
            LoopbackServer.respond(ex, 200, "application/jwk-set+json; charset=utf-8", published.get());
        });
        assertThat(ask(keys(builder()), "k1").errors()).isEmpty();
        assertThat(accept.get()).isEqualTo("application/jwk-set+json, application/json");
    }

    @Test
    void neverFollowsARedirect() {
        server.on(PATH, ex -> LoopbackServer.redirect(ex, 302, server.uri("/elsewhere").toString()));
        server.on("/elsewhere", ex -> LoopbackServer.respond(ex, 200, "application/json", published.get()));
        VerificationResult<KeySet> r = ask(keys(builder()), "k1");
        assertThat(r.errorCodes()).containsExactly(UNKNOWN_KEY);
        assertThat(messages(r)).contains("redirects are not followed");
        assertThat(server.hits("/elsewhere")).isZero();
    }

    @Test
    void refreshesAheadOnTheExecutorGivenWithoutMakingACallerWait() {
        Queue<Runnable> tasks = new ArrayDeque<>();
        RemoteKeySet keys = keys(builder().refreshAhead(tasks::add));
        ask(keys, "k1");
        publish(K2);
        clock.advance(Duration.ofMinutes(53));
        ask(keys, "k1");
        assertThat(tasks).isEmpty();
        clock.advance(Duration.ofMinutes(1));
        assertThat(ask(keys, "k1").errors()).as("still the set held").isEmpty();
        assertThat(tasks).hasSize(1);
        assertThat(server.hits(PATH)).isEqualTo(1);
        tasks.poll().run();
        assertThat(server.hits(PATH)).isEqualTo(2);
        assertThat(ask(keys, "k2").errors()).isEmpty();
        assertThat(server.hits(PATH)).isEqualTo(2);
    }

    @Test
    void refusesUrisThatBreakTheFetchRulesBeforeAnyIo() {
        for (String uri : List.of("http://op.example.gov.cn/jwks", "http://127.0.0.2/jwks", "ftp://127.0.0.1/jwks",
                "https://user:pw@op.example/jwks", "/jwks")) {
            assertThatThrownBy(() -> RemoteKeySet.builder(URI.create(uri)).allowLoopbackHttp(true).build()).as(uri)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> RemoteKeySet.builder(server.uri(PATH)).build())
                .hasMessageContaining("allowLoopbackHttp");
        assertThat(server.hits(PATH)).isZero();
        keys(RemoteKeySet.builder(URI.create("https://op.example.gov.cn/jwks")));
    }

    @Test
    void usesAGivenTransportAndLeavesItOpen() {
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger closes = new AtomicInteger();
        HttpTransport fake = new HttpTransport() {
            @Override
            public byte[] get(URI uri, String accept, int maxBytes, Duration timeout) {
                calls.incrementAndGet();
                assertThat(maxBytes).isEqualTo(RemoteKeySet.DEFAULT_MAX_RESPONSE_BYTES);
                assertThat(timeout).isEqualTo(RemoteKeySet.DEFAULT_READ_TIMEOUT);
                return published.get().getBytes(StandardCharsets.UTF_8);
            }

            @Override
            public void close() {
                closes.incrementAndGet();
            }
        };
        RemoteKeySet keys = RemoteKeySet.builder(URI.create("https://op.example.gov.cn/jwks")).transport(fake)
                .clock(clock).build();
        assertThat(ask(keys, "k1").errors()).isEmpty();
        keys.close();
        keys.close();
        assertThat(calls.get()).isEqualTo(1);
        assertThat(closes.get()).isZero();
        assertThatThrownBy(() -> ask(keys, "k1")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void builderRefusesSettingsOutOfRange() {
        RemoteKeySet.Builder b = builder();
        assertThatThrownBy(() -> b.refreshInterval(Duration.ofSeconds(59))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.refreshInterval(Duration.ofHours(25))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.unknownKeyRefreshInterval(Duration.ofSeconds(9)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.unknownKeyRefreshInterval(Duration.ofMinutes(61)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.outageTolerance(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.outageTolerance(Duration.ofDays(8))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.readTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.connectTimeout(Duration.ofMinutes(6))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.maxResponseBytes(1023)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.maxResponseBytes((1 << 20) + 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsSm2AliasesOnlyWhenAsked() {
        Map<String, Object> sm2 = SigningKey.generate(JwsAlgorithm.SGD_SM3_SM2).withKeyId("s").verificationKey()
                .toJwk();
        sm2.put("crv", "sm2p256v1");
        sm2.put("alg", "SM2SM3");
        publishJwks(sm2);
        assertThat(ask(keys(builder()), "s").errorCodes()).containsExactly(UNKNOWN_KEY);
        assertThat(ask(keys(builder().aliasPolicy(AliasPolicy.LENIENT)), "s").errors()).isEmpty();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
