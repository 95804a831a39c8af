package org.zwfw.sdk.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A material of a case as the platform holds it.
 *
 * @param materialCode {@code material_code}, required
 * @param source {@code source}, required
 * @param status {@code status}, required
 * @param useId {@code use_id}: the e-certificate use, for {@code ECERT}
 * @param licenseId {@code license_id}
 * @param note {@code note}: the department's note
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseMaterial(
        @JsonProperty(value = "material_code", required = true) String materialCode,
        @JsonProperty(value = "source", required = true) MaterialSource source,
        @JsonProperty(value = "status", required = true) MaterialStatus status,
        @JsonProperty("use_id") String useId,
        @JsonProperty("license_id") String licenseId,
        @JsonProperty("note") String note) {

    /** Checks that every required member is present. */
    public CaseMaterial {
        Require.present(materialCode, "material_code");
        Require.present(source, "source");
        Require.present(status, "status");
    }
}
