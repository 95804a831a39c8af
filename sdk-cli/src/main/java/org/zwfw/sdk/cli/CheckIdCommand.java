package org.zwfw.sdk.cli;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.zwfw.sdk.id.IdentifierCheck;
import org.zwfw.sdk.id.IdentifierKind;
import org.zwfw.sdk.id.IdentifierViolation;
import org.zwfw.sdk.id.Identifiers;
import org.zwfw.sdk.id.MaskingPolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code zwfw check-id VALUE...}: validates resident ID numbers, USCCs, organization codes and
 * e-license identifiers, detecting the kind (contract §9). Resident ID numbers are personal data:
 * without {@code --show-pii} their value is masked and birth date and sex are not shown.
 */
@Command(name = "check-id", mixinStandardHelpOptions = true,
        description = {"Validate Chinese identifiers, detecting the kind: resident ID number (GB 11643),"
                + " unified social credit code (GB 32100), organization code (GB 11714, with or without the hyphen),"
                + " e-license identifier (GB/T 36904).",
                "Exit status 0 only when every value is valid."})
final class CheckIdCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "VALUE", description = "identifiers to check")
    List<String> values;

    @Option(names = "--json", description = "print one JSON object (or an array for several values)")
    boolean json;

    @Option(names = "--show-pii", description = "show resident ID numbers (and unrecognised values) unmasked, with birth date and sex")
    boolean showPii;

    @Override
    public Integer call() {
        Clock clock = Clock.systemUTC();
        List<Map<String, Object>> results = new ArrayList<>();
        boolean allValid = true;
        for (String v : values) {
            IdentifierCheck c = Identifiers.detect(v, clock);
            allValid &= c.valid();
            results.add(toJson(v, c));
        }
        if (json) {
            spec.commandLine().getOut().println(JsonOutput.write(results.size() == 1 ? results.get(0) : results));
        } else {
            for (Map<String, Object> r : results) {
                spec.commandLine().getOut().println(human(r));
            }
        }
        return allValid ? Zwfw.OK : Zwfw.INVALID;
    }

    Map<String, Object> toJson(String value, IdentifierCheck c) {
        // Resident ID numbers are personal data; so may be anything unrecognised (a mistyped ID
        // number with a stray space or digit is "unknown"). Registration codes are public.
        boolean personal = !showPii && (c.kind() == IdentifierKind.RESIDENT_ID || c.kind() == IdentifierKind.UNKNOWN);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("value", personal ? MaskingPolicy.DEFAULT.maskIdNumber(value.strip()) : value);
        m.put("valid", c.valid());
        m.put("kind", c.kind().jsonName());
        List<Map<String, Object>> errors = new ArrayList<>();
        for (IdentifierViolation v : c.violations()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("code", v.rule().isChecksum() ? "CHECKSUM_INVALID" : "MALFORMED");
            e.put("rule", v.rule().name());
            e.put("message", v.message());
            errors.add(e);
        }
        m.put("errors", errors);
        c.details().forEach((k, val) -> {
            if (!personal || !(k.equals("birth_date") || k.equals("sex"))) {
                m.put(k, val);
            }
        });
        if (personal) {
            m.put("masked", true);
        }
        return m;
    }

    /** One value for people; everything that came from the value is made safe for a terminal. */
    private static String human(Map<String, Object> r) {
        StringBuilder sb = new StringBuilder();
        sb.append(Display.safe(String.valueOf(r.get("value")))).append("  ").append(r.get("kind")).append("  ")
                .append(Boolean.TRUE.equals(r.get("valid")) ? "valid" : "INVALID");
        List<String> details = new ArrayList<>();
        r.forEach((k, v) -> {
            if (!List.of("value", "valid", "kind", "errors", "masked").contains(k)) {
                details.add(k + "=" + Display.safe(String.valueOf(v)));
            }
        });
        if (!details.isEmpty()) {
            sb.append("  (").append(String.join(", ", details)).append(')');
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors = (List<Map<String, Object>>) r.get("errors");
        for (Map<String, Object> e : errors) {
            sb.append(System.lineSeparator()).append("    ").append(e.get("code")).append(" [").append(e.get("rule"))
                    .append("] ").append(Display.safe(String.valueOf(e.get("message")), 1000));
        }
        return sb.toString();
    }
}
