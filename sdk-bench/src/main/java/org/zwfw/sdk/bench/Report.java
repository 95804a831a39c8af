package org.zwfw.sdk.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns JMH JSON results of several runs (one per JDK) into the Markdown tables of
 * {@code sdk-bench/README.md}: every figure beside its physical limit from the same run.
 *
 * <p>Usage: {@code java -cp benchmarks.jar org.zwfw.sdk.bench.Report "JDK 17=results/jdk17.json" "JDK 25=results/jdk25.json"}
 */
public final class Report {

    /** Which benchmark of a class is the physical limit the others are compared with. */
    private static final Map<String, String> LIMITS = Map.of(
            "Es256VerifyBenchmark", "bareBouncyCastle",
            "EdDsaVerifyBenchmark", "bareBouncyCastle",
            "Sm2VerifyBenchmark", "bareBouncyCastle",
            "SignBenchmark", "",
            "IdentifierBenchmark", "checksumLoopOnly");

    private Report() {
    }

    /**
     * @param args {@code label=file.json} pairs
     * @throws IOException if a file cannot be read
     */
    public static void main(String[] args) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        List<String> labels = new ArrayList<>();
        Map<String, Map<String, Map<String, double[]>>> byClass = new LinkedHashMap<>();
        for (String a : args) {
            String label = a.substring(0, a.indexOf('='));
            labels.add(label);
            for (JsonNode r : mapper.readTree(new File(a.substring(a.indexOf('=') + 1)))) {
                String full = r.get("benchmark").asText();
                String cls = full.substring(full.lastIndexOf('.', full.lastIndexOf('.') - 1) + 1, full.lastIndexOf('.'));
                String method = full.substring(full.lastIndexOf('.') + 1);
                JsonNode m = r.get("primaryMetric");
                byClass.computeIfAbsent(cls, k -> new LinkedHashMap<>()).computeIfAbsent(method, k -> new LinkedHashMap<>())
                        .put(label, new double[] {m.get("score").asDouble(), m.get("scoreError").asDouble()});
            }
        }
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Map<String, Map<String, double[]>>> c : byClass.entrySet()) {
            String limit = LIMITS.getOrDefault(c.getKey(), "");
            sb.append("\n#### ").append(c.getKey()).append("\n\n| benchmark |");
            for (String l : labels) {
                sb.append(' ').append(l).append(" ops/s |");
                if (!limit.isEmpty()) {
                    sb.append(" ÷ limit |");
                }
            }
            sb.append("\n|---|");
            for (String l : labels) {
                sb.append("---:|").append(limit.isEmpty() ? "" : "---:|");
            }
            sb.append('\n');
            for (Map.Entry<String, Map<String, double[]>> m : c.getValue().entrySet()) {
                sb.append("| `").append(m.getKey()).append('`').append(m.getKey().equals(limit) ? " (limit)" : "").append(" |");
                for (String l : labels) {
                    double[] v = m.getValue().get(l);
                    sb.append(v == null ? " – |" : String.format(Locale.ROOT, " %,.0f ± %,.0f |", v[0], v[1]));
                    if (!limit.isEmpty()) {
                        double[] lim = c.getValue().getOrDefault(limit, Map.of()).get(l);
                        sb.append(v == null || lim == null ? " – |" : String.format(Locale.ROOT, " %.2f |", v[0] / lim[0]));
                    }
                }
                sb.append('\n');
            }
            if (c.getValue().containsKey("sdk") && c.getValue().containsKey(limit)) {
                sb.append("\nSDK time per token outside the bare signature verify (1/sdk − 1/limit):");
                for (String l : labels) {
                    double[] sdk = c.getValue().get("sdk").get(l);
                    double[] lim = c.getValue().get(limit).get(l);
                    if (sdk != null && lim != null) {
                        sb.append(String.format(Locale.ROOT, " %s %.2f µs;", l, 1e6 / sdk[0] - 1e6 / lim[0]));
                    }
                }
                sb.append('\n');
            }
            if (c.getValue().containsKey("nimbusWithSdkVerifier") && c.getValue().containsKey(limit)) {
                sb.append("\nnimbus DefaultJWTProcessor time per token outside the signature verify"
                        + " (1/nimbusWithSdkVerifier − 1/limit):");
                for (String l : labels) {
                    double[] n = c.getValue().get("nimbusWithSdkVerifier").get(l);
                    double[] lim = c.getValue().get(limit).get(l);
                    if (n != null && lim != null) {
                        sb.append(String.format(Locale.ROOT, " %s %.2f µs;", l, 1e6 / n[0] - 1e6 / lim[0]));
                    }
                }
                sb.append('\n');
            }
        }
        System.out.print(sb);
    }
}
