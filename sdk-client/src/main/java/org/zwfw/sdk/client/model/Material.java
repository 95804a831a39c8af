package org.zwfw.sdk.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A material (申请材料) an item requires.
 *
 * @param materialCode {@code material_code}, required
 * @param name {@code name}, required
 * @param requirement {@code requirement}, required
 * @param condition {@code condition}: when a conditional material is required, for people
 * @param satisfiedBy {@code satisfied_by}: absent when only an upload does
 * @param acceptedMediaTypes {@code accepted_media_types}, required: empty when no upload is accepted
 * @param maxBytes {@code max_bytes}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Material(
        @JsonProperty(value = "material_code", required = true) String materialCode,
        @JsonProperty(value = "name", required = true) String name,
        @JsonProperty(value = "requirement", required = true) MaterialRequirement requirement,
        @JsonProperty("condition") String condition,
        @JsonProperty("satisfied_by") SatisfiedBy satisfiedBy,
        @JsonProperty(value = "accepted_media_types", required = true) List<String> acceptedMediaTypes,
        @JsonProperty("max_bytes") Long maxBytes) {

    /** Checks that every required member is present. */
    public Material {
        Require.present(materialCode, "material_code");
        Require.present(name, "name");
        Require.present(requirement, "requirement");
        Require.present(acceptedMediaTypes, "accepted_media_types");
        acceptedMediaTypes = acceptedMediaTypes == null ? null : List.copyOf(acceptedMediaTypes);
    }
}
