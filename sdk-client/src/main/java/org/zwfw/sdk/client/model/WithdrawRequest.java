package org.zwfw.sdk.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Why a case is withdrawn (撤回).
 *
 * @param reason {@code reason}, required
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WithdrawRequest(
        @JsonProperty(value = "reason", required = true) String reason) {

    /** Checks that every required member is present. */
    public WithdrawRequest {
        Require.present(reason, "reason");
    }
}
