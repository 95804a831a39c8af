package org.zwfw.sdk.httpsig;

import java.util.Objects;

/**
 * A message as signed, with the signature base and signature that went into it (for logs of
 * test vectors and for a caller that must bind a response to it). {@code toString()} shows
 * neither base nor signature.
 *
 * @param message       the message with {@code Content-Digest}, {@code Signature-Input} and {@code Signature}
 * @param signatureBase the exact base signed (ASCII)
 * @param signature     the signature bytes
 * @param <M>           {@link RequestMessage} or {@link ResponseMessage}
 */
public record Signed<M>(M message, String signatureBase, byte[] signature) {

    /** Checks and copies the parts. */
    public Signed {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(signatureBase, "signatureBase");
        signature = signature.clone();
    }

    /** @return a copy of the signature */
    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public String toString() {
        return "Signed[" + message + "]";
    }
}
