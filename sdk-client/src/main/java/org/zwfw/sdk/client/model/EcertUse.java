package org.zwfw.sdk.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The record of a use; {@code credential}, the time-limited copy, only in the answer to the use itself
 * and never shown by {@link #toString()}.
 *
 * @param useId {@code use_id}, required
 * @param issuer {@code issuer}, required
 * @param vct {@code vct}, required
 * @param licenseId {@code license_id}
 * @param holderRef {@code holder_ref}, required: the holder's pairwise identifier, masked when shown
 * @param useCause {@code use_cause}, required
 * @param disclosed {@code disclosed}, required
 * @param usedAt {@code used_at}, required
 * @param expiresAt {@code expires_at}, required
 * @param credential {@code credential}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EcertUse(
        @JsonProperty(value = "use_id", required = true) String useId,
        @JsonProperty(value = "issuer", required = true) String issuer,
        @JsonProperty(value = "vct", required = true) String vct,
        @JsonProperty("license_id") String licenseId,
        @JsonProperty(value = "holder_ref", required = true) String holderRef,
        @JsonProperty(value = "use_cause", required = true) String useCause,
        @JsonProperty(value = "disclosed", required = true) List<String> disclosed,
        @JsonProperty(value = "used_at", required = true) OffsetDateTime usedAt,
        @JsonProperty(value = "expires_at", required = true) OffsetDateTime expiresAt,
        @JsonProperty("credential") String credential) {

    /** Checks that every required member is present. */
    public EcertUse {
        Require.present(useId, "use_id");
        Require.present(issuer, "issuer");
        Require.present(vct, "vct");
        Require.present(holderRef, "holder_ref");
        Require.present(useCause, "use_cause");
        Require.present(disclosed, "disclosed");
        Require.present(usedAt, "used_at");
        Require.present(expiresAt, "expires_at");
        disclosed = disclosed == null ? null : List.copyOf(disclosed);
    }

    /** @return the record with the holder's reference masked and without the credential */
    @Override
    public String toString() {
        return "EcertUse[useId=" + useId + ", issuer=" + issuer + ", vct=" + vct + ", licenseId=" + licenseId + ", holderRef="
                + Masks.ref(holderRef) + ", useCause=" + useCause + ", disclosed=" + disclosed + ", usedAt=" + usedAt + ", expiresAt="
                + expiresAt + ", credential=" + Masks.token(credential) + "]";
    }
}
