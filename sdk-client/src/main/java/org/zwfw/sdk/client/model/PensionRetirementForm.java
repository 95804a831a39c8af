package org.zwfw.sdk.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.YearMonth;
import java.util.List;

/**
 * 企业职工基本养老保险待遇申领: the form of a pension claim on retirement ({@code form_type}
 * {@code pension-retirement-claim}). {@code toString()} hides the contact address and masks the account.
 *
 * @param insuredRegionCode {@code insured_region_code}, required
 * @param retirementType {@code retirement_type}, required
 * @param requestedStartMonth {@code requested_start_month}, required
 * @param firstInsuredMonth {@code first_insured_month}, required
 * @param contributionMonths {@code contribution_months}, required: 累计缴费月数
 * @param deemedContributionMonths {@code deemed_contribution_months}, required: 视同缴费月数
 * @param otherInsuredRegions {@code other_insured_regions}
 * @param receivesOtherPension {@code receives_other_pension}, required
 * @param payment {@code payment}, required
 * @param contactAddress {@code contact_address}, required: where documents are posted
 * @param declaration {@code declaration}, required
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonTypeName("pension-retirement-claim")
public record PensionRetirementForm(
        @JsonProperty(value = "insured_region_code", required = true) String insuredRegionCode,
        @JsonProperty(value = "retirement_type", required = true) RetirementType retirementType,
        @JsonProperty(value = "requested_start_month", required = true) YearMonth requestedStartMonth,
        @JsonProperty(value = "first_insured_month", required = true) YearMonth firstInsuredMonth,
        @JsonProperty(value = "contribution_months", required = true) int contributionMonths,
        @JsonProperty(value = "deemed_contribution_months", required = true) int deemedContributionMonths,
        @JsonProperty("other_insured_regions") List<InsuredPeriod> otherInsuredRegions,
        @JsonProperty(value = "receives_other_pension", required = true) boolean receivesOtherPension,
        @JsonProperty(value = "payment", required = true) PensionPayment payment,
        @JsonProperty(value = "contact_address", required = true) String contactAddress,
        @JsonProperty(value = "declaration", required = true) Declaration declaration) implements CaseForm {

    /** Checks that every required member is present. */
    public PensionRetirementForm {
        Require.present(insuredRegionCode, "insured_region_code");
        Require.present(retirementType, "retirement_type");
        Require.present(requestedStartMonth, "requested_start_month");
        Require.present(firstInsuredMonth, "first_insured_month");
        Require.present(payment, "payment");
        Require.present(contactAddress, "contact_address");
        Require.present(declaration, "declaration");
        otherInsuredRegions = otherInsuredRegions == null ? null : List.copyOf(otherInsuredRegions);
    }

    /** @return the record with the address hidden */
    @Override
    public String toString() {
        return "PensionRetirementForm[insuredRegionCode=" + insuredRegionCode + ", retirementType=" + retirementType
                + ", requestedStartMonth=" + requestedStartMonth + ", firstInsuredMonth=" + firstInsuredMonth + ", contributionMonths="
                + contributionMonths + ", deemedContributionMonths=" + deemedContributionMonths + ", otherInsuredRegions="
                + otherInsuredRegions + ", receivesOtherPension=" + receivesOtherPension + ", payment=" + payment
                + ", contactAddress=" + Masks.hidden(contactAddress) + ", declaration=" + declaration + "]";
    }
}
