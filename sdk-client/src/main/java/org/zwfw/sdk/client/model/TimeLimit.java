package org.zwfw.sdk.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * 办理时限: statutory and promised limits, counted from acceptance.
 *
 * @param statutoryDays {@code statutory_days}, required
 * @param promisedDays {@code promised_days}, required: 0 means on the spot (即办)
 * @param dayKind {@code day_kind}, required
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TimeLimit(
        @JsonProperty(value = "statutory_days", required = true) int statutoryDays,
        @JsonProperty(value = "promised_days", required = true) int promisedDays,
        @JsonProperty(value = "day_kind", required = true) DayKind dayKind) {

    /** Checks that every required member is present. */
    public TimeLimit {
        Require.present(dayKind, "day_kind");
    }
}
