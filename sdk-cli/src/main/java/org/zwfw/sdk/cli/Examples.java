package org.zwfw.sdk.cli;

import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * The examples at the end of each command's {@code --help}, kept in one place so that every
 * command has them (a test walks the command tree and parses each example).
 */
final class Examples {

    /** By qualified command name: one or two command lines, each with what it does. */
    static final Map<String, List<String>> BY_COMMAND = Map.ofEntries(
            Map.entry("zwfw", List.of(
                    "zwfw verify --trust trust.json credential.sdjwt",
                    "zwfw check-id 91110000600037341L")),
            Map.entry("zwfw verify", List.of(
                    "zwfw verify --trust trust.json --aud https://rp.example.com --nonce n-5d2c9e credential.sdjwt",
                    "zwfw verify --json --trust trust.jwt --trust-anchor anchor.jwk --offline"
                            + " --status-from https://si.zwfw.example.gov.cn/status/1=status.jwt - < presentation.txt")),
            Map.entry("zwfw verify-batch", List.of(
                    "zwfw verify-batch --trust trust.json --threads 8 --out report.jsonl inbox/",
                    "find inbox -name '*.sdjwt' | zwfw verify-batch --trust trust.json --offline -")),
            Map.entry("zwfw inspect", List.of(
                    "zwfw inspect credential.sdjwt",
                    "zwfw inspect --json - < token.jwt")),
            Map.entry("zwfw check-id", List.of(
                    "zwfw check-id 91110000600037341L 60003734-1",
                    "zwfw check-id --json 11010519491231002X")),
            Map.entry("zwfw keys", List.of(
                    "zwfw keys generate --alg SGD_SM3_SM2 --kid si-2026 > issuer.jwk",
                    "zwfw keys public issuer.jwk > issuer.public.jwk")),
            Map.entry("zwfw keys generate", List.of(
                    "zwfw keys generate --alg ES256 --kid dzzz-2026 > issuer.jwk",
                    "zwfw keys generate --alg EdDSA --json")),
            Map.entry("zwfw keys public", List.of(
                    "zwfw keys public issuer.jwk > issuer.public.jwk",
                    "zwfw keys public --json - < key.pem")),
            Map.entry("zwfw trust-list", List.of(
                    "zwfw trust-list sign --key anchor.jwk --iss https://trust.zwfw.example.gov.cn --seq 13"
                            + " entries.json > trust.jwt")),
            Map.entry("zwfw trust-list sign", List.of(
                    "zwfw trust-list sign --key anchor.jwk --iss https://trust.zwfw.example.gov.cn --seq 13"
                            + " entries.json > trust.jwt",
                    "zwfw trust-list sign --key anchor.pem --iss https://trust.zwfw.example.gov.cn --seq 14"
                            + " --at 2026-06-01T00:00:00Z --lifetime P3D - < entries.json")),
            Map.entry("zwfw sandbox", List.of(
                    "zwfw sandbox",
                    "zwfw sandbox --port 8443 --state-dir .sandbox")),
            Map.entry("zwfw demo", List.of(
                    "zwfw demo",
                    "zwfw demo --out /tmp/zwfw-demo --json")),
            Map.entry("zwfw api", List.of(
                    "zwfw api GET '/v1/service-items?region=330100' --base-url http://127.0.0.1:43121"
                            + " --app-id sandbox-service --app-key app-key.jwk",
                    "zwfw api POST /v1/cases --data @case.json --idempotency-key case-2026-0001-abcd --json"
                            + " --base-url https://api.zwfw.example --app-id portal-hz-rsj --app-key key.pem"
                            + " --platform-keys platform-keys.json")),
            Map.entry("zwfw login", List.of(
                    "zwfw login --issuer http://127.0.0.1:43121/oidc --client-id sandbox-native --acr L3",
                    "zwfw login --json --no-browser --issuer https://rz.zwfw.example.gov.cn --client-id portal-client"
                            + " --client-key portal.jwk --scope rn_masked")),
            Map.entry("zwfw help", List.of(
                    "zwfw help verify-batch")));

    private Examples() {
    }

    /** Puts the examples in the footer of {@code cl} and of each of its subcommands. */
    static void addTo(CommandLine cl) {
        List<String> lines = BY_COMMAND.get(cl.getCommandSpec().qualifiedName(" "));
        if (lines != null) {
            StringBuilder footer = new StringBuilder("%nExamples:%n");
            for (String line : lines) {
                footer.append("  ").append(line.replace("%", "%%")).append("%n");
            }
            cl.getCommandSpec().usageMessage().footer(footer.toString());
        }
        for (CommandLine sub : cl.getSubcommands().values()) {
            addTo(sub);
        }
    }
}
