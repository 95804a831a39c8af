package org.zwfw.sdk.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.YearMonth;

/**
 * A period insured in another region (跨统筹区参保经历).
 *
 * @param regionCode {@code region_code}, required
 * @param fromMonth {@code from_month}, required
 * @param toMonth {@code to_month}, required
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InsuredPeriod(
        @JsonProperty(value = "region_code", required = true) String regionCode,
        @JsonProperty(value = "from_month", required = true) YearMonth fromMonth,
        @JsonProperty(value = "to_month", required = true) YearMonth toMonth) {

    /** Checks that every required member is present. */
    public InsuredPeriod {
        Require.present(regionCode, "region_code");
        Require.present(fromMonth, "from_month");
        Require.present(toMonth, "to_month");
    }
}
