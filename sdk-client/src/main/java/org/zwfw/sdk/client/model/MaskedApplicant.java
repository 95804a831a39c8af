package org.zwfw.sdk.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An applicant as responses show them, masked by the platform. {@code toString()} masks a person's
 * values again (a no-op on values the platform masked) and their reference.
 *
 * @param kind {@code kind}, required
 * @param nameMasked {@code name_masked}, required: persons masked, organisations in full
 * @param idType {@code id_type}, required: {@code 111} or {@code 001}
 * @param idNumberMasked {@code id_number_masked}, required: resident ID numbers masked, USCCs in full
 * @param phoneMasked {@code phone_masked}
 * @param applicantRef {@code applicant_ref}: a person's pairwise identifier
 * @param uscc {@code uscc}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MaskedApplicant(
        @JsonProperty(value = "kind", required = true) ApplicantKind kind,
        @JsonProperty(value = "name_masked", required = true) String nameMasked,
        @JsonProperty(value = "id_type", required = true) String idType,
        @JsonProperty(value = "id_number_masked", required = true) String idNumberMasked,
        @JsonProperty("phone_masked") String phoneMasked,
        @JsonProperty("applicant_ref") String applicantRef,
        @JsonProperty("uscc") String uscc) {

    /** Checks that every required member is present. */
    public MaskedApplicant {
        Require.present(kind, "kind");
        Require.present(nameMasked, "name_masked");
        Require.present(idType, "id_type");
        Require.present(idNumberMasked, "id_number_masked");
    }

    /** @return the record with a person's values masked */
    @Override
    public String toString() {
        boolean person = kind != ApplicantKind.ORGANIZATION;
        return "MaskedApplicant[kind=" + kind + ", nameMasked=" + (person ? Masks.name(nameMasked) : nameMasked) + ", idType=" + idType
                + ", idNumberMasked=" + (person ? Masks.idNumber(idNumberMasked) : idNumberMasked) + ", phoneMasked="
                + Masks.phone(phoneMasked) + ", applicantRef=" + Masks.ref(applicantRef) + ", uscc=" + uscc + "]";
    }
}
