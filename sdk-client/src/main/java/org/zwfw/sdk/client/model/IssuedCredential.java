package org.zwfw.sdk.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An issued e-certificate; the credential itself is never shown by {@link #toString()}.
 *
 * @param credential {@code credential}, required: the compact SD-JWT VC
 * @param issuer {@code issuer}, required
 * @param vct {@code vct}, required
 * @param iat {@code iat}, required: NumericDate
 * @param exp {@code exp}, required: NumericDate
 * @param holderBound {@code holder_bound}, required
 * @param status {@code status}, required
 * @param statusEntry {@code status_entry}, required: the URL of its status entry
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IssuedCredential(
        @JsonProperty(value = "credential", required = true) String credential,
        @JsonProperty(value = "issuer", required = true) String issuer,
        @JsonProperty(value = "vct", required = true) String vct,
        @JsonProperty(value = "iat", required = true) long iat,
        @JsonProperty(value = "exp", required = true) long exp,
        @JsonProperty(value = "holder_bound", required = true) boolean holderBound,
        @JsonProperty(value = "status", required = true) StatusReference status,
        @JsonProperty(value = "status_entry", required = true) String statusEntry) {

    /** Checks that every required member is present. */
    public IssuedCredential {
        Require.present(credential, "credential");
        Require.present(issuer, "issuer");
        Require.present(vct, "vct");
        Require.present(status, "status");
        Require.present(statusEntry, "status_entry");
    }

    /** @return the record without the credential */
    @Override
    public String toString() {
        return "IssuedCredential[credential=" + Masks.token(credential) + ", issuer=" + issuer + ", vct=" + vct + ", iat=" + iat
                + ", exp=" + exp + ", holderBound=" + holderBound + ", status=" + status + ", statusEntry=" + statusEntry + "]";
    }
}
