package org.zwfw.sdk.client.model;

/** How a case material was given. */
public enum MaterialSource {
    /** {@code UPLOAD} */
    UPLOAD,
    /** {@code ECERT} */
    ECERT;
}
