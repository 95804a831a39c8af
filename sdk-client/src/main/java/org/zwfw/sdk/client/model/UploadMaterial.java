package org.zwfw.sdk.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A material given as an upload.
 *
 * @param materialCode {@code material_code}, required
 * @param uploadId {@code upload_id}, required
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UploadMaterial(
        @JsonProperty(value = "material_code", required = true) String materialCode,
        @JsonProperty(value = "upload_id", required = true) String uploadId) implements MaterialSubmission {

    /** Checks that every required member is present. */
    public UploadMaterial {
        Require.present(materialCode, "material_code");
        Require.present(uploadId, "upload_id");
    }
}
