package org.zwfw.sdk.trust;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zwfw.sdk.http.FetchRules;
import org.zwfw.sdk.http.HttpTransport;
import org.zwfw.sdk.internal.Findings;
import org.zwfw.sdk.source.Fetched;
import org.zwfw.sdk.source.OutageTolerantSource;
import org.zwfw.sdk.source.Outcome;
import org.zwfw.sdk.source.Source;
import org.zwfw.sdk.source.SourceBuilder;
import org.zwfw.sdk.verify.Finding;
import org.zwfw.sdk.verify.OutcomeCode;
import org.zwfw.sdk.verify.VerificationResult;

/**
 * Keeps a signed trust list fetched from one URL: verified with a {@link TrustListVerifier},
 * cached, refreshed when older than the refresh interval (or stale), and served during an
 * outage until it expires beyond its grace ({@code spec/trust-list.md} §7, fetch rules
 * {@code spec/http.md}).
 *
 * <pre>{@code
 * try (TrustListSource source = TrustListSource.builder(verifier)
 *         .uri(URI.create("https://trust.zwfw.example.gov.cn/v1/trust-list")).build()) {
 *     TrustList list = source.current().orElseThrow();
 * }
 * }</pre>
 *
 * <p>Building does no network I/O; the first fetch happens on the first {@link #current()}.
 * Refreshing happens on the calling thread, one thread at a time; while one thread refreshes,
 * the others get the cached list. No background thread is started (with
 * {@link Builder#refreshAhead}, refreshes run on the executor given). Thread-safe. Closing
 * releases the default transport's threads (a transport given to the builder is left open: its
 * owner closes it).
 *
 * <p>Inside, the source is a composition ({@code org.zwfw.sdk.source}): the fetch and
 * verification of the list, paced after a failure by the retry interval, with the last good list
 * served during an outage, cached until it is due.
 */
public final class TrustListSource implements AutoCloseable {

    /**
     * Default refresh interval: 1 hour. A withdrawn issuer disappears from verifiers within an
     * hour, at the cost of 24 small requests a day per verifier.
     */
    public static final Duration DEFAULT_REFRESH_INTERVAL = Duration.ofHours(1);

    /**
     * Default pause after a failed refresh: 1 minute. During an outage each verifier then costs
     * the distribution point one request (and its callers one timeout) a minute, not one per call.
     */
    public static final Duration DEFAULT_RETRY_INTERVAL = Duration.ofMinutes(1);

    /** Default connect timeout: 5 seconds, ample for a provincial network, short enough to fail fast. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

    /** Default deadline for the whole exchange, body included: 10 seconds (a 1 MiB list at 1 Mbit/s). */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(10);

    /** Default response size limit: 1 MiB, the same as {@link TrustListVerifier#DEFAULT_MAX_LENGTH}. */
    public static final int DEFAULT_MAX_RESPONSE_BYTES = 1 << 20;

    /** The {@code Accept} header of every fetch. */
    static final String ACCEPT = "application/trustlist+jwt, application/jwt";

    private static final Logger LOG = LoggerFactory.getLogger(TrustListSource.class);

    private final TrustListVerifier verifier;
    private final URI uri;
    private final HttpTransport transport;
    private final boolean ownsTransport;
    private final Clock clock;
    private final boolean offline;
    private final SourceBuilder<TrustList> composition;
    private final Object start = new Object();

    /** The initial list, until it has been verified (under {@link #start}). */
    private String initialList;
    private volatile boolean started;
    private volatile TrustList initial;
    private volatile VerificationResult<TrustList> initialFailure;
    /** Online: built on first use, once the initial list is verified. */
    private volatile Source<TrustList> source;
    private volatile TrustList lastServed;
    private volatile boolean closed;

    private TrustListSource(Builder b) {
        this.verifier = b.verifier;
        this.uri = b.uri;
        this.offline = b.offline;
        this.ownsTransport = b.transport == null && !b.offline;
        this.transport = b.offline ? HttpTransport.offline() : b.transport != null ? b.transport
                : HttpTransport.standard(b.connectTimeout, b.allowLoopbackHttp);
        this.clock = b.clock;
        this.initialList = b.initialList;
        this.composition = offline ? null : SourceBuilder.from(new TrustListOrigin(verifier, uri, transport, clock,
                b.refreshInterval, b.readTimeout, b.maxResponseBytes), clock)
                .rateLimitAfterFailure(b.retryInterval)
                .outageTolerance(OutageTolerantSource.UNBOUNDED, null) // bounded by the list's grace, §5
                .cache();
        if (composition != null && b.refreshAhead != null) {
            composition.refreshAhead(b.refreshAhead, b.refreshExecutor);
        }
    }

    /**
     * @param verifier verifies every list fetched (and the initial list)
     * @return a builder with the defaults
     */
    public static Builder builder(TrustListVerifier verifier) {
        return new Builder(verifier);
    }

    /**
     * Returns the current trust list, fetching a newer one first when the cached list is older
     * than the refresh interval or stale (past {@code exp}).
     *
     * @return the list, valid (with warnings when it is within its grace or a refresh failed), or
     *         invalid when no list within its grace is available: {@code TRUST_LIST_INVALID} (with
     *         the cause) when none could be fetched and verified, {@code TRUST_LIST_EXPIRED} when
     *         the last good list is beyond its grace
     * @throws IllegalStateException after {@link #close()}
     */
    public VerificationResult<TrustList> current() {
        checkOpen();
        start();
        if (offline) {
            return serveOffline();
        }
        return render(source.get());
    }

    /**
     * Fetches and verifies the list now, whatever the age of the cache and the retry interval.
     * In offline mode nothing is fetched and this is {@link #current()}.
     *
     * @return as {@link #current()}
     * @throws IllegalStateException after {@link #close()}
     */
    public VerificationResult<TrustList> refresh() {
        checkOpen();
        start();
        if (offline) {
            return serveOffline();
        }
        return render(source.refresh());
    }

    /** @return whether this source never fetches */
    public boolean isOffline() {
        return offline;
    }

    /** Verifies the initial list (once) and builds the online composition around it. */
    private void start() {
        if (started) {
            return;
        }
        synchronized (start) {
            if (started) {
                return;
            }
            if (initialList != null) {
                VerificationResult<TrustList> r = verifier.verify(initialList);
                initialList = null;
                if (r.isValid()) {
                    initial = r.value().orElseThrow();
                } else {
                    initialFailure = r;
                    LOG.warn("the initial trust list is not usable: {}", r.errors());
                }
            }
            if (!offline) {
                if (initial != null) {
                    composition.outageTolerance(OutageTolerantSource.UNBOUNDED,
                            new Fetched<>(initial, clock.instant(), clock.instant()));
                }
                source = composition.build();
            }
            started = true;
        }
    }

    private VerificationResult<TrustList> serveOffline() {
        TrustList list = initial;
        if (list != null) {
            lastServed = list;
            return verifier.revalidate(list);
        }
        Findings f = new Findings().error(OutcomeCode.TRUST_LIST_INVALID,
                "offline: fetching is disabled and no usable trust list was given");
        if (initialFailure != null) {
            f.addAll(initialFailure);
        }
        return f.failure();
    }

    /**
     * A good list is re-checked for freshness; a last good list served despite a failed refresh
     * gets the failure as warnings while it is within its grace; no list gives the failure.
     */
    private VerificationResult<TrustList> render(Outcome<TrustList> o) {
        Outcome.Failure failure = o.failure().orElse(null);
        if (o.value().isEmpty()) {
            Findings f = new Findings();
            failure.errors().forEach(e -> f.error(e.code(), e.message()));
            if (initialFailure != null) {
                f.addAll(initialFailure);
            }
            return f.failure();
        }
        Fetched<TrustList> fetched = o.value().orElseThrow();
        TrustList list = fetched.value();
        lastServed = list;
        VerificationResult<TrustList> again = verifier.revalidate(list);
        if (failure == null) {
            return again;
        }
        if (!again.isValid()) {
            Findings f = new Findings().addAll(again);
            failure.errors().forEach(e -> f.error(e.code(), e.message()));
            return f.failure();
        }
        Findings f = new Findings();
        f.warn(OutcomeCode.TRUST_LIST_INVALID, "refreshing the trust list failed; serving the last good list ("
                + list.edition().map(e -> "seq " + e.seq()).orElse("local") + ", "
                + (list == initial ? "given at start" : "fetched at " + fetched.obtainedAt()) + ")");
        for (Finding e : failure.errors()) {
            f.warn(e.code(), e.message());
        }
        for (Finding w : again.warnings()) {
            f.warn(w.code(), w.message());
        }
        return f.result(list);
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the trust-list source is closed");
        }
    }

    /** Releases the default transport; the cached list is no longer served. Idempotent. */
    @Override
    public void close() {
        closed = true;
        if (ownsTransport) {
            transport.close();
        }
    }

    @Override
    public String toString() {
        TrustList l = lastServed;
        return "TrustListSource[" + (offline ? "offline" : uri) + ", " + (l == null ? "no list" : l) + "]";
    }

    /**
     * Configures a {@link TrustListSource}. Not thread-safe; the built source is.
     */
    public static final class Builder {

        private final TrustListVerifier verifier;
        private URI uri;
        private HttpTransport transport;
        private Clock clock = Clock.systemUTC();
        private Duration refreshInterval = DEFAULT_REFRESH_INTERVAL;
        private Duration retryInterval = DEFAULT_RETRY_INTERVAL;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration readTimeout = DEFAULT_READ_TIMEOUT;
        private int maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
        private boolean allowLoopbackHttp;
        private boolean offline;
        private String initialList;
        private Duration refreshAhead;
        private Executor refreshExecutor;

        private Builder(TrustListVerifier verifier) {
            this.verifier = Objects.requireNonNull(verifier, "verifier");
        }

        /**
         * @param uri where the signed list is published: {@code https}, or {@code http} to a
         *            loopback host with {@link #allowLoopbackHttp(boolean)}; required unless offline
         * @return this builder
         */
        public Builder uri(URI uri) {
            this.uri = Objects.requireNonNull(uri, "uri");
            return this;
        }

        /**
         * @param transport the HTTP client to use (default: one on {@code java.net.http}, owned
         *                  and closed by the source)
         * @return this builder
         */
        public Builder transport(HttpTransport transport) {
            this.transport = Objects.requireNonNull(transport, "transport");
            return this;
        }

        /**
         * @param clock the time source for refresh decisions (default the system clock); give the
         *              verifier the same clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @param interval how old a cached list may grow before the next call fetches again, at
         *                 least 1 second (default {@link #DEFAULT_REFRESH_INTERVAL})
         * @return this builder
         */
        public Builder refreshInterval(Duration interval) {
            this.refreshInterval = atLeast(interval, Duration.ofSeconds(1), "refreshInterval");
            return this;
        }

        /**
         * @param interval the pause after a failed refresh, 0 or more (default
         *                 {@link #DEFAULT_RETRY_INTERVAL})
         * @return this builder
         */
        public Builder retryInterval(Duration interval) {
            this.retryInterval = atLeast(interval, Duration.ZERO, "retryInterval");
            return this;
        }

        /**
         * @param timeout the connect timeout of the default transport (default
         *                {@link #DEFAULT_CONNECT_TIMEOUT})
         * @return this builder
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connectTimeout");
            return this;
        }

        /**
         * @param timeout the deadline for a whole exchange, body included (default
         *                {@link #DEFAULT_READ_TIMEOUT})
         * @return this builder
         */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = positive(timeout, "readTimeout");
            return this;
        }

        /**
         * @param bytes the largest response accepted, 1 KiB to 16 MiB (default
         *              {@link #DEFAULT_MAX_RESPONSE_BYTES}); keep the verifier's input limit at
         *              least as large
         * @return this builder
         */
        public Builder maxResponseBytes(int bytes) {
            if (bytes < 1024 || bytes > 16 << 20) {
                throw new IllegalArgumentException("maxResponseBytes must be between 1 KiB and 16 MiB");
            }
            this.maxResponseBytes = bytes;
            return this;
        }

        /**
         * Allows plain {@code http} to {@code 127.0.0.1}, {@code ::1} or {@code localhost}, for
         * development against the sandbox. Never needed in production; other hosts always need
         * {@code https}.
         *
         * @param allow whether to allow it (default {@code false})
         * @return this builder
         */
        public Builder allowLoopbackHttp(boolean allow) {
            this.allowLoopbackHttp = allow;
            return this;
        }

        /**
         * @param offline {@code true} to disable fetching entirely: the source serves only the
         *                {@linkplain #initialList(String) initial list} (default {@code false})
         * @return this builder
         */
        public Builder offline(boolean offline) {
            this.offline = offline;
            return this;
        }

        /**
         * @param signedTrustList a signed list to start with (for example one read from disk),
         *                        verified on first use; served until a fetch succeeds, and the
         *                        only list of an offline source
         * @return this builder
         */
        public Builder initialList(String signedTrustList) {
            this.initialList = Objects.requireNonNull(signedTrustList, "signedTrustList");
            return this;
        }

        /**
         * Refreshes the list shortly before it is due, on {@code executor}, so that no caller
         * waits for a fetch while a good list is held (off by default: refreshes then happen on
         * a calling thread once the list is due). Failed attempts are paced by the retry interval
         * like any other.
         *
         * @param ahead    how long before the list is due to start, above 0 and less than the
         *                 refresh interval
         * @param executor where the refreshes run; its owner shuts it down
         * @return this builder
         */
        public Builder refreshAhead(Duration ahead, Executor executor) {
            Objects.requireNonNull(ahead, "ahead");
            if (ahead.isNegative() || ahead.isZero()) {
                throw new IllegalArgumentException("refreshAhead must be above 0");
            }
            this.refreshAhead = ahead;
            this.refreshExecutor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /**
         * Builds the source. No network I/O.
         *
         * @return the source
         * @throws IllegalStateException    when online without a URI, or when refreshAhead is not less
         *                                  than the refresh interval
         * @throws IllegalArgumentException when the URI breaks the fetch rules
         */
        public TrustListSource build() {
            if (uri == null && !offline) {
                throw new IllegalStateException("uri(...) is required unless offline(true)");
            }
            if (uri != null) {
                FetchRules.check(uri, allowLoopbackHttp);
            }
            if (refreshAhead != null && refreshAhead.compareTo(refreshInterval) >= 0) {
                throw new IllegalStateException("refreshAhead (" + refreshAhead + ") must be less than the refresh"
                        + " interval (" + refreshInterval + ")");
            }
            return new TrustListSource(this);
        }

        private static Duration atLeast(Duration d, Duration min, String name) {
            Objects.requireNonNull(d, name);
            if (d.compareTo(min) < 0) {
                throw new IllegalArgumentException(name + " must be at least " + min);
            }
            return d;
        }

        private static Duration positive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero() || d.compareTo(Duration.ofMinutes(5)) > 0) {
                throw new IllegalArgumentException(name + " must be above 0 and at most 5 minutes");
            }
            return d;
        }
    }
}
