package org.zwfw.sdk.client.model;

/** A department's decision. */
public enum DecisionResult {
    /** {@code APPROVED} */
    APPROVED,
    /** {@code REJECTED} */
    REJECTED;
}
