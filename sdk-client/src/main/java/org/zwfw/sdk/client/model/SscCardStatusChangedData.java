package org.zwfw.sdk.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;

/**
 * What changed in an {@code ssc.card.status_changed} event.
 *
 * @param cardRef {@code card_ref}, required
 * @param channelNo {@code channel_no}, required
 * @param previousStatus {@code previous_status}, required
 * @param status {@code status}, required
 * @param changedAt {@code changed_at}, required
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SscCardStatusChangedData(
        @JsonProperty(value = "card_ref", required = true) String cardRef,
        @JsonProperty(value = "channel_no", required = true) String channelNo,
        @JsonProperty(value = "previous_status", required = true) SscCardStatus previousStatus,
        @JsonProperty(value = "status", required = true) SscCardStatus status,
        @JsonProperty(value = "changed_at", required = true) OffsetDateTime changedAt) {

    /** Checks that every required member is present. */
    public SscCardStatusChangedData {
        Require.present(cardRef, "card_ref");
        Require.present(channelNo, "channel_no");
        Require.present(previousStatus, "previous_status");
        Require.present(status, "status");
        Require.present(changedAt, "changed_at");
    }
}
