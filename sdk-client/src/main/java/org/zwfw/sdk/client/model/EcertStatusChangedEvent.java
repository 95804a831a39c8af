package org.zwfw.sdk.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.OffsetDateTime;

/**
 * Webhook event {@code ecert.status_changed}: An e-certificate was revoked, suspended or resumed.
 *
 * @param id {@code id}, required: the event ID; redeliveries carry the same
 * @param createdAt {@code created_at}, required
 * @param appId {@code app_id}, required: the receiving application
 * @param data {@code data}, required
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonTypeName("ecert.status_changed")
public record EcertStatusChangedEvent(
        @JsonProperty(value = "id", required = true) String id,
        @JsonProperty(value = "created_at", required = true) OffsetDateTime createdAt,
        @JsonProperty(value = "app_id", required = true) String appId,
        @JsonProperty(value = "data", required = true) EcertStatusChangedData data) implements WebhookEvent {

    /** Checks that every required member is present. */
    public EcertStatusChangedEvent {
        Require.present(id, "id");
        Require.present(createdAt, "created_at");
        Require.present(appId, "app_id");
        Require.present(data, "data");
    }
}
