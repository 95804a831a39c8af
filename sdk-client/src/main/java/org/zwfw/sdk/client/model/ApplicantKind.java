package org.zwfw.sdk.client.model;

/** Whether an applicant is a person or an organisation. */
public enum ApplicantKind {
    /** {@code PERSON} */
    PERSON,
    /** {@code ORGANIZATION} */
    ORGANIZATION;
}
