package org.zwfw.sdk.client.model;

/** The state of an appointment. */
public enum AppointmentStatus {
    /** {@code BOOKED} */
    BOOKED,
    /** {@code CHECKED_IN} */
    CHECKED_IN,
    /** {@code COMPLETED} */
    COMPLETED,
    /** {@code CANCELLED} */
    CANCELLED,
    /** {@code NO_SHOW} */
    NO_SHOW;
}
