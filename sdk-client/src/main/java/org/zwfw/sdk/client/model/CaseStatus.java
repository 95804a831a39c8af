package org.zwfw.sdk.client.model;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * The state of a case: {@code SUBMITTED} (申请) → {@code ACCEPTED} (受理) → {@code IN_REVIEW}
 * (审查) → {@code APPROVED} or {@code REJECTED} (决定) → {@code COMPLETED} (办结); {@code WITHDRAWN}
 * (撤回). A state the platform adds later reads as {@link #UNKNOWN}, so that a case, a page or a
 * webhook event with it can still be read; {@code UNKNOWN} is never sent.
 */
public enum CaseStatus {
    /** {@code SUBMITTED} */
    SUBMITTED,
    /** {@code ACCEPTED} */
    ACCEPTED,
    /** {@code IN_REVIEW} */
    IN_REVIEW,
    /** {@code APPROVED} */
    APPROVED,
    /** {@code REJECTED} */
    REJECTED,
    /** {@code COMPLETED}, final */
    COMPLETED,
    /** {@code WITHDRAWN}, final */
    WITHDRAWN,
    /** A state this SDK does not know. */
    UNKNOWN;

    /**
     * Returns the state sent as this value.
     *
     * @param value the state as sent
     * @return the state, {@link #UNKNOWN} for one this SDK does not know
     */
    @JsonCreator
    public static CaseStatus of(String value) {
        for (CaseStatus s : values()) {
            if (s != UNKNOWN && s.name().equals(value)) {
                return s;
            }
        }
        return UNKNOWN;
    }
}
