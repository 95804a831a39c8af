package org.zwfw.sdk.credential;

/** The status of a verified credential, as the command line reports it (contract §9). */
public enum CredentialStatus {
    /** The status list says VALID. */
    VALID,
    /** The status list says INVALID (revoked); such a credential never verifies. */
    INVALID,
    /** The status list says SUSPENDED; such a credential never verifies. */
    SUSPENDED,
    /** The credential refers to a status list that was not consulted or could not be had. */
    UNCHECKED,
    /** The credential has no status reference. */
    NONE
}
