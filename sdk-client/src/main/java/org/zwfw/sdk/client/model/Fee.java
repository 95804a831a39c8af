package org.zwfw.sdk.client.model;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/**
 * A fee an item charges.
 *
 * @param name {@code name}, required
 * @param amount {@code amount}, required: yuan, two decimals, written as a string
 * @param basis {@code basis}, required: the legal basis (收费依据)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Fee(
        @JsonProperty(value = "name", required = true) String name,
        @JsonProperty(value = "amount", required = true) @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount,
        @JsonProperty(value = "basis", required = true) String basis) {

    /** Checks that every required member is present. */
    public Fee {
        Require.present(name, "name");
        Require.present(amount, "amount");
        Require.present(basis, "basis");
    }
}
