package org.zwfw.sdk.id;

/**
 * Every rule an identifier can fail. The names are stable: they appear in conformance vectors,
 * JSON output and {@code spec/identifiers.md}.
 *
 * <p>{@link #isChecksum()} tells checksum failures (the SDK's outcome code
 * {@code CHECKSUM_INVALID}) from every other failure ({@code MALFORMED}). Immutable and
 * thread-safe.
 */
public enum IdentifierRule {
    /** The value has the wrong number of characters for its kind (or is too long to examine). */
    LENGTH(false, "wrong length"),
    /** A character is outside the alphabet allowed at its position. */
    CHARACTER_SET(false, "character outside the allowed alphabet"),
    /** A lowercase letter where the standard writes an uppercase one (e.g. a check character 'x'). */
    LOWERCASE_LETTER(false, "lowercase letter where the standard requires uppercase"),
    /** The check character does not match the one the standard's algorithm gives. */
    CHECK_CHARACTER(true, "check character does not match"),
    /** A 15-digit resident ID number of the pre-1999 layout, which GB 11643-1999 replaced. */
    LEGACY_15_DIGIT(false, "15-digit legacy resident ID number"),
    /** Digits 7-14 of a resident ID number are not a calendar date. */
    BIRTH_DATE_NOT_A_DATE(false, "birth date is not a calendar date"),
    /** The birth date is after today (Asia/Shanghai). */
    BIRTH_DATE_IN_FUTURE(false, "birth date is in the future"),
    /** The birth date is before the floor {@link ResidentIdNumber#EARLIEST_BIRTH_DATE}. */
    BIRTH_DATE_TOO_EARLY(false, "birth date is implausibly early"),
    /** The administrative division code does not have the shape of a GB/T 2260 code. */
    DIVISION_CODE_SHAPE(false, "division code has an implausible shape"),
    /** The organization code inside a USCC (characters 9-17) fails its GB 11714 check. */
    EMBEDDED_ORG_CODE_CHECK_CHARACTER(true, "embedded organization code check character does not match"),
    /** An organization code has a hyphen anywhere but before its check character. */
    HYPHEN_POSITION(false, "hyphen in the wrong position"),
    /** An e-license identifier does not start with the root {@code 1.2.156.3005.2}. */
    WRONG_ROOT(false, "wrong root"),
    /** An e-license identifier does not have 10 dot-separated segments. */
    SEGMENT_COUNT(false, "wrong number of segments"),
    /** The license type code segment is empty or not made of 0-9 and A-Z. */
    TYPE_CODE_FORMAT(false, "license type code malformed"),
    /** The issuer code segment is empty or not made of 0-9 and A-Z. */
    ISSUER_CODE_FORMAT(false, "issuer code malformed"),
    /** The serial segment is empty or not made of 0-9 and A-Z. */
    SERIAL_FORMAT(false, "serial malformed"),
    /** The version segment is not exactly three digits. */
    VERSION_FORMAT(false, "version is not three digits"),
    /** The check segment is not exactly one character of 0-9 and A-Z. */
    CHECK_CHARACTER_FORMAT(false, "check segment is not one character"),
    /**
     * The check character is wrong, and it is the one obtained when the root is wrongly included
     * in the computation (a known vendor mistake).
     */
    CHECK_CHARACTER_OVER_ROOT(true, "check character computed over the root as well"),
    /** The value matches the shape of no supported identifier. */
    UNKNOWN_FORMAT(false, "not a recognised identifier");

    private final boolean checksum;
    private final String description;

    IdentifierRule(boolean checksum, String description) {
        this.checksum = checksum;
        this.description = description;
    }

    /**
     * Tells whether this rule is a checksum failure. The SDK reports checksum failures with the
     * outcome code {@code CHECKSUM_INVALID} and all other rules with {@code MALFORMED}.
     *
     * @return {@code true} for {@link #CHECK_CHARACTER}, {@link #EMBEDDED_ORG_CODE_CHECK_CHARACTER}
     *     and {@link #CHECK_CHARACTER_OVER_ROOT}
     */
    public boolean isChecksum() {
        return checksum;
    }

    /**
     * Returns a short English description of the rule, without any value in it.
     *
     * @return the description; never {@code null}
     */
    public String description() {
        return description;
    }
}
