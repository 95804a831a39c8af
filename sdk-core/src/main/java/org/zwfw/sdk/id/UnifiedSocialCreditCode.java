package org.zwfw.sdk.id;

import static org.zwfw.sdk.id.IdentifierRule.CHARACTER_SET;
import static org.zwfw.sdk.id.IdentifierRule.CHECK_CHARACTER;
import static org.zwfw.sdk.id.IdentifierRule.DIVISION_CODE_SHAPE;
import static org.zwfw.sdk.id.IdentifierRule.EMBEDDED_ORG_CODE_CHECK_CHARACTER;
import static org.zwfw.sdk.id.IdentifierRule.LENGTH;
import static org.zwfw.sdk.id.IdentifierRule.LOWERCASE_LETTER;

import java.util.Objects;

/**
 * A unified social credit code (统一社会信用代码) of GB 32100-2015: 18 characters over
 * {@code 0123456789ABCDEFGHJKLMNPQRTUWXY} (values 0..30; I, O, S, V and Z are not used). Layout:
 * registration department (1), entity category (1), division code of the registering authority
 * (6 digits), organization code of GB 11714 (9), check character (1). The check character is
 * alphabet[(31 − Σ value × weight mod 31) mod 31] with weights 3^(i−1) mod 31, i.e.
 * 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28.
 *
 * <p>Rules: {@code LENGTH}, {@code CHARACTER_SET}, {@code LOWERCASE_LETTER} (rejected, not
 * normalised), {@code CHECK_CHARACTER}, {@code DIVISION_CODE_SHAPE} (six digits, a province code or
 * {@code 100000} for the central level) and {@code EMBEDDED_ORG_CODE_CHECK_CHARACTER}: characters
 * 9-17 must pass GB 11714, because since 2015 they are assigned as organization codes. The
 * registration department and entity category are not checked against their tables, which the
 * authorities extend.
 *
 * <p>USCCs are public registration data: {@link #toString()} shows them in full. Instances are
 * immutable and thread-safe; all methods throw {@link NullPointerException} on {@code null}
 * arguments.
 */
public final class UnifiedSocialCreditCode {

    private final String value;

    private UnifiedSocialCreditCode(String value) {
        this.value = value;
    }

    /**
     * Parses a USCC.
     *
     * @param value the 18 characters; not {@code null}
     * @return the code
     * @throws InvalidIdentifierException listing every failed rule
     */
    public static UnifiedSocialCreditCode parse(CharSequence value) {
        Objects.requireNonNull(value, "value");
        Violations findings = new Violations(IdentifierKind.USCC);
        if (!validate(value, findings)) {
            throw findings.toException();
        }
        return new UnifiedSocialCreditCode(value.toString());
    }

    /**
     * Checks a value as a USCC.
     *
     * @param value the value; not {@code null}
     * @return the result, kind {@link IdentifierKind#USCC}; never {@code null}
     */
    public static IdentifierCheck check(CharSequence value) {
        Objects.requireNonNull(value, "value");
        Violations findings = new Violations(IdentifierKind.USCC);
        validate(value, findings);
        return findings.toCheck();
    }

    /**
     * Tells whether a value is a valid USCC. Allocation-free.
     *
     * @param value the value; not {@code null}
     * @return {@code true} if every rule passes
     */
    public static boolean isValid(CharSequence value) {
        Objects.requireNonNull(value, "value");
        return validate(value, null);
    }

    /**
     * Computes the GB 32100 check character of the first 17 characters. Does not check the
     * division code or the embedded organization code.
     *
     * @param first17 17 characters of the GB 32100 alphabet, uppercase; not {@code null}
     * @return a character of the alphabet
     * @throws IllegalArgumentException if {@code first17} is not 17 such characters
     */
    public static char computeCheckCharacter(CharSequence first17) {
        Objects.requireNonNull(first17, "first17");
        if (first17.length() != 17) {
            throw new IllegalArgumentException("expected 17 characters, got " + first17.length());
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = first17.charAt(i);
            int v = Checksums.usccValue(c);
            if (v < 0 || c >= 'a') {
                throw new IllegalArgumentException("position " + (i + 1) + " is " + Violations.describe(c)
                        + ", expected one of " + Checksums.USCC_ALPHABET);
            }
            sum += Checksums.usccTerm(i, v);
        }
        return Checksums.usccCheck(sum);
    }

    private static boolean validate(CharSequence s, Violations out) {
        int n = s.length();
        if (n != 18) {
            if (out != null) {
                out.fail(LENGTH, "length is " + n + ", expected 18");
            }
            return false;
        }
        boolean valid = true;
        int sum = 0;
        int badCount = 0;
        int firstBad = -1;
        int lowerCount = 0;
        int firstLower = -1;
        for (int i = 0; i < 18; i++) {
            char c = s.charAt(i);
            int v = Checksums.usccValue(c);
            if (v < 0 || c >= 'a') {
                if (out == null) {
                    return false;
                }
                if (v >= 0) {
                    if (lowerCount++ == 0) {
                        firstLower = i;
                    }
                } else if (badCount++ == 0) {
                    firstBad = i;
                }
            }
            if (i < 17 && v >= 0) {
                sum += Checksums.usccTerm(i, v);
            }
        }
        if (lowerCount > 0) {
            valid = false;
            out.fail(LOWERCASE_LETTER, Violations.positions(firstLower, s.charAt(firstLower), lowerCount,
                    "an uppercase letter"));
        }
        if (badCount > 0) {
            valid = false;
            char c = s.charAt(firstBad);
            String expected = "a character of " + Checksums.USCC_ALPHABET
                    + ("IOSVZiosvz".indexOf(c) >= 0 ? " (GB 32100 does not use I, O, S, V, Z)" : "");
            out.fail(CHARACTER_SET, Violations.positions(firstBad, c, badCount, expected));
        }
        if (out != null) {
            if (isCanonical(s.charAt(0))) {
                out.detail("registration_department", String.valueOf(s.charAt(0)));
            }
            if (isCanonical(s.charAt(1))) {
                out.detail("entity_category", String.valueOf(s.charAt(1)));
            }
        }
        char given = Character.toUpperCase(s.charAt(17));
        if (badCount == 0) {
            char expected = Checksums.usccCheck(sum);
            if (expected != given) {
                if (out == null) {
                    return false;
                }
                valid = false;
                out.fail(CHECK_CHARACTER, "check character (position 18) is '" + given + "' but GB 32100 gives '"
                        + expected + "'");
            }
        }
        valid &= divisionCode(s, out);
        if (!valid && out == null) {
            return false;
        }
        if (badCount == 0) {
            valid &= organizationCode(s, out);
        }
        return valid;
    }

    private static boolean isCanonical(char c) {
        return Checksums.usccValue(c) >= 0 && c < 'a';
    }

    private static boolean divisionCode(CharSequence s, Violations out) {
        for (int i = 2; i < 8; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                if (out != null && Checksums.usccValue(c) >= 0) {
                    out.fail(DIVISION_CODE_SHAPE, "position " + (i + 1) + " is " + Violations.describe(c)
                            + "; positions 3-8 are a division code of six digits");
                }
                return false;
            }
        }
        if (!DivisionCodes.isRegistrationShape(s, 2)) {
            if (out != null) {
                out.fail(DIVISION_CODE_SHAPE, "positions 3-8 are neither a code under a GB/T 2260 province"
                        + " (11-15, 21-23, 31-37, 41-46, 50-54, 61-65, 71, 81, 82) nor 100000 (central level)");
            }
            return false;
        }
        if (out != null) {
            out.detail("division_code", s.subSequence(2, 8).toString());
        }
        return true;
    }

    private static boolean organizationCode(CharSequence s, Violations out) {
        char expected = OrganizationCode.expectedCheck(s, 8);
        char given = Character.toUpperCase(s.charAt(16));
        if (given != expected) {
            if (out != null) {
                out.fail(EMBEDDED_ORG_CODE_CHECK_CHARACTER, "positions 9-17 are an organization code whose check"
                        + " character (position 17) is '" + given + "' but GB 11714 gives '" + expected + "'");
            }
            return false;
        }
        if (out != null) {
            String code = s.subSequence(8, 17).toString();
            if (OrganizationCode.isValid(code)) {
                out.detail("organization_code", code);
            }
        }
        return true;
    }

    /**
     * Returns the code.
     *
     * @return the 18 characters; never {@code null}
     */
    public String value() {
        return value;
    }

    /**
     * Returns character 1, the registration management department (登记管理部门代码), e.g.
     * {@code 9} for market regulation.
     *
     * @return the character
     */
    public char registrationDepartment() {
        return value.charAt(0);
    }

    /**
     * Returns character 2, the entity category (机构类别代码) within the department.
     *
     * @return the character
     */
    public char entityCategory() {
        return value.charAt(1);
    }

    /**
     * Returns characters 3-8, the division code of the registering authority.
     *
     * @return six digits; never {@code null}
     */
    public String divisionCode() {
        return value.substring(2, 8);
    }

    /**
     * Returns characters 9-17 as an organization code.
     *
     * @return the organization code; never {@code null}
     */
    public OrganizationCode organizationCode() {
        return OrganizationCode.parse(value.substring(8, 17));
    }

    /**
     * Returns the check character, character 18.
     *
     * @return the character
     */
    public char checkCharacter() {
        return value.charAt(17);
    }

    /** Equal when the codes are equal. */
    @Override
    public boolean equals(Object other) {
        return other instanceof UnifiedSocialCreditCode && ((UnifiedSocialCreditCode) other).value.equals(value);
    }

    /** Hash of the code. */
    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /**
     * Returns the code in full: USCCs are public registration data.
     *
     * @return the 18 characters; never {@code null}
     */
    @Override
    public String toString() {
        return value;
    }
}
