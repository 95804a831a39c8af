package org.zwfw.sdk.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The free slots of one hall for one item, in time order.
 *
 * @param hallId {@code hall_id}, required
 * @param itemCode {@code item_code}, required
 * @param slots {@code slots}, required
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SlotList(
        @JsonProperty(value = "hall_id", required = true) String hallId,
        @JsonProperty(value = "item_code", required = true) String itemCode,
        @JsonProperty(value = "slots", required = true) List<Slot> slots) {

    /** Checks that every required member is present. */
    public SlotList {
        Require.present(hallId, "hall_id");
        Require.present(itemCode, "item_code");
        Require.present(slots, "slots");
        slots = slots == null ? null : List.copyOf(slots);
    }
}
