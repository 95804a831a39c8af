package org.zwfw.sdk.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.zwfw.sdk.crypto.KeySet;
import org.zwfw.sdk.verify.OutcomeCode;
import org.zwfw.sdk.crypto.KeyResolver;
import org.zwfw.sdk.http.HttpTransport;
import org.zwfw.sdk.input.InputKind;
import org.zwfw.sdk.input.InputReport;
import org.zwfw.sdk.input.InputVerifier;
import org.zwfw.sdk.rnat.AssuranceLevel;
import org.zwfw.sdk.status.StatusListSource;
import org.zwfw.sdk.trust.TrustList;
import org.zwfw.sdk.verify.VerificationResult;
import picocli.CommandLine;

/**
 * The command line's setup of the core {@link InputVerifier} for {@code zwfw verify} and
 * {@code verify-batch}: reads {@code --trust} and {@code --trust-anchor}, takes the validation time,
 * key-binding and status options, and composes the status-list source (the {@code --status-from}
 * files first, then HTTP unless {@code --offline}). Owns the HTTP client, which {@link #close()}
 * releases. {@link #verify(String)} is thread-safe.
 */
public final class VerifyEngine implements AutoCloseable {

    /** Longest a status list fetch over HTTP may take, connection included. */
    static final Duration FETCH_TIMEOUT = Duration.ofSeconds(10);
    /** Longest a connection for a status list fetch may take to establish. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final InputVerifier verifier;
    private final boolean offline;
    private final Object transportLock = new Object();
    private HttpTransport transport;
    private boolean closed;

    private VerifyEngine(VerifyOptions o, InputStream stdin) {
        checkUsage(o);
        Clock clock = o.at != null ? Clock.fixed(o.at, ZoneOffset.UTC) : Clock.systemUTC();
        Map<URI, Path> files = new LinkedHashMap<>();
        for (VerifyOptions.StatusFrom s : o.statusFrom) {
            if (!Files.isRegularFile(s.file()) || !Files.isReadable(s.file())) {
                throw CliException.usage("--status-from " + s.uri() + ": cannot read " + s.file()
                        + (Files.exists(s.file()) ? "" : ": no such file"));
            }
            if (files.put(s.uri(), s.file()) != null) {
                throw CliException.usage("--status-from " + s.uri() + " is given twice");
            }
        }
        KeySet anchor = o.trustAnchor == null ? null : TrustSetup.anchor(o.trustAnchor, stdin);
        VerificationResult<TrustList> trust = o.trust == null ? null : TrustSetup.load(o.trust, anchor, clock, stdin);
        this.offline = o.offline;
        StatusListSource fromFiles = StatusListSource.files(Map.copyOf(files));
        StatusListSource source = (uri, maxChars) -> {
            if (files.containsKey(uri)) {
                return fromFiles.fetch(uri, maxChars);
            }
            if (offline) {
                throw new IOException("offline (--offline), and no --status-from FILE was given for it");
            }
            return StatusListSource.http(transport(), FETCH_TIMEOUT).fetch(uri, maxChars);
        };
        InputVerifier.Builder b = InputVerifier.builder().clock(clock).statusSource(source)
                .statusRequired(o.requireStatus).keyBindingRequired(o.requireKeyBinding).audience(o.aud)
                .nonce(o.nonce).showPersonalData(o.showPii);
        if (anchor != null) {
            b.trustAnchor(anchor);
        }
        if (trust != null) {
            b.trust(trust);
        }
        if (o.minLevel != null) {
            b.minimumLevel(AssuranceLevel.fromName(o.minLevel).orElseThrow());
        }
        if (o.issuer != null) {
            KeyResolver issuerKeys = o.jwks != null ? TrustSetup.publicKeys("--jwks", o.jwks, stdin, "")
                    : o.offline ? request -> VerificationResult.invalid(OutcomeCode.UNKNOWN_KEY, "offline (--offline):"
                            + " give the keys of " + o.issuer + " with --jwks FILE")
                    : new DiscoveredKeys(o.issuer, this::transport, clock);
            b.tokenIssuer(o.issuer, issuerKeys);
        }
        this.verifier = b.build();
    }

    private static void checkUsage(VerifyOptions o) {
        if (o.requireKeyBinding && (o.aud == null || o.nonce == null)) {
            throw CliException.usage("--require-key-binding needs --aud (this verifier's audience) and --nonce (this"
                    + " transaction's nonce): a key-binding JWT proves nothing unless both are checked");
        }
        if (o.jwks != null && o.issuer == null) {
            throw CliException.usage("--jwks needs --issuer: the keys are used only for tokens of that issuer");
        }
        if (o.issuer != null) {
            checkIssuerUrl(o.issuer);
        }
        if (o.aud != null && o.aud.isBlank() || o.nonce != null && o.nonce.isBlank()) {
            throw CliException.usage("--aud and --nonce must not be blank");
        }
    }

    /** {@code --issuer}: an absolute https URL, or http to a loopback host (spec/cli.md). */
    static void checkIssuerUrl(String issuer) {
        URI u;
        try {
            u = new URI(issuer);
        } catch (java.net.URISyntaxException e) {
            throw CliException.usage("--issuer " + issuer + ": not a URL");
        }
        String host = u.getHost();
        boolean loopback = host != null && (host.equals("127.0.0.1") || host.equals("[::1]") || host.equals("::1")
                || host.equals("localhost"));
        if (!u.isAbsolute() || u.getRawFragment() != null || u.getRawQuery() != null || host == null
                || !("https".equals(u.getScheme()) || "http".equals(u.getScheme()) && loopback)) {
            throw CliException.usage("--issuer " + issuer + ": must be an absolute https URL (http only to a loopback"
                    + " host), without query or fragment");
        }
    }

    /**
     * Builds an engine from the options of {@code zwfw verify} (without the input), for programs
     * that drive it directly.
     *
     * @param options for example {@code "--trust", "trust.json", "--offline", "--status-from", "URI=FILE"}
     * @return the engine; close it when done
     * @throws IllegalArgumentException naming a bad option or an unreadable file
     */
    public static VerifyEngine open(String... options) {
        Holder h = new Holder();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(h);
        cl.setErr(new PrintWriter(err));
        try {
            cl.parseArgs(options);
            return new VerifyEngine(h.options, new ByteArrayInputStream(new byte[0]));
        } catch (CommandLine.ParameterException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        } catch (CliException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    @CommandLine.Command(name = "verify-options")
    private static final class Holder {
        @CommandLine.Mixin
        VerifyOptions options = new VerifyOptions();
    }

    static VerifyEngine open(VerifyOptions o, InputStream stdin) {
        return new VerifyEngine(o, stdin);
    }

    /**
     * @param input the text, never {@code null}
     * @return the report of the core verifier
     */
    public InputReport verify(String input) {
        return verifier.verify(input);
    }

    /** A report for an input that is not acceptable text (over the size limit, not UTF-8). */
    InputReport unacceptable(Inputs.Read read) {
        return InputReport.failure(InputKind.UNKNOWN, InputReport.Problem.of(read.code(), read.problem()));
    }

    /** The HTTP client, made on the first online fetch: runs that fetch nothing start no threads. */
    private HttpTransport transport() throws IOException {
        synchronized (transportLock) {
            if (closed) {
                throw new IOException("the verifier is closed");
            }
            if (transport == null) {
                // Plain http only to loopback hosts, for the sandbox (spec/cli.md); https elsewhere.
                transport = HttpTransport.standard(CONNECT_TIMEOUT, true);
            }
            return transport;
        }
    }

    /** Releases the status-list cache and the HTTP client. Idempotent. */
    @Override
    public void close() {
        verifier.close();
        synchronized (transportLock) {
            closed = true;
            if (transport != null) {
                transport.close();
                transport = null;
            }
        }
    }
}
