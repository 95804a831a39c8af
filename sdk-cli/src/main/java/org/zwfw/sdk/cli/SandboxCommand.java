package org.zwfw.sdk.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.zwfw.sdk.sandbox.OpenIdProvider;
import org.zwfw.sdk.sandbox.RegisteredApp;
import org.zwfw.sdk.sandbox.Sandbox;
import org.zwfw.sdk.sandbox.SandboxIssuer;
import org.zwfw.sdk.crypto.SigningKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * {@code zwfw sandbox}: runs the local province-platform emulator until stopped (contract §9,
 * {@code spec/sandbox.md} §2). Prints the base URL and the main URLs on standard output; stops
 * cleanly, with exit status 0, on Ctrl-C or SIGTERM (handled as a request to stop) or when the
 * running thread is interrupted; a shutdown hook closes the server and releases the state
 * directory on any other end of the JVM.
 */
@Command(name = "sandbox", mixinStandardHelpOptions = true,
        description = {"Run the local province-platform emulator (trust list, issuers, status lists, OpenID"
                + " provider) until stopped with Ctrl-C.", "Development only: test keys and no authentication."})
final class SandboxCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--host", paramLabel = "H", defaultValue = Sandbox.DEFAULT_HOST,
            description = "address to bind (default ${DEFAULT-VALUE}); loopback unless --allow-non-loopback")
    String host;

    @Option(names = "--port", paramLabel = "N", defaultValue = "0",
            description = "port, 0 for an ephemeral one or the one recorded in --state-dir (default ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "keep keys, status lists and the address here across restarts (default: in memory)")
    Path stateDir;

    @Option(names = "--allow-non-loopback",
            description = "allow binding a non-loopback address such as 0.0.0.0. DANGEROUS: without authentication,"
                    + " anyone who can reach it can issue and revoke credentials")
    boolean allowNonLoopback;

    @Option(names = "--public-url", paramLabel = "URL",
            description = "the base URL clients use when it is not the bound address (a TLS proxy, a forwarded port)")
    URI publicUrl;

    @Option(names = "--apps", paramLabel = "FILE",
            description = "the OpenID provider's registered applications, a JSON file {\"apps\": [...]}"
                    + " (spec/sandbox.md §10.3), instead of the default apps")
    Path apps;

    @Option(names = "--case-step", paramLabel = "SECONDS", defaultValue = "5",
            description = "move every open API case one step on its way every SECONDS (default ${DEFAULT-VALUE},"
                    + " so that cases are seen to move; 0: only on command, POST /sandbox/cases/{id}/advance)")
    double caseStep;

    @Option(names = "--webhook-time-scale", paramLabel = "X", defaultValue = "1",
            description = "factor on the webhook retry delays of 1 min .. 15 h, above 0 and at most 1"
                    + " (default ${DEFAULT-VALUE}; 0.001 retries within a minute)")
    double webhookTimeScale;

    /** Counted down when the sandbox is to stop: a stop signal, the shutdown hook. */
    private final CountDownLatch stopped = new CountDownLatch(1);

    @Override
    public Integer call() {
        if (port < 0 || port > 65535) {
            throw CliException.usage("--port must be 0..65535");
        }
        if (!(caseStep >= 0 && caseStep <= 86_400)) {
            throw CliException.usage("--case-step must be 0 (never) to 86400 seconds");
        }
        if (!(webhookTimeScale > 0 && webhookTimeScale <= 1)) {
            throw CliException.usage("--webhook-time-scale must be above 0 and at most 1");
        }
        Sandbox.Builder b = Sandbox.builder().host(host).port(port).allowNonLoopback(allowNonLoopback)
                .webhookTimeScale(webhookTimeScale);
        if (caseStep > 0) {
            b.caseStep(java.time.Duration.ofMillis(Math.max(1, Math.round(caseStep * 1000))));
        }
        if (stateDir != null) {
            b.stateDirectory(stateDir);
        }
        if (apps != null) {
            b.apps(apps);
        }
        Sandbox sandbox;
        try {
            if (publicUrl != null) {
                b.publicBaseUri(publicUrl);
            }
            sandbox = b.start();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw CliException.usage(e.getMessage());
        } catch (UncheckedIOException e) {
            throw CliException.invalid(e.getMessage());
        }
        PrintWriter err = spec.commandLine().getErr();
        AtomicBoolean closed = new AtomicBoolean();
        Runnable stop = () -> {
            if (closed.compareAndSet(false, true)) {
                sandbox.close();
                err.println("zwfw: sandbox stopped");
                err.flush();
            }
            stopped.countDown();
        };
        // Any other end of the JVM (SIGHUP, System.exit elsewhere) still closes the sandbox.
        Thread hook = new Thread(stop, "zwfw-sandbox-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        Map<Signal, SignalHandler> previous = onStopSignals(stopped::countDown);
        try {
            printUrls(spec.commandLine().getOut(), sandbox);
            if (allowNonLoopback) {
                err.println("zwfw: WARNING: listening on " + host + " without authentication: anyone who can reach it"
                        + " can issue and revoke credentials");
            }
            err.println("zwfw: stop with Ctrl-C");
            err.flush();
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            previous.forEach(Signal::handle);
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The JVM is shutting down: the hook runs (or ran) on its own.
            }
            stop.run();
        }
        return Zwfw.OK;
    }

    /**
     * Makes SIGTERM and SIGINT (Ctrl-C) a request to stop: the command then closes the sandbox and
     * returns 0, where the JVM's own handling would run the shutdown hooks and exit 143 or 130.
     * A signal the JVM does not let a program handle (with {@code -Xrs}, or on a platform without
     * it) keeps its default: the shutdown hook still closes the sandbox.
     *
     * @return the handlers replaced, to put back when the command ends
     */
    private static Map<Signal, SignalHandler> onStopSignals(Runnable requestStop) {
        Map<Signal, SignalHandler> previous = new LinkedHashMap<>();
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                Signal signal = new Signal(name);
                previous.put(signal, Signal.handle(signal, s -> requestStop.run()));
            } catch (IllegalArgumentException notHandled) {
                // keep the JVM's handling of this signal
            }
        }
        return previous;
    }

    private void printUrls(PrintWriter out, Sandbox sandbox) {
        out.println("zwfw sandbox: a local emulator of the province platform (development only: test keys, no"
                + " authentication)");
        row(out, "base URL", sandbox.baseUri().toString());
        row(out, "index", sandbox.indexUri().toString());
        row(out, "trust list", sandbox.trustListUri().toString());
        row(out, "trust anchor JWKS", sandbox.trustAnchorJwksUri().toString());
        for (SandboxIssuer i : SandboxIssuer.values()) {
            row(out, "issue", "POST " + sandbox.credentialsUri(i) + "  (" + i.credentialType().vct() + ")");
        }
        for (SandboxIssuer i : SandboxIssuer.values()) {
            row(out, "samples", sandbox.samplesUri(i).toString());
        }
        OpenIdProvider op = sandbox.openIdProvider();
        row(out, "openid issuer", op.issuer().toString());
        row(out, "discovery", op.discoveryUri().toString());
        for (RegisteredApp app : op.apps()) {
            StringBuilder line = new StringBuilder(app.clientId()).append("  ").append(app.authMethod()
                    == RegisteredApp.AuthMethod.NONE ? "public" : app.authMethod().value());
            if (apps == null) {
                // the default apps' random secrets; an apps file's secrets are never printed
                app.clientSecret().ifPresent(secret -> line.append("  secret ").append(secret));
            }
            URI first = app.redirectUris().get(0);
            line.append("  redirect ").append(first).append(first.getScheme().equals("http") ? " (any port)" : "");
            if (app.redirectUris().size() > 1) {
                line.append(" +").append(app.redirectUris().size() - 1).append(" more");
            }
            row(out, "app", line.toString());
        }
        op.apps().stream().filter(a -> a.authMethod() == RegisteredApp.AuthMethod.NONE).findFirst().ifPresent(a ->
                row(out, "login", "zwfw login --issuer " + op.issuer() + " --client-id " + a.clientId()));
        printApi(out, sandbox);
        row(out, "state", sandbox.stateDirectory().map(Path::toString)
                .orElse("in memory (keys and statuses are lost when it stops; see --state-dir)"));
        row(out, "try", "curl -X POST " + sandbox.samplesUri(SandboxIssuer.SOCIAL_SECURITY) + "/zhang-san");
        out.flush();
    }

    /**
     * The service-network API: its base URL, the platform keys' URL, the case step, and one
     * {@code api app} line per app with API keys; for the default apps (test keys) where their
     * private keys are: the key file in the state directory, or in memory the private JWK itself.
     * An apps file's keys are its owners' and never printed (the sandbox does not hold them).
     */
    private void printApi(PrintWriter out, Sandbox sandbox) {
        row(out, "api", sandbox.apiBaseUri().toString());
        row(out, "platform keys", sandbox.apiBaseUri() + "/platform/keys");
        row(out, "case step", caseStep > 0 ? "every " + format(caseStep) + " s (--case-step)"
                : "on command only: POST " + sandbox.baseUri() + "/sandbox/cases/{case_id}/advance");
        for (RegisteredApp app : sandbox.openIdProvider().apps()) {
            if (app.apiKeys().isEmpty()) {
                continue;
            }
            List<SigningKey> keys = apps == null ? sandbox.defaultAppKeys(app.clientId()) : List.of();
            if (keys.isEmpty()) {
                row(out, "api app", app.clientId() + "  " + app.apiKeys().get().keys().size() + " public key(s)");
                continue;
            }
            for (SigningKey k : keys) {
                String where = sandbox.stateDirectory().map(d -> "key " + d.resolve("keys").resolve("api-"
                        + app.clientId() + "-" + k.algorithm().jwsName().toLowerCase(Locale.ROOT).replace('_', '-')
                        + ".jwk")).orElse("private JWK " + k.toPrivateJwkJson());
                row(out, "api app", app.clientId() + "  " + k.algorithm().jwsName() + "  " + where);
            }
        }
        sandbox.stateDirectory().ifPresent(d -> row(out, "try api", "zwfw api GET /v1/issuers --base-url "
                + sandbox.baseUri() + " --app-id " + Sandbox.DEFAULT_API_APP + " --app-key " + d.resolve("keys")
                .resolve("api-" + Sandbox.DEFAULT_API_APP + "-es256.jwk") + " --platform-keys " + sandbox.apiBaseUri()
                + "/platform/keys"));
    }

    private static String format(double seconds) {
        return seconds == Math.rint(seconds) ? Long.toString((long) seconds) : Double.toString(seconds);
    }

    private static void row(PrintWriter out, String label, String value) {
        out.printf("%-18s %s%n", label, value);
    }
}
