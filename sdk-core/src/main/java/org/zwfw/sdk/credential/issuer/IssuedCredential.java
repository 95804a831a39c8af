package org.zwfw.sdk.credential.issuer;

import java.time.Instant;
import java.util.Optional;
import org.zwfw.sdk.status.StatusReference;
import org.zwfw.sdk.credential.CredentialType;
import org.zwfw.sdk.internal.sdjwt.SdJwt;

/**
 * A credential as issued: the SD-JWT with every disclosure, for the holder's wallet. Its
 * {@link #toString()} shows no claim values. Immutable and thread-safe.
 */
public final class IssuedCredential {

    private final SdJwt sdJwt;
    private final CredentialType type;
    private final Instant issuedAt;
    private final Instant expiresAt;
    private final StatusReference statusReference;

    IssuedCredential(SdJwt sdJwt, CredentialType type, Instant issuedAt, Instant expiresAt,
            StatusReference statusReference) {
        this.sdJwt = sdJwt;
        this.type = type;
        this.issuedAt = issuedAt;
        this.expiresAt = expiresAt;
        this.statusReference = statusReference;
    }

    /** @return the compact SD-JWT (ending with {@code ~}) with every disclosure */
    public String compact() {
        return sdJwt.serialize();
    }


    /** @return the credential type */
    public CredentialType type() {
        return type;
    }

    /** @return {@code iat} */
    public Instant issuedAt() {
        return issuedAt;
    }

    /** @return {@code exp} */
    public Instant expiresAt() {
        return expiresAt;
    }

    /** @return the status reference, when the issuer has a status list */
    public Optional<StatusReference> statusReference() {
        return Optional.ofNullable(statusReference);
    }

    @Override
    public String toString() {
        return "IssuedCredential[" + type.vct() + ", " + sdJwt.disclosures().size() + " disclosures, exp="
                + expiresAt + (statusReference == null ? "" : ", status idx " + statusReference.idx()) + "]";
    }
}
