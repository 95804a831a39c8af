package org.zwfw.sdk.cli;

import java.util.List;
import java.util.Map;
import org.zwfw.sdk.credential.CredentialStatus;
import org.zwfw.sdk.input.InputKind;
import org.zwfw.sdk.input.InputReport;

/** The human form of an {@link InputReport}, as {@code zwfw verify} prints it without {@code --json}. */
final class ReportText {

    private ReportText() {
    }

    /** @return the short report for people, lines separated by {@code \n}, untrusted text made safe */
    static String of(InputReport r) {
        StringBuilder sb = new StringBuilder();
        sb.append(r.valid() ? "VALID" : "INVALID").append("  ").append(r.kind().describe());
        if (!r.valid() && (r.issuer() != null || r.type() != null)) {
            sb.append("  (issuer and type as the input states them: nothing of it is trusted)");
        }
        sb.append('\n');
        if (r.issuer() != null) {
            sb.append("  issuer:  ").append(Display.safe(r.issuer())).append('\n');
        }
        if (r.type() != null) {
            sb.append("  type:    ").append(Display.safe(r.type())).append('\n');
        }
        if (r.kind() == InputKind.ECERT || r.status() != CredentialStatus.NONE) {
            sb.append("  status:  ").append(r.status().name()).append('\n');
        }
        for (String n : r.notes()) {
            sb.append("  note:    ").append(Display.safe(n, 1000)).append('\n');
        }
        for (InputReport.Problem p : r.errors()) {
            sb.append("  error:   ").append(p.code()).append(": ").append(Display.safe(p.message(), 1000)).append('\n');
        }
        for (InputReport.Problem p : r.warnings()) {
            sb.append("  warning: ").append(p.code()).append(": ").append(Display.safe(p.message(), 1000)).append('\n');
        }
        if (!r.claims().isEmpty()) {
            sb.append("  claims:\n");
            appendClaims(sb, r.claims(), "    ");
        }
        return sb.toString();
    }

    static void appendClaims(StringBuilder sb, Map<?, ?> map, String indent) {
        for (Map.Entry<?, ?> e : map.entrySet()) {
            Object v = e.getValue();
            sb.append(indent).append(Display.safe(String.valueOf(e.getKey()))).append(':');
            if (v instanceof Map && !((Map<?, ?>) v).isEmpty()) {
                sb.append('\n');
                appendClaims(sb, (Map<?, ?>) v, indent + "  ");
            } else if (v instanceof List && !((List<?>) v).isEmpty() && ((List<?>) v).get(0) instanceof Map) {
                sb.append('\n');
                int i = 0;
                for (Object item : (List<?>) v) {
                    sb.append(indent).append("  [").append(i++).append("]\n");
                    if (item instanceof Map) {
                        appendClaims(sb, (Map<?, ?>) item, indent + "    ");
                    } else {
                        sb.append(indent).append("    ").append(Display.safe(JsonOutput.write(item))).append('\n');
                    }
                }
            } else {
                sb.append(' ').append(Display.safe(v instanceof String ? (String) v : JsonOutput.write(v))).append('\n');
            }
        }
    }
}
