package org.zwfw.sdk.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.server.ConnectionLimit;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.crypto.KeySet;
import org.zwfw.sdk.crypto.SigningKey;
import org.zwfw.sdk.sandbox.internal.IssuerEndpoints;
import org.zwfw.sdk.sandbox.internal.IssuerRuntime;
import org.zwfw.sdk.sandbox.internal.ReadDeadlines;
import org.zwfw.sdk.sandbox.internal.Router;
import org.zwfw.sdk.sandbox.internal.ServerErrors;
import org.zwfw.sdk.sandbox.internal.StateDirectory;
import org.zwfw.sdk.sandbox.internal.TrustListPublisher;
import org.zwfw.sdk.sandbox.internal.api.Api;
import org.zwfw.sdk.sandbox.internal.oidc.OidcEndpoints;
import org.zwfw.sdk.sandbox.internal.oidc.OidcKeys;
import org.zwfw.sdk.sandbox.internal.oidc.Provider;
import org.zwfw.sdk.status.issuer.StatusListIssuer;
import org.zwfw.sdk.trust.TrustedIssuer;

/** The start-up sequence of a {@link Sandbox}, and the address rules it enforces. */
final class SandboxStart {

    /**
     * Most threads of the server, its acceptor and selector included: slow clients hold none (the
     * server reads without blocking), so these serve requests that have fully arrived.
     */
    static final int MAX_THREADS = 32;
    /** Most open connections; more wait in the accept queue until the deadlines have cut some off. */
    static final int MAX_CONNECTIONS = 256;

    private static final Logger LOG = LoggerFactory.getLogger(Sandbox.class);

    private SandboxStart() {
    }

    static Sandbox start(Sandbox.Builder b) {
        InetAddress address = resolve(b.host);
        boolean loopback = address.isLoopbackAddress();
        if (!loopback && !b.allowNonLoopback) {
            throw new IllegalArgumentException("refusing to bind " + b.host + ", which is not a loopback address: the"
                    + " sandbox has no authentication, so anyone who can reach it could issue and revoke credentials."
                    + " Allow it explicitly (allowNonLoopback, --allow-non-loopback) only on a network you control");
        }
        StateDirectory state = b.stateDirectory == null ? null : StateDirectory.open(b.stateDirectory);
        Server server = null;
        AtomicReference<Api> apiRef = new AtomicReference<>();
        try {
            Optional<StateDirectory.State> recorded = state == null ? Optional.empty() : state.read();
            boolean fresh = recorded.isEmpty();
            int bindPort = b.port != 0 ? b.port : recorded.map(StateDirectory.State::port).orElse(0);

            if (state != null) {
                for (SandboxIssuer i : SandboxIssuer.values()) {
                    if (fresh) {
                        state.discardUnusedStatus(i.slug() + "-1");
                    } else {
                        state.checkStatus(i.slug() + "-1");
                    }
                }
            }
            Map<String, List<SigningKey>> defaultKeys = b.appsFile == null && b.apps == null
                    ? AppsFile.defaultApiKeys(state) : Map.of();
            List<RegisteredApp> apps = b.appsFile != null ? AppsFile.read(b.appsFile)
                    : b.apps != null ? b.apps : AppsFile.defaults(state, defaultKeys);
            OidcKeys oidcKeys = OidcKeys.open(state);
            SigningKey anchor = key(state, "trust-anchor", Sandbox.TRUST_ANCHOR_ALGORITHM, fresh);
            Map<SandboxIssuer, SigningKey[]> keys = new EnumMap<>(SandboxIssuer.class);
            for (SandboxIssuer i : SandboxIssuer.values()) {
                SigningKey k = key(state, i.slug(), i.algorithm(), fresh);
                SigningKey s = i.hasSeparateStatusListKey() ? key(state, i.slug() + "-status", i.statusListAlgorithm(),
                        fresh) : k;
                keys.put(i, new SigningKey[] {k, s});
            }

            // Everything that can be refused is checked before binding: see cleanUp.
            URI known = b.publicBaseUri != null ? b.publicBaseUri
                    : derivedBase(b.host, address, bindPort != 0 ? bindPort : 1);
            if (recorded.isPresent() && !recorded.get().baseUrl().equals(known)) {
                throw new IllegalStateException("the state directory " + state.root() + " belongs to a sandbox at "
                        + recorded.get().baseUrl() + ", and every credential it issued names its status list there;"
                        + " this one would be at " + known + ". Start it with the same host and port (or public URL),"
                        + " or use another state directory");
            }
            server = server(b);
            int port = bind(server, address, bindPort, recorded.isPresent() && b.port == 0);
            URI base = b.publicBaseUri != null ? b.publicBaseUri : derivedBase(b.host, address, port);

            Map<SandboxIssuer, IssuerRuntime> issuers = new EnumMap<>(SandboxIssuer.class);
            List<TrustedIssuer> entries = new ArrayList<>();
            for (SandboxIssuer i : SandboxIssuer.values()) {
                StatusListIssuer.Builder list = StatusListIssuer.builder().capacity(Sandbox.STATUS_LIST_CAPACITY);
                if (state != null) {
                    list.persistTo(state.statusFile(i.slug() + "-1"));
                }
                URI listUri = URI.create(base + "/issuers/" + i.slug() + "/status-lists/1");
                IssuerRuntime rt = new IssuerRuntime(i, keys.get(i)[0], keys.get(i)[1], list.build(), listUri, b.clock,
                        Sandbox.STATUS_LIST_VALIDITY, Sandbox.STATUS_LIST_TTL);
                issuers.put(i, rt);
                entries.add(rt.trustEntry());
            }
            AtomicReference<TrustListPublisher> published = new AtomicReference<>();
            Provider provider = Provider.start(base, b.clock, oidcKeys, apps, e -> published.get().replace(e));
            entries.add(provider.trustEntry());
            StateDirectory st = state;
            TrustListPublisher trustList = new TrustListPublisher(anchor, Sandbox.TRUST_LIST_ISSUER, entries, b.clock,
                    Sandbox.TRUST_LIST_LIFETIME, recorded.map(StateDirectory.State::trustListSeq).orElse(0L),
                    seq -> {
                        if (st != null) {
                            st.write(new StateDirectory.State(base, port, seq));
                        }
                    });
            published.set(trustList);
            trustList.current();
            OpenIdProvider openId = new OpenIdProvider(provider);

            KeySet anchorKeys = KeySet.of(anchor.verificationKey());
            ReadDeadlines deadlines = new ReadDeadlines(server.getScheduler(), b.headerTime, b.bodyTime);
            server.getConnectors()[0].addEventListener(deadlines);
            server.addBean(deadlines);
            Router router = new Router(authorities(base, address, port), deadlines);
            IssuerEndpoints issuerEndpoints = new IssuerEndpoints(base.toString(), issuers, b.clock);
            new PlatformEndpoints(base.toString(), anchorKeys, trustList, issuers, issuerEndpoints, openId)
                    .register(router);
            issuerEndpoints.register(router);
            new OidcEndpoints(provider, base.toString()).register(router);
            Api api = Api.start(base, b.clock, state, issuers, trustList, anchorKeys, provider,
                    new Api.Settings(b.webhookTimeScale, b.caseStep, b.apiRateLimit));
            apiRef.set(api);
            api.register(router);

            server.setHandler(router);
            server.start();
            if (!loopback) {
                LOG.warn("the sandbox listens on {}, which is not loopback: anyone who can reach it can issue and"
                        + " revoke credentials", b.host);
            }
            LOG.debug("sandbox started at {} ({})", base, state == null ? "in memory" : "state " + state.root());
            return new Sandbox(server, port, state, base, anchorKeys, issuers, trustList, openId, api, defaultKeys);
        } catch (IOException e) {
            if (apiRef.get() != null) {
                apiRef.get().close();
            }
            cleanUp(server, state);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            if (apiRef.get() != null) {
                apiRef.get().close();
            }
            cleanUp(server, state);
            throw e;
        } catch (Exception e) {
            // Jetty's start declares Exception; what it throws here is an I/O or a runtime failure
            if (apiRef.get() != null) {
                apiRef.get().close();
            }
            cleanUp(server, state);
            throw new UncheckedIOException(new IOException("the HTTP server did not start: " + e.getMessage(), e));
        }
    }

    private static SigningKey key(StateDirectory state, String name, JwsAlgorithm alg, boolean fresh) {
        return state == null ? SigningKey.generate(alg) : state.key(name, alg, fresh);
    }

    private static InetAddress resolve(String host) {
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("cannot resolve host " + host, e);
        }
    }

    /**
     * The HTTP server, not yet bound: Jetty with bounded threads and connections, an 8 KiB
     * request header limit, no version banner, and problem details for its own error answers.
     */
    private static Server server(Sandbox.Builder b) {
        QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, 2);
        threads.setName("zwfw-sandbox-http");
        threads.setDaemon(true);
        Server server = new Server(threads, new ScheduledExecutorScheduler("zwfw-sandbox-timer", true), null);
        HttpConfiguration http = new HttpConfiguration();
        http.setRequestHeaderSize(ServerErrors.MAX_HEADER_BYTES);
        http.setSendServerVersion(false);
        ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        // Longer than the read deadlines, which cut slow clients off first: the idle timeout only
        // ends connections stuck in writing an answer.
        connector.setIdleTimeout(2 * Math.max(b.headerTime.toMillis(), b.bodyTime.toMillis()));
        connector.setAcceptQueueSize(64);
        server.addConnector(connector);
        server.addBean(new ConnectionLimit(MAX_CONNECTIONS, server));
        server.setErrorHandler(new ServerErrors());
        server.setStopTimeout(0);
        return server;
    }

    /** Binds the server's connector; the port bound. */
    private static int bind(Server server, InetAddress address, int port, boolean recordedPort) throws IOException {
        ServerConnector connector = (ServerConnector) server.getConnectors()[0];
        connector.setHost(address.getHostAddress());
        connector.setPort(port);
        try {
            connector.open();
        } catch (IOException e) {
            Throwable cause = e instanceof BindException ? e : e.getCause();
            if (!(cause instanceof BindException)) {
                throw e;
            }
            throw new UncheckedIOException("cannot listen on " + address.getHostAddress() + " port " + port
                    + (recordedPort ? " (the port recorded in the state directory)" : "") + ": " + cause.getMessage()
                    + "; is another program using it?", (BindException) cause);
        }
        return connector.getLocalPort();
    }

    /** The base URL of a bound address, for the loopback names that verifiers accept over plain http. */
    static URI derivedBase(String host, InetAddress address, int port) {
        String authority;
        if (host.equalsIgnoreCase("localhost") && address.isLoopbackAddress()) {
            authority = "localhost";
        } else if (address instanceof Inet6Address && (address.isLoopbackAddress() || address.isAnyLocalAddress())) {
            authority = "[::1]";
        } else if (address instanceof Inet4Address && (address.isAnyLocalAddress()
                || address.getHostAddress().equals("127.0.0.1"))) {
            authority = "127.0.0.1";
        } else {
            throw new IllegalArgumentException("the sandbox writes its URLs into credentials and status lists, and"
                    + " verifiers accept plain http only for 127.0.0.1, [::1] and localhost; bound to " + host
                    + " it needs publicBaseUri (--public-url) naming how clients reach it, such as the https URL of"
                    + " a TLS proxy in front of it");
        }
        return URI.create("http://" + authority + ":" + port);
    }

    static URI checkPublicBase(URI uri) {
        String scheme = uri.getScheme();
        String host = uri.getHost();
        boolean loopbackHost = "127.0.0.1".equals(host) || "[::1]".equals(host) || "localhost".equalsIgnoreCase(host);
        if (!uri.isAbsolute() || host == null || uri.getRawUserInfo() != null || uri.getRawQuery() != null
                || uri.getRawFragment() != null || !(uri.getRawPath().isEmpty() || uri.getRawPath().equals("/"))) {
            throw new IllegalArgumentException("a public base URL is scheme://host[:port] without path, query or user"
                    + " information");
        }
        if (!"https".equals(scheme) && !("http".equals(scheme) && loopbackHost)) {
            throw new IllegalArgumentException("a public base URL is https, or http to 127.0.0.1, [::1] or localhost:"
                    + " verifiers refuse plain http elsewhere");
        }
        return URI.create(scheme + "://" + uri.getRawAuthority());
    }

    /** The {@code Host} values answered: the base URL's, and the loopback names when loopback is bound. */
    private static Set<String> authorities(URI base, InetAddress address, int port) {
        Set<String> a = new LinkedHashSet<>();
        a.add(base.getRawAuthority());
        if (address.isLoopbackAddress() || address.isAnyLocalAddress()) {
            a.add("127.0.0.1:" + port);
            a.add("localhost:" + port);
            a.add("[::1]:" + port);
        }
        return a;
    }

    private static void cleanUp(Server server, StateDirectory state) {
        if (server != null) {
            Sandbox.stop(server);
        }
        if (state != null) {
            state.close();
        }
    }
}
