package org.zwfw.sdk.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.zwfw.sdk.internal.Texts;

/**
 * The default {@link HttpTransport}, on {@code java.net.http.HttpClient}: redirects never
 * followed, status 200 only, the body cut off beyond the limit, one deadline for the whole
 * exchange, the URI rules checked again before each request. Each exchange runs in the calling
 * thread ({@code HttpClient.send}; see {@code send}); the client's own tasks run on a pool of
 * daemon threads ({@link #tasks}). Owns that pool, its watchdog and its deadline timer, whose
 * threads end when idle. Thread-safe.
 */
final class JdkHttpTransport implements HttpTransport {

    private static final AtomicInteger THREADS = new AtomicInteger();

    /** How long a task of the client may wait while every worker is held before another starts. */
    private static final Duration STALL = Duration.ofMillis(50);

    /**
     * The client's executor ({@link TaskPool}: two workers, another whenever a task has waited
     * {@link #STALL}, daemon threads ended after 30 s idle). {@code java.net.http} runs the tasks of
     * the calling thread in place and hands this executor what its one selector thread, which
     * serves every connection of the client and fires its timeouts, must not run itself: a response
     * arriving, a TLS handshake's delegated tasks (the server's certificate checked, which blocks
     * when the JVM checks revocation over OCSP or CRL, or a trust manager blocks), and what follows
     * a failed exchange (its own retry of a {@code GET} connects anew, resolving the host). Run on
     * the selector thread ({@code Runnable::run}), one blocked check stalls every exchange of the
     * transport past its deadline ({@code spec/http.md} §2). {@link #close()} leaves it and its
     * watchdog running, so that an exchange in flight still ends; their threads end when idle.
     */
    private final TaskPool tasks;

    /** Ends a body still arriving at its exchange's deadline (one daemon thread, made on first use). */
    private final java.util.concurrent.ScheduledThreadPoolExecutor timer;
    private final HttpClient client;
    private final boolean allowLoopbackHttp;
    private volatile boolean closed;

    JdkHttpTransport(Duration connectTimeout, boolean allowLoopbackHttp) {
        this(connectTimeout, allowLoopbackHttp, null);
    }

    /**
     * @param tls the TLS context, or {@code null} for the JVM's default (a test gives one that
     *            trusts its own loopback server)
     */
    JdkHttpTransport(Duration connectTimeout, boolean allowLoopbackHttp, javax.net.ssl.SSLContext tls) {
        this.timer = idleEnding("zwfw-http-deadline-");
        this.timer.setRemoveOnCancelPolicy(true);
        // the pool's own watchdog, never shut down: after close() a task of an exchange in flight
        // still waits for a busy worker up to STALL, instead of a thread started for each task
        this.tasks = new TaskPool(2, STALL, Duration.ofSeconds(30), idleEnding("zwfw-http-watchdog-"),
                daemons("zwfw-http-"));
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).executor(tasks);
        this.client = (tls == null ? b : b.sslContext(tls)).build();
        this.allowLoopbackHttp = allowLoopbackHttp;
    }

    /** Daemon threads named {@code prefix} and a number. */
    private static java.util.concurrent.ThreadFactory daemons(String prefix) {
        return r -> {
            Thread t = new Thread(r, prefix + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** A one-thread scheduler on a daemon thread made on first use and ended after 30 s idle. */
    private static java.util.concurrent.ScheduledThreadPoolExecutor idleEnding(String prefix) {
        java.util.concurrent.ScheduledThreadPoolExecutor s = new java.util.concurrent.ScheduledThreadPoolExecutor(1,
                daemons(prefix));
        s.setKeepAliveTime(30, TimeUnit.SECONDS);
        s.allowCoreThreadTimeOut(true);
        return s;
    }

    @Override
    public byte[] get(URI uri, String accept, int maxBytes, Duration timeout) throws IOException {
        usable(Objects.requireNonNull(uri, "uri"));
        HttpRequest request = HttpRequest.newBuilder(uri).GET().timeout(timeout).header("Accept", accept).build();
        HttpResponse<byte[]> response = send(request, timeout, info -> {
            if (info.statusCode() != 200) {
                return LimitedBody.discarding();
            }
            IOException wrongType = wrongType(accept, info.headers().firstValue("Content-Type").orElse(null));
            return wrongType != null ? new LimitedBody(maxBytes, wrongType) : limited(info, maxBytes);
        });
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode() + " from " + where(uri));
        }
        return response.body();
    }

    @Override
    public Response exchange(Request r) throws IOException {
        usable(r.uri());
        HttpRequest.Builder b = HttpRequest.newBuilder(r.uri()).timeout(r.timeout());
        r.headers().forEach(b::header);
        b.method(r.method(), r.method().equals("GET") ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(r.body()));
        HttpResponse<byte[]> response = send(b.build(), r.timeout(), info -> limited(info, r.maxBytes()));
        return new Response(response.statusCode(), response.headers().map(), response.body());
    }

    /** The transport is open and the URI passes the fetch rules: checked before any request is built. */
    private void usable(URI uri) throws IOException {
        if (closed) {
            throw new IOException("the HTTP transport is closed");
        }
        FetchRules.check(uri, allowLoopbackHttp);
    }

    private static LimitedBody limited(HttpResponse.ResponseInfo info, int maxBytes) {
        long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
        return declared > maxBytes ? LimitedBody.refusing(declared, maxBytes) : new LimitedBody(maxBytes);
    }

    /**
     * One exchange under the rules: the URI checked again, one deadline, the body by {@code bodies},
     * a redirect refused.
     *
     * <p>The exchange runs in the calling thread with {@code HttpClient.send}: {@code sendAsync}
     * hands every response to the common pool's async executor, which starts a new thread per
     * response when the common pool has one worker (two cores). The request's own timeout bounds
     * the wait for the header; the deadline timer cancels a body still arriving at the deadline.
     */
    private HttpResponse<byte[]> send(HttpRequest request, Duration timeout,
            java.util.function.Function<HttpResponse.ResponseInfo, LimitedBody> bodies) throws IOException {
        URI uri = request.uri();
        AtomicReference<LimitedBody> body = new AtomicReference<>();
        java.util.concurrent.atomic.AtomicBoolean expired = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.ScheduledFuture<?> deadline;
        try {
            deadline = timer.schedule(() -> {
                expired.set(true);
                LimitedBody b = body.get();
                if (b != null) {
                    b.cancel();
                }
            }, timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // close() ran after this exchange passed its check
            throw new IOException("the HTTP transport is closed");
        }
        HttpResponse<byte[]> response;
        try {
            response = client.send(request, info -> {
                LimitedBody b = info.statusCode() >= 300 && info.statusCode() < 400 ? LimitedBody.discarding()
                        : bodies.apply(info);
                body.set(b);
                if (expired.get()) {
                    b.cancel(); // the deadline passed while the header arrived
                }
                return b;
            });
        } catch (HttpTimeoutException e) {
            throw timedOut(uri, timeout);
        } catch (InterruptedException e) {
            LimitedBody b = body.get();
            if (b != null) {
                b.cancel();
            }
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while fetching from " + where(uri));
        } catch (IOException e) {
            if (expired.get()) {
                throw timedOut(uri, timeout);
            }
            throw new IOException(describe(e) + " (" + where(uri) + ")", e);
        } catch (RuntimeException e) {
            throw new IOException("fetching from " + where(uri) + " failed: " + describe(e), e);
        } finally {
            deadline.cancel(false);
        }
        int status = response.statusCode();
        if (status >= 300 && status < 400) {
            String location = response.headers().firstValue("Location").orElse("");
            throw new IOException("HTTP " + status + " from " + where(uri) + ": redirects are not followed"
                    + (location.isEmpty() ? "" : " (Location " + Texts.quote(location, 120) + ")")
                    + "; configure the final URL");
        }
        return response;
    }

    /** @return why the body is refused for its type, or {@code null} when the type is acceptable */
    private static IOException wrongType(String accept, String contentType) {
        try {
            FetchRules.checkContentType(accept, contentType);
            return null;
        } catch (IOException e) {
            return e;
        }
    }

    private static HttpTimeoutException timedOut(URI uri, Duration timeout) {
        return new HttpTimeoutException("no complete response from " + where(uri) + " within " + timeout.toMillis()
                + " ms");
    }

    private static String where(URI uri) {
        return uri.getScheme() + "://" + uri.getRawAuthority() + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }

    private static String describe(Throwable t) {
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }

    /**
     * Refuses new exchanges; an exchange already in flight still ends by its deadline (the timer
     * runs the deadlines already set, then ends its thread; the client's pool, left running, ends
     * its threads when idle).
     */
    @Override
    public void close() {
        closed = true;
        timer.shutdown();
    }

    /** Collects a body up to a limit; cancels the exchange as soon as the limit is passed. */
    static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {

        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final int maxBytes;
        private final IOException refusal;
        private volatile Flow.Subscription subscription;

        LimitedBody(int maxBytes) {
            this(maxBytes, null);
        }

        private LimitedBody(int maxBytes, IOException refusal) {
            this.maxBytes = maxBytes;
            this.refusal = refusal;
        }

        /** For a status other than 200: the body is not read at all. */
        static LimitedBody discarding() {
            return new LimitedBody(-1, null);
        }

        /** For a declared length beyond the limit: refused before any byte is read. */
        static LimitedBody refusing(long declared, int maxBytes) {
            return new LimitedBody(maxBytes, new IOException("response of " + declared
                    + " bytes (Content-Length) exceeds the limit of " + maxBytes + " bytes"));
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (result.isDone()) {
                s.cancel(); // cancelled (the deadline) before the body started
            } else if (refusal != null) {
                s.cancel();
                result.completeExceptionally(refusal);
            } else if (maxBytes < 0) {
                s.cancel();
                result.complete(new byte[0]);
            } else {
                s.request(Long.MAX_VALUE);
            }
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer b : items) {
                if ((long) out.size() + b.remaining() > maxBytes) {
                    subscription.cancel();
                    result.completeExceptionally(new IOException("response exceeds the limit of " + maxBytes
                            + " bytes"));
                    return;
                }
                byte[] chunk = new byte[b.remaining()];
                b.get(chunk);
                out.write(chunk, 0, chunk.length);
            }
        }

        @Override
        public void onError(Throwable t) {
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            result.complete(out.toByteArray());
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        void cancel() {
            Flow.Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
            result.completeExceptionally(new HttpTimeoutException("cancelled"));
        }
    }
}
