package org.zwfw.sdk.sandbox.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.zwfw.sdk.id.LicenseIdentifier;
import org.zwfw.sdk.id.OrganizationCode;
import org.zwfw.sdk.id.ResidentIdNumber;
import org.zwfw.sdk.id.UnifiedSocialCreditCode;

/**
 * Builds the sandbox's fictitious identifiers from their parts, with the check characters the
 * SDK computes, and parses each result so that a wrong part fails at once instead of producing
 * an identifier that no verifier accepts. Division codes are real (the rules require a real
 * province prefix); everything else is invented.
 */
public final class SampleIdentifiers {

    private SampleIdentifiers() {
    }

    /**
     * @param departmentAndCategory the registration department and entity category, such as
     *                              {@code 91} (market regulation, enterprise) or {@code 11}
     *                              (institutional staffing, government body)
     * @param division              six digits
     * @param organizationBody      the eight body characters of the organization code, from the
     *                              USCC alphabet (no I, O, S, V, Z)
     * @return the unified social credit code, GB 32100
     */
    public static String uscc(String departmentAndCategory, String division, String organizationBody) {
        String org = organizationBody + OrganizationCode.computeCheckCharacter(organizationBody);
        String first17 = departmentAndCategory + division + org;
        return UnifiedSocialCreditCode.parse(first17 + UnifiedSocialCreditCode.computeCheckCharacter(first17))
                .value();
    }

    /**
     * @param division the division code of the place of registration, six digits
     * @param birth    the birth date
     * @param sequence three digits; odd for men, even for women
     * @return the resident ID number, GB 11643
     */
    public static String residentId(String division, LocalDate birth, String sequence) {
        String first17 = division + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + sequence;
        return ResidentIdNumber.parse(first17 + ResidentIdNumber.computeCheckCharacter(first17)).value();
    }

    /**
     * @param typeCode   the license type code
     * @param issuerCode the issuer code
     * @param serial     the serial
     * @return the e-license identifier, GB/T 36904, version {@code 001}
     */
    public static String licenseId(String typeCode, String issuerCode, String serial) {
        return LicenseIdentifier.create(typeCode, issuerCode, serial, "001").value();
    }
}
