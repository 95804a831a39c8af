package org.zwfw.sdk.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;

/**
 * An appointment (预约) and its state.
 *
 * @param appointmentId {@code appointment_id}, required
 * @param status {@code status}, required
 * @param hall {@code hall}, required
 * @param itemCode {@code item_code}, required
 * @param start {@code start}, required
 * @param end {@code end}, required
 * @param applicant {@code applicant}, required
 * @param confirmationCode {@code confirmation_code}, required: shown at the hall to check in
 * @param caseId {@code case_id}
 * @param createdAt {@code created_at}, required
 * @param cancelledAt {@code cancelled_at}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Appointment(
        @JsonProperty(value = "appointment_id", required = true) String appointmentId,
        @JsonProperty(value = "status", required = true) AppointmentStatus status,
        @JsonProperty(value = "hall", required = true) ServiceHall hall,
        @JsonProperty(value = "item_code", required = true) String itemCode,
        @JsonProperty(value = "start", required = true) OffsetDateTime start,
        @JsonProperty(value = "end", required = true) OffsetDateTime end,
        @JsonProperty(value = "applicant", required = true) MaskedApplicant applicant,
        @JsonProperty(value = "confirmation_code", required = true) String confirmationCode,
        @JsonProperty("case_id") String caseId,
        @JsonProperty(value = "created_at", required = true) OffsetDateTime createdAt,
        @JsonProperty("cancelled_at") OffsetDateTime cancelledAt) {

    /** Checks that every required member is present. */
    public Appointment {
        Require.present(appointmentId, "appointment_id");
        Require.present(status, "status");
        Require.present(hall, "hall");
        Require.present(itemCode, "item_code");
        Require.present(start, "start");
        Require.present(end, "end");
        Require.present(applicant, "applicant");
        Require.present(confirmationCode, "confirmation_code");
        Require.present(createdAt, "created_at");
    }
}
