package org.zwfw.sdk.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
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
            "IdentifierBenchmark", "checksumLoopOnly",
            "PresentationVerifyBenchmark", "twoBareVerifies");

    /** Benchmarks compared with their own limit rather than the class's. */
    private static final Map<String, String> OWN_LIMITS = Map.of(
            "sdkPresentationColdHolderKey", "twoBareVerifiesColdHolderKey",
            "twoBareVerifiesColdHolderKey", "twoBareVerifiesColdHolderKey");

    /** SDK paths whose time per operation outside the limit is printed: SDK benchmark, its limit. */
    private static final Map<String, String> SDK_PATHS = Map.of(
            "sdk", "",
            "sdkPresentation", "twoBareVerifies",
            "sdkPresentationColdHolderKey", "twoBareVerifiesColdHolderKey");

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
                if (!r.path("mode").asText("thrpt").equals("thrpt")) {
                    continue; // the tables are ops/s; latency and time-per-operation rows are read from JMH's own output
                }
                String full = r.get("benchmark").asText();
                String cls = full.substring(full.lastIndexOf('.', full.lastIndexOf('.') - 1) + 1, full.lastIndexOf('.'));
                String method = full.substring(full.lastIndexOf('.') + 1) + params(r.get("params"));
                JsonNode m = r.get("primaryMetric");
                byClass.computeIfAbsent(cls, k -> new LinkedHashMap<>()).computeIfAbsent(method, k -> new LinkedHashMap<>())
                        .put(label, new double[] {m.get("score").asDouble(), m.get("scoreError").asDouble()});
            }
        }
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Map<String, Map<String, double[]>>> c : byClass.entrySet()) {
            String limit = LIMITS.getOrDefault(c.getKey(), "");
            Map<String, Map<String, double[]>> rows = c.getValue();
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
            List<String> names = new ArrayList<>(rows.keySet());
            names.sort(Comparator.comparing(Report::paramsOf).thenComparing(Report::methodOf));
            for (String name : names) {
                String rowLimit = limitOf(limit, name);
                sb.append("| `").append(methodOf(name)).append('`').append(paramsOf(name))
                        .append(rowLimit.equals(name) ? " (limit)" : "").append(" |");
                for (String l : labels) {
                    double[] v = rows.get(name).get(l);
                    sb.append(v == null ? " – |" : String.format(Locale.ROOT, " %,.0f ± %,.0f |", v[0], v[1]));
                    if (!limit.isEmpty()) {
                        double[] lim = rows.getOrDefault(rowLimit, Map.of()).get(l);
                        sb.append(v == null || lim == null ? " – |" : String.format(Locale.ROOT, " %.2f |", v[0] / lim[0]));
                    }
                }
                sb.append('\n');
            }
            for (String name : names) {
                String sdkLimit = SDK_PATHS.get(methodOf(name));
                if (sdkLimit == null || limit.isEmpty()) {
                    continue;
                }
                String lim = (sdkLimit.isEmpty() ? limit : sdkLimit) + paramsOf(name);
                if (!rows.containsKey(lim)) {
                    continue;
                }
                sb.append(sdkLimit.isEmpty() ? "\nSDK time per token outside the bare signature verify (1/sdk − 1/limit):"
                        : "\nSDK time per presentation outside the bare signature verifies (1/" + methodOf(name) + " − 1/"
                        + methodOf(lim) + ")" + paramsOf(name) + ":");
                for (String l : labels) {
                    double[] sdk = rows.get(name).get(l);
                    double[] lv = rows.get(lim).get(l);
                    if (sdk != null && lv != null) {
                        sb.append(String.format(Locale.ROOT, " %s %.2f µs;", l, 1e6 / sdk[0] - 1e6 / lv[0]));
                    }
                }
                sb.append('\n');
            }
            if (rows.containsKey("nimbusWithSdkVerifier") && rows.containsKey(limit)) {
                sb.append("\nnimbus DefaultJWTProcessor time per token outside the signature verify"
                        + " (1/nimbusWithSdkVerifier − 1/limit):");
                for (String l : labels) {
                    double[] n = rows.get("nimbusWithSdkVerifier").get(l);
                    double[] lim = rows.get(limit).get(l);
                    if (n != null && lim != null) {
                        sb.append(String.format(Locale.ROOT, " %s %.2f µs;", l, 1e6 / n[0] - 1e6 / lim[0]));
                    }
                }
                sb.append('\n');
            }
        }
        System.out.print(sb);
    }

    /** The JMH parameters of a result as a row suffix, e.g. {@code " alg=ES256"}; empty without parameters. */
    private static String params(JsonNode params) {
        if (params == null || params.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, JsonNode> e : params.properties()) {
            sb.append(' ').append(e.getKey()).append('=').append(e.getValue().asText());
        }
        return sb.toString();
    }

    private static String methodOf(String row) {
        int space = row.indexOf(' ');
        return space < 0 ? row : row.substring(0, space);
    }

    private static String paramsOf(String row) {
        int space = row.indexOf(' ');
        return space < 0 ? "" : row.substring(space);
    }

    /** The limit row a row is compared with: its own limit when it has one, else the class's, same parameters. */
    private static String limitOf(String classLimit, String row) {
        return OWN_LIMITS.getOrDefault(methodOf(row), classLimit) + paramsOf(row);
    }
}
