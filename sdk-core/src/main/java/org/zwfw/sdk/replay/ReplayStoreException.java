package org.zwfw.sdk.replay;

/**
 * A {@link ReplayStore} could not answer (full, unreachable, timed out). The use was not recorded,
 * so the caller must not accept the token or message it was checking. The message says why and
 * never contains the identifier.
 */
public final class ReplayStoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message why the store could not answer
     */
    public ReplayStoreException(String message) {
        super(message);
    }

    /**
     * @param message why the store could not answer
     * @param cause   the underlying failure
     */
    public ReplayStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
