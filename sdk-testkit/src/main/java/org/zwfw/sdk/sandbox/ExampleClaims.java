package org.zwfw.sdk.sandbox;

import java.time.LocalDate;
import org.zwfw.sdk.credential.CredentialClaims;
import org.zwfw.sdk.credential.CredentialType;

/**
 * Fixed example claims for tests and benchmarks outside the sandbox: the e-license example of the
 * domain notes, a food business permit (its e-license identifier, issuer code and holder USCC are
 * the real worked examples, with valid check characters). Fictitious company; no personal data.
 */
public final class ExampleClaims {

    private ExampleClaims() {
    }

    /**
     * @return a food business permit ({@code urn:zwfw:vct:license:1}), every field of
     *         {@code spec/ecert.md} §7.1 set, valid from 2023-03-01 to 2028-02-28
     */
    public static CredentialClaims license() {
        return CredentialClaims.builder(CredentialType.LICENSE)
                .put("license_id", "1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.001.U")
                .put("license_name", "食品经营许可证")
                .put("license_type_code", "11100000000013338W011")
                .put("license_number", "JY14301050012345")
                .put("issuing_authority", "湖南省市场监督管理局")
                .put("issuing_authority_code", "11430000006122244L")
                .put("issue_date", LocalDate.of(2023, 3, 1))
                .put("valid_from", LocalDate.of(2023, 3, 1))
                .put("valid_until", LocalDate.of(2028, 2, 28))
                .put("holder_name", "某某餐饮有限公司")
                .put("holder_code", "91110000600037341L")
                .put("holder_code_type", "001")
                .put("jurisdiction_code", "430000")
                .build();
    }

    /**
     * A claim for the sandbox's pension item {@code 330100-SB-YL-0007} (城镇企业职工基本养老保险待遇申领)
     * that meets its statutory conditions for the test citizen at level L3: the request body of
     * {@code POST /v1/cases}, with the citizen's identity-card e-license and e-SSC as materials.
     *
     * @param who      the applicant, {@link TestCitizen#L3} for a claim that meets the conditions
     * @param uploadId the upload proving the deemed contribution months (material M003)
     * @param consent  the consent: a real-name auth token of the sandbox's provider for the calling app
     * @return the body, as JSON-ready maps (a new, mutable one each call)
     */
    public static java.util.Map<String, Object> pensionClaim(TestCitizen who, String uploadId, String consent) {
        java.util.Map<String, Object> form = new java.util.LinkedHashMap<>();
        form.put("form_type", "pension-retirement-claim");
        form.put("insured_region_code", "330100");
        form.put("retirement_type", "NORMAL");
        form.put("requested_start_month", "2038-04");
        form.put("first_insured_month", "1992-07");
        form.put("contribution_months", 396);
        form.put("deemed_contribution_months", 60);
        form.put("receives_other_pension", false);
        form.put("payment", java.util.Map.of("method", "SSC_FINANCIAL_ACCOUNT"));
        form.put("contact_address", "示例省示例市上城区示例路88号");
        form.put("declaration", java.util.Map.of("accepted", true, "text_version", "2025-01"));
        java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("item_code", "330100-SB-YL-0007");
        body.put("handling_mode", "FULLY_ONLINE");
        body.put("applicant", java.util.Map.of("kind", "PERSON", "name", who.displayName(), "id_type", "111", "id_number",
                who.residentId(), "phone", who.mobile()));
        body.put("form", form);
        body.put("materials", java.util.List.of(
                java.util.Map.of("material_code", "M001", "license_type_code", SandboxIssuer.LICENSING.uscc() + "201",
                        "use_cause", "核验申请人身份。"),
                java.util.Map.of("material_code", "M002", "vct", "urn:zwfw:vct:social-security-card:1",
                        "use_cause", "核验社保卡。"),
                java.util.Map.of("material_code", "M003", "upload_id", uploadId)));
        body.put("holder_consent", java.util.Map.of("consent_token", consent));
        return body;
    }
}
