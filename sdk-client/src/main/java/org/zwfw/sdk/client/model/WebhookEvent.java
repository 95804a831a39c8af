package org.zwfw.sdk.client.model;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.OffsetDateTime;

/**
 * A webhook event, told apart by {@code type}. An event of a type this SDK does not know does not
 * read into this type; a receiver that wants to accept such deliveries reads {@code type} first.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(CaseStatusChangedEvent.class),
    @JsonSubTypes.Type(EcertStatusChangedEvent.class),
    @JsonSubTypes.Type(SscCardStatusChangedEvent.class)
})
public sealed interface WebhookEvent permits CaseStatusChangedEvent, EcertStatusChangedEvent, SscCardStatusChangedEvent {

    /**
     * Returns the event's ID; every delivery of one event carries the same.
     *
     * @return the ID
     */
    String id();

    /**
     * Returns when the event happened.
     *
     * @return the time, with the platform's offset
     */
    OffsetDateTime createdAt();

    /**
     * Returns the receiving application's ID.
     *
     * @return the application ID
     */
    String appId();
}
