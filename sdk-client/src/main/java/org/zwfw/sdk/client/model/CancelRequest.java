package org.zwfw.sdk.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Why an appointment is cancelled.
 *
 * @param reason {@code reason}, required
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CancelRequest(
        @JsonProperty(value = "reason", required = true) String reason) {

    /** Checks that every required member is present. */
    public CancelRequest {
        Require.present(reason, "reason");
    }
}
