package org.zwfw.sdk.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;
import org.zwfw.sdk.crypto.IssuerKeys;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.crypto.KeySet;
import org.zwfw.sdk.crypto.SigningKey;
import org.zwfw.sdk.httpsig.HttpFields;
import org.zwfw.sdk.httpsig.MessageSigner;
import org.zwfw.sdk.httpsig.RequestMessage;
import org.zwfw.sdk.httpsig.RequestVerifier;
import org.zwfw.sdk.httpsig.ResponseMessage;
import org.zwfw.sdk.httpsig.VerifiedRequest;
import org.zwfw.sdk.verify.VerificationResult;

/**
 * A real HTTP server on loopback that verifies each request as the platform does and answers
 * what the test scripts, signed with a real platform key: for the client's behaviour on answers
 * the sandbox never gives (mis-signed, unbound, unsigned) and for exact fault sequences.
 */
final class ScriptedPlatform implements AutoCloseable {

    static final String APP = "test-app";

    /** One scripted answer. */
    record Answer(int status, String contentType, String body, Map<String, String> headers, long delayMillis,
                  boolean drop, UnaryOperator<ResponseMessage> tamper, boolean signed) {
        static Answer json(int status, String body) {
            return new Answer(status, status >= 400 ? "application/problem+json" : "application/json", body, Map.of(), 0,
                    false, UnaryOperator.identity(), true);
        }

        static Answer problem(int status, String code) {
            return json(status, "{\"type\":\"https://api.zwfw.example/problems/" + code.toLowerCase() + "\",\"title\":\"t\","
                    + "\"status\":" + status + ",\"code\":\"" + code + "\",\"request_id\":\"req-1\"}");
        }

        Answer withHeader(String name, String value) {
            Map<String, String> h = new java.util.LinkedHashMap<>(headers);
            h.put(name, value);
            return new Answer(status, contentType, body, h, delayMillis, drop, tamper, signed);
        }

        Answer delayed(long millis) {
            return new Answer(status, contentType, body, headers, millis, drop, tamper, signed);
        }

        Answer dropped() {
            return new Answer(status, contentType, body, headers, delayMillis, true, tamper, signed);
        }

        Answer tampered(UnaryOperator<ResponseMessage> t) {
            return new Answer(status, contentType, body, headers, delayMillis, drop, t, signed);
        }

        Answer unsigned() {
            return new Answer(status, contentType, body, headers, delayMillis, drop, tamper, false);
        }
    }

    final SigningKey appKey = key(JwsAlgorithm.ES256);
    final SigningKey platformKey = key(JwsAlgorithm.ES256);
    private final HttpServer server;
    private final RequestVerifier verifier;
    private final ConcurrentLinkedDeque<Answer> script = new ConcurrentLinkedDeque<>();
    private volatile Answer fallback = Answer.json(200, "{}");
    final List<VerificationResult<VerifiedRequest>> received = new CopyOnWriteArrayList<>();
    final List<RequestMessage> requests = new CopyOnWriteArrayList<>();

    ScriptedPlatform() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.createContext("/v1/platform/keys", this::keys);
        server.start();
        verifier = RequestVerifier.builder().authorities(List.of("127.0.0.1:" + server.getAddress().getPort()))
                .appKeys(IssuerKeys.of(Map.of(APP, KeySet.of(appKey.verificationKey())))).build();
    }

    static SigningKey key(JwsAlgorithm alg) {
        SigningKey k = SigningKey.generate(alg);
        return k.withKeyId(k.verificationKey().thumbprint());
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    KeySet platformKeys() {
        return KeySet.of(platformKey.verificationKey());
    }

    ApiClient.Builder client() {
        return ApiClient.builder().endpoint(uri()).allowLoopbackHttp(true).appId(APP).appKey(appKey)
                .platformKeys(platformKeys());
    }

    ScriptedPlatform then(Answer a) {
        script.add(a);
        return this;
    }

    ScriptedPlatform otherwise(Answer a) {
        fallback = a;
        return this;
    }

    int calls() {
        return requests.size();
    }

    /** The keys {@code GET /v1/platform/keys} publishes (unsigned, as the platform's first fetch is). */
    volatile KeySet published;
    final java.util.concurrent.atomic.AtomicInteger keyFetches = new java.util.concurrent.atomic.AtomicInteger();
    /** The key answers are signed with (default {@link #platformKey}). */
    volatile SigningKey signingKey;

    /** Whether {@code /v1/platform/keys} is served from {@link #published} rather than scripted like any call. */
    volatile boolean servesKeys;

    /** The platform's clock for the answers it signs (default the system's). */
    volatile java.util.function.Supplier<Instant> now = Instant::now;

    /** When set, {@code /v1/platform/keys} answers only once it opens (at most 30 s). */
    volatile java.util.concurrent.CountDownLatch keysGate;

    private void keys(HttpExchange ex) throws IOException {
        if (!servesKeys) {
            handle(ex);
            return;
        }
        java.util.concurrent.CountDownLatch gate = keysGate;
        if (gate != null) {
            try {
                gate.await(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        keyFetches.incrementAndGet();
        byte[] body = (published == null ? platformKeys() : published).toJson().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("content-type", "application/jwk-set+json");
        ex.sendResponseHeaders(200, body.length);
        try (OutputStream o = ex.getResponseBody()) {
            o.write(body);
        }
    }

    /** Calls being answered now, and the most at once so far. */
    final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
    final java.util.concurrent.atomic.AtomicInteger mostInFlight = new java.util.concurrent.atomic.AtomicInteger();

    private void handle(HttpExchange ex) throws IOException {
        mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
            answer(ex);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private void answer(HttpExchange ex) throws IOException {
        byte[] body = ex.getRequestBody().readAllBytes();
        HttpFields fields = HttpFields.of(ex.getRequestHeaders());
        RequestMessage req = RequestMessage.received(ex.getRequestMethod(), "http",
                ex.getRequestHeaders().getFirst("Host"), ex.getRequestURI().getRawPath()
                        + (ex.getRequestURI().getRawQuery() == null ? "" : "?" + ex.getRequestURI().getRawQuery()),
                fields.without("host"), body.length == 0 ? null : body);
        requests.add(req);
        received.add(verifier.verify(req));
        Answer a = script.pollFirst();
        if (a == null) {
            a = fallback;
        }
        if (a.delayMillis > 0) {
            try {
                Thread.sleep(a.delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (a.drop) {
            ex.close(); // no status line: the connection ends without an answer
            return;
        }
        HttpFields out = HttpFields.of("content-type", a.contentType, "x-request-id", "req-" + requests.size());
        for (Map.Entry<String, String> h : a.headers.entrySet()) {
            out = out.with(h.getKey(), h.getValue());
        }
        ResponseMessage resp = new ResponseMessage(a.status, out, a.body.getBytes(StandardCharsets.UTF_8));
        if (a.signed) {
            resp = MessageSigner.of(signingKey == null ? platformKey : signingKey).signResponse(resp, req, now.get()).message();
        }
        resp = a.tamper.apply(resp);
        for (Map.Entry<String, String> l : resp.fields().lines()) {
            ex.getResponseHeaders().add(l.getKey(), l.getValue());
        }
        byte[] content = resp.content();
        ex.sendResponseHeaders(resp.status(), content.length == 0 ? -1 : content.length);
        try (OutputStream o = ex.getResponseBody()) {
            o.write(content);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    static List<String> codes(List<VerificationResult<VerifiedRequest>> results) {
        List<String> out = new ArrayList<>();
        results.forEach(r -> out.add(r.isValid() ? "OK" : r.errors().get(0).code().name()));
        return out;
    }
}
