package org.zwfw.sdk.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.zwfw.sdk.client.ApiClient;
import org.zwfw.sdk.client.ApiException;
import org.zwfw.sdk.client.ApiRequest;
import org.zwfw.sdk.client.ApiResponse;
import org.zwfw.sdk.client.RetryPolicy;
import org.zwfw.sdk.crypto.AliasPolicy;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.crypto.KeySet;
import org.zwfw.sdk.crypto.SigningKey;
import org.zwfw.sdk.httpsig.HttpFields;
import org.zwfw.sdk.httpsig.MessageSigner;
import org.zwfw.sdk.httpsig.RequestMessage;
import org.zwfw.sdk.httpsig.SignatureProfile;
import org.zwfw.sdk.httpsig.Signed;
import org.zwfw.sdk.sandbox.Sandbox;

/**
 * One signed {@code GET /v1/service-items/{code}} against a sandbox on loopback, in this JVM or in
 * another one ({@link SandboxProcess}), two ways: through {@link ApiClient} (signs every request
 * with a new nonce, verifies every answer) and through a bare {@link HttpClient} sending requests
 * signed before the measurement. The sandbox refuses a nonce seen before ({@code 401 REPLAYED}),
 * so the bare side takes each request of a pool once ({@link #presign}); every answer that is not {@code 200} is counted, and {@link #check()}
 * fails when there was one. Both clients have the settings of the SDK's default transport
 * (redirects never followed, connect timeout 5 s, a 10 s timeout per request, default HTTP
 * version, the client's tasks drained from a queue by two daemon threads: the SDK's pool without
 * its watchdog, which starts more threads only when a task has waited 50 ms); the bare one reads
 * the answer's bytes and nothing else.
 */
final class ApiFixture implements AutoCloseable {

    /** The cheap signed read measured: one service item (about 2 KB of JSON). */
    static final String PATH = "/v1/service-items/330100-SB-YL-0007";
    private static final String ACCEPT = "application/json, application/problem+json";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** The bare client's executor: two daemon threads draining one queue, as the SDK's transport. */
    private static final java.util.concurrent.ExecutorService TASKS = new java.util.concurrent.ThreadPoolExecutor(2,
            2, 30, java.util.concurrent.TimeUnit.SECONDS, new java.util.concurrent.LinkedBlockingQueue<>(), r -> {
                Thread t = new Thread(r, "bare-http");
                t.setDaemon(true);
                return t;
            });

    /** The sandbox's rate limit: 1,000,000 calls a second, so that it (50 by default) is not what is measured. */
    static final int RATE_LIMIT = 1_000_000;

    final JwsAlgorithm alg;
    /** The sandbox in this JVM, or {@code null} when it runs in {@link #process}. */
    final Sandbox sandbox;
    /** The sandbox in a JVM of its own, or {@code null} when it runs in this one. */
    final SandboxProcess process;
    final ApiClient client;
    final HttpClient bare;
    private final MessageSigner signer;
    private final URI uri;
    private final ApiRequest request = ApiRequest.get(PATH, null);

    private volatile HttpRequest[] pool = new HttpRequest[0];
    private final AtomicInteger next = new AtomicInteger();
    final AtomicLong calls = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicReference<String> firstFailure = new AtomicReference<>();

    /**
     * Against a sandbox started in this JVM.
     *
     * @param alg the application key's algorithm (the sandbox answers with the platform key of the same one)
     */
    ApiFixture(JwsAlgorithm alg) {
        this(alg, Sandbox.builder().apiRateLimit(RATE_LIMIT).start(), null);
    }

    /**
     * Against a sandbox in another JVM, with the same calls and checks; {@link #close()} ends it.
     *
     * @param alg     the application key's algorithm
     * @param process the running sandbox process, owned by the fixture from now on
     */
    ApiFixture(JwsAlgorithm alg, SandboxProcess process) {
        this(alg, null, process);
    }

    private ApiFixture(JwsAlgorithm alg, Sandbox sandbox, SandboxProcess process) {
        this.alg = alg;
        this.sandbox = sandbox;
        this.process = process;
        try {
            SigningKey key = sandbox != null ? sandbox.defaultAppKey(Sandbox.DEFAULT_API_APP, alg) : process.appKey(alg);
            KeySet platformKeys = sandbox != null ? sandbox.platformKeys() : process.platformKeys();
            URI origin = sandbox != null ? sandbox.apiBaseUri().resolve("/") : process.origin();
            uri = origin.resolve(PATH);
            client = ApiClient.builder().endpoint(origin).allowLoopbackHttp(true).appId(Sandbox.DEFAULT_API_APP)
                    .appKey(key).platformKeys(platformKeys).retryPolicy(RetryPolicy.NONE).timeouts(TIMEOUT, TIMEOUT)
                    .build();
            bare = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                    .followRedirects(HttpClient.Redirect.NEVER).executor(TASKS).build();
            signer = MessageSigner.of(key);
        } catch (RuntimeException e) {
            closeServer();
            throw e;
        }
    }

    /**
     * Signs {@code n} distinct requests now (new nonce each, {@code created} now), for the bare
     * client to send once each. Not measured.
     *
     * @param n how many
     */
    void presign(int n) {
        Instant now = Instant.now();
        HttpFields fields = HttpFields.of(SignatureProfile.APP_ID_FIELD, Sandbox.DEFAULT_API_APP);
        RequestMessage unsigned = RequestMessage.of("GET", uri, fields, null);
        HttpRequest[] p = IntStream.range(0, n).parallel().mapToObj(i -> {
            Signed<RequestMessage> s = signer.signRequest(unsigned, now, MessageSigner.newNonce());
            HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET();
            for (Map.Entry<String, String> l : s.message().fields().lines()) {
                b.header(l.getKey(), l.getValue());
            }
            return b.header("accept", ACCEPT).build();
        }).toArray(HttpRequest[]::new);
        pool = p;
        next.set(0);
    }

    /**
     * @param name a JOSE name: {@code ES256}, {@code EdDSA}, {@code SGD_SM3_SM2}
     * @return the algorithm
     */
    static JwsAlgorithm algorithm(String name) {
        return JwsAlgorithm.fromName(name, AliasPolicy.STRICT)
                .orElseThrow(() -> new IllegalArgumentException("not an algorithm: " + name));
    }

    /** Sends the pool again from its first request: every one a replay (for the test that a refusal fails the run). */
    void rewindPool() {
        next.set(0);
    }

    /** @return requests of the pool not sent yet */
    int presignedLeft() {
        return Math.max(0, pool.length - next.get());
    }

    /**
     * The SDK's call: signed, sent, the answer verified.
     *
     * @return the verified answer's status
     */
    int sdk() {
        calls.incrementAndGet();
        try {
            ApiResponse r = client.send(request);
            if (r.status() != 200) {
                fail("SDK", r.status(), "");
            }
            return r.status();
        } catch (ApiException e) {
            fail("SDK", -1, e.getMessage());
            return -1;
        }
    }

    /**
     * The bare call: the next pre-signed request, its answer read as bytes.
     *
     * @return the answer's status
     * @throws IllegalStateException when the pool is used up (a measurement must never reuse a nonce)
     */
    int bare() throws Exception {
        calls.incrementAndGet();
        int i = next.getAndIncrement();
        HttpRequest[] p = pool;
        if (i >= p.length) {
            throw new IllegalStateException("the pool of " + p.length + " pre-signed requests is used up; sign more");
        }
        HttpResponse<byte[]> r = bare.send(p[i], HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            fail("bare", r.statusCode(), new String(r.body(), java.nio.charset.StandardCharsets.UTF_8));
        }
        return r.statusCode();
    }

    private void fail(String side, int status, String what) {
        failures.incrementAndGet();
        firstFailure.compareAndSet(null, side + ": " + status + " " + (what.length() > 300 ? what.substring(0, 300) : what));
    }

    /** @return answers other than 200 so far */
    long failures() {
        return failures.get();
    }

    /**
     * @throws IllegalStateException when any answer was not {@code 200}
     */
    void check() {
        long f = failures.get();
        if (f > 0) {
            throw new IllegalStateException(f + " of " + calls.get() + " calls were not answered 200, first: "
                    + firstFailure.get());
        }
    }

    @Override
    public void close() {
        client.close();
        closeServer();
    }

    private void closeServer() {
        if (sandbox != null) {
            sandbox.close();
        }
        if (process != null) {
            process.close();
        }
    }
}
