package org.zwfw.sdk.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A service item as search results show it.
 *
 * @param itemCode {@code item_code}, required
 * @param name {@code name}, required
 * @param department {@code department}, required
 * @param regionCode {@code region_code}, required
 * @param handlingModes {@code handling_modes}, required
 * @param visitsRequired {@code visits_required}, required: 跑动次数
 * @param timeLimit {@code time_limit}, required
 * @param free {@code free}, required: no charge (不收费)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServiceItemSummary(
        @JsonProperty(value = "item_code", required = true) String itemCode,
        @JsonProperty(value = "name", required = true) String name,
        @JsonProperty(value = "department", required = true) Department department,
        @JsonProperty(value = "region_code", required = true) String regionCode,
        @JsonProperty(value = "handling_modes", required = true) List<HandlingMode> handlingModes,
        @JsonProperty(value = "visits_required", required = true) int visitsRequired,
        @JsonProperty(value = "time_limit", required = true) TimeLimit timeLimit,
        @JsonProperty(value = "free", required = true) boolean free) {

    /** Checks that every required member is present. */
    public ServiceItemSummary {
        Require.present(itemCode, "item_code");
        Require.present(name, "name");
        Require.present(department, "department");
        Require.present(regionCode, "region_code");
        Require.present(handlingModes, "handling_modes");
        Require.present(timeLimit, "time_limit");
        handlingModes = handlingModes == null ? null : List.copyOf(handlingModes);
    }
}
