package org.zwfw.sdk.credential;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.zwfw.sdk.verify.Finding;
import org.zwfw.sdk.verify.OutcomeCode;

/**
 * The subject claims of one e-certificate of a {@link CredentialType}, checked against the
 * type's table: only the type's claim names, every required claim present, each value of its
 * type (identifiers with their check characters, dates), the holder code matching its code
 * type, and dates in order. Immutable and thread-safe once built.
 */
public final class CredentialClaims {

    private final CredentialType type;
    private final Map<String, Object> values;

    private CredentialClaims(CredentialType type, Map<String, Object> values) {
        this.type = type;
        this.values = Collections.unmodifiableMap(values);
    }

    /**
     * @param type the credential type
     * @return a builder
     */
    public static Builder builder(CredentialType type) {
        return new Builder(Objects.requireNonNull(type, "type"));
    }

    /** @return the type */
    public CredentialType type() {
        return type;
    }

    /** @return the claims as JSON values, in the type's order; read-only */
    public Map<String, Object> values() {
        return values;
    }

    /**
     * Checks claims against a type's table.
     *
     * @param type     the type
     * @param claims   claim values as parsed from JSON (extra members are ignored here)
     * @param complete whether every required claim must be present (issuance) or only the
     *                 present ones are checked (a presentation discloses a subset)
     * @return the problems, as findings with {@code MISSING_CLAIM}, {@code INVALID_CLAIM} or
     *         {@code CHECKSUM_INVALID}; empty when acceptable
     */
    public static List<Finding> check(CredentialType type, Map<String, ?> claims, boolean complete) {
        List<Finding> out = new ArrayList<>();
        for (Map.Entry<String, CredentialType.Claim> e : type.claims().entrySet()) {
            String name = e.getKey();
            if (!claims.containsKey(name)) {
                if (complete && e.getValue().required()) {
                    out.add(new Finding(OutcomeCode.MISSING_CLAIM, "claim '" + name + "' is required for " + type.vct()));
                }
                continue;
            }
            ClaimType t = e.getValue().type();
            Object v = claims.get(name);
            if (t == ClaimType.HOLDER_CODE && "111".equals(claims.get("holder_code_type"))) {
                t = ClaimType.RESIDENT_ID;
            } else if (t == ClaimType.HOLDER_CODE && "001".equals(claims.get("holder_code_type"))) {
                t = ClaimType.USCC;
            }
            String problem = t.problem(v);
            if (problem != null) {
                boolean checksum = problem.contains("(check character)");
                out.add(new Finding(checksum ? OutcomeCode.CHECKSUM_INVALID : OutcomeCode.INVALID_CLAIM,
                        "claim '" + name + "' " + problem));
            }
        }
        Object from = claims.get("valid_from");
        Object until = claims.get("valid_until");
        if (from instanceof String && until instanceof String && ClaimType.DATE.problem(from) == null
                && ClaimType.DATE.problem(until) == null && LocalDate.parse((String) from).isAfter(LocalDate.parse((String) until))) {
            out.add(new Finding(OutcomeCode.INVALID_CLAIM, "claim 'valid_from' is after 'valid_until'"));
        }
        return out;
    }

    /** Builds {@link CredentialClaims}; not thread-safe. */
    public static final class Builder {

        private final CredentialType type;
        private final Map<String, Object> values = new LinkedHashMap<>();

        private Builder(CredentialType type) {
            this.type = type;
        }

        /**
         * @param name  a claim name of the type
         * @param value its value
         * @return this builder
         * @throws IllegalArgumentException if the type has no such claim
         */
        public Builder put(String name, String value) {
            if (!type.claims().containsKey(name)) {
                throw new IllegalArgumentException(type.vct() + " has no claim '" + name + "'; its claims are "
                        + type.claimNames());
            }
            values.put(name, Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * @param name a date claim of the type
         * @param date its value
         * @return this builder
         */
        public Builder put(String name, LocalDate date) {
            return put(name, date.toString());
        }

        /**
         * @return the claims
         * @throws InvalidCredentialException listing every problem
         */
        public CredentialClaims build() {
            List<Finding> problems = check(type, values, true);
            if (!problems.isEmpty()) {
                throw new InvalidCredentialException(problems);
            }
            Map<String, Object> ordered = new LinkedHashMap<>();
            for (String n : type.claimNames()) {
                if (values.containsKey(n)) {
                    ordered.put(n, values.get(n));
                }
            }
            return new CredentialClaims(type, ordered);
        }
    }
}
