package org.zwfw.sdk.cli;

import org.zwfw.sdk.input.InputKind;
import org.zwfw.sdk.input.Inspection;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code zwfw inspect [--json] [--show-pii] FILE|-}: decodes an input without verifying it and
 * says so loudly (contract §9, spec/cli.md).
 */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"Decode FILE ('-' for standard input) WITHOUT verifying it: JWS header and payload, each SD-JWT"
                + " disclosure, the key-binding JWT, a status list's entries.",
            "Exit status: 0 decoded, 1 not (entirely) decodable, 2 usage error or unreadable file."})
final class InspectCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE|-", description = "the input; '-' reads standard input")
    String file;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Option(names = "--show-pii", description = "show personal data (names, ID, phone and card numbers) unmasked")
    boolean showPii;

    @Override
    public Integer call() {
        Inputs.Read read = Inputs.read(file, Zwfw.stdin(spec));
        Map<String, Object> result;
        if (read.code() != null) {
            result = new java.util.LinkedHashMap<>();
            result.put("verified", false);
            result.put("warning", Inspection.WARNING);
            result.put("kind", InputKind.UNKNOWN.jsonName());
            result.put("errors", List.of(read.code() + ": " + read.problem()));
        } else {
            result = Inspection.inspect(read.text(), showPii);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(JsonOutput.write(result));
        } else {
            out.print(human(result));
        }
        return ((List<?>) result.get("errors")).isEmpty() ? Zwfw.OK : Zwfw.INVALID;
    }

    static String human(Map<String, Object> r) {
        StringBuilder sb = new StringBuilder();
        sb.append("*** ").append(Inspection.WARNING).append(" ***\n");
        for (Map.Entry<String, Object> e : r.entrySet()) {
            String k = e.getKey();
            Object v = e.getValue();
            if (k.equals("verified") || k.equals("warning")) {
                continue;
            }
            if (k.equals("disclosures")) {
                sb.append("disclosures:\n");
                int i = 0;
                for (Object o : (List<?>) v) {
                    Map<?, ?> d = (Map<?, ?>) o;
                    sb.append("  [").append(i++).append("] ");
                    if (d.containsKey("error")) {
                        sb.append("(").append(d.get("error")).append(")\n");
                        continue;
                    }
                    Object name = d.containsKey("name") ? d.get("name")
                            : "element of " + (d.get("array_element_of") == null ? "?" : d.get("array_element_of"));
                    sb.append(Display.safe(String.valueOf(name))).append(": ")
                            .append(Display.safe(v(d.get("value")), 400)).append("  (digest ")
                            .append(d.get("digest")).append(")\n");
                }
                continue;
            }
            if (k.equals("errors")) {
                for (Object err : (List<?>) v) {
                    sb.append("error: ").append(Display.safe(String.valueOf(err), 1000)).append('\n');
                }
                continue;
            }
            if (v == null) {
                continue;
            }
            if (v instanceof Map || v instanceof List) {
                sb.append(k.replace('_', ' ')).append(":\n");
                for (String line : JsonOutput.pretty(v).split("\n")) {
                    sb.append("  ").append(Display.safe(line, 400)).append('\n');
                }
            } else {
                sb.append(k.replace('_', ' ')).append(": ").append(Display.safe(String.valueOf(v))).append('\n');
            }
        }
        return sb.toString();
    }

    private static String v(Object value) {
        return value instanceof String ? (String) value : JsonOutput.write(value);
    }
}
