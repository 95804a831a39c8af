package org.zwfw.sdk.client.model;

/** The status of an e-SSC. */
public enum SscCardStatus {
    /** {@code ACTIVE} */
    ACTIVE,
    /** {@code SUSPENDED} */
    SUSPENDED,
    /** {@code CANCELLED} */
    CANCELLED;
}
