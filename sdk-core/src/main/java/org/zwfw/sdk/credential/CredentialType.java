package org.zwfw.sdk.credential;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The e-certificate types of contract §3, each a {@code vct} with its claims, their value types
 * and which an issuer must provide ({@code spec/ecert.md} §7). Every claim of these types is
 * selectively disclosable. Thread-safe (an enum).
 */
public enum CredentialType {
    /** Any e-license with the GB/T 36903 metadata. */
    LICENSE("urn:zwfw:vct:license:1", licenseClaims()),
    /** Business license (营业执照): the license claims plus the entity's registration data. */
    BUSINESS_LICENSE("urn:zwfw:vct:business-license:1", businessClaims()),
    /** Electronic social-security card (电子社保卡). */
    SOCIAL_SECURITY_CARD("urn:zwfw:vct:social-security-card:1", sscClaims());

    /** Claims an e-certificate never hides behind a disclosure (contract §3). */
    public static final Set<String> NEVER_DISCLOSABLE = Set.of("iss", "vct", "iat", "nbf", "exp", "cnf", "status",
            "_sd_alg");

    /** One claim of a type: its value type and whether the issuer must provide it. */
    record Claim(ClaimType type, boolean required) {
    }

    private final String vct;
    private final Map<String, Claim> claims;

    CredentialType(String vct, Map<String, Claim> claims) {
        this.vct = vct;
        this.claims = Collections.unmodifiableMap(claims);
    }

    /** @return the {@code vct} value */
    public String vct() {
        return vct;
    }

    /** @return the claim names of this type, in document order */
    public Set<String> claimNames() {
        return claims.keySet();
    }

    /**
     * @param name a claim name
     * @return whether the issuer must provide it
     */
    public boolean isRequired(String name) {
        Claim c = claims.get(name);
        return c != null && c.required();
    }

    Map<String, Claim> claims() {
        return claims;
    }

    /**
     * @param vct a {@code vct} value
     * @return the type, or empty when it is not one of this profile's
     */
    public static Optional<CredentialType> fromVct(String vct) {
        for (CredentialType t : values()) {
            if (t.vct.equals(vct)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    private static Map<String, Claim> licenseClaims() {
        Map<String, Claim> m = new LinkedHashMap<>();
        m.put("license_id", new Claim(ClaimType.LICENSE_ID, true));
        m.put("license_name", new Claim(ClaimType.TEXT, true));
        m.put("license_type_code", new Claim(ClaimType.CODE, true));
        m.put("license_number", new Claim(ClaimType.TEXT, false));
        m.put("issuing_authority", new Claim(ClaimType.TEXT, true));
        m.put("issuing_authority_code", new Claim(ClaimType.USCC, true));
        m.put("issue_date", new Claim(ClaimType.DATE, true));
        m.put("valid_from", new Claim(ClaimType.DATE, false));
        m.put("valid_until", new Claim(ClaimType.DATE, false));
        m.put("holder_name", new Claim(ClaimType.TEXT, true));
        m.put("holder_code", new Claim(ClaimType.HOLDER_CODE, true));
        m.put("holder_code_type", new Claim(ClaimType.HOLDER_CODE_TYPE, true));
        m.put("jurisdiction_code", new Claim(ClaimType.DIVISION_CODE, false));
        return m;
    }

    private static Map<String, Claim> businessClaims() {
        Map<String, Claim> m = licenseClaims();
        m.put("uscc", new Claim(ClaimType.USCC, true));
        m.put("entity_name", new Claim(ClaimType.TEXT, true));
        m.put("entity_type", new Claim(ClaimType.TEXT, false));
        m.put("legal_representative", new Claim(ClaimType.TEXT, false));
        m.put("registered_capital", new Claim(ClaimType.TEXT, false));
        m.put("establishment_date", new Claim(ClaimType.DATE, false));
        m.put("business_scope", new Claim(ClaimType.LONG_TEXT, false));
        m.put("address", new Claim(ClaimType.TEXT, false));
        m.put("registration_authority", new Claim(ClaimType.TEXT, false));
        return m;
    }

    private static Map<String, Claim> sscClaims() {
        Map<String, Claim> m = new LinkedHashMap<>();
        m.put("sign_no", new Claim(ClaimType.TEXT, true));
        m.put("card_number", new Claim(ClaimType.TEXT, true));
        m.put("issuing_region_code", new Claim(ClaimType.DIVISION_CODE, true));
        m.put("holder_name", new Claim(ClaimType.TEXT, true));
        m.put("social_security_number", new Claim(ClaimType.RESIDENT_ID, true));
        m.put("sign_level", new Claim(ClaimType.TEXT, false));
        m.put("issue_date", new Claim(ClaimType.DATE, true));
        m.put("valid_until", new Claim(ClaimType.DATE, false));
        m.put("channel_no", new Claim(ClaimType.CODE, false));
        return m;
    }
}
