package org.zwfw.sdk.client.model;

/** A case material's state. */
public enum MaterialStatus {
    /** {@code RECEIVED} */
    RECEIVED,
    /** {@code VERIFIED} */
    VERIFIED,
    /** {@code REJECTED} */
    REJECTED;
}
