package org.zwfw.sdk.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A status list index and URI ({@code status.status_list}).
 *
 * @param idx {@code idx}, required
 * @param uri {@code uri}, required
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StatusListReference(
        @JsonProperty(value = "idx", required = true) int idx,
        @JsonProperty(value = "uri", required = true) String uri) {

    /** Checks that every required member is present. */
    public StatusListReference {
        Require.present(uri, "uri");
    }
}
