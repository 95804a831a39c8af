package org.zwfw.sdk.sandbox;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.crypto.KeySet;
import org.zwfw.sdk.crypto.SigningKey;
import org.zwfw.sdk.sandbox.internal.IssuerEndpoints;
import org.zwfw.sdk.sandbox.internal.IssuerRuntime;
import org.zwfw.sdk.sandbox.internal.Router;
import org.zwfw.sdk.sandbox.internal.StateDirectory;
import org.zwfw.sdk.sandbox.internal.TrustListPublisher;
import org.zwfw.sdk.status.StatusListIssuer;
import org.zwfw.sdk.trust.TrustedIssuer;

/** The start-up sequence of a {@link Sandbox}, and the address rules it enforces. */
final class SandboxStart {

    /** Request threads: ample for a developer's machine and a test suite. */
    static final int THREADS = 4;

    private static final Logger LOG = LoggerFactory.getLogger(Sandbox.class);
    private static final AtomicInteger THREAD_IDS = new AtomicInteger();

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
        HttpServer server = null;
        ExecutorService executor = null;
        try {
            Optional<StateDirectory.State> recorded = state == null ? Optional.empty() : state.read();
            boolean fresh = recorded.isEmpty();
            int bindPort = b.port != 0 ? b.port : recorded.map(StateDirectory.State::port).orElse(0);

            if (state != null && fresh) {
                for (SandboxIssuer i : SandboxIssuer.values()) {
                    state.discardUnusedStatus(i.slug() + "-1");
                }
            }
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
            server = bind(address, bindPort, recorded.isPresent() && b.port == 0);
            int port = server.getAddress().getPort();
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
            StateDirectory st = state;
            TrustListPublisher trustList = new TrustListPublisher(anchor, Sandbox.TRUST_LIST_ISSUER, entries, b.clock,
                    Sandbox.TRUST_LIST_LIFETIME, recorded.map(StateDirectory.State::trustListSeq).orElse(0L),
                    seq -> {
                        if (st != null) {
                            st.write(new StateDirectory.State(base, port, seq));
                        }
                    });
            trustList.current();

            KeySet anchorKeys = KeySet.of(anchor.verificationKey());
            Router router = new Router(authorities(base, address, port));
            IssuerEndpoints issuerEndpoints = new IssuerEndpoints(base.toString(), issuers, b.clock);
            new PlatformEndpoints(base.toString(), anchorKeys, trustList, issuers, issuerEndpoints).register(router);
            issuerEndpoints.register(router);

            executor = Executors.newFixedThreadPool(THREADS, r -> {
                Thread t = new Thread(r, "zwfw-sandbox-http-" + THREAD_IDS.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            server.createContext("/", router);
            server.setExecutor(executor);
            server.start();
            if (!loopback) {
                LOG.warn("the sandbox listens on {}, which is not loopback: anyone who can reach it can issue and"
                        + " revoke credentials", b.host);
            }
            LOG.debug("sandbox started at {} ({})", base, state == null ? "in memory" : "state " + state.root());
            return new Sandbox(server, executor, state, base, anchorKeys, issuers, trustList);
        } catch (IOException e) {
            cleanUp(server, executor, state);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            cleanUp(server, executor, state);
            throw e;
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

    private static HttpServer bind(InetAddress address, int port, boolean recordedPort) throws IOException {
        try {
            return HttpServer.create(new InetSocketAddress(address, port), 64);
        } catch (BindException e) {
            throw new UncheckedIOException("cannot listen on " + address.getHostAddress() + " port " + port
                    + (recordedPort ? " (the port recorded in the state directory)" : "") + ": " + e.getMessage()
                    + "; is another program using it?", e);
        }
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

    private static void cleanUp(HttpServer server, ExecutorService executor, StateDirectory state) {
        if (server != null) {
            try {
                // The JDK server releases its port only when its dispatcher thread ends (closing its
                // selector), so a server that never ran would keep the port bound: run it, then stop.
                server.start();
            } catch (IllegalStateException alreadyStarted) {
                // Running: stop releases the port.
            }
            server.stop(0);
        }
        if (executor != null) {
            executor.shutdownNow();
        }
        if (state != null) {
            state.close();
        }
    }
}
