package org.zwfw.sdk.trust;

import static org.assertj.core.api.Assertions.assertThat;
import org.zwfw.sdk.crypto.VerificationPolicy;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.zwfw.sdk.trust.Fixtures.ANCHOR;
import static org.zwfw.sdk.trust.Fixtures.ANCHOR_KEYS;
import static org.zwfw.sdk.trust.Fixtures.T0;
import static org.zwfw.sdk.verify.OutcomeCode.MALFORMED;
import static org.zwfw.sdk.verify.OutcomeCode.SIGNATURE_INVALID;
import static org.zwfw.sdk.verify.OutcomeCode.TRUST_LIST_EXPIRED;
import static org.zwfw.sdk.verify.OutcomeCode.TRUST_LIST_INVALID;
import static org.zwfw.sdk.verify.OutcomeCode.TRUST_LIST_ROLLBACK;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zwfw.sdk.http.HttpTransport;
import org.zwfw.sdk.testing.LoopbackServer;
import org.zwfw.sdk.testing.MutableClock;
import org.zwfw.sdk.verify.Finding;
import org.zwfw.sdk.verify.OutcomeCode;
import org.zwfw.sdk.verify.VerificationResult;
import org.zwfw.sdk.trust.publisher.TrustListBuilder;

/** The refreshing source against a real HTTP server on loopback. */
class TrustListSourceTest {

    private static final String PATH = "/v1/trust-list";
    /** exp of {@link Fixtures#edition(long)}. */
    private static final Instant EXP = T0.plus(Duration.ofDays(7));
    private static final Instant BEYOND_GRACE = EXP.plus(VerificationPolicy.DEFAULT_SKEW)
            .plus(TrustListVerifier.DEFAULT_GRACE);

    private LoopbackServer server;
    private MutableClock clock;
    private TrustListVerifier verifier;
    private final List<TrustListSource> sources = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = new LoopbackServer();
        clock = new MutableClock(T0);
        verifier = TrustListVerifier.builder(ANCHOR_KEYS).clock(clock).build();
    }

    @AfterEach
    void stop() {
        sources.forEach(TrustListSource::close);
        server.close();
    }

    private TrustListSource.Builder builder() {
        return TrustListSource.builder(verifier).uri(server.uri(PATH)).allowLoopbackHttp(true).clock(clock)
                .readTimeout(Duration.ofSeconds(5));
    }

    private TrustListSource source(TrustListSource.Builder b) {
        TrustListSource s = b.build();
        sources.add(s);
        return s;
    }

    private static long seq(VerificationResult<TrustList> r) {
        return r.value().orElseThrow().edition().orElseThrow().seq();
    }

    private static List<OutcomeCode> warningCodes(VerificationResult<?> r) {
        return r.warnings().stream().map(Finding::code).toList();
    }

    @Test
    void buildingDoesNoNetworkIo() throws IOException {
        server.serve(PATH, Fixtures.edition(5).sign(ANCHOR));
        source(builder());
        assertThat(server.hits(PATH)).isZero();
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        TrustListSource unreachable = source(TrustListSource.builder(verifier)
                .uri(URI.create("http://127.0.0.1:" + closedPort + "/x")).allowLoopbackHttp(true));
        assertThat(unreachable.current().errorCodes()).containsExactly(TRUST_LIST_INVALID);
    }

    @Test
    void fetchesOnFirstUseAndCachesForTheRefreshInterval() {
        server.serve(PATH, Fixtures.edition(5).sign(ANCHOR));
        TrustListSource s = source(builder());
        VerificationResult<TrustList> first = s.current();
        assertThat(first.errors()).isEmpty();
        assertThat(first.value().orElseThrow().issuers()).containsExactly(Fixtures.rz(), Fixtures.license());
        assertThat(seq(first)).isEqualTo(5);
        clock.advance(TrustListSource.DEFAULT_REFRESH_INTERVAL.minusSeconds(1));
        assertThat(seq(s.current())).isEqualTo(5);
        assertThat(server.hits(PATH)).isEqualTo(1);
    }

    @Test
    void refreshesWhenTheCachedListIsOlderThanTheInterval() {
        server.serve(PATH, Fixtures.edition(5).sign(ANCHOR));
        TrustListSource s = source(builder().refreshInterval(Duration.ofMinutes(10)));
        assertThat(seq(s.current())).isEqualTo(5);
        server.serve(PATH, Fixtures.edition(6).sign(ANCHOR));
        clock.advance(Duration.ofMinutes(10));
        VerificationResult<TrustList> r = s.current();
        assertThat(seq(r)).isEqualTo(6);
        assertThat(r.warnings()).isEmpty();
        assertThat(server.hits(PATH)).isEqualTo(2);
        assertThat(verifier.sequenceStore().highest().orElseThrow().seq()).isEqualTo(6);
    }

    @Test
    void refreshesAListThatWentStaleBeforeTheInterval() {
        server.serve(PATH, Fixtures.edition(5).sign(ANCHOR));
        TrustListSource s = source(builder().refreshInterval(Duration.ofDays(30)));
        s.current();
        server.serve(PATH, new TrustListBuilder().issuedBy(Fixtures.LIST_ISSUER).seq(6).issuedAt(EXP)
                .expiresAt(EXP.plus(Duration.ofDays(7))).add(Fixtures.rz()).sign(ANCHOR));
        clock.set(EXP.plus(Duration.ofMinutes(5)));
        assertThat(seq(s.current())).isEqualTo(6);
        assertThat(server.hits(PATH)).isEqualTo(2);
    }

    @Test
    void asksALatePublisherOncePerIntervalNotOnEveryCall() {
        server.serve(PATH, Fixtures.edition(5).sign(ANCHOR));
        TrustListSource s = source(builder());
        clock.set(EXP.plus(Duration.ofHours(2)));
        VerificationResult<TrustList> r = s.current();
        assertThat(r.isValid()).isTrue();
        assertThat(warningCodes(r)).containsExactly(TRUST_LIST_EXPIRED);
        s.current();
        s.current();
        assertThat(server.hits(PATH)).isEqualTo(1);
        clock.advance(TrustListSource.DEFAULT_REFRESH_INTERVAL);
        s.current();
        assertThat(server.hits(PATH)).isEqualTo(2);
    }

    @Test
    void servesTheLastGoodListDuringAnOutageWithAWarning() {
        server.serve(PATH, Fixtures.edition(5).sign(ANCHOR));
        TrustListSource s = source(builder());
        s.current();
        server.on(PATH, ex -> LoopbackServer.respond(ex, 503, "maintenance"));
        clock.advance(Duration.ofHours(2));
        VerificationResult<TrustList> r = s.current();
        assertThat(r.isValid()).isTrue();
        assertThat(seq(r)).isEqualTo(5);
        assertThat(warningCodes(r)).containsExactly(TRUST_LIST_INVALID, TRUST_LIST_INVALID);
        assertThat(r.warnings().get(0).message()).contains("last good list", "seq 5");
        assertThat(r.warnings().get(1).message()).contains("HTTP 503");
    }

    @Test
    void keepsServingThroughTheGraceAndStopsBeyondIt() {
        server.serve(PATH, Fixtures.edition(5).sign(ANCHOR));
        TrustListSource s = source(builder());
        s.current();
        server.on(PATH, ex -> LoopbackServer.respond(ex, 500, "down"));
        clock.set(BEYOND_GRACE.minusSeconds(1));
        VerificationResult<TrustList> inGrace = s.current();
        assertThat(inGrace.isValid()).isTrue();
        assertThat(warningCodes(inGrace)).contains(TRUST_LIST_INVALID, TRUST_LIST_EXPIRED);
        clock.set(BEYOND_GRACE);
        VerificationResult<TrustList> expired = s.current();
        assertThat(expired.isValid()).isFalse();
        assertThat(expired.errorCodes()).containsExactlyInAnyOrder(TRUST_LIST_EXPIRED, TRUST_LIST_INVALID);
    }

    @Test
    void waitsTheRetryIntervalAfterAFailedRefresh() {
        server.serve(PATH, Fixtures.edition(5).sign(ANCHOR));
        TrustListSource s = source(builder().retryInterval(Duration.ofMinutes(1)));
        s.current();
        server.on(PATH, ex -> LoopbackServer.respond(ex, 500, "down"));
        clock.advance(Duration.ofHours(1));
        for (int i = 0; i < 5; i++) {
            assertThat(s.current().isValid()).isTrue();
            clock.advance(Duration.ofSeconds(10));
        }
        assertThat(server.hits(PATH)).isEqualTo(2);
        clock.advance(Duration.ofSeconds(10));
        s.current();
        assertThat(server.hits(PATH)).isEqualTo(3);
        server.serve(PATH, Fixtures.edition(6).sign(ANCHOR));
        assertThat(seq(s.refresh())).as("refresh ignores the retry interval").isEqualTo(6);
    }

    @Test
    void keepsTheLastGoodListWhenAForgedListIsServed() {
        server.serve(PATH, Fixtures.edition(5).sign(ANCHOR));
        TrustListSource s = source(builder());
        s.current();
        server.serve(PATH, Fixtures.edition(9).sign(Fixtures.OTHER));
        VerificationResult<TrustList> r = s.refresh();
        assertThat(seq(r)).isEqualTo(5);
        assertThat(warningCodes(r)).contains(TRUST_LIST_INVALID, SIGNATURE_INVALID);
        assertThat(verifier.sequenceStore().highest().orElseThrow().seq()).isEqualTo(5);
    }

    @Test
    void keepsTheLastGoodListWhenAnOlderListIsServed() {
        server.serve(PATH, Fixtures.edition(5).sign(ANCHOR));
        TrustListSource s = source(builder());
        s.current();
        server.serve(PATH, Fixtures.edition(4).sign(ANCHOR));
        VerificationResult<TrustList> r = s.refresh();
        assertThat(seq(r)).isEqualTo(5);
        assertThat(warningCodes(r)).contains(TRUST_LIST_ROLLBACK);
    }

    @Test
    void refusesAnOversizeResponse() {
        server.serve(PATH, "a".repeat(TrustListSource.DEFAULT_MAX_RESPONSE_BYTES + 1));
        VerificationResult<TrustList> r = source(builder()).current();
        assertThat(r.errorCodes()).containsExactly(TRUST_LIST_INVALID);
        assertThat(r.errors().get(0).message()).contains("exceeds the limit");
        server.on(PATH, ex -> {
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                for (int i = 0; i < 1024; i++) {
                    out.write(new byte[4096]);
                }
            } catch (IOException e) {
                // the client hung up
            }
        });
        VerificationResult<TrustList> chunked = source(builder().maxResponseBytes(8192)).current();
        assertThat(chunked.errors().get(0).message()).contains("exceeds the limit of 8192");
    }

    @Test
    void refusesARedirectToAnotherScheme() {
        server.on(PATH, ex -> LoopbackServer.redirect(ex, 302, "https://127.0.0.1:" + server.port() + "/elsewhere"));
        server.serve("/elsewhere", Fixtures.edition(5).sign(ANCHOR));
        VerificationResult<TrustList> r = source(builder()).current();
        assertThat(r.errorCodes()).containsExactly(TRUST_LIST_INVALID);
        assertThat(r.errors().get(0).message()).contains("redirects are not followed");
        assertThat(server.hits("/elsewhere")).isZero();
    }

    @Test
    void refusesPlainHttpToANonLoopbackHost() {
        for (String uri : List.of("http://trust.zwfw.example.gov.cn/v1/trust-list", "http://127.0.0.2/x",
                "http://localhost.example.com/x")) {
            assertThatThrownBy(() -> TrustListSource.builder(verifier).uri(URI.create(uri)).allowLoopbackHttp(true)
                    .build()).as(uri).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("plain http is refused");
        }
        assertThatThrownBy(() -> TrustListSource.builder(verifier).uri(server.uri(PATH)).build())
                .as("loopback http needs the explicit flag").hasMessageContaining("allowLoopbackHttp");
        assertThat(server.hits(PATH)).isZero();
        source(TrustListSource.builder(verifier).uri(URI.create("https://trust.zwfw.example.gov.cn/v1/trust-list")));
    }

    @Test
    void offlineNeverFetches() {
        server.serve(PATH, Fixtures.edition(6).sign(ANCHOR));
        TrustListSource s = source(builder().offline(true).initialList(Fixtures.edition(5).sign(ANCHOR)));
        assertThat(s.isOffline()).isTrue();
        assertThat(seq(s.current())).isEqualTo(5);
        clock.advance(Duration.ofDays(2));
        assertThat(seq(s.current())).isEqualTo(5);
        assertThat(seq(s.refresh())).isEqualTo(5);
        assertThat(server.hits(PATH)).isZero();
        clock.set(BEYOND_GRACE);
        assertThat(s.current().errorCodes()).containsExactly(TRUST_LIST_EXPIRED);
    }

    @Test
    void offlineWithoutAUsableListIsInvalid() {
        TrustListSource none = source(TrustListSource.builder(verifier).offline(true));
        VerificationResult<TrustList> r = none.current();
        assertThat(r.errorCodes()).containsExactly(TRUST_LIST_INVALID);
        assertThat(r.errors().get(0).message()).contains("offline");
        TrustListSource forged = source(TrustListSource.builder(verifier).offline(true)
                .initialList(Fixtures.edition(5).sign(Fixtures.OTHER)));
        assertThat(forged.current().errorCodes()).containsExactlyInAnyOrder(TRUST_LIST_INVALID, SIGNATURE_INVALID);
    }

    @Test
    void anInitialListCarriesAColdStartThroughAnOutage() {
        server.on(PATH, ex -> LoopbackServer.respond(ex, 502, ""));
        TrustListSource s = source(builder().initialList(Fixtures.edition(5).sign(ANCHOR)));
        VerificationResult<TrustList> r = s.current();
        assertThat(seq(r)).isEqualTo(5);
        assertThat(r.warnings().get(0).message()).contains("given at start");
        server.serve(PATH, Fixtures.edition(6).sign(ANCHOR));
        clock.advance(TrustListSource.DEFAULT_RETRY_INTERVAL);
        assertThat(seq(s.current())).isEqualTo(6);
    }

    @Test
    void withoutAnyGoodListAFailedFetchIsInvalid() {
        server.on(PATH, ex -> LoopbackServer.respond(ex, 404, "no"));
        VerificationResult<TrustList> r = source(builder()).current();
        assertThat(r.errorCodes()).containsExactly(TRUST_LIST_INVALID);
        assertThat(r.errors().get(0).message()).contains("HTTP 404");
    }

    @Test
    void acceptsATrailingLineBreakButNotABodyThatIsNotUtf8() {
        server.serve(PATH, Fixtures.edition(5).sign(ANCHOR) + "\r\n");
        assertThat(source(builder()).current().isValid()).isTrue();
        server.on(PATH, ex -> {
            ex.sendResponseHeaders(200, 3);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(new byte[] {(byte) 0xC3, (byte) 0x28, 'a'});
            }
        });
        assertThat(source(builder()).current().errorCodes()).containsExactlyInAnyOrder(TRUST_LIST_INVALID,
                MALFORMED);
    }

    @Test
    void fetchesOnceForManyConcurrentCallers() throws Exception {
        CountDownLatch arrived = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        String list = Fixtures.edition(5).sign(ANCHOR);
        server.on(PATH, ex -> {
            arrived.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            LoopbackServer.respond(ex, 200, list);
        });
        TrustListSource s = source(builder());
        List<Thread> callers = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "caller");
            callers.add(t);
            return t;
        });
        try {
            List<Future<VerificationResult<TrustList>>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(s::current));
            }
            // The one fetch is held at the server until the other seven callers wait for it.
            assertThat(arrived.await(10, TimeUnit.SECONDS)).isTrue();
            long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (callers.stream().filter(t -> t.getState() == Thread.State.WAITING).count() < 7
                    && System.nanoTime() < giveUp) {
                Thread.onSpinWait();
            }
            release.countDown();
            for (Future<VerificationResult<TrustList>> f : results) {
                assertThat(seq(f.get(10, TimeUnit.SECONDS))).isEqualTo(5);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(server.hits(PATH)).isEqualTo(1);
    }

    @Test
    void aClockThatWentBackwardsMakesTheCachedListDue() {
        server.serve(PATH, Fixtures.edition(5).sign(ANCHOR));
        TrustListSource s = source(builder());
        clock.advance(Duration.ofHours(2));
        s.current();
        server.serve(PATH, Fixtures.edition(6).sign(ANCHOR));
        clock.advance(Duration.ofHours(-1));
        assertThat(seq(s.current())).isEqualTo(6);
        assertThat(server.hits(PATH)).isEqualTo(2);
    }

    @Test
    void aClockThatWentBackwardsDoesNotStretchThePauseAfterAFailure() {
        server.on(PATH, ex -> LoopbackServer.respond(ex, 500, "down"));
        TrustListSource s = source(builder());
        clock.advance(Duration.ofHours(2));
        s.current();
        clock.advance(Duration.ofHours(-1));
        server.serve(PATH, Fixtures.edition(5).sign(ANCHOR));
        assertThat(seq(s.current())).isEqualTo(5);
        assertThat(server.hits(PATH)).isEqualTo(2);
    }

    @Test
    void refusesAResponseOfAnotherContentType() {
        server.on(PATH, ex -> LoopbackServer.respond(ex, 200, "text/html", Fixtures.edition(5).sign(ANCHOR)));
        VerificationResult<TrustList> r = source(builder()).current();
        assertThat(r.errorCodes()).containsExactly(TRUST_LIST_INVALID);
        assertThat(r.errors().get(0).message()).contains("Content-Type", "text/html");
    }

    @Test
    void whileOneCallerRefreshesTheOthersGetTheCachedListAtOnce() throws Exception {
        server.serve(PATH, Fixtures.edition(5).sign(ANCHOR));
        TrustListSource s = source(builder());
        s.current();
        CountDownLatch arrived = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        String next = Fixtures.edition(6).sign(ANCHOR);
        server.on(PATH, ex -> {
            arrived.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            LoopbackServer.respond(ex, 200, next);
        });
        clock.advance(TrustListSource.DEFAULT_REFRESH_INTERVAL);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<VerificationResult<TrustList>> refreshing = pool.submit(s::current);
            assertThat(arrived.await(10, TimeUnit.SECONDS)).isTrue();
            for (int i = 0; i < 3; i++) {
                VerificationResult<TrustList> r = s.current();
                assertThat(seq(r)).isEqualTo(5);
                assertThat(r.warnings()).isEmpty();
            }
            release.countDown();
            assertThat(seq(refreshing.get(10, TimeUnit.SECONDS))).isEqualTo(6);
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
        assertThat(seq(s.current())).isEqualTo(6);
        assertThat(server.hits(PATH)).isEqualTo(2);
    }

    @Test
    void refreshesAheadOnTheExecutorGivenWithoutMakingACallerWait() {
        server.serve(PATH, Fixtures.edition(5).sign(ANCHOR));
        java.util.Queue<Runnable> tasks = new java.util.ArrayDeque<>();
        TrustListSource s = source(builder().refreshAhead(Duration.ofMinutes(5), tasks::add));
        s.current();
        server.serve(PATH, Fixtures.edition(6).sign(ANCHOR));
        clock.advance(Duration.ofMinutes(56));
        assertThat(seq(s.current())).isEqualTo(5);
        assertThat(server.hits(PATH)).isEqualTo(1);
        assertThat(tasks).hasSize(1);
        tasks.poll().run();
        assertThat(server.hits(PATH)).isEqualTo(2);
        assertThat(seq(s.current())).isEqualTo(6);
        assertThatThrownBy(() -> builder().refreshAhead(Duration.ofHours(1), tasks::add).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("refresh interval");
        assertThatThrownBy(() -> builder().refreshAhead(Duration.ZERO, tasks::add))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void usesAGivenTransportAndLeavesItOpen() {
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger closes = new AtomicInteger();
        String list = Fixtures.edition(5).sign(ANCHOR);
        HttpTransport fake = new HttpTransport() {
            @Override
            public byte[] get(URI uri, String accept, int maxBytes, Duration timeout) {
                calls.incrementAndGet();
                return list.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            }

            @Override
            public void close() {
                closes.incrementAndGet();
            }
        };
        TrustListSource s = TrustListSource.builder(verifier).uri(URI.create("https://trust.example.gov.cn/l"))
                .transport(fake).clock(clock).build();
        assertThat(seq(s.current())).isEqualTo(5);
        s.close();
        assertThat(calls.get()).isEqualTo(1);
        assertThat(closes.get()).isZero();
    }

    @Test
    void cannotBeUsedAfterClose() {
        TrustListSource s = builder().build();
        s.close();
        s.close();
        assertThatThrownBy(s::current).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(s::refresh).isInstanceOf(IllegalStateException.class);
        assertThat(server.hits(PATH)).isZero();
    }

    @Test
    void builderRefusesContradictoryOrUnsafeSettings() {
        assertThatThrownBy(() -> TrustListSource.builder(verifier).build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("uri");
        TrustListSource.Builder b = TrustListSource.builder(verifier);
        assertThatThrownBy(() -> b.refreshInterval(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.retryInterval(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.readTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.connectTimeout(Duration.ofHours(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.maxResponseBytes(10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.uri(URI.create("ftp://example.com/x")).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrustListSource.builder(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        assertThat(TrustListSource.DEFAULT_REFRESH_INTERVAL).isEqualTo(Duration.ofHours(1));
        assertThat(TrustListSource.DEFAULT_RETRY_INTERVAL).isEqualTo(Duration.ofMinutes(1));
        assertThat(TrustListSource.DEFAULT_CONNECT_TIMEOUT).isEqualTo(Duration.ofSeconds(5));
        assertThat(TrustListSource.DEFAULT_READ_TIMEOUT).isEqualTo(Duration.ofSeconds(10));
        assertThat(TrustListSource.DEFAULT_MAX_RESPONSE_BYTES).isEqualTo(1 << 20);
    }
}
