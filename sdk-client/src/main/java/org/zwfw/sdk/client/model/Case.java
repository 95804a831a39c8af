package org.zwfw.sdk.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A case (办件) with its status, materials, decision and history; the submitted form is not returned.
 *
 * @param caseId {@code case_id}, required
 * @param itemCode {@code item_code}, required
 * @param itemName {@code item_name}, required
 * @param department {@code department}, required
 * @param status {@code status}, required
 * @param handlingMode {@code handling_mode}, required
 * @param applicant {@code applicant}, required
 * @param formType {@code form_type}, required
 * @param materials {@code materials}, required
 * @param submittedAt {@code submitted_at}, required
 * @param updatedAt {@code updated_at}, required
 * @param acceptedAt {@code accepted_at}
 * @param dueDate {@code due_date}: 承诺办结日期
 * @param decision {@code decision}
 * @param appointmentId {@code appointment_id}
 * @param history {@code history}, required: oldest first
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Case(
        @JsonProperty(value = "case_id", required = true) String caseId,
        @JsonProperty(value = "item_code", required = true) String itemCode,
        @JsonProperty(value = "item_name", required = true) String itemName,
        @JsonProperty(value = "department", required = true) Department department,
        @JsonProperty(value = "status", required = true) CaseStatus status,
        @JsonProperty(value = "handling_mode", required = true) HandlingMode handlingMode,
        @JsonProperty(value = "applicant", required = true) MaskedApplicant applicant,
        @JsonProperty(value = "form_type", required = true) String formType,
        @JsonProperty(value = "materials", required = true) List<CaseMaterial> materials,
        @JsonProperty(value = "submitted_at", required = true) OffsetDateTime submittedAt,
        @JsonProperty(value = "updated_at", required = true) OffsetDateTime updatedAt,
        @JsonProperty("accepted_at") OffsetDateTime acceptedAt,
        @JsonProperty("due_date") LocalDate dueDate,
        @JsonProperty("decision") CaseDecision decision,
        @JsonProperty("appointment_id") String appointmentId,
        @JsonProperty(value = "history", required = true) List<CaseHistoryEntry> history) {

    /** Checks that every required member is present. */
    public Case {
        Require.present(caseId, "case_id");
        Require.present(itemCode, "item_code");
        Require.present(itemName, "item_name");
        Require.present(department, "department");
        Require.present(status, "status");
        Require.present(handlingMode, "handling_mode");
        Require.present(applicant, "applicant");
        Require.present(formType, "form_type");
        Require.present(materials, "materials");
        Require.present(submittedAt, "submitted_at");
        Require.present(updatedAt, "updated_at");
        Require.present(history, "history");
        materials = materials == null ? null : List.copyOf(materials);
        history = history == null ? null : List.copyOf(history);
    }
}
