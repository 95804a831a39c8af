package org.zwfw.sdk.id;

import java.util.Objects;

/**
 * An e-license identifier (电子证照标识) of GB/T 36904-2018:
 * {@code 1.2.156.3005.2.<type code>.<issuer code>.<serial>.<version>.<check character>}, for example
 * {@code 1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.001.U}.
 *
 * <p>The type code is usually the defining ministry's USCC plus three digits, the issuer code
 * usually a USCC and sometimes a six-digit division code, so both are only required to be non-empty
 * strings of {@code 0}-{@code 9} and {@code A}-{@code Z}, like the serial. The version is three
 * digits. The check character is ISO/IEC 7064 MOD 37,36 (hybrid system, alphabet {@code 0}-{@code 9}
 * {@code A}-{@code Z}) over type code + issuer code + serial + version concatenated without dots and
 * <em>without</em> the root.
 *
 * <p>Rules: {@code LENGTH} (1 to 256 characters), {@code SEGMENT_COUNT} (10 dot-separated segments),
 * {@code WRONG_ROOT} (naming the known vendor mistake {@code 1.2.156.3003.2}),
 * {@code TYPE_CODE_FORMAT}, {@code ISSUER_CODE_FORMAT}, {@code SERIAL_FORMAT}, {@code VERSION_FORMAT},
 * {@code CHECK_CHARACTER_FORMAT}, {@code LOWERCASE_LETTER} (rejected, not normalised),
 * {@code CHECK_CHARACTER}, and {@code CHECK_CHARACTER_OVER_ROOT} when the wrong check character is
 * the one obtained by wrongly including the root's digits in the computation.
 *
 * <p>E-license identifiers are public: {@link #toString()} shows them in full. Instances are
 * immutable and thread-safe; all methods throw {@link NullPointerException} on {@code null}
 * arguments.
 */
public final class LicenseIdentifier {

    /** The root arc of every e-license identifier, GB/T 36904-2018. */
    public static final String ROOT = LicenseIdRules.ROOT;

    private final String value;
    private final String typeCode;
    private final String issuerCode;
    private final String serial;
    private final String version;

    private LicenseIdentifier(String value) {
        this.value = value;
        String[] parts = value.substring(ROOT.length() + 1).split("\\.", -1);
        typeCode = parts[0];
        issuerCode = parts[1];
        serial = parts[2];
        version = parts[3];
    }

    /**
     * Parses an e-license identifier.
     *
     * @param value the identifier, root included; not {@code null}
     * @return the identifier
     * @throws InvalidIdentifierException listing every failed rule
     */
    public static LicenseIdentifier parse(CharSequence value) {
        Objects.requireNonNull(value, "value");
        Violations findings = new Violations(IdentifierKind.LICENSE_ID);
        if (!LicenseIdRules.validate(value, findings)) {
            throw findings.toException();
        }
        return new LicenseIdentifier(value.toString());
    }

    /**
     * Checks a value as an e-license identifier.
     *
     * @param value the value; not {@code null}
     * @return the result, kind {@link IdentifierKind#LICENSE_ID}; never {@code null}
     */
    public static IdentifierCheck check(CharSequence value) {
        Objects.requireNonNull(value, "value");
        Violations findings = new Violations(IdentifierKind.LICENSE_ID);
        LicenseIdRules.validate(value, findings);
        return findings.toCheck();
    }

    /**
     * Tells whether a value is a valid e-license identifier. Allocation-free.
     *
     * @param value the value; not {@code null}
     * @return {@code true} if every rule passes
     */
    public static boolean isValid(CharSequence value) {
        Objects.requireNonNull(value, "value");
        return LicenseIdRules.isValid(value);
    }

    /**
     * Computes the ISO/IEC 7064 MOD 37,36 check character over the four parts, without the root.
     *
     * @param typeCode the license type code; not {@code null}
     * @param issuerCode the issuer code; not {@code null}
     * @param serial the serial; not {@code null}
     * @param version the version; not {@code null}
     * @return {@code '0'}-{@code '9'} or {@code 'A'}-{@code 'Z'}
     * @throws IllegalArgumentException if a part has a character other than 0-9 and A-Z
     */
    public static char computeCheckCharacter(String typeCode, String issuerCode, String serial, String version) {
        return LicenseIdRules.compute(Objects.requireNonNull(typeCode, "typeCode"),
                Objects.requireNonNull(issuerCode, "issuerCode"), Objects.requireNonNull(serial, "serial"),
                Objects.requireNonNull(version, "version"));
    }

    /**
     * Creates an identifier under {@link #ROOT} from its parts, computing the check character. For
     * issuers.
     *
     * @param typeCode the license type code; not {@code null}
     * @param issuerCode the issuer code; not {@code null}
     * @param serial the serial; not {@code null}
     * @param version three digits; not {@code null}
     * @return the identifier
     * @throws IllegalArgumentException if a part is malformed ({@link InvalidIdentifierException}
     *     when a rule of the standard fails)
     */
    public static LicenseIdentifier create(String typeCode, String issuerCode, String serial, String version) {
        char check = computeCheckCharacter(typeCode, issuerCode, serial, version);
        return parse(String.join(".", ROOT, typeCode, issuerCode, serial, version, String.valueOf(check)));
    }

    /**
     * Returns the identifier.
     *
     * @return the identifier, root included; never {@code null}
     */
    public String value() {
        return value;
    }

    /**
     * Returns the license type code (证照类型代码), segment 6.
     *
     * @return the type code; never {@code null}
     */
    public String typeCode() {
        return typeCode;
    }

    /**
     * Returns the issuer code (颁发机构代码), segment 7.
     *
     * @return the issuer code; never {@code null}
     */
    public String issuerCode() {
        return issuerCode;
    }

    /**
     * Returns the serial (顺序号), segment 8.
     *
     * @return the serial; never {@code null}
     */
    public String serial() {
        return serial;
    }

    /**
     * Returns the version (版本号), segment 9.
     *
     * @return three digits; never {@code null}
     */
    public String version() {
        return version;
    }

    /**
     * Returns the check character, segment 10.
     *
     * @return {@code '0'}-{@code '9'} or {@code 'A'}-{@code 'Z'}
     */
    public char checkCharacter() {
        return value.charAt(value.length() - 1);
    }

    /** Equal when the identifiers are equal. */
    @Override
    public boolean equals(Object other) {
        return other instanceof LicenseIdentifier && ((LicenseIdentifier) other).value.equals(value);
    }

    /** Hash of the identifier. */
    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /**
     * Returns the identifier in full: e-license identifiers are public.
     *
     * @return the identifier; never {@code null}
     */
    @Override
    public String toString() {
        return value;
    }
}
