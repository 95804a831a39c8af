package org.zwfw.sdk.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The department's decision on a case.
 *
 * @param result {@code result}, required
 * @param reason {@code reason}: for a rejection, with the legal basis
 * @param decidedAt {@code decided_at}, required
 * @param resultLicenseIds {@code result_license_ids}: e-licenses issued as the result
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseDecision(
        @JsonProperty(value = "result", required = true) DecisionResult result,
        @JsonProperty("reason") String reason,
        @JsonProperty(value = "decided_at", required = true) OffsetDateTime decidedAt,
        @JsonProperty("result_license_ids") List<String> resultLicenseIds) {

    /** Checks that every required member is present. */
    public CaseDecision {
        Require.present(result, "result");
        Require.present(decidedAt, "decided_at");
        resultLicenseIds = resultLicenseIds == null ? null : List.copyOf(resultLicenseIds);
    }
}
