package org.zwfw.sdk.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;

/**
 * An appointment slot that still has room.
 *
 * @param slotId {@code slot_id}, required
 * @param start {@code start}, required
 * @param end {@code end}, required
 * @param capacity {@code capacity}, required
 * @param available {@code available}, required
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Slot(
        @JsonProperty(value = "slot_id", required = true) String slotId,
        @JsonProperty(value = "start", required = true) OffsetDateTime start,
        @JsonProperty(value = "end", required = true) OffsetDateTime end,
        @JsonProperty(value = "capacity", required = true) int capacity,
        @JsonProperty(value = "available", required = true) int available) {

    /** Checks that every required member is present. */
    public Slot {
        Require.present(slotId, "slot_id");
        Require.present(start, "start");
        Require.present(end, "end");
    }
}
