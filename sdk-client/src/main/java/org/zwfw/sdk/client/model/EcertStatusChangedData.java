package org.zwfw.sdk.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;

/**
 * What changed in an {@code ecert.status_changed} event.
 *
 * @param issuer {@code issuer}, required
 * @param vct {@code vct}, required
 * @param statusList {@code status_list}, required
 * @param idx {@code idx}, required
 * @param previousStatus {@code previous_status}, required
 * @param status {@code status}, required
 * @param changedAt {@code changed_at}, required
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EcertStatusChangedData(
        @JsonProperty(value = "issuer", required = true) String issuer,
        @JsonProperty(value = "vct", required = true) String vct,
        @JsonProperty(value = "status_list", required = true) String statusList,
        @JsonProperty(value = "idx", required = true) int idx,
        @JsonProperty(value = "previous_status", required = true) EcertStatus previousStatus,
        @JsonProperty(value = "status", required = true) EcertStatus status,
        @JsonProperty(value = "changed_at", required = true) OffsetDateTime changedAt) {

    /** Checks that every required member is present. */
    public EcertStatusChangedData {
        Require.present(issuer, "issuer");
        Require.present(vct, "vct");
        Require.present(statusList, "status_list");
        Require.present(previousStatus, "previous_status");
        Require.present(status, "status");
        Require.present(changedAt, "changed_at");
    }
}
