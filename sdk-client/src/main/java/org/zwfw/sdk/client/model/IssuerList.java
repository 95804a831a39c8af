package org.zwfw.sdk.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The issuers.
 *
 * @param issuers {@code issuers}, required
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IssuerList(
        @JsonProperty(value = "issuers", required = true) List<Issuer> issuers) {

    /** Checks that every required member is present. */
    public IssuerList {
        Require.present(issuers, "issuers");
        issuers = issuers == null ? null : List.copyOf(issuers);
    }
}
