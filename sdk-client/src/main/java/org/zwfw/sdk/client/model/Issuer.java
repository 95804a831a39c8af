package org.zwfw.sdk.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * An e-certificate issuer the platform runs, with what it signs.
 *
 * @param slug {@code slug}, required
 * @param id {@code id}, required: its {@code iss}
 * @param name {@code name}, required
 * @param uscc {@code uscc}, required
 * @param vct {@code vct}, required
 * @param alg {@code alg}, required
 * @param sdAlg {@code sd_alg}, required
 * @param statusListAlg {@code status_list_alg}, required
 * @param statusLists {@code status_lists}, required: public URIs
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Issuer(
        @JsonProperty(value = "slug", required = true) String slug,
        @JsonProperty(value = "id", required = true) String id,
        @JsonProperty(value = "name", required = true) String name,
        @JsonProperty(value = "uscc", required = true) String uscc,
        @JsonProperty(value = "vct", required = true) String vct,
        @JsonProperty(value = "alg", required = true) String alg,
        @JsonProperty(value = "sd_alg", required = true) String sdAlg,
        @JsonProperty(value = "status_list_alg", required = true) String statusListAlg,
        @JsonProperty(value = "status_lists", required = true) List<String> statusLists) {

    /** Checks that every required member is present. */
    public Issuer {
        Require.present(slug, "slug");
        Require.present(id, "id");
        Require.present(name, "name");
        Require.present(uscc, "uscc");
        Require.present(vct, "vct");
        Require.present(alg, "alg");
        Require.present(sdAlg, "sd_alg");
        Require.present(statusListAlg, "status_list_alg");
        Require.present(statusLists, "status_lists");
        statusLists = statusLists == null ? null : List.copyOf(statusLists);
    }
}
