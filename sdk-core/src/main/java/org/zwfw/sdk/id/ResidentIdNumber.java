package org.zwfw.sdk.id;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A resident ID number (公民身份号码) of GB 11643-1999: six digits of administrative division code,
 * eight of birth date (YYYYMMDD), three of sequence (the last odd for men) and a check character
 * computed with ISO/IEC 7064 MOD 11-2 ({@code 0}-{@code 9} or {@code X}).
 *
 * <p>Rules, each reported as an {@link IdentifierRule}: {@code LENGTH} (18 characters),
 * {@code LEGACY_15_DIGIT}, {@code CHARACTER_SET} (17 digits, then a digit or {@code X}),
 * {@code LOWERCASE_LETTER} (a check character {@code x} is rejected, not normalised),
 * {@code CHECK_CHARACTER}, {@code DIVISION_CODE_SHAPE} (the province prefix only, see
 * {@code spec/identifiers.md}), {@code BIRTH_DATE_NOT_A_DATE}, {@code BIRTH_DATE_TOO_EARLY}
 * (before {@link #EARLIEST_BIRTH_DATE}) and {@code BIRTH_DATE_IN_FUTURE} (after today in
 * Asia/Shanghai; being born today is valid).
 *
 * <p>"Today" comes from the {@link Clock} given, or {@link Clock#systemUTC()}, converted to
 * Asia/Shanghai whatever the clock's own zone; or from an explicit {@link LocalDate}.
 *
 * <p>This is personal information. {@link #toString()} and every message mask it;
 * {@link #value()} returns it in full and must not be logged. Instances are immutable and
 * thread-safe; all methods throw {@link NullPointerException} on {@code null} arguments.
 */
public final class ResidentIdNumber {

    /** The earliest birth date accepted; anything before is taken as a data error. */
    public static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1850, 1, 1);

    private static final Clock SYSTEM = Clock.systemUTC();

    private final String value;

    private ResidentIdNumber(String value) {
        this.value = value;
    }

    /**
     * Parses a resident ID number, with today read from the system clock.
     *
     * @param value the 18 characters; not {@code null}
     * @return the number
     * @throws InvalidIdentifierException listing every failed rule
     */
    public static ResidentIdNumber parse(CharSequence value) {
        return parse(value, SYSTEM);
    }

    /**
     * Parses a resident ID number, with today read from {@code clock} in Asia/Shanghai.
     *
     * @param value the 18 characters; not {@code null}
     * @param clock the clock; not {@code null}
     * @return the number
     * @throws InvalidIdentifierException listing every failed rule
     */
    public static ResidentIdNumber parse(CharSequence value, Clock clock) {
        return parse(value, ShanghaiCalendar.today(clock));
    }

    /**
     * Parses a resident ID number against an explicit today.
     *
     * @param value the 18 characters; not {@code null}
     * @param today the latest acceptable birth date; not {@code null}
     * @return the number
     * @throws InvalidIdentifierException listing every failed rule
     */
    public static ResidentIdNumber parse(CharSequence value, LocalDate today) {
        return parse(value, ShanghaiCalendar.toInt(today));
    }

    private static ResidentIdNumber parse(CharSequence value, int today) {
        Objects.requireNonNull(value, "value");
        Violations findings = new Violations(IdentifierKind.RESIDENT_ID);
        if (!ResidentIdRules.validate(value, today, findings)) {
            throw findings.toException();
        }
        return new ResidentIdNumber(value.toString());
    }

    /**
     * Checks a value, with today read from the system clock.
     *
     * @param value the value; not {@code null}
     * @return the result, kind {@link IdentifierKind#RESIDENT_ID}; never {@code null}
     */
    public static IdentifierCheck check(CharSequence value) {
        return check(value, SYSTEM);
    }

    /**
     * Checks a value, with today read from {@code clock} in Asia/Shanghai.
     *
     * @param value the value; not {@code null}
     * @param clock the clock; not {@code null}
     * @return the result, kind {@link IdentifierKind#RESIDENT_ID}; never {@code null}
     */
    public static IdentifierCheck check(CharSequence value, Clock clock) {
        Objects.requireNonNull(value, "value");
        return check(value, ShanghaiCalendar.today(clock));
    }

    /**
     * Checks a value against an explicit today.
     *
     * @param value the value; not {@code null}
     * @param today the latest acceptable birth date; not {@code null}
     * @return the result, kind {@link IdentifierKind#RESIDENT_ID}; never {@code null}
     */
    public static IdentifierCheck check(CharSequence value, LocalDate today) {
        Objects.requireNonNull(value, "value");
        return check(value, ShanghaiCalendar.toInt(today));
    }

    private static IdentifierCheck check(CharSequence value, int today) {
        Violations findings = new Violations(IdentifierKind.RESIDENT_ID);
        ResidentIdRules.validate(value, today, findings);
        return findings.toCheck();
    }

    /**
     * Tells whether a value is a valid resident ID number, with today from the system clock.
     * Allocation-free.
     *
     * @param value the value; not {@code null}
     * @return {@code true} if every rule passes
     */
    public static boolean isValid(CharSequence value) {
        return isValid(value, SYSTEM);
    }

    /**
     * Tells whether a value is a valid resident ID number, with today read from {@code clock}.
     * Allocation-free (today is cached per Shanghai day).
     *
     * @param value the value; not {@code null}
     * @param clock the clock; not {@code null}
     * @return {@code true} if every rule passes
     */
    public static boolean isValid(CharSequence value, Clock clock) {
        Objects.requireNonNull(value, "value");
        return ResidentIdRules.validate(value, ShanghaiCalendar.today(clock), null);
    }

    /**
     * Tells whether a value is a valid resident ID number against an explicit today.
     *
     * @param value the value; not {@code null}
     * @param today the latest acceptable birth date; not {@code null}
     * @return {@code true} if every rule passes
     */
    public static boolean isValid(CharSequence value, LocalDate today) {
        Objects.requireNonNull(value, "value");
        return ResidentIdRules.validate(value, ShanghaiCalendar.toInt(today), null);
    }

    /**
     * Computes the GB 11643 check character: {@code "10X98765432"} indexed by the weighted sum
     * (weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2) mod 11.
     *
     * @param first17 the first 17 characters, all ASCII digits; not {@code null}
     * @return {@code '0'}-{@code '9'} or {@code 'X'}
     * @throws IllegalArgumentException if {@code first17} is not 17 ASCII digits
     */
    public static char computeCheckCharacter(CharSequence first17) {
        Objects.requireNonNull(first17, "first17");
        if (first17.length() != 17 || !ResidentIdRules.digits(first17, 0, 17)) {
            throw new IllegalArgumentException("expected 17 ASCII digits");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += Checksums.gb11643Term(i, first17.charAt(i) - '0');
        }
        return Checksums.gb11643Check(sum);
    }

    /**
     * Converts a 15-digit number of the pre-1999 layout to 18 characters: inserts the century
     * {@code 19} before the two-digit birth year (those numbers were issued to people born in
     * the 1900s) and appends the check character. The result is not validated; parse it to check
     * its date and division code.
     *
     * @param legacy15 15 ASCII digits; not {@code null}
     * @return the 18-character number
     * @throws IllegalArgumentException if {@code legacy15} is not 15 ASCII digits
     */
    public static String upgradeLegacy(CharSequence legacy15) {
        Objects.requireNonNull(legacy15, "legacy15");
        if (legacy15.length() != 15 || !ResidentIdRules.digits(legacy15, 0, 15)) {
            throw new IllegalArgumentException("expected 15 ASCII digits");
        }
        String first17 = legacy15.subSequence(0, 6) + "19" + legacy15.subSequence(6, 15);
        return first17 + computeCheckCharacter(first17);
    }

    /**
     * Returns the number in full. Personal information: do not log it.
     *
     * @return the 18 characters; never {@code null}
     */
    public String value() {
        return value;
    }

    /**
     * Returns the birth date, digits 7-14.
     *
     * @return the date; never {@code null}
     */
    public LocalDate birthDate() {
        return LocalDate.of(ResidentIdRules.number(value, 6, 10), ResidentIdRules.number(value, 10, 12),
                ResidentIdRules.number(value, 12, 14));
    }

    /**
     * Returns the sex, from digit 17 (odd = male).
     *
     * @return the sex; never {@code null}
     */
    public Sex sex() {
        return (value.charAt(16) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE;
    }

    /**
     * Returns digits 1-6, the administrative division code where the number was first issued.
     * For a foreign permanent resident ID card (first digit 9), digits 2-3 are the province and
     * 4-6 the nationality code.
     *
     * @return six digits; never {@code null}
     */
    public String divisionCode() {
        return value.substring(0, 6);
    }

    /**
     * Returns the check character, digit 18.
     *
     * @return {@code '0'}-{@code '9'} or {@code 'X'}
     */
    public char checkCharacter() {
        return value.charAt(17);
    }

    /**
     * Returns the number masked by {@code policy}.
     *
     * @param policy the masking policy; not {@code null}
     * @return the masked number; never {@code null}
     */
    public String masked(MaskingPolicy policy) {
        return policy.maskIdNumber(value);
    }

    /** Equal when the numbers are equal. */
    @Override
    public boolean equals(Object other) {
        return other instanceof ResidentIdNumber && ((ResidentIdNumber) other).value.equals(value);
    }

    /** Hash of the number. */
    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /**
     * Returns the number masked by {@link MaskingPolicy#DEFAULT}, e.g. {@code 11**************2X}.
     *
     * @return the masked number; never {@code null}
     */
    @Override
    public String toString() {
        return MaskingPolicy.DEFAULT.maskIdNumber(value);
    }
}
