package org.zwfw.sdk.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;

/**
 * A state a case has been in.
 *
 * @param status {@code status}, required
 * @param at {@code at}, required
 * @param note {@code note}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseHistoryEntry(
        @JsonProperty(value = "status", required = true) CaseStatus status,
        @JsonProperty(value = "at", required = true) OffsetDateTime at,
        @JsonProperty("note") String note) {

    /** Checks that every required member is present. */
    public CaseHistoryEntry {
        Require.present(status, "status");
        Require.present(at, "at");
    }
}
