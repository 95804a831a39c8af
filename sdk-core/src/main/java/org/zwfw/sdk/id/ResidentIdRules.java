package org.zwfw.sdk.id;

import static org.zwfw.sdk.id.IdentifierRule.BIRTH_DATE_IN_FUTURE;
import static org.zwfw.sdk.id.IdentifierRule.BIRTH_DATE_NOT_A_DATE;
import static org.zwfw.sdk.id.IdentifierRule.BIRTH_DATE_TOO_EARLY;
import static org.zwfw.sdk.id.IdentifierRule.CHARACTER_SET;
import static org.zwfw.sdk.id.IdentifierRule.CHECK_CHARACTER;
import static org.zwfw.sdk.id.IdentifierRule.DIVISION_CODE_SHAPE;
import static org.zwfw.sdk.id.IdentifierRule.LEGACY_15_DIGIT;
import static org.zwfw.sdk.id.IdentifierRule.LENGTH;
import static org.zwfw.sdk.id.IdentifierRule.LOWERCASE_LETTER;

/**
 * The GB 11643-1999 rules. One code path serves {@code isValid} ({@code out == null}: stop at the
 * first failure, allocate nothing) and {@code check}/{@code parse} (collect everything). Messages
 * name positions and single characters only, never the number.
 */
final class ResidentIdRules {

    static final int LENGTH_18 = 18;
    /** yyyymmdd form of {@link ResidentIdNumber#EARLIEST_BIRTH_DATE}. */
    static final int EARLIEST = 18500101;

    private ResidentIdRules() {
    }

    static boolean validate(CharSequence s, int today, Violations out) {
        int n = s.length();
        if (n != LENGTH_18) {
            if (out != null) {
                if (n == 15 && digits(s, 0, 15)) {
                    out.fail(LEGACY_15_DIGIT, "15 digits: the pre-1999 layout, replaced by the 18-character"
                            + " number of GB 11643-1999 (see ResidentIdNumber.upgradeLegacy)");
                } else {
                    out.fail(LENGTH, "length is " + n + ", expected 18");
                }
            }
            return false;
        }
        boolean valid = true;
        int sum = 0;
        int badCount = 0;
        int firstBad = -1;
        for (int i = 0; i < 17; i++) {
            int d = s.charAt(i) - '0';
            if (d < 0 || d > 9) {
                if (out == null) {
                    return false;
                }
                if (badCount++ == 0) {
                    firstBad = i;
                }
            } else {
                sum += Checksums.gb11643Term(i, d);
            }
        }
        if (badCount > 0) {
            valid = false;
            out.fail(CHARACTER_SET, Violations.positions(firstBad, s.charAt(firstBad), badCount, "a digit"));
        }
        char given = s.charAt(17);
        if (given == 'x') {
            if (out == null) {
                return false;
            }
            valid = false;
            out.fail(LOWERCASE_LETTER, "position 18 is lowercase 'x'; GB 11643 writes the check character as 'X'");
            given = 'X';
        } else if (!(given >= '0' && given <= '9') && given != 'X') {
            if (out == null) {
                return false;
            }
            valid = false;
            out.fail(CHARACTER_SET, Violations.positions(17, given, 1, "a digit or 'X'"));
            given = 0;
        }
        if (badCount == 0 && given != 0) {
            char expected = Checksums.gb11643Check(sum);
            if (expected != given) {
                if (out == null) {
                    return false;
                }
                valid = false;
                out.fail(CHECK_CHARACTER, "check character (position 18) is '" + given
                        + "' but GB 11643 gives '" + expected + "'");
            }
        }
        valid &= divisionCode(s, out);
        if (!valid && out == null) {
            return false;
        }
        valid &= birthDate(s, today, out);
        if (out != null && digits(s, 16, 17)) {
            out.detail("sex", ((s.charAt(16) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE).jsonName());
        }
        return valid;
    }

    private static boolean divisionCode(CharSequence s, Violations out) {
        if (!digits(s, 0, 6)) {
            return false; // already reported as CHARACTER_SET
        }
        if (!DivisionCodes.isResidentShape(s, 0)) {
            if (out != null) {
                out.fail(DIVISION_CODE_SHAPE, "positions 1-6 do not start with a GB/T 2260 province code"
                        + " (11-15, 21-23, 31-37, 41-46, 50-54, 61-65, 71, 81-83, or 9 and a province code)");
            }
            return false;
        }
        if (out != null) {
            out.detail("division_code", s.subSequence(0, 6).toString());
        }
        return true;
    }

    private static boolean birthDate(CharSequence s, int today, Violations out) {
        if (!digits(s, 6, 14)) {
            return false; // already reported as CHARACTER_SET
        }
        int year = number(s, 6, 10);
        int month = number(s, 10, 12);
        int day = number(s, 12, 14);
        int date = year * 10000 + month * 100 + day;
        if (!ShanghaiCalendar.isDate(year, month, day)) {
            if (out != null) {
                out.fail(BIRTH_DATE_NOT_A_DATE, "positions 7-14 are not a calendar date ("
                        + whyNotADate(year, month, day) + ")");
            }
            return false;
        }
        if (date < EARLIEST) {
            if (out != null) {
                out.fail(BIRTH_DATE_TOO_EARLY, "birth date (positions 7-14) is before "
                        + ResidentIdNumber.EARLIEST_BIRTH_DATE);
            }
            return false;
        }
        if (date > today) {
            if (out != null) {
                out.fail(BIRTH_DATE_IN_FUTURE, "birth date (positions 7-14) is after today ("
                        + ShanghaiCalendar.iso(today) + ", Asia/Shanghai)");
            }
            return false;
        }
        if (out != null) {
            out.detail("birth_date", ShanghaiCalendar.iso(date));
        }
        return true;
    }

    private static String whyNotADate(int year, int month, int day) {
        if (month < 1 || month > 12) {
            return "month " + month + " does not exist";
        }
        if (month == 2 && day == 29) {
            return "February 29 in a year that is not a leap year";
        }
        return "day " + day + " does not exist in month " + month;
    }

    static boolean digits(CharSequence s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    static int number(CharSequence s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            n = n * 10 + (s.charAt(i) - '0');
        }
        return n;
    }
}
