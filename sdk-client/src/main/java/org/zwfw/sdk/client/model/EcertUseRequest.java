package org.zwfw.sdk.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A use of one of the holder's e-certificates (用证), named by exactly one of
 * {@code license_id}, {@code license_type_code} or {@code vct}, with the holder's consent.
 *
 * @param licenseId {@code license_id}
 * @param licenseTypeCode {@code license_type_code}
 * @param vct {@code vct}
 * @param useCause {@code use_cause}, required: 申请事由
 * @param consentToken {@code consent_token}, required: a real-name auth token, never shown
 * @param disclose {@code disclose}: absent: every claim the application may see
 * @param itemCode {@code item_code}
 * @param caseId {@code case_id}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EcertUseRequest(
        @JsonProperty("license_id") String licenseId,
        @JsonProperty("license_type_code") String licenseTypeCode,
        @JsonProperty("vct") String vct,
        @JsonProperty(value = "use_cause", required = true) String useCause,
        @JsonProperty(value = "consent_token", required = true) String consentToken,
        @JsonProperty("disclose") List<String> disclose,
        @JsonProperty("item_code") String itemCode,
        @JsonProperty("case_id") String caseId) {

    /** Checks that every required member is present. */
    public EcertUseRequest {
        Require.present(useCause, "use_cause");
        Require.present(consentToken, "consent_token");
        disclose = disclose == null ? null : List.copyOf(disclose);
        Require.exactlyOne("license_id, license_type_code or vct", licenseId, licenseTypeCode, vct);
    }

    /** @return the record without the consent token */
    @Override
    public String toString() {
        return "EcertUseRequest[licenseId=" + licenseId + ", licenseTypeCode=" + licenseTypeCode + ", vct=" + vct + ", useCause="
                + useCause + ", consentToken=" + Masks.token(consentToken) + ", disclose=" + disclose + ", itemCode=" + itemCode
                + ", caseId=" + caseId + "]";
    }
}
