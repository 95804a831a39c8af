package org.zwfw.sdk.input;

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
 * The result of verifying one input of any kind, in the JSON shape of {@code spec/cli.md}
 * ({@code zwfw verify --json}): {@code {"valid", "kind", "issuer", "type", "status", "errors",
 * "warnings", "claims"}}. Claims are already masked unless the verifier was configured to show
 * personal data; notes say what was and was not checked. Immutable.
 */
public final class InputReport {

    /**
     * One error or warning. {@code code} is an outcome code of {@code spec/errors.md}, or a code
     * of the program that made the report (such as {@value #UNREADABLE} of {@code zwfw verify-batch}
     * for an input file that could not be read).
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

        /**
         * @param f a finding
         * @return the problem with the finding's code and message
         */
        public static Problem of(Finding f) {
            return new Problem(f.code().name(), f.message());
        }

        /**
         * @param code    an outcome code
         * @param message what is wrong
         * @return the problem
         */
        public static Problem of(OutcomeCode code, String message) {
            return new Problem(code.name(), message);
        }
    }

    private final InputKind kind;
    private final String issuer;
    private final String type;
    private final CredentialStatus status;
    private final List<Problem> errors;
    private final List<Problem> warnings;
    private final Map<String, Object> claims;
    private final List<String> notes;

    private InputReport(Builder b) {
        this.kind = b.kind;
        this.issuer = b.issuer;
        this.type = b.type;
        this.status = b.status;
        this.errors = List.copyOf(b.errors);
        this.warnings = List.copyOf(b.warnings);
        this.claims = b.errors.isEmpty() ? Collections.unmodifiableMap(new LinkedHashMap<>(b.claims)) : Map.of();
        this.notes = List.copyOf(b.notes);
    }

    /**
     * A report of one failure, for programs that read inputs and must report one they could not
     * hand to a verifier (unreadable, over a size limit).
     *
     * @param kind    the kind, usually {@link InputKind#UNKNOWN}
     * @param problem what is wrong
     * @return the invalid report
     */
    public static InputReport failure(InputKind kind, Problem problem) {
        return new Builder(kind).error(problem).build();
    }

    static Builder builder(InputKind kind) {
        return new Builder(kind);
    }

    /** @return {@code true} when no check failed */
    public boolean valid() {
        return errors.isEmpty();
    }

    /** @return the detected kind */
    public InputKind kind() {
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

    /** @return notes for people on what was and was not checked */
    public List<String> notes() {
        return notes;
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

    @Override
    public String toString() {
        return "InputReport[" + kind.jsonName() + ", " + (valid() ? "valid" : "invalid " + errors.size() + " error(s)")
                + "]";
    }

    /** Collects a report; not thread-safe. */
    static final class Builder {
        private final InputKind kind;
        private String issuer;
        private String type;
        private CredentialStatus status = CredentialStatus.NONE;
        private final List<Problem> errors = new ArrayList<>();
        private final List<Problem> warnings = new ArrayList<>();
        private final Map<String, Object> claims = new LinkedHashMap<>();
        private final List<String> notes = new ArrayList<>();

        private Builder(InputKind kind) {
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

        InputReport build() {
            return new InputReport(this);
        }
    }
}
