package org.zwfw.sdk.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;

/**
 * What changed in a {@code case.status_changed} event.
 *
 * @param caseId {@code case_id}, required
 * @param itemCode {@code item_code}, required
 * @param applicantRef {@code applicant_ref}: masked when shown
 * @param previousStatus {@code previous_status}, required
 * @param status {@code status}, required
 * @param changedAt {@code changed_at}, required
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseStatusChangedData(
        @JsonProperty(value = "case_id", required = true) String caseId,
        @JsonProperty(value = "item_code", required = true) String itemCode,
        @JsonProperty("applicant_ref") String applicantRef,
        @JsonProperty(value = "previous_status", required = true) CaseStatus previousStatus,
        @JsonProperty(value = "status", required = true) CaseStatus status,
        @JsonProperty(value = "changed_at", required = true) OffsetDateTime changedAt) {

    /** Checks that every required member is present. */
    public CaseStatusChangedData {
        Require.present(caseId, "case_id");
        Require.present(itemCode, "item_code");
        Require.present(previousStatus, "previous_status");
        Require.present(status, "status");
        Require.present(changedAt, "changed_at");
    }

    /** @return the record with the applicant's reference masked */
    @Override
    public String toString() {
        return "CaseStatusChangedData[caseId=" + caseId + ", itemCode=" + itemCode + ", applicantRef=" + Masks.ref(applicantRef)
                + ", previousStatus=" + previousStatus + ", status=" + status + ", changedAt=" + changedAt + "]";
    }
}
