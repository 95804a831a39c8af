package org.zwfw.sdk.nimbus;

import com.nimbusds.jose.CriticalHeaderParamsAware;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.util.Base64URL;
import java.util.Base64;
import java.util.Objects;
import java.util.Set;
import org.zwfw.sdk.crypto.VerificationKey;

/**
 * A nimbus-jose-jwt {@link JWSVerifier} backed by an SDK {@link VerificationKey}: nimbus's
 * processors ({@code JWSObject.verify}, {@code DefaultJWTProcessor} through a key selector) then
 * verify ES256, EdDSA, SGD_SM3_SM2, RS256 and PS256 with the SDK's checks (key-bound algorithm,
 * exact signature length, r and s range, strict base64url). A header whose {@code alg} is not
 * the key's is rejected; so is any {@code crit} header not declared deferred, and {@code b64}.
 *
 * <p>Thread-safe.
 */
public final class NimbusJwsVerifier implements JWSVerifier, CriticalHeaderParamsAware {

    private final VerificationKey key;
    private final JWSAlgorithm algorithm;
    private final Set<String> deferredCritical;
    private final JCAContext jcaContext = new JCAContext();

    /**
     * @param key the verification key, never {@code null}
     */
    public NimbusJwsVerifier(VerificationKey key) {
        this(key, Set.of());
    }

    /**
     * @param key              the verification key, never {@code null}
     * @param deferredCritical {@code crit} names the caller processes itself
     */
    public NimbusJwsVerifier(VerificationKey key, Set<String> deferredCritical) {
        this.key = Objects.requireNonNull(key, "key");
        this.algorithm = NimbusAlgorithms.of(key.algorithm());
        this.deferredCritical = Set.copyOf(deferredCritical);
    }

    @Override
    public boolean verify(JWSHeader header, byte[] signingInput, Base64URL signature) throws JOSEException {
        if (!algorithm.equals(header.getAlgorithm())) {
            throw new JOSEException("header alg " + header.getAlgorithm() + " differs from the key's " + algorithm);
        }
        if (header.getCustomParam("b64") != null || !header.isBase64URLEncodePayload()) {
            return false;
        }
        Set<String> crit = header.getCriticalParams();
        if (crit != null && !deferredCritical.containsAll(crit)) {
            return false;
        }
        byte[] sig = strictBase64Url(signature.toString());
        if (sig == null) {
            return false;
        }
        return key.verify(signingInput, sig);
    }

    @Override
    public Set<JWSAlgorithm> supportedJWSAlgorithms() {
        return Set.of(algorithm);
    }

    @Override
    public JCAContext getJCAContext() {
        return jcaContext;
    }

    @Override
    public Set<String> getProcessedCriticalHeaderParams() {
        return Set.of();
    }

    @Override
    public Set<String> getDeferredCriticalHeaderParams() {
        return deferredCritical;
    }

    /**
     * Decodes base64url as strictly as the SDK's own verifier: no padding, no characters outside
     * the alphabet, canonical trailing bits (the text must be exactly what encoding the bytes
     * gives back).
     *
     * @return the bytes, or {@code null} when the text is not canonical base64url
     */
    static byte[] strictBase64Url(String text) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).equals(text) ? bytes : null;
    }
}
