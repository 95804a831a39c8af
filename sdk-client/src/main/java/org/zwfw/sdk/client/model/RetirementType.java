package org.zwfw.sdk.client.model;

/** The kind of retirement a pension is claimed for. */
public enum RetirementType {
    /** {@code NORMAL} */
    NORMAL,
    /** {@code FLEXIBLE_EARLY} */
    FLEXIBLE_EARLY,
    /** {@code SPECIAL_JOB_EARLY} */
    SPECIAL_JOB_EARLY,
    /** {@code DISABILITY_EARLY} */
    DISABILITY_EARLY;
}
