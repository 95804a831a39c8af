package org.zwfw.sdk.crypto;

import java.util.Collections;
import java.util.Map;

/**
 * A JWS whose signature verified, with its header, payload and the key that verified it.
 * Immutable and thread-safe (the payload array is not copied on each access; do not modify it).
 */
public final class VerifiedJws {

    private final JwsHeader header;
    private final byte[] payload;
    private final Map<String, Object> claims;
    private final VerificationKey key;

    VerifiedJws(JwsHeader header, byte[] payload, Map<String, Object> claims, VerificationKey key) {
        this.header = header;
        this.payload = payload;
        this.claims = claims == null ? null : Collections.unmodifiableMap(claims);
        this.key = key;
    }

    /** @return the protected header */
    public JwsHeader header() {
        return header;
    }

    /** @return the payload bytes */
    public byte[] payload() {
        return payload;
    }

    /**
     * @return the payload parsed as a strict JSON object (JWT claims), read-only
     * @throws IllegalStateException when the verifier was configured for non-JSON payloads
     */
    public Map<String, Object> claims() {
        if (claims == null) {
            throw new IllegalStateException("the verifier was configured for non-JSON payloads");
        }
        return claims;
    }

    /** @return the key that verified the signature */
    public VerificationKey key() {
        return key;
    }

    /** Does not print the payload, which may hold personal data. */
    @Override
    public String toString() {
        return "VerifiedJws[" + header + ", key=" + key + "]";
    }
}
