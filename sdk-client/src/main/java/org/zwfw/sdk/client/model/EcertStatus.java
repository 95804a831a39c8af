package org.zwfw.sdk.client.model;

/** The status of an issued e-certificate index (the schema {@code StatusName}). */
public enum EcertStatus {
    /** {@code VALID} */
    VALID,
    /** {@code INVALID} */
    INVALID,
    /** {@code SUSPENDED} */
    SUSPENDED;
}
