package org.zwfw.sdk.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The status reference a credential carries.
 *
 * @param statusList {@code status_list}, required
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StatusReference(
        @JsonProperty(value = "status_list", required = true) StatusListReference statusList) {

    /** Checks that every required member is present. */
    public StatusReference {
        Require.present(statusList, "status_list");
    }
}
