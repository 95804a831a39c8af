package org.zwfw.sdk.crypto;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import org.zwfw.sdk.http.FetchRules;
import org.zwfw.sdk.http.HttpTransport;
import org.zwfw.sdk.internal.Findings;
import org.zwfw.sdk.internal.Texts;
import org.zwfw.sdk.source.Fetched;
import org.zwfw.sdk.source.Outcome;
import org.zwfw.sdk.source.Source;
import org.zwfw.sdk.source.SourceBuilder;
import org.zwfw.sdk.verify.Finding;
import org.zwfw.sdk.verify.OutcomeCode;
import org.zwfw.sdk.verify.VerificationResult;

/**
 * The keys of a JWK Set published at a URL, such as an OpenID provider's {@code jwks_uri}: a
 * {@link KeyResolver} that fetches the set, keeps it, and fetches it again when a token names a
 * key it does not hold (key rotation), {@code spec/login.md} §3, fetch rules {@code spec/http.md}.
 *
 * <pre>{@code
 * try (RemoteKeySet keys = RemoteKeySet.builder(URI.create("https://login.example.gov.cn/jwks.json")).build()) {
 *     JwsVerifier verifier = JwsVerifier.builder().keys(keys).allowedAlgorithms(RS256, ES256).build();
 * }
 * }</pre>
 *
 * <ul>
 * <li>Building fetches nothing; the first {@link #resolve} does.
 * <li>Keys are read as {@link KeySet#parse} reads them: each bound to one algorithm (an RSA key
 *     without {@code alg} to {@code RS256}), keys not for signatures and keys outside the profile
 *     skipped with their reason, a malformed supported key or a private key failing the whole
 *     set (a failed fetch, below).
 * <li>A request is answered from the set held, without waiting, while it is fresh (the refresh
 *     interval, 1 hour by default; {@code Cache-Control} is not read). Once it is due, one caller
 *     fetches while the others are still served the set held; with
 *     {@link Builder#refreshAhead(Executor)} the fetch starts on the executor in the last tenth
 *     of the interval, so that no caller waits.
 * <li>A request whose key is not held (an unknown {@code kid}, or no {@code kid} and no key
 *     for its {@code alg}) asks for the set again and is answered from what comes back;
 *     concurrent callers share that one fetch. The set is fetched at most once per
 *     {@linkplain Builder#unknownKeyRefreshInterval unknown-key interval} (30 s by default),
 *     whatever the outcome and whatever the reason, so random {@code kid} values cannot make it
 *     fetch in a loop: within the interval such a request is answered from the set held
 *     ({@code UNKNOWN_KEY}) without a fetch.
 * <li>When fetching fails (unreachable, slow, not 200, not a JWK Set, too large), the last good
 *     set stays in use for the {@linkplain Builder#outageTolerance outage tolerance} (24 hours
 *     by default) past its refresh time, with the failure as an {@code UNKNOWN_KEY} warning on
 *     every answer; afterwards, or with no good set ever, the answer is {@code UNKNOWN_KEY}
 *     naming the failure.
 * </ul>
 *
 * <p>The issuer of a request is not looked at: the verifier checks {@code iss}. Thread-safe; no
 * thread of its own. Closing releases the default transport's threads (a transport given to the
 * builder is left open: its owner closes it).
 *
 * <p>Inside, the source is a composition ({@code org.zwfw.sdk.source}): the fetch, paced to one
 * call per unknown-key interval, with the last good set served during an outage, cached until it
 * is due, refreshed ahead when asked; an unknown key {@linkplain Source#reload() reloads} past
 * the cache, under the same pacing.
 */
public final class RemoteKeySet implements KeyResolver, AutoCloseable {

    /** Default refresh interval: 1 hour ({@code spec/login.md} §3). */
    public static final Duration DEFAULT_REFRESH_INTERVAL = Duration.ofHours(1);

    /**
     * Default least time between two fetches for keys not held: 30 seconds ({@code spec/login.md}
     * L2). A rotation is seen at the first token under the new key; a flood of random key IDs
     * costs the provider one request per 30 s.
     */
    public static final Duration DEFAULT_UNKNOWN_KEY_REFRESH_INTERVAL = Duration.ofSeconds(30);

    /** Default outage tolerance: the last good set is used up to 24 hours past its refresh time. */
    public static final Duration DEFAULT_OUTAGE_TOLERANCE = Duration.ofHours(24);

    /** Default connect timeout of the default transport: 5 seconds. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

    /** Default deadline for a whole exchange, body included: 10 seconds. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(10);

    /** Default and largest response accepted: 1 MiB, the JWK Set limit ({@code spec/algorithms.md} §7). */
    public static final int DEFAULT_MAX_RESPONSE_BYTES = JwkCodec.MAX_JSON_BYTES;

    /** The {@code Accept} header of every fetch. */
    static final String ACCEPT = "application/jwk-set+json, application/json";

    private final URI uri;
    private final HttpTransport transport;
    private final boolean ownsTransport;
    private final Source<KeySet> source;
    private volatile boolean closed;

    private RemoteKeySet(Builder b) {
        this.uri = b.uri;
        this.ownsTransport = b.transport == null;
        this.transport = b.transport != null ? b.transport : HttpTransport.standard(b.connectTimeout,
                b.allowLoopbackHttp);
        SourceBuilder<KeySet> s = SourceBuilder.from(new JwksOrigin(uri, transport, b.clock, b.refreshInterval,
                b.readTimeout, b.maxResponseBytes, b.aliases), b.clock)
                .rateLimitEveryCall(b.unknownKeyRefreshInterval)
                .outageTolerance(b.refreshInterval.plus(b.outageTolerance), null) // counted from when it was fetched
                .cache();
        if (b.refreshAheadExecutor != null) {
            s.refreshAhead(b.refreshInterval.dividedBy(10), b.refreshAheadExecutor);
        }
        this.source = s.build();
    }

    /**
     * @param jwksUri where the JWK Set is published: {@code https}, or {@code http} to a
     *                loopback host with {@link Builder#allowLoopbackHttp(boolean)}
     * @return a builder with the defaults
     */
    public static Builder builder(URI jwksUri) {
        return new Builder(jwksUri);
    }

    /**
     * The keys for a token: the set held when it holds a key for the request, else the set
     * fetched again (paced, see above).
     *
     * @param request the token's {@code kid} and {@code alg}; its issuer is not looked at
     * @return the whole set (the verifier picks by {@code kid} and {@code alg}), with warnings
     *         while a last good set is used despite a failed fetch; or {@code UNKNOWN_KEY} when
     *         no usable set is held or it holds no key for the request
     * @throws IllegalStateException after {@link #close()}
     */
    @Override
    public VerificationResult<KeySet> resolve(KeyRequest request) {
        Objects.requireNonNull(request, "request");
        if (closed) {
            throw new IllegalStateException("the remote key set is closed");
        }
        Outcome<KeySet> o = source.get();
        if (o.value().isEmpty() || !holds(o.value().get().value(), request)) {
            o = source.reload();
        }
        return answer(o, request);
    }

    /** @return where the set is fetched from */
    public URI uri() {
        return uri;
    }

    /** Whether the set holds a key for the request: a signature key with its kid, or without one, for its alg. */
    private static boolean holds(KeySet keys, KeyRequest request) {
        if (request.keyId() != null) {
            return !keys.candidates(request.keyId()).isEmpty();
        }
        JwsAlgorithm alg = request.algorithm() == null ? null
                : JwsAlgorithm.fromName(request.algorithm(), AliasPolicy.LENIENT).orElse(null);
        for (VerificationKey k : keys.candidates(null)) {
            if (alg == null || k.algorithm() == alg) {
                return true;
            }
        }
        return false;
    }

    private VerificationResult<KeySet> answer(Outcome<KeySet> o, KeyRequest request) {
        Outcome.Failure failure = o.failure().orElse(null);
        Findings f = new Findings();
        if (o.value().isEmpty()) {
            for (Finding e : failure.errors()) {
                f.error(e.code(), "no key set to verify with: " + e.message());
            }
            return f.failure();
        }
        Fetched<KeySet> fetched = o.value().get();
        KeySet keys = fetched.value();
        if (!holds(keys, request)) {
            f.error(OutcomeCode.UNKNOWN_KEY, notHeld(fetched, request));
            if (failure != null) {
                failure.errors().forEach(e -> f.error(e.code(), "fetching the key set again failed: " + e.message()));
            }
            return f.failure();
        }
        if (failure == null) {
            return keys.resolve(request);
        }
        f.warn(OutcomeCode.UNKNOWN_KEY, "fetching the key set from " + JwksOrigin.where(uri) + " failed; using the"
                + " last good set, fetched at " + fetched.obtainedAt());
        failure.errors().forEach(e -> f.warn(e.code(), e.message()));
        return f.result(keys);
    }

    private String notHeld(Fetched<KeySet> fetched, KeyRequest request) {
        KeySet keys = fetched.value();
        StringBuilder sb = new StringBuilder();
        if (request.keyId() != null) {
            sb.append("no signature key with kid ").append(Texts.quote(request.keyId()));
        } else {
            sb.append("the token has no 'kid' and no signature key is bound to its alg ")
                    .append(Texts.quote(request.algorithm()));
        }
        sb.append(" in the key set from ").append(JwksOrigin.where(uri)).append(" (").append(keys.keys().size())
                .append(" key(s), fetched at ").append(fetched.obtainedAt()).append(')');
        if (request.keyId() != null) {
            String named = "(kid " + Texts.quote(request.keyId()) + ")";
            keys.skipped().stream().filter(s -> s.contains(named)).findFirst()
                    .ifPresent(s -> sb.append("; skipped ").append(s));
        }
        return sb.append("; a key not held makes the set be fetched again at most once per interval").toString();
    }

    /** Releases the default transport. Idempotent. */
    @Override
    public void close() {
        closed = true;
        if (ownsTransport) {
            transport.close();
        }
    }

    @Override
    public String toString() {
        return "RemoteKeySet[" + JwksOrigin.where(uri) + "]";
    }

    /** Configures a {@link RemoteKeySet}. Not thread-safe; the built resolver is. */
    public static final class Builder {

        private final URI uri;
        private HttpTransport transport;
        private boolean allowLoopbackHttp;
        private Clock clock = Clock.systemUTC();
        private Duration refreshInterval = DEFAULT_REFRESH_INTERVAL;
        private Duration unknownKeyRefreshInterval = DEFAULT_UNKNOWN_KEY_REFRESH_INTERVAL;
        private Duration outageTolerance = DEFAULT_OUTAGE_TOLERANCE;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration readTimeout = DEFAULT_READ_TIMEOUT;
        private int maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
        private AliasPolicy aliases = AliasPolicy.STRICT;
        private Executor refreshAheadExecutor;

        private Builder(URI uri) {
            this.uri = Objects.requireNonNull(uri, "jwksUri");
        }

        /**
         * @param transport the HTTP client to use (default: {@link HttpTransport#standard} with
         *                  the connect timeout, owned and closed by the resolver)
         * @return this builder
         */
        public Builder transport(HttpTransport transport) {
            this.transport = Objects.requireNonNull(transport, "transport");
            return this;
        }

        /**
         * Allows plain {@code http} to {@code 127.0.0.1}, {@code ::1} or {@code localhost}, for
         * development against the sandbox ({@code spec/http.md} §1).
         *
         * @param allow whether to allow it (default {@code false})
         * @return this builder
         */
        public Builder allowLoopbackHttp(boolean allow) {
            this.allowLoopbackHttp = allow;
            return this;
        }

        /**
         * @param clock the time source of the refresh, pacing and outage decisions (default the
         *              system clock)
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @param interval how long a fetched set is used before it is fetched again, 1 minute to
         *                 24 hours (default {@link #DEFAULT_REFRESH_INTERVAL})
         * @return this builder
         */
        public Builder refreshInterval(Duration interval) {
            this.refreshInterval = within(interval, Duration.ofMinutes(1), Duration.ofHours(24), "refreshInterval");
            return this;
        }

        /**
         * @param interval the least time between two fetches, 10 seconds to 1 hour (default
         *                 {@link #DEFAULT_UNKNOWN_KEY_REFRESH_INTERVAL}): a key not held triggers a
         *                 fetch only this long after the previous one, and failed fetches are
         *                 retried no sooner
         * @return this builder
         */
        public Builder unknownKeyRefreshInterval(Duration interval) {
            this.unknownKeyRefreshInterval = within(interval, Duration.ofSeconds(10), Duration.ofHours(1),
                    "unknownKeyRefreshInterval");
            return this;
        }

        /**
         * @param tolerance how long past its refresh time the last good set stays in use while
         *                  fetching fails, 1 minute to 7 days (default
         *                  {@link #DEFAULT_OUTAGE_TOLERANCE})
         * @return this builder
         */
        public Builder outageTolerance(Duration tolerance) {
            this.outageTolerance = within(tolerance, Duration.ofMinutes(1), Duration.ofDays(7), "outageTolerance");
            return this;
        }

        /**
         * @param timeout the connect timeout of the default transport, above 0 and at most 5
         *                minutes (default {@link #DEFAULT_CONNECT_TIMEOUT})
         * @return this builder
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = within(timeout, Duration.ofNanos(1), Duration.ofMinutes(5), "connectTimeout");
            return this;
        }

        /**
         * @param timeout the deadline for a whole exchange, body included, above 0 and at most 5
         *                minutes (default {@link #DEFAULT_READ_TIMEOUT}); a caller whose key is not
         *                held may wait this long
         * @return this builder
         */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = within(timeout, Duration.ofNanos(1), Duration.ofMinutes(5), "readTimeout");
            return this;
        }

        /**
         * @param bytes the largest response accepted, 1 KiB to 1 MiB (default
         *              {@link #DEFAULT_MAX_RESPONSE_BYTES})
         * @return this builder
         */
        public Builder maxResponseBytes(int bytes) {
            if (bytes < 1024 || bytes > JwkCodec.MAX_JSON_BYTES) {
                throw new IllegalArgumentException("maxResponseBytes must be between 1 KiB and 1 MiB");
            }
            this.maxResponseBytes = bytes;
            return this;
        }

        /**
         * @param aliases whether SM2 alias names are accepted in the keys (default strict)
         * @return this builder
         */
        public Builder aliasPolicy(AliasPolicy aliases) {
            this.aliases = Objects.requireNonNull(aliases, "aliases");
            return this;
        }

        /**
         * Fetches the set in the last tenth of the refresh interval on {@code executor}, so that
         * no caller waits for a scheduled fetch (off by default). Such fetches are paced like any
         * other.
         *
         * @param executor where the fetches run; its owner shuts it down
         * @return this builder
         */
        public Builder refreshAhead(Executor executor) {
            this.refreshAheadExecutor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /**
         * Builds the resolver. No network I/O.
         *
         * @return the resolver
         * @throws IllegalArgumentException when the URI breaks the fetch rules
         */
        public RemoteKeySet build() {
            FetchRules.check(uri, allowLoopbackHttp);
            return new RemoteKeySet(this);
        }

        private static Duration within(Duration d, Duration min, Duration max, String name) {
            Objects.requireNonNull(d, name);
            if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
                throw new IllegalArgumentException(name + " must be between " + min + " and " + max);
            }
            return d;
        }
    }
}
