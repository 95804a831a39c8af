package org.zwfw.sdk.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A status to set: {@code INVALID} revokes, {@code SUSPENDED} suspends, {@code VALID} resumes.
 *
 * @param status {@code status}, required
 * @param reasonCode {@code reason_code}: for the audit trail: 03, 04, 05, 07 or 99
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StatusChange(
        @JsonProperty(value = "status", required = true) EcertStatus status,
        @JsonProperty("reason_code") String reasonCode) {

    /** Checks that every required member is present. */
    public StatusChange {
        Require.present(status, "status");
    }
}
