package org.zwfw.sdk.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A service hall (政务服务中心). Its phone is the hall's, public.
 *
 * @param hallId {@code hall_id}, required
 * @param name {@code name}, required
 * @param regionCode {@code region_code}, required
 * @param address {@code address}, required
 * @param phone {@code phone}
 * @param openingHours {@code opening_hours}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServiceHall(
        @JsonProperty(value = "hall_id", required = true) String hallId,
        @JsonProperty(value = "name", required = true) String name,
        @JsonProperty(value = "region_code", required = true) String regionCode,
        @JsonProperty(value = "address", required = true) String address,
        @JsonProperty("phone") String phone,
        @JsonProperty("opening_hours") String openingHours) {

    /** Checks that every required member is present. */
    public ServiceHall {
        Require.present(hallId, "hall_id");
        Require.present(name, "name");
        Require.present(regionCode, "region_code");
        Require.present(address, "address");
    }
}
