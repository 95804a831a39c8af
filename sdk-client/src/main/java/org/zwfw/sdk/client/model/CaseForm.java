package org.zwfw.sdk.client.model;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** The form of a case; {@code form_type} names its schema and must be the item's. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "form_type")
@JsonSubTypes({
    @JsonSubTypes.Type(PensionRetirementForm.class),
    @JsonSubTypes.Type(GenericForm.class)
})
public sealed interface CaseForm permits PensionRetirementForm, GenericForm {
}
