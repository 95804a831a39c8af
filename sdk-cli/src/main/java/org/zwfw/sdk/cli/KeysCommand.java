package org.zwfw.sdk.cli;

import java.util.LinkedHashMap;
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

    /**
     * The {@code --json} object of both subcommands (spec/cli.md): {@code kid} ({@code null} when the
     * key has none), {@code alg}, {@code kty}, {@code crv}, {@code thumbprint} (RFC 7638, of the
     * public key) and {@code jwk}.
     */
    static Map<String, Object> describe(VerificationKey pub, Map<String, Object> jwk) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kid", pub.keyId().orElse(null));
        m.put("alg", pub.algorithm().jwsName());
        m.put("kty", jwk.get("kty"));
        m.put("crv", jwk.get("crv"));
        m.put("thumbprint", pub.thumbprint());
        m.put("jwk", jwk);
        return m;
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

        @Option(names = "--json", description = "print an object describing the key: kid, alg, kty, crv, thumbprint,"
                + " jwk (the private JWK) and public_jwk")
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
            Map<String, Object> jwk = key.toPrivateJwk();
            Object printed = jwk;
            if (json) {
                Map<String, Object> described = describe(key.verificationKey(), jwk);
                described.put("public_jwk", key.verificationKey().toJwk());
                printed = described;
            }
            spec.commandLine().getOut().println(JsonOutput.write(printed));
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

        @Option(names = "--json", description = "print an object describing the key: kid, alg, kty, crv, thumbprint"
                + " and jwk (the public JWK)")
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
            spec.commandLine().getOut().println(JsonOutput.write(json ? describe(pub, jwk) : jwk));
            return Zwfw.OK;
        }
    }
}
