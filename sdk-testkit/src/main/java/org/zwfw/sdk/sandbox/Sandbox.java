package org.zwfw.sdk.sandbox;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.crypto.KeySet;
import org.zwfw.sdk.sandbox.internal.IssuerRuntime;
import org.zwfw.sdk.sandbox.internal.StateDirectory;
import org.zwfw.sdk.sandbox.internal.TrustListPublisher;
import org.zwfw.sdk.sandbox.internal.api.Api;
import org.zwfw.sdk.crypto.SigningKey;

/**
 * A local emulator of the province platform, for development and tests: a real HTTP server on
 * loopback (Jetty) with real keys and real signatures. It serves the
 * province trust list signed by its trust anchor, and three issuers ({@link SandboxIssuer}) that
 * issue e-certificates, publish their status lists and revoke, suspend and reinstate over HTTP.
 * Every URL is listed by {@code GET /.well-known/zwfw-sandbox}; {@code spec/sandbox.md} documents
 * the endpoints and the decisions behind them.
 *
 * <pre>{@code
 * try (Sandbox sandbox = Sandbox.builder().start()) {       // 127.0.0.1, an ephemeral port
 *     URI trustList = sandbox.trustListUri();
 *     KeySet anchor = sandbox.trustAnchorKeys();            // pin these in the verifier
 *     ...
 * }
 * }</pre>
 *
 * <p>Without a state directory everything lives in memory and is new at each start. With one
 * ({@link Builder#stateDirectory(Path)}), keys, status-list allocations and statuses, the trust
 * list's {@code seq} and the base URL survive restarts: credentials issued before a restart still
 * verify, and a revoked one stays revoked.
 *
 * <p><b>No authentication.</b> Anyone who can reach the sandbox can issue and revoke, so it binds
 * a loopback address unless {@link Builder#allowNonLoopback(boolean)} says otherwise. Its keys
 * are test keys: never trust its anchor outside development.
 *
 * <p>Thread-safe. {@link #close()} stops the server and releases the state directory.
 */
public final class Sandbox implements AutoCloseable {

    /** Default bind address: IPv4 loopback. */
    public static final String DEFAULT_HOST = "127.0.0.1";
    /** The index document listing every URL. */
    public static final String INDEX_PATH = "/.well-known/zwfw-sandbox";
    /** The signed trust list. */
    public static final String TRUST_LIST_PATH = "/trust-list";
    /** The trust anchor's JWK Set, to pin. */
    public static final String TRUST_ANCHOR_JWKS_PATH = "/trust-anchor/jwks.json";
    /** The media type of the signed trust list. */
    public static final String TRUST_LIST_MEDIA_TYPE = "application/trustlist+jwt";
    /** The {@code iss} of the sandbox's trust list. */
    public static final String TRUST_LIST_ISSUER = "https://trust.sandbox.zwfw.example";
    /** The trust anchor signs with national cryptography, as the province's root of trust would. */
    public static final JwsAlgorithm TRUST_ANCHOR_ALGORITHM = JwsAlgorithm.SGD_SM3_SM2;
    /**
     * Lifetime of a trust-list edition: 24 hours. A new edition (next {@code seq}) is signed when
     * half of it has passed, so a verifier refreshing hourly never sees a stale list.
     */
    public static final Duration TRUST_LIST_LIFETIME = Duration.ofHours(24);
    /**
     * Lifetime of a status list token: 10 minutes. Each token is signed on request, so a short
     * lifetime costs nothing and bounds how long an old "VALID" can be replayed.
     */
    public static final Duration STATUS_LIST_VALIDITY = Duration.ofMinutes(10);
    /**
     * The {@code ttl} of each status list token: 10 seconds, so that a developer who revokes a
     * credential sees verifiers notice within seconds.
     */
    public static final Duration STATUS_LIST_TTL = Duration.ofSeconds(10);
    /**
     * Indexes per status list: 65,536 (16 KiB of 2-bit statuses, a few hundred bytes of token while
     * few are revoked). Indexes are drawn at random among them and never reused.
     */
    public static final int STATUS_LIST_CAPACITY = 65_536;
    /**
     * Time a client has to send a request header: 10 seconds from opening the connection or from
     * the previous answer on it. A connection past it is closed, so that slow clients cannot hold
     * the sandbox's connections; it is also the idle time of a kept-alive connection.
     */
    public static final Duration REQUEST_HEADER_TIME = Duration.ofSeconds(10);
    /** Time a client has to send a request body once its header has arrived: 10 seconds. */
    public static final Duration REQUEST_BODY_TIME = Duration.ofSeconds(10);

    /** API requests a second per application, by default. */
    public static final int DEFAULT_API_RATE_LIMIT = 50;

    private static final Logger LOG = LoggerFactory.getLogger(Sandbox.class);

    private final Server server;
    private final StateDirectory state;
    private final URI base;
    private final int port;
    private final KeySet anchorKeys;
    private final Map<SandboxIssuer, IssuerRuntime> issuers;
    private final TrustListPublisher trustList;
    private final OpenIdProvider openIdProvider;
    private final Api api;
    private final Map<String, List<SigningKey>> defaultAppKeys;
    private final AtomicBoolean closed = new AtomicBoolean();

    Sandbox(Server server, int port, StateDirectory state, URI base, KeySet anchorKeys,
            Map<SandboxIssuer, IssuerRuntime> issuers, TrustListPublisher trustList, OpenIdProvider openIdProvider,
            Api api, Map<String, List<SigningKey>> defaultAppKeys) {
        this.api = api;
        this.defaultAppKeys = defaultAppKeys;
        this.server = server;
        this.state = state;
        this.base = base;
        this.port = port;
        this.anchorKeys = anchorKeys;
        this.issuers = new EnumMap<>(issuers);
        this.trustList = trustList;
        this.openIdProvider = openIdProvider;
    }

    /**
     * @return the OpenID provider ({@code spec/sandbox.md} §10): issuer {@code <base>/oidc}, its
     *         apps and test citizens, the key-rotation and logout switches
     */
    public OpenIdProvider openIdProvider() {
        return openIdProvider;
    }

    /** The client ID of the default app that may call every API operation and issue for every issuer. */
    public static final String DEFAULT_API_APP = "sandbox-service";

    /** @return the base URL of the service-network API, {@code <base>/v1} */
    public URI apiBaseUri() {
        return url("/v1");
    }

    /**
     * @return the platform's public signing keys of responses and webhooks (one per algorithm), as
     *         {@code GET /v1/platform/keys} answers them: what a client pins
     */
    public KeySet platformKeys() {
        return api.platformKeys();
    }

    /**
     * The private API signing keys of a default app ({@code spec/sandbox.md} §10.3), for tests and
     * for trying the API by hand: {@code sandbox-service} has one of each algorithm
     * ({@code ES256}, {@code EdDSA}, {@code SGD_SM3_SM2}), {@code sandbox-web} an {@code ES256} one.
     * Empty when the apps came from {@code --apps} (their private keys are their owners').
     *
     * @param clientId a default app
     * @return its keys, in that order
     */
    public List<SigningKey> defaultAppKeys(String clientId) {
        return defaultAppKeys.getOrDefault(clientId, List.of());
    }

    /**
     * @param clientId  a default app
     * @param algorithm {@code ES256}, {@code EdDSA} or {@code SGD_SM3_SM2}
     * @return its key of that algorithm
     * @throws IllegalArgumentException when it has none
     */
    public SigningKey defaultAppKey(String clientId, JwsAlgorithm algorithm) {
        return defaultAppKeys(clientId).stream().filter(k -> k.algorithm() == algorithm).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(clientId + " has no default " + algorithm + " key"));
    }

    /**
     * Moves a case one step on its way (SUBMITTED → ACCEPTED → IN_REVIEW → APPROVED → COMPLETED),
     * announced by {@code case.status_changed}; also {@code POST /sandbox/cases/{id}/advance}.
     *
     * @param caseId the case
     * @return the new status
     * @throws IllegalArgumentException for an unknown case
     * @throws IllegalStateException    when the case is final
     */
    public String advanceCase(String caseId) {
        return api.advance(caseId, null);
    }

    /**
     * Moves a case to a given next state ({@code REJECTED} from SUBMITTED or IN_REVIEW, say).
     *
     * @param caseId the case
     * @param status a state the case can move to now
     * @return the new status
     * @throws IllegalArgumentException for an unknown case
     * @throws IllegalStateException    when the case cannot move there
     */
    public String advanceCase(String caseId, String status) {
        return api.advance(caseId, Objects.requireNonNull(status, "status"));
    }

    /**
     * Injects a fault into the next matching API calls (also {@code POST /sandbox/faults}).
     *
     * @param fault the fault
     */
    public void injectFault(ApiFault fault) {
        api.faults().add(fault.fault);
    }

    /** Removes every fault not yet applied (also {@code POST /sandbox/faults/clear}). */
    public void clearFaults() {
        api.faults().clear();
    }

    /** @return webhook events delivered so far (answered {@code 2xx}) */
    public long webhooksDelivered() {
        return api.webhooksDelivered();
    }

    /** @return webhook events given up so far (all retries failed, or {@code 410}) */
    public long webhooksDropped() {
        return api.webhooksDropped();
    }

    /** @return a builder with the defaults: 127.0.0.1, an ephemeral port, in memory, system clock */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @return the base URL, without a final slash, such as {@code http://127.0.0.1:43121}; every
     *         URL the sandbox serves and writes into credentials starts with it
     */
    public URI baseUri() {
        return base;
    }

    /** @return the port the server listens on */
    public int port() {
        return port;
    }

    /** @return the index document's URL */
    public URI indexUri() {
        return url(INDEX_PATH);
    }

    /** @return the signed trust list's URL */
    public URI trustListUri() {
        return url(TRUST_LIST_PATH);
    }

    /** @return the trust anchor JWK Set's URL */
    public URI trustAnchorJwksUri() {
        return url(TRUST_ANCHOR_JWKS_PATH);
    }

    /**
     * @return the trust anchor's public keys, to pin in a {@code TrustListVerifier} of the same
     *         process (other processes fetch {@link #trustAnchorJwksUri()})
     */
    public KeySet trustAnchorKeys() {
        return anchorKeys;
    }

    /**
     * @param issuer an issuer
     * @return its JWK Set's URL
     */
    public URI jwksUri(SandboxIssuer issuer) {
        return url("/issuers/" + issuer.slug() + "/jwks.json");
    }

    /**
     * @param issuer an issuer
     * @return its status list's URL: the {@code uri} its credentials carry and the list's {@code sub}
     */
    public URI statusListUri(SandboxIssuer issuer) {
        return issuers.get(issuer).statusListUri();
    }

    /**
     * @param issuer an issuer
     * @return the URL to {@code POST} issuance requests to
     */
    public URI credentialsUri(SandboxIssuer issuer) {
        return url("/issuers/" + issuer.slug() + "/credentials");
    }

    /**
     * @param issuer an issuer
     * @return the URL of its sample requests
     */
    public URI samplesUri(SandboxIssuer issuer) {
        return url("/issuers/" + issuer.slug() + "/samples");
    }

    /**
     * @param issuer an issuer
     * @param idx    a status index
     * @return the URL to read ({@code GET}) and change ({@code POST}) that index's status
     */
    public URI statusEntryUri(SandboxIssuer issuer, int idx) {
        return url("/issuers/" + issuer.slug() + "/status-lists/1/entries/" + idx);
    }

    /** @return the {@code seq} of the trust-list edition served now */
    public long trustListSeq() {
        return trustList.seq();
    }

    /** @return the state directory, when the state is persisted */
    public Optional<Path> stateDirectory() {
        return Optional.ofNullable(state).map(StateDirectory::root);
    }

    private URI url(String path) {
        return URI.create(base + path);
    }

    /** Stops the server (requests in flight are cut off) and releases the state directory. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        stop(server);
        api.close();
        if (state != null) {
            state.close();
        }
        LOG.debug("sandbox at {} stopped", base);
    }

    /**
     * Stops a server, started or not, and releases its port. An interrupted caller (a command
     * stopped by interrupting its thread) is served too: the interrupt would cut Jetty's stop
     * short, so it is cleared for the stop and set again after.
     */
    static void stop(Server server) {
        boolean interrupted = Thread.interrupted();
        try {
            server.stop();
        } catch (Exception e) {
            LOG.debug("stopping the HTTP server failed", e);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        for (Connector c : server.getConnectors()) {
            if (c instanceof ServerConnector) {
                ((ServerConnector) c).close();
            }
        }
    }

    @Override
    public String toString() {
        return "Sandbox[" + base + (state == null ? ", in memory" : ", state " + state.root()) + "]";
    }

    /** Configures and starts a {@link Sandbox}. Not thread-safe. */
    public static final class Builder {

        String host = DEFAULT_HOST;
        int port;
        Path stateDirectory;
        Clock clock = Clock.systemUTC();
        boolean allowNonLoopback;
        URI publicBaseUri;
        Duration headerTime = REQUEST_HEADER_TIME;
        Duration bodyTime = REQUEST_BODY_TIME;
        Path appsFile;
        List<RegisteredApp> apps;
        double webhookTimeScale = 1.0;
        Duration caseStep;
        int apiRateLimit = DEFAULT_API_RATE_LIMIT;

        private Builder() {
        }

        /**
         * @param scale the factor on the webhook retry delays (1 min, 5 min, ... 15 h): 1 by
         *              default; 0.001 makes them 60 ms to 54 s, for tests
         * @return this builder
         */
        public Builder webhookTimeScale(double scale) {
            if (!(scale > 0 && scale <= 1)) {
                throw new IllegalArgumentException("the time scale is above 0, at most 1");
            }
            this.webhookTimeScale = scale;
            return this;
        }

        /**
         * @param step how often every open case moves one step on its way (default never: cases
         *             move on command only, {@link Sandbox#advanceCase})
         * @return this builder
         */
        public Builder caseStep(Duration step) {
            if (step.isNegative() || step.isZero()) {
                throw new IllegalArgumentException("a case step is positive");
            }
            this.caseStep = step;
            return this;
        }

        /**
         * @param perSecond API requests a second per application (default {@value #DEFAULT_API_RATE_LIMIT},
         *                  bursts of twice that); beyond, {@code 429 RATE_LIMITED}
         * @return this builder
         */
        public Builder apiRateLimit(int perSecond) {
            if (perSecond < 1) {
                throw new IllegalArgumentException("the rate limit is at least 1 a second");
            }
            this.apiRateLimit = perSecond;
            return this;
        }

        /**
         * Registers the OpenID provider's apps from a file ({@code spec/sandbox.md} §10.3), read
         * at {@link #start()}, instead of the default apps.
         *
         * @param file a JSON file {@code {"apps": [...]}}
         * @return this builder
         */
        public Builder apps(Path file) {
            this.appsFile = Objects.requireNonNull(file, "file");
            this.apps = null;
            return this;
        }

        /**
         * Registers the OpenID provider's apps instead of the default apps.
         *
         * @param apps the apps: client IDs unique, RNAT audiences among them
         * @return this builder
         * @throws IllegalArgumentException when the set breaks those rules
         */
        public Builder apps(List<RegisteredApp> apps) {
            List<String> problems = AppsFile.checkSet(List.copyOf(apps), "apps");
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("the registered apps are invalid: " + String.join("; ", problems));
            }
            this.apps = List.copyOf(apps);
            this.appsFile = null;
            return this;
        }

        /** Shorter read deadlines, for tests that watch slow clients being cut off. */
        Builder readDeadlines(Duration header, Duration body) {
            this.headerTime = header;
            this.bodyTime = body;
            return this;
        }

        /**
         * @param host the address to bind (default {@value #DEFAULT_HOST}); a loopback address or
         *             {@code localhost}, unless {@link #allowNonLoopback(boolean)}
         * @return this builder
         */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /**
         * @param port the port, 0 (default) for an ephemeral one; with a state directory, 0 means
         *             the port recorded there, if any
         * @return this builder
         */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0..65535");
            }
            this.port = port;
            return this;
        }

        /**
         * @param dir where keys, status lists and settings persist (created owner-only if absent);
         *            default none: everything in memory
         * @return this builder
         */
        public Builder stateDirectory(Path dir) {
            this.stateDirectory = Objects.requireNonNull(dir, "dir");
            return this;
        }

        /**
         * @param clock the clock for {@code iat} and {@code exp} of everything signed (default system UTC)
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Allows binding an address other than loopback, such as {@code 0.0.0.0} inside a
         * container. <b>Dangerous:</b> the sandbox has no authentication, so everyone who can
         * reach the address can issue credentials its trust anchor vouches for, and revoke any.
         *
         * @param allow whether to allow it (default {@code false})
         * @return this builder
         */
        public Builder allowNonLoopback(boolean allow) {
            this.allowNonLoopback = allow;
            return this;
        }

        /**
         * @param uri the base URL clients use, when it is not the bound address: a TLS proxy in
         *            front ({@code https://sandbox.dev.example}) or a forwarded port
         *            ({@code http://127.0.0.1:9000}). {@code https}, or {@code http} to
         *            {@code 127.0.0.1}, {@code [::1]} or {@code localhost}; no path, query or user
         *            information. Default: derived from the bound address
         * @return this builder
         */
        public Builder publicBaseUri(URI uri) {
            this.publicBaseUri = SandboxStart.checkPublicBase(Objects.requireNonNull(uri, "uri"));
            return this;
        }

        /**
         * Starts the sandbox: opens (and locks) the state directory, loads or generates the keys,
         * binds the port, signs the first trust-list edition and starts serving.
         *
         * @return the running sandbox
         * @throws IllegalArgumentException  when the host is not loopback and that is not allowed,
         *                                   or cannot be resolved, or the apps file is invalid
         *                                   (the message names the file and every problem)
         * @throws IllegalStateException     when another sandbox holds the state directory, the
         *                                   state is damaged, or it was created for another base
         *                                   URL (the status URLs in its credentials would break)
         * @throws java.io.UncheckedIOException when the port cannot be bound or the state cannot be
         *                                   written
         */
        public Sandbox start() {
            return SandboxStart.start(this);
        }
    }
}
