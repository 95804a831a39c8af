package org.zwfw.sdk.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.zwfw.sdk.client.ScriptedPlatform.Answer.json;
import static org.zwfw.sdk.client.ScriptedPlatform.Answer.problem;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.httpsig.HttpFields;
import org.zwfw.sdk.httpsig.MessageSigner;
import org.zwfw.sdk.httpsig.RequestMessage;
import org.zwfw.sdk.httpsig.ResponseMessage;
import org.zwfw.sdk.testkit.TestClock;
import org.zwfw.sdk.verify.OutcomeCode;

/** The client over real HTTP against a scripted platform: signing, verification, retries, timeouts, budget. */
class ApiClientTest {

    private final ScriptedPlatform platform;
    private final List<ApiExchange> seen = new ArrayList<>();

    ApiClientTest() throws Exception {
        platform = new ScriptedPlatform();
    }

    @AfterEach
    void stop() {
        platform.close();
    }

    private ApiClient client() {
        return platform.client().retryPolicy(new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(50),
                Duration.ofSeconds(2))).interceptor(new ApiInterceptor() {
                    @Override
                    public void afterAttempt(ApiExchange e) {
                        seen.add(e);
                    }
                }).build();
    }

    private static final ApiRequest GET = ApiRequest.get("/v1/service-items", "region=330100");
    private static final ApiRequest NEVER = ApiRequest.post("/v1/ecert-uses", "{}".getBytes(StandardCharsets.UTF_8), RetryMode.NEVER);

    @Test
    void everyCallIsSignedAndEveryAnswerVerified() {
        platform.then(json(200, "{\"items\":[]}"));
        try (ApiClient api = client()) {
            ApiResponse r = api.send(GET);
            assertThat(r.status()).isEqualTo(200);
            assertThat(new String(r.content(), StandardCharsets.UTF_8)).isEqualTo("{\"items\":[]}");
            assertThat(r.requestId()).contains("req-1");
            assertThat(r.attempts()).isEqualTo(1);
            assertThat(ScriptedPlatform.codes(platform.received)).containsExactly("OK");
            assertThat(r.toString()).doesNotContain("items");
        }
    }

    @Test
    void anAnswerChangedAfterSigningIsNotUsedNorRetried() {
        platform.then(json(200, "{\"status\":\"SUBMITTED\"}").tampered(m -> new ResponseMessage(m.status(), m.fields(),
                "{\"status\":\"APPROVED\"}".getBytes(StandardCharsets.UTF_8))));
        try (ApiClient api = client()) {
            assertThatThrownBy(() -> api.send(GET)).isInstanceOfSatisfying(ApiSignatureException.class, e -> {
                assertThat(e.outcome()).isEqualTo(OutcomeCode.DIGEST_MISMATCH);
                assertThat(e.status()).isEqualTo(200);
                assertThat(e.getMessage()).contains("not used").doesNotContain("APPROVED");
            });
            assertThat(platform.calls()).isEqualTo(1);
        }
    }

    @Test
    void aProxysUnsignedErrorPageSaysSo() {
        platform.then(new ScriptedPlatform.Answer(502, "text/html", "<h1>Bad Gateway</h1>", Map.of(), 0, false,
                m -> m, false));
        try (ApiClient api = client()) {
            assertThatThrownBy(() -> api.send(NEVER)).isInstanceOfSatisfying(ApiSignatureException.class, e -> {
                assertThat(e.outcome()).isEqualTo(OutcomeCode.SIGNATURE_MISSING);
                assertThat(e.getMessage()).contains("502").contains("proxy");
            });
        }
    }

    @Test
    void anAnswerToAnotherRequestIsRefused() {
        platform.then(json(200, "{}").tampered(m -> {
            RequestMessage other = MessageSigner.of(platform.appKey).signRequest(RequestMessage.of("GET",
                    URI.create("http://x.example/v1/other"), HttpFields.of("x-zwfw-app-id", ScriptedPlatform.APP), null),
                    Instant.now(), MessageSigner.newNonce()).message();
            ResponseMessage bare = m.withFields(m.fields().without("signature").without("signature-input").without("content-digest"));
            return MessageSigner.of(platform.platformKey).signResponse(bare, other, Instant.now()).message();
        }));
        try (ApiClient api = client()) {
            assertThatThrownBy(() -> api.send(GET)).isInstanceOfSatisfying(ApiSignatureException.class,
                    e -> assertThat(e.outcome()).isEqualTo(OutcomeCode.SIGNATURE_INVALID));
        }
    }

    @Test
    void anAnswerSignedByAKeyTheClientDoesNotHoldIsRefused() {
        platform.then(json(200, "{}").tampered(m -> MessageSigner.of(ScriptedPlatform.key(JwsAlgorithm.ES256))
                .signResponse(m.withFields(m.fields().without("signature").without("signature-input")),
                        platform.requests.get(platform.requests.size() - 1), Instant.now()).message()));
        try (ApiClient api = client()) {
            assertThatThrownBy(() -> api.send(GET)).isInstanceOfSatisfying(ApiSignatureException.class,
                    e -> assertThat(e.outcome()).isEqualTo(OutcomeCode.UNKNOWN_KEY));
        }
    }

    @Test
    void a503IsRetriedForAReadWithANewSignatureEachTime() {
        platform.then(problem(503, "SERVICE_UNAVAILABLE")).then(json(200, "{}"));
        try (ApiClient api = client()) {
            ApiResponse r = api.send(GET);
            assertThat(r.attempts()).isEqualTo(2);
            assertThat(ScriptedPlatform.codes(platform.received)).containsExactly("OK", "OK");
            assertThat(platform.requests.get(0).fields().first("signature"))
                    .isNotEqualTo(platform.requests.get(1).fields().first("signature"));
            assertThat(seen).extracting(ApiExchange::outcome).containsExactly("SERVICE_UNAVAILABLE", "OK");
            assertThat(seen.get(0).retrying()).isTrue();
        }
    }

    @Test
    void aCallThatCouldActTwiceIsNotRetriedAfterA503OrADrop() {
        platform.then(problem(503, "SERVICE_UNAVAILABLE"));
        try (ApiClient api = client()) {
            assertThatThrownBy(() -> api.send(NEVER)).isInstanceOfSatisfying(ApiProblemException.class, e -> {
                assertThat(e.status()).isEqualTo(503);
                assertThat(e.code()).isEqualTo("SERVICE_UNAVAILABLE");
                assertThat(e.requestId()).contains("req-1");
            });
            platform.then(json(200, "{}").dropped());
            assertThatThrownBy(() -> api.send(NEVER)).isInstanceOfSatisfying(ApiTransportException.class,
                    e -> assertThat(e.code()).isEqualTo("TRANSPORT"));
            assertThat(platform.calls()).isEqualTo(2);
        }
    }

    @Test
    void aDroppedConnectionIsRetriedForAnIdempotentCall() {
        platform.then(json(200, "{}").dropped()).then(json(200, "{}"));
        try (ApiClient api = client()) {
            assertThat(api.send(GET).status()).isEqualTo(200);
            // java.net.http itself resends a GET whose connection closed before the answer, with the
            // same signature: the platform then sees the nonce again
            assertThat(platform.calls()).isEqualTo(2);
            assertThat(ScriptedPlatform.codes(platform.received)).containsExactly("OK", "REPLAYED");
        }
    }

    @Test
    void aReplayedAnswerToARetryableCallIsRetriedWithANewSignature() {
        platform.then(problem(401, "REPLAYED")).then(json(200, "{}"));
        try (ApiClient api = client()) {
            assertThat(api.send(GET).attempts()).isEqualTo(2);
            assertThat(ScriptedPlatform.codes(platform.received)).containsExactly("OK", "OK");
        }
        platform.then(problem(401, "REPLAYED"));
        try (ApiClient api = client()) {
            assertThatThrownBy(() -> api.send(NEVER)).isInstanceOfSatisfying(ApiProblemException.class,
                    e -> assertThat(e.code()).isEqualTo("REPLAYED"));
        }
    }

    @Test
    void creatingCallsGetOneIdempotencyKeyForAllTheirAttempts() {
        platform.then(problem(503, "SERVICE_UNAVAILABLE")).then(json(201, "{}"));
        ApiRequest create = ApiRequest.post("/v1/cases", "{}".getBytes(StandardCharsets.UTF_8), RetryMode.IDEMPOTENCY_KEY);
        try (ApiClient api = client()) {
            assertThat(api.send(create).status()).isEqualTo(201);
            String first = platform.requests.get(0).fields().first("idempotency-key").orElseThrow();
            assertThat(first).matches("\"[A-Za-z0-9_-]{32}\"");
            assertThat(platform.requests.get(1).fields().first("idempotency-key")).contains(first);
            assertThat(ScriptedPlatform.codes(platform.received)).containsExactly("OK", "OK");
        }
    }

    @Test
    void a429IsRetriedAfterItsRetryAfterEvenForACallThatCouldActTwice() {
        platform.then(problem(429, "RATE_LIMITED").withHeader("retry-after", "1")).then(json(200, "{}"));
        try (ApiClient api = client()) {
            long start = System.nanoTime();
            assertThat(api.send(NEVER).attempts()).isEqualTo(2);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        }
    }

    @Test
    void aRetryAfterLongerThanThePolicyWaitsIsReportedAtOnce() {
        platform.then(problem(429, "RATE_LIMITED").withHeader("retry-after", "3600"));
        try (ApiClient api = client()) {
            assertThatThrownBy(() -> api.send(GET)).isInstanceOfSatisfying(ApiProblemException.class,
                    e -> assertThat(e.code()).isEqualTo("RATE_LIMITED"));
            assertThat(platform.calls()).isEqualTo(1);
        }
    }

    @Test
    void attemptsAreBoundedByThePolicy() {
        platform.otherwise(problem(503, "SERVICE_UNAVAILABLE"));
        try (ApiClient api = client()) {
            assertThatThrownBy(() -> api.send(GET)).isInstanceOf(ApiProblemException.class);
            assertThat(platform.calls()).isEqualTo(3);
        }
    }

    @Test
    void theRetryBudgetStopsRetriesWhenItIsUsedUp() {
        platform.otherwise(problem(503, "SERVICE_UNAVAILABLE"));
        try (ApiClient api = platform.client().retryBudget(new RetryBudget(0.1, 1))
                .retryPolicy(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofSeconds(1))).build()) {
            assertThatThrownBy(() -> api.send(GET)).isInstanceOf(ApiProblemException.class);
            assertThat(platform.calls()).as("one retry from the reserve").isEqualTo(2);
            assertThatThrownBy(() -> api.send(GET)).isInstanceOf(ApiProblemException.class);
            assertThat(platform.calls()).as("no retry left").isEqualTo(3);
        }
    }

    @Test
    void perAttemptAndTotalTimeoutsEndASlowCall() {
        platform.otherwise(json(200, "{}").delayed(1500));
        try (ApiClient api = platform.client().timeouts(Duration.ofMillis(200), Duration.ofMillis(700))
                .retryPolicy(new RetryPolicy(10, Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofSeconds(1))).build()) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> api.send(GET)).isInstanceOfSatisfying(ApiTransportException.class,
                    e -> assertThat(e.isTimeout()).isTrue());
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(took).isLessThan(Duration.ofMillis(1400));
            assertThat(platform.calls()).isBetween(2, 5);
        }
    }

    @Test
    void anInterruptedCallEndsAtOnceAndIsNotCalledATimeout() throws Exception {
        platform.otherwise(json(200, "{}").delayed(3000));
        try (ApiClient api = client()) {
            java.util.concurrent.atomic.AtomicReference<Throwable> thrown = new java.util.concurrent.atomic.AtomicReference<>();
            Thread caller = new Thread(() -> {
                try {
                    api.send(GET);
                } catch (RuntimeException e) {
                    thrown.set(e);
                }
            });
            long start = System.nanoTime();
            caller.start();
            Thread.sleep(300);
            caller.interrupt();
            caller.join(5000);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
            assertThat(thrown.get()).isInstanceOfSatisfying(ApiTransportException.class, e -> {
                assertThat(e.isTimeout()).isFalse();
                assertThat(e.getMessage()).contains("interrupted");
                assertThat(e.attempts()).isEqualTo(1);
            });
        }
    }

    @Test
    void aVerified401ExpiredPointsAtTheClock() {
        platform.then(problem(401, "EXPIRED"));
        try (ApiClient api = client()) {
            assertThatThrownBy(() -> api.send(GET)).hasMessageContaining("clock");
        }
    }

    @Test
    void theAsyncFormGivesTheSameAnswersAndFailures() {
        platform.then(json(200, "{\"a\":1}")).then(problem(404, "NOT_FOUND"));
        try (ApiClient api = client()) {
            assertThat(api.sendAsync(GET).join().status()).isEqualTo(200);
            assertThatThrownBy(() -> api.sendAsync(GET).join()).isInstanceOf(CompletionException.class)
                    .hasCauseInstanceOf(ApiProblemException.class);
        }
    }

    @Test
    void asyncCallsRunOnAtMostTheirThreadsAndTheOthersWaitTheirTurn() {
        platform.otherwise(json(200, "{}").delayed(100));
        try (ApiClient api = platform.client().retryPolicy(RetryPolicy.NONE).asyncThreads(3).build()) {
            List<java.util.concurrent.CompletableFuture<ApiResponse>> calls = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                calls.add(api.sendAsync(GET));
            }
            calls.forEach(c -> assertThat(c.join().status()).isEqualTo(200));
            assertThat(platform.mostInFlight.get()).as("calls answered at once").isEqualTo(3);
        }
    }

    @Test
    void anAsyncCallsTotalTimeoutCountsFromWhenItWasMade() {
        // one thread: the second call waits 1 s for the first, then has 0.5 s of its 1.5 s left
        platform.otherwise(json(200, "{}").delayed(1000));
        try (ApiClient api = platform.client().retryPolicy(RetryPolicy.NONE).asyncThreads(1)
                .timeouts(Duration.ofMillis(1500), Duration.ofMillis(1500))
                .build()) {
            java.util.concurrent.CompletableFuture<ApiResponse> first = api.sendAsync(GET);
            java.util.concurrent.CompletableFuture<ApiResponse> second = api.sendAsync(GET);
            assertThat(first.join().status()).isEqualTo(200);
            assertThatThrownBy(second::join).hasCauseInstanceOf(ApiTransportException.class)
                    .satisfies(e -> assertThat(((ApiTransportException) e.getCause()).isTimeout()).isTrue());
        }
    }

    @Test
    void asyncCallsStillWaitingFailWhenTheClientClosesOrTooManyWait() {
        platform.otherwise(json(200, "{}").delayed(300));
        List<java.util.concurrent.CompletableFuture<ApiResponse>> waiting = new ArrayList<>();
        try (ApiClient api = platform.client().retryPolicy(RetryPolicy.NONE).asyncThreads(1).build()) {
            api.sendAsync(GET); // takes the one thread
            for (int i = 0; i < ApiClient.MAX_WAITING; i++) {
                waiting.add(api.sendAsync(GET));
            }
            java.util.concurrent.CompletableFuture<ApiResponse> refused = api.sendAsync(GET);
            assertThat(refused).isCompletedExceptionally();
            assertThatThrownBy(refused::join).hasCauseInstanceOf(ApiTransportException.class)
                    .hasMessageContaining(ApiClient.MAX_WAITING + " asynchronous calls are already waiting");
        }
        // closed: every call still waiting ends, none is sent
        assertThat(waiting).allSatisfy(f -> assertThat(f).isCompletedExceptionally());
        assertThatThrownBy(() -> waiting.get(0).join()).hasCauseInstanceOf(ApiTransportException.class)
                .hasMessageContaining("not sent, the client was closed");
        assertThat(platform.calls()).isLessThanOrEqualTo(1);
    }

    @Test
    void anAsyncCallStillWaitingEndsAtItsTotalTimeoutWhileEveryThreadIsHeld() throws Exception {
        // the one thread is held by the first call's own code (a dependent stage or an interceptor
        // blocking, say on another call of this client): the second must still end in time
        platform.otherwise(json(200, "{}"));
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (ApiClient api = platform.client().retryPolicy(RetryPolicy.NONE).asyncThreads(1)
                .timeouts(Duration.ofMillis(500), Duration.ofSeconds(1)).interceptor(new ApiInterceptor() {
                    @Override
                    public Map<String, String> headers(ApiRequest request, int attempt) {
                        if (held.getCount() > 0) {
                            held.countDown();
                            try {
                                release.await(30, java.util.concurrent.TimeUnit.SECONDS);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        }
                        return Map.of();
                    }
                }).build()) {
            api.sendAsync(GET);
            assertThat(held.await(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            java.util.concurrent.CompletableFuture<ApiResponse> waiting = api.sendAsync(GET);
            try {
                assertThatThrownBy(() -> waiting.get(15, java.util.concurrent.TimeUnit.SECONDS))
                        .isInstanceOf(java.util.concurrent.ExecutionException.class)
                        .cause().isInstanceOfSatisfying(ApiTransportException.class, e -> {
                            assertThat(e.isTimeout()).isTrue();
                            assertThat(e.getMessage()).contains("not sent").contains("1000 ms");
                        });
                assertThat(platform.calls()).isZero();
            } finally {
                release.countDown();
            }
        }
    }

    @Test
    void closingEndsTheWaitingCallsWhenThePlatformKeysRefreshWaitsAmongThem() throws Exception {
        // no pinned keys: their refresh ahead waits for the client's threads like a call
        platform.servesKeys = true;
        platform.otherwise(json(200, "{}"));
        TestClock clock = TestClock.atNow();
        platform.now = clock::instant;
        ApiClient api = ApiClient.builder().endpoint(platform.uri()).allowLoopbackHttp(true).clock(clock)
                .appId(ScriptedPlatform.APP).appKey(platform.appKey).retryPolicy(RetryPolicy.NONE).asyncThreads(1)
                .build();
        api.send(GET);
        platform.then(json(200, "{}").delayed(10_000));
        java.util.concurrent.CompletableFuture<ApiResponse> running = api.sendAsync(GET); // holds the one thread
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (platform.inFlight.get() < 1 && System.nanoTime() < until) {
            Thread.sleep(5);
        }
        // in the set's last tenth a call starts the refresh: it waits for the held thread
        clock.advance(Duration.ofMinutes(55));
        api.send(GET);
        java.util.concurrent.CompletableFuture<ApiResponse> waiting = api.sendAsync(GET);
        api.close();
        assertThat(waiting).isCompletedExceptionally();
        assertThatThrownBy(waiting::join).hasCauseInstanceOf(ApiTransportException.class)
                .hasMessageContaining("not sent, the client was closed");
        assertThatThrownBy(() -> running.get(20, java.util.concurrent.TimeUnit.SECONDS))
                .hasCauseInstanceOf(ApiTransportException.class);
    }

    @Test
    void interceptorsAddUnsignedHeadersButNeverTheProfilesOwn() {
        platform.otherwise(json(200, "{}"));
        try (ApiClient api = platform.client().interceptor(new ApiInterceptor() {
            @Override
            public Map<String, String> headers(ApiRequest request, int attempt) {
                return Map.of("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
            }
        }).build()) {
            api.send(GET);
            assertThat(platform.requests.get(0).fields().first("traceparent")).isPresent();
            assertThat(ScriptedPlatform.codes(platform.received)).containsExactly("OK");
        }
        try (ApiClient api = platform.client().interceptor(new ApiInterceptor() {
            @Override
            public Map<String, String> headers(ApiRequest request, int attempt) {
                return Map.of("Signature", "zwfw=:AAAA:");
            }
        }).build()) {
            assertThatThrownBy(() -> api.send(GET)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("signature");
        }
    }

    @Test
    void anOperationAsksForItsOwnMediaTypeAndAlwaysForProblems() {
        platform.otherwise(json(200, "{}"));
        try (ApiClient api = client()) {
            api.send(GET);
            api.send(ApiRequest.get("/v1/trust-list", null).withAccept("application/trustlist+jwt"));
            assertThat(platform.requests.get(0).fields().first("accept")).contains("application/json, application/problem+json");
            assertThat(platform.requests.get(1).fields().first("accept"))
                    .contains("application/trustlist+jwt, application/problem+json");
        }
        assertThatThrownBy(() -> GET.withAccept("text/plain\r\nx: y")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRotatedPlatformKeyIsFetchedOnceAndAFloodOfUnknownKeysCostsOneFetch() {
        // no pinned keys: the client fetches /v1/platform/keys on first use
        platform.servesKeys = true;
        platform.otherwise(json(200, "{}"));
        TestClock clock = TestClock.atNow();
        try (ApiClient api = ApiClient.builder().endpoint(platform.uri()).allowLoopbackHttp(true).clock(clock)
                .appId(ScriptedPlatform.APP).appKey(platform.appKey).retryPolicy(RetryPolicy.NONE).build()) {
            api.send(GET);
            assertThat(platform.keyFetches.get()).isEqualTo(1);
            // a minute later (a fetch of the set is paced to one a minute, the first one included)
            clock.advance(Duration.ofSeconds(61));
            // the platform publishes a new key beside the old and starts signing with it
            org.zwfw.sdk.crypto.SigningKey next = ScriptedPlatform.key(JwsAlgorithm.SGD_SM3_SM2);
            platform.published = org.zwfw.sdk.crypto.KeySet.of(platform.platformKey.verificationKey(), next.verificationKey());
            platform.signingKey = next;
            api.send(GET);
            assertThat(platform.keyFetches.get()).as("one refresh for the unknown keyid").isEqualTo(2);
            api.send(GET);
            assertThat(platform.keyFetches.get()).as("the new key is now held").isEqualTo(2);
            // answers signed by keys never published: refused, and at most one more fetch per minute
            platform.signingKey = ScriptedPlatform.key(JwsAlgorithm.ES256);
            for (int i = 0; i < 20; i++) {
                assertThatThrownBy(() -> api.send(GET)).isInstanceOfSatisfying(ApiSignatureException.class,
                        e -> assertThat(e.outcome()).isEqualTo(OutcomeCode.UNKNOWN_KEY));
            }
            assertThat(platform.keyFetches.get()).isLessThanOrEqualTo(3);
        }
    }

    @Test
    void thePlatformKeysAreRefreshedOnTheClientsThreadsBeforeTheyAreDue() throws Exception {
        platform.servesKeys = true;
        platform.otherwise(json(200, "{}"));
        TestClock clock = TestClock.atNow();
        platform.now = clock::instant; // the platform's clock moves with the client's
        try (ApiClient api = ApiClient.builder().endpoint(platform.uri()).allowLoopbackHttp(true).clock(clock)
                .appId(ScriptedPlatform.APP).appKey(platform.appKey).retryPolicy(RetryPolicy.NONE).build()) {
            api.send(GET);
            assertThat(platform.keyFetches.get()).isEqualTo(1);
            CountDownLatch gate = new CountDownLatch(1);
            platform.keysGate = gate;
            // the set fetched is due in an hour; in its last tenth a call starts the refresh and is
            // answered with the set held, without waiting for the platform's (held) answer
            clock.advance(Duration.ofMinutes(55));
            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> api.send(GET));
            gate.countDown();
            long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (platform.keyFetches.get() < 2 && System.nanoTime() < until) {
                Thread.sleep(10);
            }
            assertThat(platform.keyFetches.get()).as("the refresh ran").isEqualTo(2);
        }
    }

    @Test
    void aCallWaitsForAPlatformKeyFetchAtMostOnePerAttemptTimeout() {
        // the first call must fetch the keys; the platform holds that answer for 30 s
        platform.servesKeys = true;
        platform.otherwise(json(200, "{}"));
        CountDownLatch gate = new CountDownLatch(1);
        platform.keysGate = gate;
        try (ApiClient api = ApiClient.builder().endpoint(platform.uri()).allowLoopbackHttp(true)
                .appId(ScriptedPlatform.APP).appKey(platform.appKey).retryPolicy(RetryPolicy.NONE)
                .timeouts(Duration.ofMillis(500), Duration.ofSeconds(1)).build()) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> api.send(GET)).isInstanceOf(ApiSignatureException.class)
                    .hasMessageContaining("no key set to verify with");
            // RemoteKeySet's own read timeout is 10 s
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        } finally {
            gate.countDown();
        }
    }

    @Test
    void malformedSignatureFieldsInAnAnswerAreRefusedClearly() {
        platform.then(json(200, "{}").tampered(m -> m.withFields(m.fields().replace("signature-input", "zwfw=(\"@status\""))))
                .then(json(200, "{}").tampered(m -> m.withFields(m.fields().replace("signature", "zwfw=:not base64!:"))))
                .then(json(200, "{}").tampered(m -> m.withFields(m.fields().with("signature",
                        m.fields().first("signature").orElseThrow()))));
        try (ApiClient api = client()) {
            for (int i = 0; i < 3; i++) {
                assertThatThrownBy(() -> api.send(GET)).isInstanceOfSatisfying(ApiSignatureException.class, e -> {
                    assertThat(e.outcome()).isEqualTo(OutcomeCode.MALFORMED);
                    assertThat(e.getMessage()).contains("failed verification").contains("not used");
                });
            }
        }
    }

    record Reading(@com.fasterxml.jackson.annotation.JsonProperty("size") int size,
                   @com.fasterxml.jackson.annotation.JsonProperty("at") java.time.OffsetDateTime at,
                   @com.fasterxml.jackson.annotation.JsonProperty("sizes") List<Integer> sizes) {
    }

    @Test
    void anAnswerThatDoesNotReadNamesTheMemberNeverItsValue() {
        String id = "110101199003077777";
        platform.then(json(200, "{\"size\":\"" + id + "\"}"))
                .then(json(200, "{\"at\":\"" + id + "\"}"))
                .then(json(200, "{\"sizes\":[1,\"" + id + "\"]}"))
                .then(json(200, "{\"size\":1} \"" + id + "\""));
        try (ApiClient api = client()) {
            for (String member : List.of("size", "at", "sizes[1]", "line 1")) {
                assertThatThrownBy(() -> api.call(GET, Reading.class)).isInstanceOfSatisfying(ApiDecodingException.class,
                        e -> assertThat(e.getMessage()).contains(member).doesNotContain("1101"));
            }
        }
    }

    @Test
    void onlyAllowListedHeadersAreLogged() {
        HttpFields f = HttpFields.of("signature", "zwfw=:secret:", "x-request-id", "r1", "content-digest", "sha-256=:x:",
                "idempotency-key", "\"k\"");
        assertThat(ApiClient.allowed(f)).containsOnlyKeys("x-request-id", "idempotency-key");
    }

    @Test
    void buildingTouchesNoNetworkAndRefusesUnsafeEndpoints() {
        ApiClient.builder().endpoint(URI.create("https://api.zwfw.example")).appId("a").appKey(platform.appKey).build().close();
        assertThatThrownBy(() -> ApiClient.builder().endpoint(URI.create("http://api.zwfw.example")).appId("a")
                .appKey(platform.appKey).build()).isInstanceOf(IllegalStateException.class).hasMessageContaining("https");
        assertThatThrownBy(() -> ApiClient.builder().endpoint(URI.create("https://api.zwfw.example/v1")))
                .isInstanceOf(IllegalArgumentException.class);
        // user information would be signed into @authority (never what the platform sees) and shown in toString and errors
        assertThatThrownBy(() -> ApiClient.builder().endpoint(URI.create("https://user:secret@api.zwfw.example")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("secret");
        assertThatThrownBy(() -> ApiClient.builder().appId("bad id")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ApiClient.builder().build()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ApiRequest.get("/v1/x?y=1", null)).isInstanceOf(IllegalArgumentException.class);
        // "//host/..." resolves against the endpoint as another host: the signed call and its content would go there
        assertThat(URI.create("https://api.zwfw.example/").resolve("//evil.example/v1/cases").getHost()).isEqualTo("evil.example");
        assertThatThrownBy(() -> ApiRequest.get("//evil.example/v1/cases", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ApiRequest.post("//evil.example/v1/cases", "{}".getBytes(StandardCharsets.UTF_8),
                RetryMode.NEVER)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ApiRequest.post("/v1/cases", new byte[0], RetryMode.NEVER).withIdempotencyKey("short"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aKeyStillInUseIsRetriedForACreatingCallOnly() {
        platform.then(problem(409, "IDEMPOTENCY_KEY_IN_USE")).then(json(201, "{}"));
        ApiRequest create = ApiRequest.post("/v1/cases", "{}".getBytes(StandardCharsets.UTF_8), RetryMode.IDEMPOTENCY_KEY);
        try (ApiClient api = client()) {
            assertThat(api.send(create).attempts()).isEqualTo(2);
            assertThat(platform.requests.get(0).fields().first("idempotency-key"))
                    .isEqualTo(platform.requests.get(1).fields().first("idempotency-key"));
            platform.then(problem(409, "IDEMPOTENCY_KEY_IN_USE")).then(problem(409, "STATE_CONFLICT"));
            assertThatThrownBy(() -> api.send(ApiRequest.post("/v1/cases/x/withdraw", "{}".getBytes(StandardCharsets.UTF_8),
                    RetryMode.IDEMPOTENT))).isInstanceOfSatisfying(ApiProblemException.class, e -> assertThat(e.attempts()).isEqualTo(1));
            assertThatThrownBy(() -> api.send(create)).isInstanceOfSatisfying(ApiProblemException.class,
                    e -> assertThat(e.code()).isEqualTo("STATE_CONFLICT"));
        }
    }

    @Test
    void pagesAreFetchedOnlyAsTheyAreUsed() {
        List<String> fetched = new ArrayList<>();
        record P(List<Integer> items, String nextPageToken) implements org.zwfw.sdk.client.model.Page<Integer> {
        }
        Paged<Integer> paged = new Paged<>(token -> {
            fetched.add(String.valueOf(token));
            return token == null ? new P(List.of(1, 2), "t2") : token.equals("t2") ? new P(List.of(), "t3")
                    : new P(List.of(3), null);
        });
        assertThat(fetched).isEmpty();
        assertThat(paged.stream().limit(1).toList()).containsExactly(1);
        assertThat(fetched).containsExactly("null");
        assertThat(paged.stream().toList()).containsExactly(1, 2, 3);
        assertThat(fetched).containsExactly("null", "null", "t2", "t3");
    }

    @Test
    void aPageTokenThatComesBackEndsTheIterationInsteadOfLoopingForever() {
        record P(List<Integer> items, String nextPageToken) implements org.zwfw.sdk.client.model.Page<Integer> {
        }
        int[] fetches = {0};
        Paged<Integer> paged = new Paged<>(token -> {
            if (++fetches[0] > 100) {
                throw new AssertionError("fetched forever");
            }
            return new P(List.of(), token == null ? "t1" : token.equals("t1") ? "t2" : "t1");
        });
        assertThatThrownBy(() -> paged.iterator().hasNext()).isInstanceOf(ApiDecodingException.class)
                .hasMessageContaining("page_token");
        assertThat(fetches[0]).isEqualTo(3);
    }
}
