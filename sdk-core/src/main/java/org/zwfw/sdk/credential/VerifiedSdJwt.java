package org.zwfw.sdk.credential;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.zwfw.sdk.crypto.JwsHeader;
import org.zwfw.sdk.crypto.VerificationKey;

/**
 * A verified SD-JWT presentation: the issuer-signed JWT's header, the claims after processing
 * the disclosures (RFC 9901 §7.1: no {@code _sd}, {@code ...} or {@code _sd_alg} left), which
 * claims were disclosed, and the key binding when one was presented. Immutable and thread-safe.
 */
public final class VerifiedSdJwt {

    /**
     * A verified key-binding JWT.
     *
     * @param holderKey the {@code cnf.jwk} key that signed it
     * @param audience  its {@code aud}
     * @param nonce     its {@code nonce}
     * @param issuedAt  its {@code iat}
     */
    public record KeyBinding(VerificationKey holderKey, String audience, String nonce, Instant issuedAt) {
    }

    private final JwsHeader header;
    private final Map<String, Object> claims;
    private final Set<ClaimPath> disclosed;
    private final SdHashAlgorithm hashAlgorithm;
    private final VerificationKey issuerKey;
    private final KeyBinding keyBinding;

    VerifiedSdJwt(JwsHeader header, Map<String, Object> claims, Set<ClaimPath> disclosed, SdHashAlgorithm alg,
            VerificationKey issuerKey, KeyBinding keyBinding) {
        this.header = header;
        this.claims = Collections.unmodifiableMap(claims);
        // a read-only view rather than a copy: the set is the key set of a map that the verification
        // which built it owned and no longer touches; it keeps the order the claims were disclosed in
        this.disclosed = Collections.unmodifiableSet(disclosed);
        this.hashAlgorithm = alg;
        this.issuerKey = issuerKey;
        this.keyBinding = keyBinding;
    }

    /** @return the issuer-signed JWT's header */
    public JwsHeader header() {
        return header;
    }

    /** @return the processed claims: always-visible claims plus those disclosed; read-only */
    public Map<String, Object> claims() {
        return claims;
    }

    /** @return the paths of the claims that came from disclosures, in the order they were processed; read-only */
    public Set<ClaimPath> disclosedPaths() {
        return disclosed;
    }

    /** @return the {@code _sd_alg} in use */
    public SdHashAlgorithm hashAlgorithm() {
        return hashAlgorithm;
    }

    /** @return the key that verified the issuer's signature */
    public VerificationKey issuerKey() {
        return issuerKey;
    }

    /** @return the verified key binding, when a key-binding JWT was presented */
    public Optional<KeyBinding> keyBinding() {
        return Optional.ofNullable(keyBinding);
    }

    /** Does not print claims, which may hold personal data. */
    @Override
    public String toString() {
        return "VerifiedSdJwt[" + header + ", " + disclosed.size() + " disclosed" + (keyBinding == null ? ""
                : ", key-bound") + "]";
    }
}
