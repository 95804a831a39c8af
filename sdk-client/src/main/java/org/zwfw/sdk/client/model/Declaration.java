package org.zwfw.sdk.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * 承诺: the applicant declares the information true.
 *
 * @param accepted {@code accepted}, required: always true
 * @param textVersion {@code text_version}, required: the version of the text shown
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Declaration(
        @JsonProperty(value = "accepted", required = true) boolean accepted,
        @JsonProperty(value = "text_version", required = true) String textVersion) {

    /** Checks that every required member is present. */
    public Declaration {
        Require.present(textVersion, "text_version");
        if (!accepted) {
            throw new IllegalArgumentException("'accepted' must be true");
        }
    }
}
