package org.zwfw.sdk.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import org.zwfw.sdk.crypto.KeyFormatException;
import org.zwfw.sdk.crypto.SigningKey;
import org.zwfw.sdk.trust.TrustList;
import org.zwfw.sdk.trust.publisher.TrustListBuilder;
import org.zwfw.sdk.trust.TrustListFormatException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code zwfw trust-list sign}: the tool a trust-list publisher signs an edition with ({@code spec/cli.md}). */
@Command(name = "trust-list", mixinStandardHelpOptions = true, description = "Build and sign trust lists.",
        subcommands = {TrustListCommand.Sign.class})
final class TrustListCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: sign");
    }

    @Command(name = "sign", mixinStandardHelpOptions = true,
            description = {"Sign the issuer entries of a local trust list ({\"issuers\": [...]}) as a trustlist+jwt"
                    + " edition and print it.",
                "Every entry is checked as a verifier would check it; nothing is signed when one is wrong."})
    static final class Sign implements Callable<Integer> {

        /** Largest {@code seq}: JSON numbers are exact up to 2^53-1 (spec/trust-list.md). */
        static final long MAX_SEQ = (1L << 53) - 1;
        /** Latest second a NumericDate may name here: 9999-12-31T23:59:59Z. */
        static final long MAX_SECONDS = 253_402_300_799L;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", arity = "0..1", paramLabel = "ENTRIES", defaultValue = "-",
                description = "local trust list JSON, '-' for standard input (default)")
        String entries;

        @Option(names = "--key", required = true, paramLabel = "FILE",
                description = "the trust-anchor private key (private JWK or PEM, with a kid for JWKs)")
        String keyFile;

        @Option(names = "--iss", required = true, description = "the list's publisher (iss)")
        String iss;

        @Option(names = "--seq", required = true, paramLabel = "N",
                description = "edition number, 0 to 2^53-1, higher than every earlier one")
        long seq;

        @Option(names = "--at", paramLabel = "INSTANT", converter = VerifyOptions.InstantConverter.class,
                description = "issue time, ISO-8601, a whole second from 1970 to 9999 (default now)")
        Instant at;

        @Option(names = "--lifetime", paramLabel = "DURATION",
                description = "exp - iat as ISO-8601 (e.g. P7D, PT12H); default P7D")
        String lifetime;

        @Override
        public Integer call() {
            if (seq < 0 || seq > MAX_SEQ) {
                throw CliException.usage("--seq must be between 0 and " + MAX_SEQ + " (2^53-1), not " + seq);
            }
            if (iss.isBlank()) {
                throw CliException.usage("--iss must not be blank");
            }
            Instant iat = at == null ? Instant.now().truncatedTo(ChronoUnit.SECONDS) : issueTime(at);
            Duration life = lifetime == null ? TrustListBuilder.DEFAULT_LIFETIME : duration(lifetime, iat);
            if (keyFile.equals("-") && entries.equals("-")) {
                throw CliException.usage("only one of --key and ENTRIES can be '-' (standard input)");
            }
            String keyText = keyText(keyFile, Zwfw.stdin(spec));
            SigningKey key;
            try {
                key = keyText.contains("-----BEGIN ") ? SigningKey.fromPem(keyText) : SigningKey.fromJwk(keyText);
            } catch (KeyFormatException e) {
                throw CliException.invalid("--key: not a usable private key: " + e.getMessage());
            }
            TrustList list;
            try {
                Inputs.Read read = Inputs.read(entries, Zwfw.stdin(spec));
                if (read.code() != null) {
                    throw CliException.invalid("entries: " + read.problem());
                }
                list = TrustList.parseLocal(read.text());
            } catch (TrustListFormatException e) {
                throw CliException.invalid("entries: " + e.getMessage());
            }
            String signed = new TrustListBuilder().issuedBy(iss).seq(seq).issuedAt(iat).expiresAt(iat.plus(life))
                    .addAll(list.issuers()).sign(key);
            spec.commandLine().getOut().println(signed);
            return Zwfw.OK;
        }

        /** The key file as text; one that is not text is an unusable key (exit 1), as the spec says. */
        private static String keyText(String file, java.io.InputStream stdin) {
            Inputs.Read read = Inputs.read(file, stdin);
            if (read.code() != null) {
                throw CliException.invalid("--key " + file + ": not a usable private key: " + read.problem());
            }
            return read.text().strip();
        }

        private static Instant issueTime(Instant at) {
            if (at.getNano() != 0 || at.getEpochSecond() < 0 || at.getEpochSecond() > MAX_SECONDS) {
                throw CliException.usage("--at must be a whole second from " + Instant.EPOCH + " to "
                        + Instant.ofEpochSecond(MAX_SECONDS) + ", not " + at);
            }
            return at;
        }

        private static Duration duration(String text, Instant iat) {
            Duration d;
            try {
                d = Duration.parse(text);
            } catch (DateTimeParseException e) {
                throw CliException.usage("--lifetime: '" + Display.safe(text, 40) + "' is not an ISO-8601 duration"
                        + " such as P7D or PT12H");
            }
            long most = MAX_SECONDS - iat.getEpochSecond();
            if (d.isNegative() || d.isZero() || d.getNano() != 0 || d.getSeconds() > most) {
                throw CliException.usage("--lifetime must be a whole number of seconds from PT1S to PT" + most
                        + "S (the list must expire by " + Instant.ofEpochSecond(MAX_SECONDS) + "), not "
                        + Display.safe(text, 40));
            }
            return d;
        }
    }
}
