package org.zwfw.sdk.id;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The result of checking a value as an identifier: its kind, whether it is valid, every failed
 * rule, and the parts that parsed.
 *
 * <p>{@code details} uses stable snake_case keys, filled only for parts that passed their own
 * rules (the value as a whole may still be invalid, for example because of its check character):
 * <ul>
 *   <li>resident ID: {@code birth_date} (YYYY-MM-DD), {@code sex} ({@code male}/{@code female}),
 *       {@code division_code};</li>
 *   <li>USCC: {@code registration_department}, {@code entity_category}, {@code division_code},
 *       {@code organization_code} (9 characters, no hyphen);</li>
 *   <li>organization code: {@code formatted} (with the hyphen);</li>
 *   <li>e-license identifier: {@code type_code}, {@code issuer_code}, {@code serial},
 *       {@code version}.</li>
 * </ul>
 * The details map keeps that order. {@link #toString()} hides the values of a resident ID number's
 * details. Immutable and thread-safe.
 *
 * @param kind the detected or requested kind; not {@code null}
 * @param valid {@code true} exactly when {@code violations} is empty
 * @param violations every failed rule, in the order checked; not {@code null}, copied
 * @param details parts that parsed; not {@code null}, copied, no {@code null} keys or values
 */
public record IdentifierCheck(
        IdentifierKind kind, boolean valid, List<IdentifierViolation> violations, Map<String, String> details) {

    /**
     * Creates a check result.
     *
     * @param kind the detected or requested kind; not {@code null}
     * @param valid {@code true} exactly when {@code violations} is empty
     * @param violations every failed rule; not {@code null}, copied
     * @param details parts that parsed; not {@code null}, copied
     * @throws NullPointerException if an argument, a violation, a key or a value is {@code null}
     * @throws IllegalArgumentException if {@code valid} disagrees with {@code violations}
     */
    public IdentifierCheck {
        Objects.requireNonNull(kind, "kind");
        violations = List.copyOf(violations);
        Map<String, String> copy = new LinkedHashMap<>();
        details.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "details key"),
                Objects.requireNonNull(v, "details value")));
        details = Collections.unmodifiableMap(copy);
        if (valid != violations.isEmpty()) {
            throw new IllegalArgumentException("valid must be true exactly when there are no violations");
        }
    }

    /**
     * Returns the distinct failed rules.
     *
     * @return an unmodifiable set, empty when valid; never {@code null}
     */
    public Set<IdentifierRule> rules() {
        Set<IdentifierRule> rules = EnumSet.noneOf(IdentifierRule.class);
        for (IdentifierViolation violation : violations) {
            rules.add(violation.rule());
        }
        return Collections.unmodifiableSet(rules);
    }

    /**
     * Describes the result. The details of a resident ID number (birth date, sex, division code)
     * are personal information and appear as keys only; the details of the other kinds are public
     * registration data and appear in full.
     *
     * @return a description; never {@code null}
     */
    @Override
    public String toString() {
        Object shownDetails = kind == IdentifierKind.RESIDENT_ID ? details.keySet() : details;
        return "IdentifierCheck[kind=" + kind.jsonName() + ", valid=" + valid + ", violations=" + violations
                + ", details=" + shownDetails + "]";
    }

    /**
     * Tells whether any failed rule is a checksum failure ({@link IdentifierRule#isChecksum()}).
     *
     * @return {@code true} if a checksum rule failed
     */
    public boolean hasChecksumFailure() {
        for (IdentifierViolation violation : violations) {
            if (violation.rule().isChecksum()) {
                return true;
            }
        }
        return false;
    }
}
