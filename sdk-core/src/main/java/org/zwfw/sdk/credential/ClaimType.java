package org.zwfw.sdk.credential;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.zwfw.sdk.id.IdentifierCheck;
import org.zwfw.sdk.id.LicenseIdentifier;
import org.zwfw.sdk.id.ResidentIdNumber;
import org.zwfw.sdk.id.UnifiedSocialCreditCode;

/**
 * The value types of e-certificate claims ({@code spec/ecert.md} §7), each with its check.
 * Checks return {@code null} when the value is acceptable and otherwise say why, without
 * repeating the value (it may be personal data).
 */
enum ClaimType {
    /** Non-empty text of at most 1,024 characters. */
    TEXT,
    /** Non-empty text of at most 8,192 characters (business scope). */
    LONG_TEXT,
    /** {@code YYYY-MM-DD}, a real calendar date. */
    DATE,
    /** An e-license identifier, GB/T 36904 (check character included). */
    LICENSE_ID,
    /** A unified social credit code, GB 32100. */
    USCC,
    /** A resident ID number, GB 11643. */
    RESIDENT_ID,
    /** Six digits of an administrative division code, GB/T 2260 shape. */
    DIVISION_CODE,
    /** Upper-case letters and digits (codes such as a license type code or a channel number). */
    CODE,
    /** {@code 111} (resident ID number) or {@code 001} (USCC), GB/T 36903. */
    HOLDER_CODE_TYPE,
    /** A holder code, checked by {@code holder_code_type}; on its own only non-empty text. */
    HOLDER_CODE;

    private static final java.util.regex.Pattern DATE_SHAPE = java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final java.util.regex.Pattern DIVISION_SHAPE = java.util.regex.Pattern.compile("[1-9]\\d{5}");
    private static final java.util.regex.Pattern CODE_SHAPE = java.util.regex.Pattern.compile("[0-9A-Z]{1,64}");

    /**
     * @param value a claim value as parsed from JSON
     * @return {@code null} when acceptable, else the reason
     */
    String problem(Object value) {
        if (!(value instanceof String)) {
            return "must be a string";
        }
        String s = (String) value;
        switch (this) {
            case TEXT:
            case HOLDER_CODE:
                return s.isBlank() ? "must not be blank" : s.length() > 1024 ? "is longer than 1,024 characters" : null;
            case LONG_TEXT:
                return s.isBlank() ? "must not be blank" : s.length() > 8192 ? "is longer than 8,192 characters" : null;
            case DATE:
                if (!DATE_SHAPE.matcher(s).matches()) {
                    return "must be a date YYYY-MM-DD";
                }
                try {
                    LocalDate.parse(s);
                    return null;
                } catch (DateTimeParseException e) {
                    return "is not a calendar date";
                }
            case LICENSE_ID:
                return identifier(LicenseIdentifier.check(s));
            case USCC:
                return identifier(UnifiedSocialCreditCode.check(s));
            case RESIDENT_ID:
                return identifier(ResidentIdNumber.check(s));
            case DIVISION_CODE:
                return DIVISION_SHAPE.matcher(s).matches() ? null : "must be a six-digit division code";
            case CODE:
                return CODE_SHAPE.matcher(s).matches() ? null : "must be 1 to 64 upper-case letters or digits";
            case HOLDER_CODE_TYPE:
                return s.equals("111") || s.equals("001") ? null : "must be 111 (resident ID) or 001 (USCC)";
            default:
                throw new AssertionError(this);
        }
    }

    private static String identifier(IdentifierCheck c) {
        if (c.valid()) {
            return null;
        }
        return "fails " + c.violations().get(0).rule() + (c.hasChecksumFailure() ? " (check character)" : "");
    }
}
