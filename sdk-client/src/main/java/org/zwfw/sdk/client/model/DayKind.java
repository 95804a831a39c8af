package org.zwfw.sdk.client.model;

/** How the days of a time limit are counted. */
public enum DayKind {
    /** {@code WORKING} */
    WORKING,
    /** {@code CALENDAR} */
    CALENDAR;
}
