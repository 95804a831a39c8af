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
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.zwfw.sdk.credential.CredentialStatus;
import org.zwfw.sdk.credential.CredentialType;
import org.zwfw.sdk.credential.CredentialVerifier;
import org.zwfw.sdk.credential.StatusMode;
import org.zwfw.sdk.crypto.KeySet;
import org.zwfw.sdk.http.HttpTransport;
import org.zwfw.sdk.id.MaskingPolicy;
import org.zwfw.sdk.status.StatusChecker;
import org.zwfw.sdk.status.StatusListSource;
import org.zwfw.sdk.trust.TrustList;
import org.zwfw.sdk.trust.TrustListKeys;
import org.zwfw.sdk.trust.TrustedIssuer;
import org.zwfw.sdk.verify.OutcomeCode;
import org.zwfw.sdk.verify.VerificationResult;
import picocli.CommandLine;

/**
 * The engine of {@code zwfw verify} and {@code verify-batch}: detects the kind of an input and
 * verifies it with the trust list, anchor, clock, key-binding policy and status sources of the
 * command line, giving a {@link VerifyReport}. Built once per run; {@link #verify(String)} is
 * thread-safe, so a batch shares one instance (one credential verifier, one status-list cache).
 * Owns an HTTP client (created on the first online status fetch), which {@link #close()} releases.
 */
public final class InputVerifier implements AutoCloseable {

    /** Longest a status list fetch over HTTP may take, connection included. */
    static final Duration FETCH_TIMEOUT = Duration.ofSeconds(10);
    /** Longest a connection for a status list fetch may take to establish. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final Clock clock;
    private final KeySet anchor;
    private final VerificationResult<TrustList> trust;
    private final String audience;
    private final String nonce;
    private final boolean showPii;
    private final boolean offline;
    private final Map<URI, Path> statusFiles;
    private final StatusListSource fileSource;
    private final StatusChecker statusChecker;
    private final CredentialVerifier credentials;
    private final Object transportLock = new Object();
    private volatile HttpTransport transport;
    private volatile boolean closed;

    private InputVerifier(VerifyOptions o, InputStream stdin) {
        checkUsage(o);
        this.clock = o.at != null ? Clock.fixed(o.at, ZoneOffset.UTC) : Clock.systemUTC();
        this.audience = o.aud;
        this.nonce = o.nonce;
        this.showPii = o.showPii;
        this.offline = o.offline;
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
        this.statusFiles = Map.copyOf(files);
        this.fileSource = StatusListSource.files(statusFiles);
        this.anchor = o.trustAnchor == null ? null : TrustSetup.anchor(o.trustAnchor, stdin);
        this.trust = o.trust == null ? null : TrustSetup.load(o.trust, anchor, clock, stdin);
        if (trust != null && trust.isValid()) {
            TrustList list = trust.value().orElseThrow();
            this.statusChecker = StatusChecker.builder().source(this::fetchStatusList).clock(clock)
                    .keys(TrustListKeys.of(list).forType(TrustedIssuer.TYPE_STATUS_LIST)).build();
            CredentialVerifier.Builder b = CredentialVerifier.builder().trustList(list).clock(clock)
                    .statusMode(o.requireStatus ? StatusMode.REQUIRED : StatusMode.BEST_EFFORT)
                    .statusChecker(statusChecker).acceptedTypes(acceptedTypes(list));
            if (o.requireKeyBinding) {
                b.keyBindingRequired(o.aud);
            } else if (o.aud != null) {
                b.audience(o.aud);
            }
            this.credentials = b.build();
        } else {
            this.statusChecker = null;
            this.credentials = null;
        }
    }

    private static void checkUsage(VerifyOptions o) {
        if (o.requireKeyBinding && (o.aud == null || o.nonce == null)) {
            throw CliException.usage("--require-key-binding needs --aud (this verifier's audience) and --nonce (this"
                    + " transaction's nonce): a key-binding JWT proves nothing unless both are checked");
        }
        if (o.aud != null && o.aud.isBlank() || o.nonce != null && o.nonce.isBlank()) {
            throw CliException.usage("--aud and --nonce must not be blank");
        }
    }

    /**
     * Builds an engine from the options of {@code zwfw verify} (without the input), for programs
     * that drive it directly, such as the benchmarks.
     *
     * @param options for example {@code "--trust", "trust.json", "--offline", "--status-from", "URI=FILE"}
     * @return the engine; close it when done
     * @throws IllegalArgumentException naming a bad option or an unreadable file
     */
    public static InputVerifier open(String... options) {
        Holder h = new Holder();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(h);
        cl.setErr(new PrintWriter(err));
        try {
            cl.parseArgs(options);
            return new InputVerifier(h.options, new ByteArrayInputStream(new byte[0]));
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

    static InputVerifier open(VerifyOptions o, InputStream stdin) {
        return new InputVerifier(o, stdin);
    }

    /**
     * Detects the kind of {@code input} and verifies it.
     *
     * @param input the text (surrounding white space is ignored), never {@code null}
     * @return the report
     * @throws IllegalStateException if this engine is closed
     */
    public VerifyReport verify(String input) {
        if (closed) {
            throw new IllegalStateException("the verifier is closed");
        }
        KindDetector.Detection d = KindDetector.detect(input);
        String text = d.text();
        switch (d.kind()) {
            case ECERT:
                return EcertCheck.verify(this, text);
            case TRUST_LIST:
                return TrustListCheck.verify(this, text, d.local());
            case STATUS_LIST:
                return StatusListCheck.verify(this, text);
            case UNKNOWN:
                VerifyReport.Builder unknown = VerifyReport.builder(Kind.UNKNOWN);
                // the header of a JWS of another type is shown; a malformed or oversized one is not read
                if (d.code() == OutcomeCode.WRONG_TYPE) {
                    Unverified.read(text, Inputs.MAX_BYTES).fill(unknown);
                }
                return unknown.error(d.code(), d.problem()).build();
            default:
                return notYet(d.kind(), text.startsWith(KindDetector.QR_PREFIX)
                        ? text.substring(KindDetector.QR_PREFIX.length()) : text);
        }
    }

    /**
     * Kinds a later version verifies. {@code UNKNOWN_KEY} (decision, spec/cli.md): this version
     * holds no key for them, so nothing was checked; the code blames neither the token's type nor
     * its algorithm, which may well be right.
     */
    private static VerifyReport notYet(Kind kind, String compact) {
        VerifyReport.Builder b = VerifyReport.builder(kind);
        Unverified u = Unverified.read(compact, Inputs.MAX_BYTES);
        u.fill(b);
        b.status(u.hasStatus() ? CredentialStatus.UNCHECKED : CredentialStatus.NONE);
        return b.error(OutcomeCode.UNKNOWN_KEY, "this version of zwfw cannot verify a " + kind.describe() + " ("
                + kind.jsonName() + ") yet: no key was selected and nothing of it was checked; 'zwfw inspect' decodes"
                + " it without verifying").build();
    }

    /** A report for an input that is not acceptable text (over the size limit, not UTF-8). */
    VerifyReport unacceptable(Inputs.Read read) {
        return VerifyReport.builder(Kind.UNKNOWN).error(read.code(), read.problem()).build();
    }

    /**
     * True when the trust list can be used; otherwise adds why not (no {@code --trust}, or the
     * list's own errors) to {@code b}.
     */
    boolean trustUsable(VerifyReport.Builder b, String why) {
        if (trust == null) {
            b.error(OutcomeCode.UNTRUSTED_ISSUER, "no trust list was given (--trust FILE): " + why + ", so no issuer"
                    + " can be trusted");
            return false;
        }
        b.add(trust);
        return trust.isValid();
    }

    /** The profile's types and every credential type the trust list lets some issuer sign. */
    private static String[] acceptedTypes(TrustList list) {
        Set<String> types = new LinkedHashSet<>();
        for (CredentialType t : CredentialType.values()) {
            types.add(t.vct());
        }
        Set<String> reserved = Set.of(TrustedIssuer.TYPE_RNAT, TrustedIssuer.TYPE_ID_TOKEN, TrustedIssuer.TYPE_SSC_QR,
                TrustedIssuer.TYPE_STATUS_LIST);
        for (TrustedIssuer t : list.issuers()) {
            for (String type : t.types()) {
                if (!reserved.contains(type)) {
                    types.add(type);
                }
            }
        }
        return types.toArray(String[]::new);
    }

    private Optional<String> fetchStatusList(URI uri, int maxChars) throws IOException {
        if (statusFiles.containsKey(uri)) {
            return fileSource.fetch(uri, maxChars);
        }
        if (offline) {
            throw new IOException("offline (--offline), and no --status-from FILE was given for it");
        }
        return StatusListSource.http(transport(), FETCH_TIMEOUT).fetch(uri, maxChars);
    }

    private HttpTransport transport() throws IOException {
        HttpTransport t = transport;
        if (t == null) {
            synchronized (transportLock) {
                if (closed) {
                    throw new IOException("the verifier is closed");
                }
                t = transport;
                if (t == null) {
                    // Plain http only to loopback hosts, for the sandbox (contract §9); https elsewhere.
                    t = HttpTransport.standard(CONNECT_TIMEOUT, true);
                    transport = t;
                }
            }
        }
        return t;
    }

    Map<String, Object> mask(Map<String, ?> claims) {
        return showPii ? new LinkedHashMap<>(claims) : ClaimMasking.mask(claims, MaskingPolicy.DEFAULT);
    }

    Clock clock() {
        return clock;
    }

    KeySet anchor() {
        return anchor;
    }

    VerificationResult<TrustList> trust() {
        return trust;
    }

    CredentialVerifier credentials() {
        return credentials;
    }

    StatusChecker statusChecker() {
        return statusChecker;
    }

    String audience() {
        return audience;
    }

    String nonce() {
        return nonce;
    }

    /** Releases the status-list cache and the HTTP client. Idempotent. */
    @Override
    public void close() {
        synchronized (transportLock) {
            closed = true;
            if (transport != null) {
                transport.close();
                transport = null;
            }
        }
        if (statusChecker != null) {
            statusChecker.close();
        }
    }
}
