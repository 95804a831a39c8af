package org.zwfw.sdk.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An appointment to book.
 *
 * @param hallId {@code hall_id}, required
 * @param itemCode {@code item_code}, required
 * @param slotId {@code slot_id}, required
 * @param applicant {@code applicant}, required
 * @param caseId {@code case_id}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AppointmentRequest(
        @JsonProperty(value = "hall_id", required = true) String hallId,
        @JsonProperty(value = "item_code", required = true) String itemCode,
        @JsonProperty(value = "slot_id", required = true) String slotId,
        @JsonProperty(value = "applicant", required = true) Applicant applicant,
        @JsonProperty("case_id") String caseId) {

    /** Checks that every required member is present. */
    public AppointmentRequest {
        Require.present(hallId, "hall_id");
        Require.present(itemCode, "item_code");
        Require.present(slotId, "slot_id");
        Require.present(applicant, "applicant");
    }
}
