package org.zwfw.sdk.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * E-certificate types that satisfy a material without an upload (免提交).
 *
 * @param licenseTypeCodes {@code license_type_codes}
 * @param vct {@code vct}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SatisfiedBy(
        @JsonProperty("license_type_codes") List<String> licenseTypeCodes,
        @JsonProperty("vct") List<String> vct) {

    /** Copies the collections. */
    public SatisfiedBy {
        licenseTypeCodes = licenseTypeCodes == null ? null : List.copyOf(licenseTypeCodes);
        vct = vct == null ? null : List.copyOf(vct);
    }
}
