package org.zwfw.sdk.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The verification options shared by {@code verify} and {@code verify-batch} (contract §9). */
final class VerifyOptions {

    @Option(names = "--trust", paramLabel = "FILE",
            description = "trust list: signed (trustlist+jwt, needs --trust-anchor) or local JSON {\"issuers\": [...]}")
    String trust;

    @Option(names = "--trust-anchor", paramLabel = "FILE",
            description = "JWK or JWK Set pinning the signer of a signed trust list (given with --trust, or verified as input)")
    String trustAnchor;

    @Option(names = "--at", paramLabel = "INSTANT", converter = InstantConverter.class,
            description = "validation time, ISO-8601 (2026-06-01T08:00:00Z or with an offset); default now. Used for every clock")
    Instant at;

    @Option(names = "--aud", paramLabel = "AUD", description = "this verifier's audience: a key-binding JWT must name it")
    String aud;

    @Option(names = "--nonce", paramLabel = "NONCE", description = "this transaction's nonce: a key-binding JWT must carry it")
    String nonce;

    @Option(names = "--min-level", paramLabel = "L1..L4", converter = LevelConverter.class,
            description = "minimum real-name assurance level, for real-name auth tokens and ID tokens")
    String minLevel;

    @Option(names = "--issuer", paramLabel = "URL",
            description = "the issuer whose real-name tokens and ID tokens are checked with --jwks (https, or http to a loopback host)")
    String issuer;

    @Option(names = "--jwks", paramLabel = "FILE", description = "public JWK Set (or one JWK) of the --issuer's signing keys")
    String jwks;

    @Option(names = "--require-key-binding", description = "refuse e-certificates presented without key binding (needs --aud and --nonce)")
    boolean requireKeyBinding;

    @Option(names = "--status-from", paramLabel = "URI=FILE", converter = StatusFromConverter.class,
            description = "read the status list of URI from FILE (repeatable); split at the last '='")
    List<StatusFrom> statusFrom = new ArrayList<>();

    @Option(names = "--offline", description = "never use the network: status lists only from --status-from")
    boolean offline;

    @Option(names = "--require-status", description = "fail credentials whose status cannot be established (default: warn)")
    boolean requireStatus;

    @Option(names = "--show-pii", description = "show personal data (names, ID, phone and card numbers) unmasked")
    boolean showPii;

    /** One {@code --status-from URI=FILE}. */
    record StatusFrom(URI uri, Path file) {
    }

    /** ISO-8601 instants, with {@code Z} or an offset. */
    static final class InstantConverter implements CommandLine.ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException e) {
                try {
                    return OffsetDateTime.parse(value).toInstant();
                } catch (DateTimeParseException e2) {
                    throw new CommandLine.TypeConversionException("'" + value + "' is not an ISO-8601 instant such as"
                            + " 2026-06-01T08:00:00Z or 2026-06-01T16:00:00+08:00");
                }
            }
        }
    }

    /** {@code L1} to {@code L4} (contract §2 levels). */
    static final class LevelConverter implements CommandLine.ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (!value.matches("L[1-4]")) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not an assurance level: use L1, L2,"
                        + " L3 or L4");
            }
            return value;
        }
    }

    /** {@code URI=FILE}, split at the last '=' (URIs may carry '=' in their query). */
    static final class StatusFromConverter implements CommandLine.ITypeConverter<StatusFrom> {
        @Override
        public StatusFrom convert(String value) {
            int eq = value.lastIndexOf('=');
            if (eq <= 0 || eq == value.length() - 1) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not URI=FILE");
            }
            URI uri;
            try {
                uri = new URI(value.substring(0, eq));
            } catch (URISyntaxException e) {
                throw new CommandLine.TypeConversionException("'" + value.substring(0, eq) + "' is not a URI: "
                        + e.getReason());
            }
            if (!uri.isAbsolute()) {
                throw new CommandLine.TypeConversionException("'" + uri + "' is not an absolute URI (the 'uri' of a"
                        + " credential's status reference)");
            }
            Path file;
            try {
                file = Path.of(value.substring(eq + 1));
            } catch (java.nio.file.InvalidPathException e) {
                throw new CommandLine.TypeConversionException("'" + value.substring(eq + 1) + "' is not a file name");
            }
            // Only regular files: opening a pipe that nobody writes would wait for ever.
            if (Files.isDirectory(file)) {
                throw new CommandLine.TypeConversionException(file + " is a directory, not a status list file");
            }
            if (Files.exists(file) && !Files.isRegularFile(file)) {
                throw new CommandLine.TypeConversionException(file + " is not a regular file (a pipe or a device):"
                        + " status lists are read from regular files");
            }
            return new StatusFrom(uri, file);
        }
    }
}
