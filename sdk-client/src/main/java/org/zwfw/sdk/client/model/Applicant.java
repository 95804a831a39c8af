package org.zwfw.sdk.client.model;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Who applies, in a request: a person or an organisation, told apart by {@code kind}. Full
 * identifiers travel in request bodies only; {@code toString()} masks them.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(PersonApplicant.class),
    @JsonSubTypes.Type(OrganizationApplicant.class)
})
public sealed interface Applicant permits PersonApplicant, OrganizationApplicant {
}
