package org.zwfw.sdk.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The holder's consent to use e-certificates: a real-name auth token, never shown.
 *
 * @param consentToken {@code consent_token}, required: the token
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HolderConsent(
        @JsonProperty(value = "consent_token", required = true) String consentToken) {

    /** Checks that every required member is present. */
    public HolderConsent {
        Require.present(consentToken, "consent_token");
    }

    /** @return the record without the token */
    @Override
    public String toString() {
        return "HolderConsent[consentToken=" + Masks.token(consentToken) + "]";
    }
}
