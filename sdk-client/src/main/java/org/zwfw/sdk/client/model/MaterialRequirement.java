package org.zwfw.sdk.client.model;

/** Whether a material is required. */
public enum MaterialRequirement {
    /** {@code REQUIRED} */
    REQUIRED,
    /** {@code CONDITIONAL} */
    CONDITIONAL,
    /** {@code OPTIONAL} */
    OPTIONAL;
}
