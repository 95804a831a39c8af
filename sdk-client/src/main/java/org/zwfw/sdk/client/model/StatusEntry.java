package org.zwfw.sdk.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The status of one issued index.
 *
 * @param issuer {@code issuer}, required
 * @param statusList {@code status_list}, required
 * @param idx {@code idx}, required
 * @param status {@code status}, required
 * @param previousStatus {@code previous_status}: after a change
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StatusEntry(
        @JsonProperty(value = "issuer", required = true) String issuer,
        @JsonProperty(value = "status_list", required = true) String statusList,
        @JsonProperty(value = "idx", required = true) int idx,
        @JsonProperty(value = "status", required = true) EcertStatus status,
        @JsonProperty("previous_status") EcertStatus previousStatus) {

    /** Checks that every required member is present. */
    public StatusEntry {
        Require.present(issuer, "issuer");
        Require.present(statusList, "status_list");
        Require.present(status, "status");
    }
}
