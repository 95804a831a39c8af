package org.zwfw.sdk.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A case (办件) to submit: item, handling mode, applicant, form and materials.
 *
 * @param itemCode {@code item_code}, required
 * @param handlingMode {@code handling_mode}, required
 * @param applicant {@code applicant}, required
 * @param form {@code form}, required
 * @param materials {@code materials}, required
 * @param holderConsent {@code holder_consent}: needed when a material is an e-certificate
 * @param appointmentId {@code appointment_id}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseSubmission(
        @JsonProperty(value = "item_code", required = true) String itemCode,
        @JsonProperty(value = "handling_mode", required = true) HandlingMode handlingMode,
        @JsonProperty(value = "applicant", required = true) Applicant applicant,
        @JsonProperty(value = "form", required = true) CaseForm form,
        @JsonProperty(value = "materials", required = true) List<MaterialSubmission> materials,
        @JsonProperty("holder_consent") HolderConsent holderConsent,
        @JsonProperty("appointment_id") String appointmentId) {

    /** Checks that every required member is present. */
    public CaseSubmission {
        Require.present(itemCode, "item_code");
        Require.present(handlingMode, "handling_mode");
        Require.present(applicant, "applicant");
        Require.present(form, "form");
        Require.present(materials, "materials");
        materials = materials == null ? null : List.copyOf(materials);
    }
}
