package org.zwfw.sdk.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.crypto.KeyFormatException;
import org.zwfw.sdk.crypto.SigningKey;
import org.zwfw.sdk.crypto.VerificationKey;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code zwfw keys generate|public}: signing keys as JWKs (contract §9). */
@Command(name = "keys", mixinStandardHelpOptions = true, description = "Generate signing keys and derive public keys.",
        subcommands = {KeysCommand.Generate.class, KeysCommand.Public.class})
final class KeysCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: generate or public");
    }

    /** Converts the algorithm names of the contract, exactly (no aliases on the command line). */
    static final class AlgorithmConverter implements CommandLine.ITypeConverter<JwsAlgorithm> {
        @Override
        public JwsAlgorithm convert(String value) {
            JwsAlgorithm alg;
            try {
                alg = JwsAlgorithm.of(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("'" + value
                        + "' is not a signing algorithm; use ES256, EdDSA or SGD_SM3_SM2");
            }
            if (!alg.canSign()) {
                throw new CommandLine.TypeConversionException(value + " is verify-only; use ES256, EdDSA or SGD_SM3_SM2");
            }
            return alg;
        }
    }

    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = {"Generate a signing key and print it as a private JWK (handle the output as a secret).",
                "The kid defaults to the key's RFC 7638 thumbprint."})
    static final class Generate implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--alg", required = true, converter = AlgorithmConverter.class,
                description = "ES256, EdDSA or SGD_SM3_SM2")
        JwsAlgorithm alg;

        @Option(names = "--kid", description = "key ID (default: the RFC 7638 thumbprint)")
        String kid;

        @Option(names = "--json", description = "JSON output (the JWK is JSON in any case)")
        boolean json;

        @Override
        public Integer call() {
            SigningKey key = SigningKey.generate(alg);
            if (kid != null) {
                if (kid.isBlank()) {
                    throw CliException.usage("--kid must not be blank");
                }
                key = key.withKeyId(kid);
            }
            spec.commandLine().getOut().println(JsonOutput.write(key.toPrivateJwk()));
            return Zwfw.OK;
        }
    }

    @Command(name = "public", mixinStandardHelpOptions = true,
            description = "Print the public JWK of a private key (private JWK or PEM, from FILE or '-' for standard input).")
    static final class Public implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", defaultValue = "-",
                description = "private JWK or PEM file, '-' for standard input (default)")
        String file;

        @Option(names = "--json", description = "JSON output (the JWK is JSON in any case)")
        boolean json;

        @Override
        public Integer call() {
            String text = Inputs.readText(file, Zwfw.stdin(spec)).strip();
            if (text.isEmpty()) {
                throw CliException.invalid("no key in " + (file.equals("-") ? "standard input" : file));
            }
            VerificationKey pub;
            try {
                pub = text.contains("-----BEGIN ") ? SigningKey.fromPem(text).verificationKey()
                        : SigningKey.fromJwk(text).verificationKey();
            } catch (KeyFormatException e) {
                throw CliException.invalid("not a usable private key: " + e.getMessage());
            }
            Map<String, Object> jwk = pub.toJwk();
            spec.commandLine().getOut().println(JsonOutput.write(jwk));
            return Zwfw.OK;
        }
    }
}
