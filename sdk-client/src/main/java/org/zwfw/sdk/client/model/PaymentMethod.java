package org.zwfw.sdk.client.model;

/** Where a pension is paid. */
public enum PaymentMethod {
    /** {@code SSC_FINANCIAL_ACCOUNT} */
    SSC_FINANCIAL_ACCOUNT,
    /** {@code BANK_ACCOUNT} */
    BANK_ACCOUNT;
}
