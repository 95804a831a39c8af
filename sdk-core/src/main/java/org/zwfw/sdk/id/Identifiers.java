package org.zwfw.sdk.id;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Detects which kind of identifier a string is and checks it, for input that arrives unlabelled
 * (a command-line argument, a form field).
 *
 * <p>Detection, in order (also in {@code spec/identifiers.md}):
 * <ol>
 *   <li>longer than 256 characters: {@link IdentifierKind#UNKNOWN} ({@code LENGTH});
 *       empty: {@code UNKNOWN} ({@code UNKNOWN_FORMAT});</li>
 *   <li>starts with {@code 1.2.156.} or contains a dot: e-license identifier;</li>
 *   <li>9 characters, or 10 with a hyphen: organization code;</li>
 *   <li>15 digits: resident ID number (which reports {@code LEGACY_15_DIGIT});</li>
 *   <li>18 characters, the first 17 ASCII digits and the last a digit, {@code X} or {@code x}:
 *       checked as both a resident ID number and a USCC; the one that is valid wins, the resident
 *       ID number if both are. If neither is, the resident ID number is reported when digits 7-10
 *       are a plausible birth year (1800 to 2099, so that a too early or future birth date is still
 *       reported as one) or the last character is {@code x} (not in the USCC alphabet), otherwise the USCC;</li>
 *   <li>other 18 characters, all ASCII letters or digits: USCC;</li>
 *   <li>anything else: {@code UNKNOWN} ({@code UNKNOWN_FORMAT}), with a message saying why.</li>
 * </ol>
 *
 * <p>Stateless and thread-safe. All methods throw {@link NullPointerException} on {@code null}
 * arguments and never throw on bad input.
 */
public final class Identifiers {

    private static final Clock SYSTEM = Clock.systemUTC();
    /**
     * Detection takes digits 7-10 from 1800 to 2099 as a birth year: wider than the validity range,
     * so that a too early or future birth date is still reported as a resident ID number's.
     */
    private static final int EARLIEST_YEAR = 1800;
    private static final int LATEST_YEAR = 2099;

    private Identifiers() {
    }

    /**
     * Detects the kind of {@code value} and checks it, with today (for birth dates) from the system
     * clock.
     *
     * @param value the value; not {@code null}
     * @return the result of the detected kind, or of kind {@link IdentifierKind#UNKNOWN}; never
     *     {@code null}
     */
    public static IdentifierCheck detect(CharSequence value) {
        return detect(value, SYSTEM);
    }

    /**
     * Detects the kind of {@code value} and checks it, with today (for birth dates) read from
     * {@code clock} in Asia/Shanghai.
     *
     * @param value the value; not {@code null}
     * @param clock the clock; not {@code null}
     * @return the result of the detected kind, or of kind {@link IdentifierKind#UNKNOWN}; never
     *     {@code null}
     */
    public static IdentifierCheck detect(CharSequence value, Clock clock) {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(clock, "clock");
        int n = value.length();
        if (n > LicenseIdRules.MAX_LENGTH) {
            return unknown(IdentifierRule.LENGTH, "length is " + n + "; no supported identifier is longer than "
                    + LicenseIdRules.MAX_LENGTH + " characters");
        }
        if (n == 0) {
            return unknown(IdentifierRule.UNKNOWN_FORMAT, "the value is empty");
        }
        if (startsWith(value, "1.2.156.") || indexOf(value, '.') >= 0) {
            return LicenseIdentifier.check(value);
        }
        if (n == 9 || n == 10 && indexOf(value, '-') >= 0) {
            return OrganizationCode.check(value);
        }
        if (n == 15 && ResidentIdRules.digits(value, 0, 15)) {
            return ResidentIdNumber.check(value, clock);
        }
        if (n == 18) {
            return detect18(value, clock);
        }
        return unknown(IdentifierRule.UNKNOWN_FORMAT, "length " + n + " without a dot fits no supported identifier:"
                + " 9 or 10 with a hyphen (organization code), 18 (resident ID number or USCC), dotted"
                + " (e-license identifier)");
    }

    private static IdentifierCheck detect18(CharSequence value, Clock clock) {
        char last = value.charAt(17);
        boolean residentShaped = ResidentIdRules.digits(value, 0, 17)
                && (last >= '0' && last <= '9' || last == 'X' || last == 'x');
        if (!residentShaped) {
            for (int i = 0; i < 18; i++) {
                char c = value.charAt(i);
                if (!(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z')) {
                    return unknown(IdentifierRule.UNKNOWN_FORMAT, "18 characters, but position " + (i + 1) + " is "
                            + Violations.describe(c) + ", which neither a resident ID number nor a USCC contains");
                }
            }
            return UnifiedSocialCreditCode.check(value);
        }
        IdentifierCheck resident = ResidentIdNumber.check(value, clock);
        if (resident.valid()) {
            return resident;
        }
        IdentifierCheck uscc = UnifiedSocialCreditCode.check(value);
        if (uscc.valid()) {
            return uscc;
        }
        // Neither is valid: a birth year in digits 7-10 points to a resident ID number with a typo.
        int year = ResidentIdRules.number(value, 6, 10);
        boolean plausibleYear = year >= EARLIEST_YEAR && year <= LATEST_YEAR;
        return plausibleYear || last == 'x' ? resident : uscc;
    }

    /**
     * Checks {@code value} as the given kind, without detection, with today from the system clock.
     *
     * @param kind the kind; not {@code null}, not {@link IdentifierKind#UNKNOWN}
     * @param value the value; not {@code null}
     * @return the result; never {@code null}
     * @throws IllegalArgumentException if {@code kind} is {@code UNKNOWN}
     */
    public static IdentifierCheck check(IdentifierKind kind, CharSequence value) {
        return check(kind, value, SYSTEM);
    }

    /**
     * Checks {@code value} as the given kind, without detection, with today (for birth dates) read
     * from {@code clock} in Asia/Shanghai.
     *
     * @param kind the kind; not {@code null}, not {@link IdentifierKind#UNKNOWN}
     * @param value the value; not {@code null}
     * @param clock the clock; not {@code null}
     * @return the result; never {@code null}
     * @throws IllegalArgumentException if {@code kind} is {@code UNKNOWN}
     */
    public static IdentifierCheck check(IdentifierKind kind, CharSequence value, Clock clock) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(clock, "clock");
        switch (kind) {
            case RESIDENT_ID:
                return ResidentIdNumber.check(value, clock);
            case USCC:
                return UnifiedSocialCreditCode.check(value);
            case ORG_CODE:
                return OrganizationCode.check(value);
            case LICENSE_ID:
                return LicenseIdentifier.check(value);
            default:
                throw new IllegalArgumentException("cannot check a value as " + kind);
        }
    }

    private static IdentifierCheck unknown(IdentifierRule rule, String message) {
        return new IdentifierCheck(IdentifierKind.UNKNOWN, false, List.of(new IdentifierViolation(rule, message)),
                Map.of());
    }

    private static boolean startsWith(CharSequence value, String prefix) {
        if (value.length() < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (value.charAt(i) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(CharSequence value, char c) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }
}
