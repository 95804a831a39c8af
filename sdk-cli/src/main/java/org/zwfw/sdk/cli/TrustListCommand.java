package org.zwfw.sdk.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import org.zwfw.sdk.crypto.KeyFormatException;
import org.zwfw.sdk.crypto.SigningKey;
import org.zwfw.sdk.trust.TrustList;
import org.zwfw.sdk.trust.TrustListBuilder;
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

        @Option(names = "--seq", required = true, description = "edition number, higher than every earlier one")
        long seq;

        @Option(names = "--at", paramLabel = "INSTANT", description = "issue time (ISO-8601; default now)")
        String at;

        @Option(names = "--lifetime", paramLabel = "DURATION",
                description = "exp - iat as ISO-8601 (e.g. P7D, PT12H); default P7D")
        String lifetime;

        @Override
        public Integer call() {
            if (seq < 0) {
                throw CliException.usage("--seq must be zero or more");
            }
            if (iss.isBlank()) {
                throw CliException.usage("--iss must not be blank");
            }
            Instant iat = at == null ? Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS) : instant(at);
            Duration life = lifetime == null ? TrustListBuilder.DEFAULT_LIFETIME : duration(lifetime);
            String keyText = Inputs.readText(keyFile, Zwfw.stdin(spec)).strip();
            SigningKey key;
            try {
                key = keyText.contains("-----BEGIN ") ? SigningKey.fromPem(keyText) : SigningKey.fromJwk(keyText);
            } catch (KeyFormatException e) {
                throw CliException.invalid("--key: not a usable private key: " + e.getMessage());
            }
            TrustList list;
            try {
                list = TrustList.parseLocal(Inputs.readText(entries, Zwfw.stdin(spec)));
            } catch (TrustListFormatException e) {
                throw CliException.invalid("entries: " + e.getMessage());
            }
            String signed = new TrustListBuilder().issuedBy(iss).seq(seq).issuedAt(iat).expiresAt(iat.plus(life))
                    .addAll(list.issuers()).sign(key);
            spec.commandLine().getOut().println(signed);
            return Zwfw.OK;
        }

        private static Instant instant(String text) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw CliException.usage("--at: not an ISO-8601 instant such as 2026-06-01T08:00:00Z");
            }
        }

        private static Duration duration(String text) {
            Duration d;
            try {
                d = Duration.parse(text);
            } catch (DateTimeParseException e) {
                throw CliException.usage("--lifetime: not an ISO-8601 duration such as P7D or PT12H");
            }
            if (d.isNegative() || d.isZero() || d.getNano() != 0) {
                throw CliException.usage("--lifetime must be a positive whole number of seconds");
            }
            return d;
        }
    }
}
