package org.zwfw.sdk.crypto;

/**
 * A key, JWK, JWK Set, PEM block or PKCS#12 store that cannot be used, with a message naming
 * the problem (member, encoding, curve, length). Messages never contain key material.
 */
public final class KeyFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final boolean unsupported;

    /**
     * @param message what is wrong, without key material
     */
    public KeyFormatException(String message) {
        super(message);
        this.unsupported = false;
    }

    private KeyFormatException(String message, boolean unsupported) {
        super(message);
        this.unsupported = unsupported;
    }

    /** A well-formed key of a type, curve or algorithm outside the profile. */
    static KeyFormatException unsupported(String message) {
        return new KeyFormatException(message, true);
    }

    /** @return whether the key is well-formed but of a type, curve or algorithm outside the profile */
    boolean isUnsupported() {
        return unsupported;
    }

    /**
     * @param message what is wrong, without key material
     * @param cause   the underlying failure
     */
    public KeyFormatException(String message, Throwable cause) {
        super(message, cause);
        this.unsupported = cause instanceof KeyFormatException && ((KeyFormatException) cause).unsupported;
    }
}
