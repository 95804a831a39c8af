package org.zwfw.sdk.client.model;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A material of a submission: an upload or an e-certificate. The document gives no
 * discriminator, so a reader tells them apart by their members ({@code upload_id} or
 * {@code use_cause}).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.DEDUCTION)
@JsonSubTypes({
    @JsonSubTypes.Type(UploadMaterial.class),
    @JsonSubTypes.Type(EcertMaterial.class)
})
public sealed interface MaterialSubmission permits UploadMaterial, EcertMaterial {
}
