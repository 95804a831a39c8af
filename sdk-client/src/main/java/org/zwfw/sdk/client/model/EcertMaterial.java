package org.zwfw.sdk.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A material satisfied by one of the holder's e-certificates, named by exactly one of
 * {@code license_id}, {@code license_type_code} or {@code vct}, used for {@code use_cause}.
 *
 * @param materialCode {@code material_code}, required
 * @param licenseId {@code license_id}
 * @param licenseTypeCode {@code license_type_code}
 * @param vct {@code vct}
 * @param useCause {@code use_cause}, required: 申请事由
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EcertMaterial(
        @JsonProperty(value = "material_code", required = true) String materialCode,
        @JsonProperty("license_id") String licenseId,
        @JsonProperty("license_type_code") String licenseTypeCode,
        @JsonProperty("vct") String vct,
        @JsonProperty(value = "use_cause", required = true) String useCause) implements MaterialSubmission {

    /** Checks that every required member is present. */
    public EcertMaterial {
        Require.present(materialCode, "material_code");
        Require.present(useCause, "use_cause");
        Require.exactlyOne("license_id, license_type_code or vct", licenseId, licenseTypeCode, vct);
    }
}
