package org.zwfw.sdk.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.zwfw.sdk.id.ClaimMasking;
import org.zwfw.sdk.id.MaskingPolicy;
import java.util.List;
import java.util.Map;

/**
 * An e-certificate to issue: its subject claims (masked when shown), an optional holder key and
 * the claims issued without a disclosure.
 *
 * @param claims {@code claims}, required: every value a string
 * @param holderJwk {@code holder_jwk}: a public JWK put in {@code cnf.jwk}
 * @param alwaysVisible {@code always_visible}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IssuanceRequest(
        @JsonProperty(value = "claims", required = true) Map<String, String> claims,
        @JsonProperty("holder_jwk") Map<String, Object> holderJwk,
        @JsonProperty("always_visible") List<String> alwaysVisible) {

    /** Checks that every required member is present. */
    public IssuanceRequest {
        Require.present(claims, "claims");
        claims = claims == null ? null : Require.copy(claims);
        holderJwk = holderJwk == null ? null : Require.copy(holderJwk);
        alwaysVisible = alwaysVisible == null ? null : List.copyOf(alwaysVisible);
    }

    /** @return the record with personal claims masked */
    @Override
    public String toString() {
        return "IssuanceRequest[claims=" + ClaimMasking.mask(claims, MaskingPolicy.DEFAULT) + ", holderJwk=" + holderJwk
                + ", alwaysVisible=" + alwaysVisible + "]";
    }
}
