package org.zwfw.sdk.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where a pension is paid: the social-security card's financial account, or a bank account in the
 * applicant's name ({@code bank_name} and {@code account_number} then required). {@code toString()} masks the
 * account number.
 *
 * @param method {@code method}, required
 * @param bankName {@code bank_name}
 * @param accountNumber {@code account_number}: 12 to 19 digits, never returned
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PensionPayment(
        @JsonProperty(value = "method", required = true) PaymentMethod method,
        @JsonProperty("bank_name") String bankName,
        @JsonProperty("account_number") String accountNumber) {

    /** Checks that every required member is present. */
    public PensionPayment {
        Require.present(method, "method");
        if (method == PaymentMethod.BANK_ACCOUNT) {
            Require.present(bankName, "bank_name");
            Require.present(accountNumber, "account_number");
        }
    }

    /** @return the record with the account number masked */
    @Override
    public String toString() {
        return "PensionPayment[method=" + method + ", bankName=" + bankName + ", accountNumber=" + Masks.account(accountNumber) + "]";
    }
}
