package org.zwfw.sdk.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.OffsetDateTime;

/**
 * Webhook event {@code ssc.card.status_changed}: An e-SSC changed state.
 *
 * @param id {@code id}, required: the event ID; redeliveries carry the same
 * @param createdAt {@code created_at}, required
 * @param appId {@code app_id}, required: the receiving application
 * @param data {@code data}, required
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonTypeName("ssc.card.status_changed")
public record SscCardStatusChangedEvent(
        @JsonProperty(value = "id", required = true) String id,
        @JsonProperty(value = "created_at", required = true) OffsetDateTime createdAt,
        @JsonProperty(value = "app_id", required = true) String appId,
        @JsonProperty(value = "data", required = true) SscCardStatusChangedData data) implements WebhookEvent {

    /** Checks that every required member is present. */
    public SscCardStatusChangedEvent {
        Require.present(id, "id");
        Require.present(createdAt, "created_at");
        Require.present(appId, "app_id");
        Require.present(data, "data");
    }
}
