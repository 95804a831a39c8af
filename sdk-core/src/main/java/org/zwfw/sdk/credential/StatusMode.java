package org.zwfw.sdk.credential;

/**
 * How a {@link CredentialVerifier} treats the status (revocation) of a credential that refers to
 * a status list (contract §5).
 */
public enum StatusMode {
    /**
     * The status must be established: a list that cannot be fetched or trusted fails the
     * credential with {@code STATUS_UNAVAILABLE}. A credential without a status reference has
     * nothing to establish and passes with status {@link CredentialStatus#NONE}.
     */
    REQUIRED,
    /**
     * The status is checked when the list can be had; when it cannot, the credential passes with
     * status {@link CredentialStatus#UNCHECKED} and a {@code STATUS_UNAVAILABLE} warning. A list
     * that says INVALID or SUSPENDED still fails the credential.
     */
    BEST_EFFORT,
    /** No status is checked; a credential with a status reference gets {@link CredentialStatus#UNCHECKED}. */
    OFF
}
