package org.zwfw.sdk.credential;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.zwfw.sdk.id.LicenseIdentifier;
import org.zwfw.sdk.id.ResidentIdNumber;
import org.zwfw.sdk.id.UnifiedSocialCreditCode;
import org.zwfw.sdk.status.StatusReference;
import org.zwfw.sdk.trust.TrustedIssuer;

/**
 * An e-certificate that passed {@link CredentialVerifier}: its trusted issuer, type, status and
 * the claims the holder disclosed, with typed accessors. {@link #toString()} shows no claim
 * values. Immutable and thread-safe.
 */
public final class VerifiedCredential {

    private final TrustedIssuer issuer;
    private final String vct;
    private final CredentialType type;
    private final CredentialStatus status;
    private final StatusReference statusReference;
    private final Instant issuedAt;
    private final Instant expiresAt;
    private final Map<String, Object> subjectClaims;
    private final VerifiedSdJwt sdJwt;

    VerifiedCredential(TrustedIssuer issuer, String vct, CredentialType type, CredentialStatus status,
            StatusReference statusReference, Instant issuedAt, Instant expiresAt, VerifiedSdJwt sdJwt) {
        this.issuer = issuer;
        this.vct = vct;
        this.type = type;
        this.status = status;
        this.statusReference = statusReference;
        this.issuedAt = issuedAt;
        this.expiresAt = expiresAt;
        this.sdJwt = sdJwt;
        // Disclosed claims come in digest order, which is random; a known type's table order is
        // stable and reads naturally.
        Map<String, Object> all = sdJwt.claims();
        Map<String, Object> subject = new LinkedHashMap<>();
        if (type != null) {
            for (String name : type.claimNames()) {
                if (all.containsKey(name)) {
                    subject.put(name, all.get(name));
                }
            }
        }
        all.forEach(subject::putIfAbsent);
        CredentialType.NEVER_DISCLOSABLE.forEach(subject::remove);
        this.subjectClaims = Collections.unmodifiableMap(subject);
    }

    /** @return the issuer's trust-list entry */
    public TrustedIssuer issuer() {
        return issuer;
    }

    /** @return the {@code vct} */
    public String vct() {
        return vct;
    }

    /** @return the type when the {@code vct} is one of this profile's, else empty */
    public Optional<CredentialType> type() {
        return Optional.ofNullable(type);
    }

    /** @return the status established (or not) for this credential */
    public CredentialStatus status() {
        return status;
    }

    /** @return the status reference, when the credential has one */
    public Optional<StatusReference> statusReference() {
        return Optional.ofNullable(statusReference);
    }

    /** @return {@code iat} */
    public Instant issuedAt() {
        return issuedAt;
    }

    /** @return {@code exp} */
    public Instant expiresAt() {
        return expiresAt;
    }

    /**
     * @return the subject claims visible to the verifier (always-visible ones and the disclosed
     *         ones), without {@code iss}, {@code vct}, times, {@code cnf} and {@code status}; in
     *         the type's table order for a known type; read-only, JSON values
     */
    public Map<String, Object> claims() {
        return subjectClaims;
    }

    /**
     * @param name a claim name
     * @return whether the holder disclosed it (or the issuer made it always visible)
     */
    public boolean has(String name) {
        return subjectClaims.containsKey(name);
    }

    /**
     * @param name a claim name
     * @return its value when present and a JSON string
     */
    public Optional<String> text(String name) {
        Object v = subjectClaims.get(name);
        return v instanceof String ? Optional.of((String) v) : Optional.empty();
    }

    /**
     * @param name a date claim ({@code YYYY-MM-DD})
     * @return the date when present
     * @throws IllegalArgumentException if present and not a date (never for claims of this
     *                                  profile's types, which the verifier has checked)
     */
    public Optional<LocalDate> date(String name) {
        return text(name).map(s -> {
            try {
                return LocalDate.parse(s);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("claim '" + name + "' is not a YYYY-MM-DD date");
            }
        });
    }

    /** @return {@code license_id} as an identifier, when disclosed */
    public Optional<LicenseIdentifier> licenseId() {
        return text("license_id").map(LicenseIdentifier::parse);
    }

    /**
     * @param name a USCC claim ({@code uscc}, {@code issuing_authority_code}, or {@code holder_code}
     *             when {@code holder_code_type} is {@code 001})
     * @return the code, when disclosed
     */
    public Optional<UnifiedSocialCreditCode> uscc(String name) {
        return text(name).map(UnifiedSocialCreditCode::parse);
    }

    /**
     * @param name a resident-ID claim ({@code social_security_number}, or {@code holder_code}
     *             when {@code holder_code_type} is {@code 111})
     * @return the ID number, when disclosed; its {@code toString()} masks
     */
    public Optional<ResidentIdNumber> residentId(String name) {
        return text(name).map(ResidentIdNumber::parse);
    }

    /** @return the verified SD-JWT underneath: header, all processed claims, key binding */
    public VerifiedSdJwt sdJwt() {
        return sdJwt;
    }

    /** @return the key binding, when the presentation had one */
    public Optional<VerifiedSdJwt.KeyBinding> keyBinding() {
        return sdJwt.keyBinding();
    }

    @Override
    public String toString() {
        return "VerifiedCredential[issuer=" + issuer.id() + ", vct=" + vct + ", status=" + status + ", disclosed="
                + subjectClaims.keySet() + "]";
    }
}
