package org.zwfw.sdk.id;

import static org.zwfw.sdk.id.IdentifierRule.CHARACTER_SET;
import static org.zwfw.sdk.id.IdentifierRule.CHECK_CHARACTER;
import static org.zwfw.sdk.id.IdentifierRule.HYPHEN_POSITION;
import static org.zwfw.sdk.id.IdentifierRule.LENGTH;
import static org.zwfw.sdk.id.IdentifierRule.LOWERCASE_LETTER;

import java.util.Objects;

/**
 * An organization code (组织机构代码) of GB 11714-1997: eight body characters ({@code 0}-{@code 9},
 * {@code A}-{@code Z}, valued 0..35) and a check character: 11 − (Σ value × weight mod 11) with
 * weights 3 7 9 10 5 8 4 2, where 10 is written {@code X} and 11 is written {@code 0}. It is written
 * with a hyphen before the check character ({@code 60003734-1}); parsing accepts it with or without.
 * Characters 9-17 of a {@link UnifiedSocialCreditCode} are an organization code.
 *
 * <p>Rules: {@code LENGTH} (9 characters besides the hyphen), {@code HYPHEN_POSITION} (only before
 * the check character, at most once), {@code CHARACTER_SET}, {@code LOWERCASE_LETTER} (rejected,
 * not normalised) and {@code CHECK_CHARACTER}. The mod 11 check catches every single substitution
 * between digits, but not between characters whose values differ by 11 or 22 (such as {@code 0},
 * {@code B} and {@code M}); that is a property of the standard.
 *
 * <p>Organization codes are public registration data: {@link #toString()} shows them in full.
 * Instances are immutable and thread-safe; all methods throw {@link NullPointerException} on
 * {@code null} arguments.
 */
public final class OrganizationCode {

    /** Longest input examined character by character; anything longer is reported as LENGTH. */
    private static final int MAX_EXAMINED = 64;

    private final String value;

    private OrganizationCode(String value) {
        this.value = value;
    }

    /**
     * Parses an organization code, with or without the hyphen.
     *
     * @param value e.g. {@code 60003734-1} or {@code 600037341}; not {@code null}
     * @return the code
     * @throws InvalidIdentifierException listing every failed rule
     */
    public static OrganizationCode parse(CharSequence value) {
        Objects.requireNonNull(value, "value");
        Violations findings = new Violations(IdentifierKind.ORG_CODE);
        if (!validate(value, findings)) {
            throw findings.toException();
        }
        String s = value.toString();
        return new OrganizationCode(s.length() == 10 ? s.substring(0, 8) + s.charAt(9) : s);
    }

    /**
     * Checks a value as an organization code.
     *
     * @param value the value; not {@code null}
     * @return the result, kind {@link IdentifierKind#ORG_CODE}, detail {@code formatted}; never
     *     {@code null}
     */
    public static IdentifierCheck check(CharSequence value) {
        Objects.requireNonNull(value, "value");
        Violations findings = new Violations(IdentifierKind.ORG_CODE);
        validate(value, findings);
        return findings.toCheck();
    }

    /**
     * Tells whether a value is a valid organization code, with or without the hyphen.
     * Allocation-free.
     *
     * @param value the value; not {@code null}
     * @return {@code true} if every rule passes
     */
    public static boolean isValid(CharSequence value) {
        Objects.requireNonNull(value, "value");
        return validate(value, null);
    }

    /**
     * Computes the GB 11714 check character of eight body characters.
     *
     * @param body eight characters of {@code 0}-{@code 9} and {@code A}-{@code Z}; not {@code null}
     * @return {@code '0'}-{@code '9'} or {@code 'X'}
     * @throws IllegalArgumentException if {@code body} is not eight such characters
     */
    public static char computeCheckCharacter(CharSequence body) {
        Objects.requireNonNull(body, "body");
        if (body.length() != 8) {
            throw new IllegalArgumentException("expected 8 characters, got " + body.length());
        }
        for (int i = 0; i < 8; i++) {
            char c = body.charAt(i);
            if (!isUpperAlnum(c)) {
                throw new IllegalArgumentException("position " + (i + 1) + " is " + Violations.describe(c)
                        + ", expected 0-9 or A-Z");
            }
        }
        return expectedCheck(body, 0);
    }

    /**
     * The GB 11714 check character of the eight characters of {@code s} from {@code from}, lowercase
     * folded, or 0 if one of them is not a letter or digit.
     */
    static char expectedCheck(CharSequence s, int from) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            int v = Checksums.alnumValue(s.charAt(from + i));
            if (v < 0) {
                return 0;
            }
            sum += Checksums.gb11714Term(i, v);
        }
        return Checksums.gb11714Check(sum);
    }

    private static boolean validate(CharSequence s, Violations out) {
        int n = s.length();
        if ((n == 9 || n == 10 && s.charAt(8) == '-') && s.charAt(n - 1) != '-' && noHyphen(s, 8)) {
            // The common shapes; anything else goes through the hyphen analysis.
            return validateCharacters(s, n == 10, out);
        }
        if (out == null) {
            return false;
        }
        if (n > MAX_EXAMINED) {
            out.fail(LENGTH, "length is " + n + ", expected 9, or 10 with the hyphen");
            return false;
        }
        int hyphens = 0;
        int firstHyphen = -1;
        for (int i = 0; i < n; i++) {
            if (s.charAt(i) == '-') {
                if (hyphens++ == 0) {
                    firstHyphen = i;
                }
            }
        }
        int others = n - hyphens;
        if (others != 9) {
            out.fail(LENGTH, others + " characters besides hyphens, expected 9");
        }
        if (hyphens > 1 || hyphens == 1 && firstHyphen != 8) {
            out.fail(HYPHEN_POSITION, (hyphens > 1 ? hyphens + " hyphens, first at position " : "hyphen at position ")
                    + (firstHyphen + 1) + "; GB 11714 allows one, at position 9, before the check character");
            if (others == 9 && hyphens == 1) {
                validateCharacters(removeHyphen(s, firstHyphen), false, out);
            }
        }
        return false;
    }

    private static boolean noHyphen(CharSequence s, int to) {
        for (int i = 0; i < to; i++) {
            if (s.charAt(i) == '-') {
                return false;
            }
        }
        return true;
    }

    private static String removeHyphen(CharSequence s, int at) {
        return s.subSequence(0, at).toString() + s.subSequence(at + 1, s.length());
    }

    /** Validates 8 body characters and a check character, at index 8 or, with the hyphen, 9. */
    private static boolean validateCharacters(CharSequence s, boolean hyphen, Violations out) {
        boolean valid = true;
        int badCount = 0;
        int firstBad = -1;
        int lowerCount = 0;
        int firstLower = -1;
        for (int i = 0; i < 8; i++) {
            char c = s.charAt(i);
            if (isUpperAlnum(c)) {
                continue;
            }
            if (out == null) {
                return false;
            }
            if (c >= 'a' && c <= 'z') {
                if (lowerCount++ == 0) {
                    firstLower = i;
                }
            } else if (badCount++ == 0) {
                firstBad = i;
            }
        }
        int checkIndex = hyphen ? 9 : 8;
        char given = s.charAt(checkIndex);
        if (given == 'x') {
            if (out == null) {
                return false;
            }
            if (lowerCount++ == 0) {
                firstLower = checkIndex;
            }
            given = 'X';
        }
        if (lowerCount > 0) {
            valid = false;
            out.fail(LOWERCASE_LETTER, Violations.positions(firstLower, s.charAt(firstLower), lowerCount,
                    "an uppercase letter or a digit"));
        }
        if (badCount > 0) {
            valid = false;
            out.fail(CHARACTER_SET, Violations.positions(firstBad, s.charAt(firstBad), badCount, "0-9 or A-Z"));
        }
        if (!(given >= '0' && given <= '9') && given != 'X') {
            if (out == null) {
                return false;
            }
            out.fail(CHARACTER_SET, Violations.positions(checkIndex, given, 1, "a digit or 'X'"));
            return false;
        }
        if (badCount > 0) {
            return false;
        }
        char expected = expectedCheck(s, 0);
        if (expected != given) {
            if (out == null) {
                return false;
            }
            valid = false;
            out.fail(CHECK_CHARACTER, "check character (position " + (checkIndex + 1) + ") is '" + given
                    + "' but GB 11714 gives '" + expected + "'");
        }
        if (out != null && lowerCount == 0) {
            out.detail("formatted", s.subSequence(0, 8) + "-" + given);
        }
        return valid;
    }

    private static boolean isUpperAlnum(char c) {
        return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z';
    }

    /**
     * Returns the code without the hyphen.
     *
     * @return nine characters, e.g. {@code 600037341}; never {@code null}
     */
    public String value() {
        return value;
    }

    /**
     * Returns the code as GB 11714 writes it, with the hyphen.
     *
     * @return ten characters, e.g. {@code 60003734-1}; never {@code null}
     */
    public String formatted() {
        return value.substring(0, 8) + '-' + value.charAt(8);
    }

    /**
     * Returns the check character.
     *
     * @return {@code '0'}-{@code '9'} or {@code 'X'}
     */
    public char checkCharacter() {
        return value.charAt(8);
    }

    /** Equal when the codes are equal (the hyphen does not count). */
    @Override
    public boolean equals(Object other) {
        return other instanceof OrganizationCode && ((OrganizationCode) other).value.equals(value);
    }

    /** Hash of the code. */
    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /**
     * Returns {@link #formatted()}: organization codes are public registration data.
     *
     * @return the code with the hyphen; never {@code null}
     */
    @Override
    public String toString() {
        return formatted();
    }
}
