package org.zwfw.sdk.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zwfw.sdk.client.model.ModelJson;
import org.zwfw.sdk.client.model.Problem;
import org.zwfw.sdk.crypto.KeyResolver;
import org.zwfw.sdk.crypto.RemoteKeySet;
import org.zwfw.sdk.crypto.SigningKey;
import org.zwfw.sdk.http.HttpTransport;
import org.zwfw.sdk.httpsig.HttpFields;
import org.zwfw.sdk.httpsig.MessageSigner;
import org.zwfw.sdk.httpsig.RequestMessage;
import org.zwfw.sdk.httpsig.ResponseMessage;
import org.zwfw.sdk.httpsig.ResponseVerifier;
import org.zwfw.sdk.httpsig.SignatureProfile;
import org.zwfw.sdk.httpsig.Signed;
import org.zwfw.sdk.httpsig.VerifiedResponse;
import org.zwfw.sdk.verify.Finding;
import org.zwfw.sdk.verify.VerificationResult;

/**
 * The client of the service-network API ({@code spec/openapi/zwfw-api.yaml}): every call is a
 * request signed with the application's key and an answer verified before anything reads it
 * (signed by a platform key, bound to the request, fresh, its content matching its digest;
 * {@code spec/api-signing.md}). Retries follow each operation's {@link RetryMode} under a
 * {@link RetryPolicy} and a {@link RetryBudget}; each attempt has its own timeout and the call a
 * total one.
 *
 * <pre>{@code
 * try (ApiClient api = ApiClient.builder()
 *         .endpoint(URI.create("https://api.zwfw.example"))
 *         .appId("portal-hz-rsj")
 *         .appKey(SigningKey.fromPem(pem).withKeyId(kid))
 *         .platformKeys(KeySet.parse(pinnedJwks))          // recommended; default: fetched from /v1/platform/keys
 *         .build()) {
 *     Case c = api.cases().get("case_7Q2M9X4K1P8D3RZT");
 * }
 * }</pre>

 * <p><b>Typed operations.</b> Grouped as the document's tags group them ({@link #cases()}, ...). Each operation has
 * a synchronous form and an {@code ...Async} form returning a {@code CompletableFuture}; lists
 * come as a {@link Paged} that fetches page after page as it is iterated (and a
 * {@code ...PageAsync} form for one page). Each operation is retried as its {@code x-zwfw-retry}
 * says ({@link RetryMode}).
 *
 * <p>The e-SSC channel operations ({@code /v1/ssc/...}, {@code x-zwfw-status: planned}) have no
 * typed form yet: until their behaviour is specified the platform answers them
 * {@code 501 NOT_IMPLEMENTED}. They are reachable through {@link ApiClient#send} with a raw
 * {@link ApiRequest} (with the retry mode of the document, {@link ApiRequest#segment} for the
 * card reference), for instance
 * {@code api.send(ApiRequest.get("/v1/ssc/cards/" + ApiRequest.segment(cardRef), null))}.
 *
 * <p>Built once; building never touches the network. Immutable and thread-safe; no static state.
 * {@link #close()} releases the transport and the client's threads (the asynchronous forms, the
 * platform keys' refresh).
 */
public final class ApiClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ApiClient.class);

    /** Header fields logged at DEBUG, and only these: none carries a secret or personal data. */
    public static final Set<String> LOGGED_FIELDS = Set.of("x-request-id", "retry-after", "content-type",
            "content-length", "idempotency-key", "x-zwfw-app-id");

    /** Asynchronous calls that may wait for one of the client's threads; beyond, a call fails at once. */
    static final int MAX_WAITING = 10_000;

    /** The longest a platform-key fetch may take ({@code RemoteKeySet}'s own bound). */
    private static final Duration MAX_KEY_FETCH = Duration.ofMinutes(5);

    /** Fields an interceptor may not add: the signature profile and the transport own them. */
    static final Set<String> RESERVED_FIELDS = Set.of("signature", "signature-input", "content-digest", "content-type",
            "x-zwfw-app-id", "idempotency-key", "host", "content-length", "accept", "transfer-encoding", "connection");

    private static final String ACCEPT = "application/json, application/problem+json";

    private final URI endpoint;
    private final String appId;
    private final MessageSigner signer;
    private final ResponseVerifier verifier;
    private final HttpTransport transport;
    private final boolean ownsTransport;
    private final RemoteKeySet ownKeys;
    private final RetryPolicy retryPolicy;
    private final RetryBudget budget;
    private final Duration attemptTimeout;
    private final Duration totalTimeout;
    private final Clock clock;
    private final List<ApiInterceptor> interceptors;
    private final int maxResponseBytes;
    private final java.util.concurrent.ThreadPoolExecutor executor;
    /** Ends an asynchronous call still waiting for a thread at its total timeout (one daemon thread, made on first use). */
    private final java.util.concurrent.ScheduledThreadPoolExecutor expiries;
    private final SecureRandom random = new SecureRandom();
    private final ObjectMapper mapper = ModelJson.newMapper();
    private final ServiceItems serviceItems = new ServiceItems(this);
    private final Uploads uploads = new Uploads(this);
    private final Cases cases = new Cases(this);
    private final ServiceHalls serviceHalls = new ServiceHalls(this);
    private final Appointments appointments = new Appointments(this);
    private final Issuers issuers = new Issuers(this);
    private final EcertUses ecertUses = new EcertUses(this);
    private final Trust trust = new Trust(this);
    private final Platform platform = new Platform(this);

    private ApiClient(Builder b) {
        this.endpoint = b.endpoint;
        this.appId = b.appId;
        this.signer = MessageSigner.of(b.appKey);
        this.clock = b.clock;
        this.ownsTransport = b.transport == null;
        this.transport = b.transport != null ? b.transport
                : HttpTransport.standard(b.connectTimeout, b.allowLoopbackHttp);
        AtomicInteger n = new AtomicInteger();
        // at most asyncThreads calls run at once on the client's threads; the others wait their
        // turn (at most MAX_WAITING), their total timeout counting from when they were made
        java.util.concurrent.ThreadPoolExecutor pool = new java.util.concurrent.ThreadPoolExecutor(b.asyncThreads,
                b.asyncThreads, 30, java.util.concurrent.TimeUnit.SECONDS,
                new java.util.concurrent.LinkedBlockingQueue<>(MAX_WAITING), r -> {
                    Thread t = new Thread(r, "zwfw-api-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        this.executor = pool;
        this.expiries = new java.util.concurrent.ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "zwfw-api-expiry-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        expiries.setRemoveOnCancelPolicy(true);
        expiries.setKeepAliveTime(30, java.util.concurrent.TimeUnit.SECONDS);
        expiries.allowCoreThreadTimeOut(true);
        if (b.platformKeys != null) {
            this.ownKeys = null;
        } else {
            // refreshed on the client's threads before the set is due, so that no call waits for
            // that fetch; a fetch a call must wait for (the first, an unknown keyid) ends within
            // one per-attempt timeout
            this.ownKeys = RemoteKeySet.builder(endpoint.resolve("/v1/platform/keys")).transport(transport)
                    .allowLoopbackHttp(b.allowLoopbackHttp).clock(clock)
                    .readTimeout(b.attemptTimeout.compareTo(MAX_KEY_FETCH) > 0 ? MAX_KEY_FETCH : b.attemptTimeout)
                    .unknownKeyRefreshInterval(Duration.ofMinutes(1)).refreshAhead(executor).build();
        }
        KeyResolver keys = b.platformKeys != null ? b.platformKeys : ownKeys;
        this.verifier = ResponseVerifier.builder().clock(clock).platformKeys(keys).build();
        this.retryPolicy = b.retryPolicy;
        this.budget = b.budget != null ? b.budget : RetryBudget.standard();
        this.attemptTimeout = b.attemptTimeout;
        this.totalTimeout = b.totalTimeout;
        this.interceptors = List.copyOf(b.interceptors);
        this.maxResponseBytes = b.maxResponseBytes;
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the endpoint calls go to */
    public URI endpoint() {
        return endpoint;
    }

    /** @return the application ID requests are signed for */
    public String appId() {
        return appId;
    }

    /** @return service items (事项): search, get */
    public ServiceItems serviceItems() {
        return serviceItems;
    }

    /** @return uploads of case materials */
    public Uploads uploads() {
        return uploads;
    }

    /** @return cases (办件): submit, get, list, withdraw */
    public Cases cases() {
        return cases;
    }

    /** @return service halls and their free slots */
    public ServiceHalls serviceHalls() {
        return serviceHalls;
    }

    /** @return appointments (预约): book, get, cancel */
    public Appointments appointments() {
        return appointments;
    }

    /** @return e-certificate issuers: issue, status lists, status changes (authorised departments) */
    public Issuers issuers() {
        return issuers;
    }

    /** @return uses of a holder's e-certificate with the holder's consent */
    public EcertUses ecertUses() {
        return ecertUses;
    }

    /** @return the trust list and its anchor keys */
    public Trust trust() {
        return trust;
    }

    /** @return the platform's own signing keys */
    public Platform platform() {
        return platform;
    }

    /**
     * Makes one call: signs, sends, verifies the answer, retries when the call's mode, the policy
     * and the budget allow.
     *
     * @param request the call
     * @return the verified {@code 2xx} answer
     * @throws ApiProblemException   for a verified problem answer
     * @throws ApiSignatureException for an answer that fails verification (never retried)
     * @throws ApiTransportException when no answer came in time, after the retries allowed
     */
    public ApiResponse send(ApiRequest request) {
        return send(request, System.nanoTime());
    }

    /** {@link #send(ApiRequest)} with the total timeout counted from {@code made} ({@link System#nanoTime()}). */
    private ApiResponse send(ApiRequest request, long made) {
        Objects.requireNonNull(request, "request");
        ApiRequest r = request.retry() == RetryMode.IDEMPOTENCY_KEY && request.idempotencyKey() == null
                ? request.withIdempotencyKey(newIdempotencyKey()) : request;
        long deadline = made + totalTimeout.toNanos();
        budget.deposit();
        URI uri = endpoint.resolve(r.path() + (r.query() == null ? "" : "?" + r.query()));
        for (int attempt = 1; ; attempt++) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                throw new ApiTransportException(where(r) + ": no verified answer within the total timeout of "
                        + totalTimeout.toMillis() + " ms", true, attempt - 1, null);
            }
            Duration perAttempt = Duration.ofNanos(Math.min(attemptTimeout.toNanos(), remaining));
            Attempt a = attempt(r, uri, attempt, perAttempt);
            if (a.response != null) {
                return a.response;
            }
            Duration wait = a.retryAfter != null ? a.retryAfter : retryPolicy.backoff(attempt, random);
            String refusal = retryRefusal(r, a, attempt, wait, deadline);
            notify(r, a, attempt, refusal == null);
            if (refusal != null) {
                throw a.failure(refusal);
            }
            sleep(wait, r, attempt);
        }
    }

    /**
     * The asynchronous form of {@link #send}: the same call on one of the client's threads. At
     * most {@link Builder#asyncThreads} calls run at once; the others wait their turn, their total
     * timeout counting from now (one still waiting then ends, not sent). A call fails at once,
     * with an {@link ApiTransportException} and nothing sent, when 10,000 calls already wait or the
     * client is closed; {@link #close()} ends the calls still waiting the same way.
     *
     * @param request the call
     * @return the verified answer, or the exception {@link #send} would throw
     */
    public CompletableFuture<ApiResponse> sendAsync(ApiRequest request) {
        Objects.requireNonNull(request, "request");
        long made = System.nanoTime();
        return async(request, made, () -> send(request, made));
    }

    /**
     * Runs a call on the client's threads (at most {@link Builder#asyncThreads}); a call that finds
     * them busy waits its turn, and fails at once when {@link #MAX_WAITING} calls already wait or
     * the client is closed. A call cancelled while it waits is not made; a call still waiting at
     * its total timeout (counted from {@code made}) ends then, not sent, even when every thread is
     * held (a dependent stage blocking on another call of this client).
     */
    private <T> CompletableFuture<T> async(ApiRequest request, long made, java.util.function.Supplier<T> call) {
        CompletableFuture<T> future = new CompletableFuture<>();
        AsyncCall a = new AsyncCall(request, future, () -> {
            if (future.isDone()) {
                return; // cancelled while waiting
            }
            try {
                future.complete(call.get());
            } catch (Throwable t) {
                future.completeExceptionally(t);
            }
        });
        try {
            // set before the call can start, so that starting cancels it
            a.expiry = expiries.schedule(() -> expire(a), made + totalTimeout.toNanos() - System.nanoTime(),
                    java.util.concurrent.TimeUnit.NANOSECONDS);
            executor.execute(a);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            if (a.expiry != null) {
                a.expiry.cancel(false);
            }
            future.completeExceptionally(notSent(request, executor.isShutdown() ? "the client is closed"
                    : MAX_WAITING + " asynchronous calls are already waiting for the client's threads"));
        }
        return future;
    }

    /** Ends a call that found no thread within its total timeout; one that started ends by itself. */
    private void expire(AsyncCall a) {
        if (a.claim()) {
            executor.remove(a);
            a.future.completeExceptionally(new ApiTransportException(where(a.request) + ": not sent, no thread of the"
                    + " client was free within the total timeout of " + totalTimeout.toMillis() + " ms", true, 0, null));
        }
    }

    private ApiTransportException notSent(ApiRequest request, String why) {
        return new ApiTransportException(where(request) + ": not sent, " + why, false, 0, null);
    }

    /** An asynchronous call waiting for one of the client's threads, ended by {@link #close()} if it still waits. */
    private static final class AsyncCall implements Runnable {
        final ApiRequest request;
        final CompletableFuture<?> future;
        private final Runnable call;
        private final java.util.concurrent.atomic.AtomicBoolean claimed = new java.util.concurrent.atomic.AtomicBoolean();
        volatile java.util.concurrent.Future<?> expiry;

        AsyncCall(ApiRequest request, CompletableFuture<?> future, Runnable call) {
            this.request = request;
            this.future = future;
            this.call = call;
        }

        /** @return whether the caller is the one to end the call: starting it, expiring it or closing */
        boolean claim() {
            return claimed.compareAndSet(false, true);
        }

        @Override
        public void run() {
            if (claim()) {
                expiry.cancel(false);
                call.run();
            }
        }
    }

    /**
     * Makes a call and reads its answer as a model.
     *
     * @param request the call
     * @param type    the model
     * @param <T>     its type
     * @return the answer, read
     * @throws ApiDecodingException when the verified answer does not read as that model
     */
    public <T> T call(ApiRequest request, Class<T> type) {
        ApiResponse response = send(request);
        return read(response, type, request);
    }

    /**
     * The asynchronous form of {@link #call}.
     *
     * @param request the call
     * @param type    the model
     * @param <T>     its type
     * @return the answer, read
     */
    public <T> CompletableFuture<T> callAsync(ApiRequest request, Class<T> type) {
        Objects.requireNonNull(request, "request");
        long made = System.nanoTime();
        return async(request, made, () -> read(send(request, made), type, request));
    }

    <T> T read(ApiResponse response, Class<T> type, ApiRequest request) {
        try {
            return mapper.readValue(response.contentView(), type);
        } catch (IOException | IllegalArgumentException e) {
            throw new ApiDecodingException(where(request) + ": the verified " + response.status() + " answer does not read as "
                    + type.getSimpleName() + " (" + decodingProblem(e) + ")", response.status(),
                    response.requestId().orElse(null), response.attempts(), null);
        }
    }

    byte[] json(Object body) {
        try {
            return mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + body.getClass().getSimpleName() + " as JSON: "
                    + e.getOriginalMessage());
        }
    }

    /** What one attempt gave: a verified answer, or why not and whether it may be retried. */
    private static final class Attempt {
        ApiResponse response;
        ApiException failure;
        boolean retryable;
        Duration retryAfter;
        int status;
        String requestId;
        String outcome;
        Duration elapsed;

        ApiException failure(String why) {
            if (why.isEmpty() || !(failure instanceof ApiTransportException)) {
                return failure;
            }
            return new ApiTransportException(failure.getMessage() + "; " + why, ((ApiTransportException) failure).isTimeout(),
                    failure.attempts(), failure.getCause());
        }
    }

    private Attempt attempt(ApiRequest r, URI uri, int attempt, Duration timeout) {
        Attempt a = new Attempt();
        long start = System.nanoTime();
        HttpFields fields = HttpFields.empty();
        if (r.contentType() != null) {
            fields = fields.with("content-type", r.contentType());
        }
        fields = fields.with(SignatureProfile.APP_ID_FIELD, appId);
        if (r.idempotencyKey() != null) {
            fields = fields.with("idempotency-key", "\"" + r.idempotencyKey() + "\"");
        }
        Signed<RequestMessage> signed = signer.signRequest(RequestMessage.of(r.method(), uri, fields, r.contentView()),
                clock.instant(), MessageSigner.newNonce());
        Map<String, String> headers = new LinkedHashMap<>();
        for (Map.Entry<String, String> l : signed.message().fields().lines()) {
            headers.put(l.getKey(), l.getValue());
        }
        headers.put("accept", r.accept() == null ? ACCEPT : r.accept() + ", application/problem+json");
        for (ApiInterceptor i : interceptors) {
            i.headers(r, attempt).forEach((k, v) -> {
                String name = k.toLowerCase(Locale.ROOT);
                if (RESERVED_FIELDS.contains(name)) {
                    throw new IllegalArgumentException("an interceptor may not set " + name);
                }
                HttpFields.of(name, v); // refuses CR, LF, NUL
                headers.put(name, v);
            });
        }
        HttpTransport.Response resp;
        try {
            resp = transport.exchange(new HttpTransport.Request(r.method(), uri, headers,
                    r.contentView() == null ? new byte[0] : r.contentView(), maxResponseBytes, timeout));
        } catch (IOException e) {
            boolean interrupted = Thread.currentThread().isInterrupted();
            // SocketTimeoutException is an InterruptedIOException too; an interrupt is not a timeout
            boolean timedOut = !interrupted && (e instanceof HttpTimeoutException || e instanceof InterruptedIOException);
            a.elapsed = Duration.ofNanos(System.nanoTime() - start);
            a.outcome = timedOut ? "TIMEOUT" : "TRANSPORT";
            a.failure = new ApiTransportException(where(r) + ": " + (timedOut ? "no answer within " + timeout.toMillis()
                    + " ms" : interrupted ? "interrupted while waiting for the answer" : "the exchange failed: "
                    + describe(e)) + " (attempt " + attempt + ")", timedOut, attempt, e);
            a.retryable = r.retry() != RetryMode.NEVER && !Thread.currentThread().isInterrupted();
            return a;
        }
        a.elapsed = Duration.ofNanos(System.nanoTime() - start);
        ResponseMessage response = new ResponseMessage(resp.status(), HttpFields.of(resp.headers()), resp.body());
        a.status = resp.status();
        a.requestId = response.fields().first("x-request-id").orElse(null);
        log(r, attempt, signed.message().fields(), response, a.elapsed);
        VerificationResult<VerifiedResponse> v = verifier.verify(response, signed.message());
        if (!v.isValid()) {
            Finding f = v.errors().get(0);
            a.outcome = f.code().name();
            a.failure = new ApiSignatureException(where(r) + ": the " + resp.status() + " answer failed verification, "
                    + f.code() + ": " + f.message() + " (the answer is not used)", f.code(), resp.status(), a.requestId, attempt);
            return a;
        }
        if (resp.status() >= 200 && resp.status() < 300) {
            a.outcome = "OK";
            VerifiedResponse ok = v.value().orElseThrow();
            a.response = new ApiResponse(resp.status(), response.fields(), resp.body(), attempt, ok.keyId(), ok.algorithm());
            notify(r, a, attempt, false);
            return a;
        }
        Problem problem = problem(response, a.requestId);
        a.outcome = problem.code().value();
        a.failure = new ApiProblemException(where(r) + ": " + problem.status() + " " + problem.code().value() + ", "
                + problem.title() + hint(problem) + " (request id " + problem.requestId() + ", attempt " + attempt + ")",
                problem, attempt);
        // a 401 REPLAYED for a retryable call: java.net.http resends an idempotent request by itself
        // when a connection closes early, with the same (now used) nonce; a new signature is the fix
        boolean replayed = resp.status() == 401 && problem.code().value().equals("REPLAYED");
        // a retry after a timed-out attempt of a creating call can find the first still running:
        // "retry later" (zwfw-api.yaml, IDEMPOTENCY_KEY_IN_USE); the same key then gets the first answer
        boolean keyInUse = resp.status() == 409 && problem.code().value().equals("IDEMPOTENCY_KEY_IN_USE")
                && r.retry() == RetryMode.IDEMPOTENCY_KEY;
        a.retryable = resp.status() == 429 || keyInUse || ((resp.status() == 503 || replayed) && r.retry() != RetryMode.NEVER);
        a.retryAfter = retryAfter(response);
        return a;
    }

    /** @return why the attempt is not retried, or {@code null} when it is */
    private String retryRefusal(ApiRequest r, Attempt a, int attempt, Duration wait, long deadline) {
        if (!a.retryable) {
            return "";
        }
        if (attempt >= retryPolicy.maxAttempts()) {
            return attempt > 1 ? "gave up after " + attempt + " attempts" : "";
        }
        if (a.retryAfter != null && a.retryAfter.compareTo(retryPolicy.maxRetryAfter()) > 0) {
            return "Retry-After of " + a.retryAfter.toSeconds() + " s is longer than the policy waits";
        }
        if (System.nanoTime() + wait.toNanos() >= deadline) {
            return "no time left for another attempt within the total timeout";
        }
        if (!budget.tryRetry()) {
            return "the retry budget is used up (too many failures lately)";
        }
        return null;
    }

    private void notify(ApiRequest r, Attempt a, int attempt, boolean retrying) {
        ApiExchange e = new ApiExchange(r.method(), r.path(), attempt, a.status, a.requestId, a.elapsed, a.outcome, retrying);
        for (ApiInterceptor i : interceptors) {
            i.afterAttempt(e);
        }
        if (retrying) {
            LOG.debug("{} {}: attempt {} ended {}; retrying", r.method(), r.path(), attempt, a.outcome);
        }
    }

    private Problem problem(ResponseMessage response, String requestId) {
        try {
            return mapper.readValue(response.content(), Problem.class);
        } catch (IOException | IllegalArgumentException e) {
            return new Problem("about:blank", "HTTP " + response.status() + " without readable problem details",
                    response.status(), null, null, new org.zwfw.sdk.client.model.ProblemCode("HTTP_" + response.status()),
                    requestId == null ? "none" : requestId, null);
        }
    }

    private static String hint(Problem p) {
        String c = p.code().value();
        if (p.status() == 401 && (c.equals("EXPIRED") || c.equals("ISSUED_IN_FUTURE"))) {
            return "; the platform judged the request's signing time outside its 300 s window: is this machine's clock right?";
        }
        if (c.equals("UNKNOWN_KEY") || c.equals("UNKNOWN_APP")) {
            return "; check the application ID and that the key's kid is registered with the platform";
        }
        if (c.equals("SIGNATURE_INVALID")) {
            return "; the platform could not verify the request: a proxy that rewrites the path, Host or body, or the wrong key";
        }
        return "";
    }

    /** {@code Retry-After} in seconds or as an HTTP date (RFC 9110 §10.2.3), if present and readable. */
    private Duration retryAfter(ResponseMessage response) {
        Optional<String> v = response.fields().first("retry-after");
        if (v.isEmpty()) {
            return null;
        }
        String s = v.get().trim();
        try {
            long seconds = Long.parseLong(s);
            return seconds < 0 ? null : Duration.ofSeconds(Math.min(seconds, 86_400));
        } catch (NumberFormatException e) {
            try {
                Instant at = ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration d = Duration.between(clock.instant(), at);
                return d.isNegative() ? Duration.ZERO : d;
            } catch (RuntimeException e2) {
                return null;
            }
        }
    }

    private static void sleep(Duration wait, ApiRequest r, int attempt) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiTransportException(where(r) + ": interrupted while waiting to retry", false, attempt, e);
        }
    }

    private void log(ApiRequest r, int attempt, HttpFields sent, ResponseMessage got, Duration elapsed) {
        if (!LOG.isDebugEnabled()) {
            return;
        }
        LOG.debug("{} {} -> {} in {} ms (attempt {}) sent {} received {}", r.method(), r.path(), got.status(),
                elapsed.toMillis(), attempt, allowed(sent), allowed(got.fields()));
    }

    static Map<String, String> allowed(HttpFields fields) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> l : fields.lines()) {
            if (LOGGED_FIELDS.contains(l.getKey())) {
                out.put(l.getKey(), l.getValue());
            }
        }
        return out;
    }

    private String newIdempotencyKey() {
        byte[] b = new byte[24];
        random.nextBytes(b);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static String where(ApiRequest r) {
        return r.method() + " " + r.path();
    }

    /**
     * What did not read, naming the member and never its value: Jackson's own messages quote the
     * value ({@code from String "…"}), and an answer's values can be personal data.
     */
    static String decodingProblem(Exception e) {
        if (e instanceof com.fasterxml.jackson.databind.exc.ValueInstantiationException v
                && v.getCause() instanceof IllegalArgumentException check) {
            return check.getMessage(); // a model's own check: it names the member
        }
        if (e instanceof JsonProcessingException j && j.getOriginalMessage() != null
                && j.getOriginalMessage().startsWith("Missing required creator property '")) {
            return j.getOriginalMessage(); // the member's name, from the model
        }
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException m && !m.getPath().isEmpty()) {
            StringBuilder member = new StringBuilder();
            for (com.fasterxml.jackson.databind.JsonMappingException.Reference r : m.getPath()) {
                if (r.getFieldName() != null) {
                    member.append(member.length() == 0 ? "" : ".").append(r.getFieldName());
                } else if (r.getIndex() >= 0) {
                    member.append('[').append(r.getIndex()).append(']');
                }
            }
            Class<?> target = m instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException mi ? mi.getTargetType() : null;
            return "member '" + member + "' " + (target == null ? "does not read as the document says"
                    : "does not read as " + target.getSimpleName());
        }
        if (e instanceof JsonProcessingException j) {
            return "not JSON as the document says" + (j.getLocation() == null ? ""
                    : " at line " + j.getLocation().getLineNr() + ", column " + j.getLocation().getColumnNr());
        }
        return e.getClass().getSimpleName();
    }

    private static String describe(Throwable t) {
        String m = t.getMessage();
        if (t instanceof JsonProcessingException j) {
            m = j.getOriginalMessage();
        }
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }

    /** Releases the transport (when the client made it), the fetched platform keys and the client's threads. */
    @Override
    public void close() {
        // the waiting tasks include the platform keys' refresh ahead, which is no AsyncCall
        for (Runnable waiting : executor.shutdownNow()) {
            if (waiting instanceof AsyncCall a && a.claim()) {
                a.future.completeExceptionally(notSent(a.request, "the client was closed"));
            }
        }
        expiries.shutdownNow();
        if (ownKeys != null) {
            ownKeys.close();
        }
        if (ownsTransport) {
            try {
                transport.close();
            } catch (Exception e) {
                LOG.debug("closing the HTTP transport failed: {}", e.toString());
            }
        }
    }

    @Override
    public String toString() {
        return "ApiClient[" + endpoint + ", app " + appId + ", " + signer.algorithm() + "]";
    }

    /** Builds an {@link ApiClient}. Not thread-safe; {@link #build()} touches no network. */
    public static final class Builder {

        private URI endpoint;
        private String appId;
        private SigningKey appKey;
        private KeyResolver platformKeys;
        private HttpTransport transport;
        private boolean allowLoopbackHttp;
        private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
        private RetryBudget budget;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration attemptTimeout = Duration.ofSeconds(10);
        private Duration totalTimeout = Duration.ofSeconds(30);
        private Clock clock = Clock.systemUTC();
        private final List<ApiInterceptor> interceptors = new ArrayList<>();
        private int maxResponseBytes = 4 << 20;
        private int asyncThreads = 64;

        private Builder() {
        }

        /**
         * @param uri the platform's base URL ({@code https://api.zwfw.example}; the sandbox's
         *            {@code http://127.0.0.1:PORT} with {@link #allowLoopbackHttp(boolean)})
         * @return this builder
         */
        public Builder endpoint(URI uri) {
            if (!uri.isAbsolute() || uri.getRawAuthority() == null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new IllegalArgumentException("the endpoint must be an absolute URL without query or fragment");
            }
            if (uri.getRawUserInfo() != null) {
                throw new IllegalArgumentException("the endpoint must hold no user information (user:password@)");
            }
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            if (!path.isEmpty() && !path.equals("/")) {
                throw new IllegalArgumentException("the endpoint is the platform's origin; the API lives at /v1 below it");
            }
            this.endpoint = URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + "/");
            return this;
        }

        /**
         * @param id the registered application ID (its OpenID {@code client_id})
         * @return this builder
         */
        public Builder appId(String id) {
            if (!SignatureProfile.isAppId(id)) {
                throw new IllegalArgumentException("an application ID is 1 to 64 of A-Z a-z 0-9 . _ -");
            }
            this.appId = id;
            return this;
        }

        /**
         * @param key the application's registered signing key (ES256, EdDSA or SGD_SM3_SM2) with its registered kid
         * @return this builder
         */
        public Builder appKey(SigningKey key) {
            MessageSigner.of(key);
            this.appKey = key;
            return this;
        }

        /**
         * @param keys the platform keys: pinned ({@code KeySet}, recommended) or any resolver; default a
         *             {@code RemoteKeySet} on {@code /v1/platform/keys}, refreshed hourly on the client's
         *             threads before it is due, and at most once a minute for an unknown {@code keyid}.
         *             A call that has to wait for a fetch (the first call, or an answer naming an
         *             unknown {@code keyid}) waits at most one per-attempt timeout for it, which may take
         *             the call that long beyond its total timeout; pinned keys never make a call wait
         * @return this builder
         */
        public Builder platformKeys(KeyResolver keys) {
            this.platformKeys = Objects.requireNonNull(keys, "keys");
            return this;
        }

        /**
         * @param t the HTTP transport (default {@code java.net.http}); the client does not close one given here
         * @return this builder
         */
        public Builder transport(HttpTransport t) {
            this.transport = Objects.requireNonNull(t, "transport");
            return this;
        }

        /**
         * @param allow whether {@code http://} to a loopback address is allowed (the local sandbox); default no
         * @return this builder
         */
        public Builder allowLoopbackHttp(boolean allow) {
            this.allowLoopbackHttp = allow;
            return this;
        }

        /**
         * @param policy attempts and backoff (default {@link RetryPolicy#DEFAULT})
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * @param b the retry budget (default {@link RetryBudget#standard()}, the client's own); share one between clients to pool it
         * @return this builder
         */
        public Builder retryBudget(RetryBudget b) {
            this.budget = Objects.requireNonNull(b, "budget");
            return this;
        }

        /**
         * @param perAttempt the longest one attempt may take (default 10 s)
         * @param total      the longest a call may take, retries and waits included (default 30 s)
         * @return this builder
         */
        public Builder timeouts(Duration perAttempt, Duration total) {
            if (perAttempt.isNegative() || perAttempt.isZero() || total.compareTo(perAttempt) < 0
                    || total.compareTo(Duration.ofMinutes(10)) > 0) {
                throw new IllegalArgumentException("timeouts must be positive, total ≥ per attempt, total ≤ 10 minutes");
            }
            this.attemptTimeout = perAttempt;
            this.totalTimeout = total;
            return this;
        }

        /**
         * @param timeout the connect timeout of the default transport (default 5 s)
         * @return this builder
         */
        public Builder connectTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("the connect timeout must be positive");
            }
            this.connectTimeout = timeout;
            return this;
        }

        /**
         * @param c the clock for signing and for checking answers' signing times (default UTC system clock)
         * @return this builder
         */
        public Builder clock(Clock c) {
            this.clock = Objects.requireNonNull(c, "clock");
            return this;
        }

        /**
         * @param i an interceptor, called around every attempt in the order added
         * @return this builder
         */
        public Builder interceptor(ApiInterceptor i) {
            this.interceptors.add(Objects.requireNonNull(i, "interceptor"));
            return this;
        }

        /**
         * @param bytes the largest answer read (default 4 MiB)
         * @return this builder
         */
        public Builder maxResponseBytes(int bytes) {
            if (bytes < 1024 || bytes > (64 << 20)) {
                throw new IllegalArgumentException("maxResponseBytes must be 1 KiB to 64 MiB");
            }
            this.maxResponseBytes = bytes;
            return this;
        }

        /**
         * @param threads how many asynchronous calls run at once, each on one of the client's
         *                threads, 1 to 1024 (default 64); further calls wait their turn (at most
         *                10,000, beyond which a call fails at once), their total timeout counting
         *                from when they were made
         * @return this builder
         */
        public Builder asyncThreads(int threads) {
            if (threads < 1 || threads > 1024) {
                throw new IllegalArgumentException("asyncThreads must be 1 to 1024, not " + threads);
            }
            this.asyncThreads = threads;
            return this;
        }

        /**
         * @return the client
         * @throws IllegalStateException without endpoint, application ID or key
         */
        public ApiClient build() {
            if (endpoint == null || appId == null || appKey == null) {
                throw new IllegalStateException("endpoint(...), appId(...) and appKey(...) are required");
            }
            if (!allowLoopbackHttp && !endpoint.getScheme().equals("https")) {
                throw new IllegalStateException("the endpoint must be https (http only to loopback with allowLoopbackHttp(true))");
            }
            return new ApiClient(this);
        }
    }
}
