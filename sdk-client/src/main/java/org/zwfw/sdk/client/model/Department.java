package org.zwfw.sdk.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A department (部门) that handles items: its USCC, name and region.
 *
 * @param code {@code code}, required: the USCC
 * @param name {@code name}, required
 * @param regionCode {@code region_code}, required: GB/T 2260 code
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Department(
        @JsonProperty(value = "code", required = true) String code,
        @JsonProperty(value = "name", required = true) String name,
        @JsonProperty(value = "region_code", required = true) String regionCode) {

    /** Checks that every required member is present. */
    public Department {
        Require.present(code, "code");
        Require.present(name, "name");
        Require.present(regionCode, "region_code");
    }
}
