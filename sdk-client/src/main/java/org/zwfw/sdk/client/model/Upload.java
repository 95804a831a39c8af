package org.zwfw.sdk.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;

/**
 * A stored material file, usable by one case submission until it expires.
 *
 * @param uploadId {@code upload_id}, required
 * @param mediaType {@code media_type}, required
 * @param size {@code size}, required: bytes
 * @param sha256 {@code sha256}, required: lower-case hex
 * @param expiresAt {@code expires_at}, required
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Upload(
        @JsonProperty(value = "upload_id", required = true) String uploadId,
        @JsonProperty(value = "media_type", required = true) String mediaType,
        @JsonProperty(value = "size", required = true) long size,
        @JsonProperty(value = "sha256", required = true) String sha256,
        @JsonProperty(value = "expires_at", required = true) OffsetDateTime expiresAt) {

    /** Checks that every required member is present. */
    public Upload {
        Require.present(uploadId, "upload_id");
        Require.present(mediaType, "media_type");
        Require.present(sha256, "sha256");
        Require.present(expiresAt, "expires_at");
    }
}
