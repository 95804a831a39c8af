package org.zwfw.sdk.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * A JWK Set (platform, issuer or trust anchor keys), each key as its JSON members, for a key
 * parser such as sdk-core's to read.
 *
 * @param keys {@code keys}, required
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JwkSet(
        @JsonProperty(value = "keys", required = true) List<Map<String, Object>> keys) {

    /** Checks that every required member is present. */
    public JwkSet {
        Require.present(keys, "keys");
        keys = keys == null ? null : List.copyOf(keys);
    }
}
