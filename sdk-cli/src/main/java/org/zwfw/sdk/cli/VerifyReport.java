package org.zwfw.sdk.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.zwfw.sdk.credential.CredentialStatus;
import org.zwfw.sdk.verify.Finding;
import org.zwfw.sdk.verify.OutcomeCode;
import org.zwfw.sdk.verify.VerificationResult;

/**
 * The result of verifying one input, in the JSON shape of contract §9:
 * {@code {"valid", "kind", "issuer", "type", "status", "errors", "warnings", "claims"}}. Claims
 * are already masked unless the verifier was configured to show personal data. Immutable.
 */
public final class VerifyReport {

    /**
     * One error or warning. {@code code} is an outcome code of spec/errors.md, or, in
     * {@code verify-batch} only, {@value #UNREADABLE} for an input file that could not be read.
     *
     * @param code    the stable code
     * @param message what is wrong, for people; never personal data
     */
    public record Problem(String code, String message) {

        /** The command-level code of an input that could not be read (verify-batch). */
        public static final String UNREADABLE = "UNREADABLE";

        public Problem {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
        }

        static Problem of(Finding f) {
            return new Problem(f.code().name(), f.message());
        }

        static Problem of(OutcomeCode code, String message) {
            return new Problem(code.name(), message);
        }
    }

    private final Kind kind;
    private final String issuer;
    private final String type;
    private final CredentialStatus status;
    private final List<Problem> errors;
    private final List<Problem> warnings;
    private final Map<String, Object> claims;
    private final List<String> notes;

    private VerifyReport(Builder b) {
        this.kind = b.kind;
        this.issuer = b.issuer;
        this.type = b.type;
        this.status = b.status;
        this.errors = List.copyOf(b.errors);
        this.warnings = List.copyOf(b.warnings);
        this.claims = b.errors.isEmpty() ? Collections.unmodifiableMap(new LinkedHashMap<>(b.claims)) : Map.of();
        this.notes = List.copyOf(b.notes);
    }

    static Builder builder(Kind kind) {
        return new Builder(kind);
    }

    /** @return {@code true} when no check failed */
    public boolean valid() {
        return errors.isEmpty();
    }

    /** @return the detected kind */
    public Kind kind() {
        return kind;
    }

    /** @return the {@code iss} (unverified when the report is invalid), or {@code null} */
    public String issuer() {
        return issuer;
    }

    /** @return the {@code vct}, else the {@code typ}, or {@code null} */
    public String type() {
        return type;
    }

    /** @return the status */
    public CredentialStatus status() {
        return status;
    }

    /** @return every failed check; empty when valid */
    public List<Problem> errors() {
        return errors;
    }

    /** @return warnings */
    public List<Problem> warnings() {
        return warnings;
    }

    /** @return the claims shown (masked unless personal data is shown); empty when invalid */
    public Map<String, Object> claims() {
        return claims;
    }

    /** @return the JSON object of contract §9, members in order; a new mutable map */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("valid", valid());
        m.put("kind", kind.jsonName());
        m.put("issuer", issuer);
        m.put("type", type);
        m.put("status", status.name());
        m.put("errors", problems(errors));
        m.put("warnings", problems(warnings));
        m.put("claims", claims);
        return m;
    }

    private static List<Map<String, String>> problems(List<Problem> list) {
        List<Map<String, String>> out = new ArrayList<>(list.size());
        for (Problem p : list) {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("code", p.code());
            m.put("message", p.message());
            out.add(m);
        }
        return out;
    }

    /** @return the short report for people, lines separated by {@code \n}, untrusted text made safe */
    public String toHuman() {
        StringBuilder sb = new StringBuilder();
        sb.append(valid() ? "VALID" : "INVALID").append("  ").append(kind.describe());
        if (!valid() && (issuer != null || type != null)) {
            sb.append("  (issuer and type as the input states them: nothing of it is trusted)");
        }
        sb.append('\n');
        if (issuer != null) {
            sb.append("  issuer:  ").append(Display.safe(issuer)).append('\n');
        }
        if (type != null) {
            sb.append("  type:    ").append(Display.safe(type)).append('\n');
        }
        if (kind == Kind.ECERT || status != CredentialStatus.NONE) {
            sb.append("  status:  ").append(status.name()).append('\n');
        }
        for (String n : notes) {
            sb.append("  note:    ").append(n).append('\n');
        }
        for (Problem p : errors) {
            sb.append("  error:   ").append(p.code()).append(": ").append(Display.safe(p.message(), 1000)).append('\n');
        }
        for (Problem p : warnings) {
            sb.append("  warning: ").append(p.code()).append(": ").append(Display.safe(p.message(), 1000)).append('\n');
        }
        if (!claims.isEmpty()) {
            sb.append("  claims:\n");
            appendClaims(sb, claims, "    ");
        }
        return sb.toString();
    }

    private static void appendClaims(StringBuilder sb, Map<?, ?> map, String indent) {
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

    @Override
    public String toString() {
        return "VerifyReport[" + kind.jsonName() + ", " + (valid() ? "valid" : "invalid " + errors.size() + " error(s)")
                + "]";
    }

    /** Collects a report; not thread-safe. */
    static final class Builder {
        private final Kind kind;
        private String issuer;
        private String type;
        private CredentialStatus status = CredentialStatus.NONE;
        private final List<Problem> errors = new ArrayList<>();
        private final List<Problem> warnings = new ArrayList<>();
        private final Map<String, Object> claims = new LinkedHashMap<>();
        private final List<String> notes = new ArrayList<>();

        private Builder(Kind kind) {
            this.kind = kind;
        }

        Builder issuer(String iss) {
            this.issuer = iss;
            return this;
        }

        Builder type(String t) {
            this.type = t;
            return this;
        }

        Builder status(CredentialStatus s) {
            this.status = s;
            return this;
        }

        Builder error(OutcomeCode code, String message) {
            errors.add(Problem.of(code, message));
            return this;
        }

        Builder error(Problem p) {
            errors.add(p);
            return this;
        }

        Builder add(VerificationResult<?> r) {
            r.errors().forEach(f -> errors.add(Problem.of(f)));
            r.warnings().forEach(f -> warnings.add(Problem.of(f)));
            return this;
        }

        Builder claims(Map<String, ?> c) {
            claims.putAll(c);
            return this;
        }

        Builder claim(String name, Object value) {
            claims.put(name, value);
            return this;
        }

        Builder note(String n) {
            notes.add(n);
            return this;
        }

        boolean hasError(String code) {
            for (Problem p : errors) {
                if (p.code().equals(code)) {
                    return true;
                }
            }
            return false;
        }

        VerifyReport build() {
            return new VerifyReport(this);
        }
    }
}
