package org.zwfw.sdk.nimbus;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.util.Base64URL;
import java.util.Objects;
import java.util.Set;
import org.zwfw.sdk.crypto.SigningKey;

/**
 * A nimbus-jose-jwt {@link JWSSigner} backed by an SDK {@link SigningKey}, so that code built on
 * nimbus ({@code JWSObject.sign}, {@code SignedJWT.sign}) signs ES256, EdDSA and SGD_SM3_SM2
 * through the SDK. It signs only with the key's own algorithm.
 *
 * <p>Thread-safe.
 */
public final class NimbusJwsSigner implements JWSSigner {

    private final SigningKey key;
    private final JWSAlgorithm algorithm;
    private final JCAContext jcaContext = new JCAContext();

    /**
     * @param key the signing key, never {@code null}
     */
    public NimbusJwsSigner(SigningKey key) {
        this.key = Objects.requireNonNull(key, "key");
        this.algorithm = NimbusAlgorithms.of(key.algorithm());
    }

    @Override
    public Base64URL sign(JWSHeader header, byte[] signingInput) throws JOSEException {
        if (!algorithm.equals(header.getAlgorithm())) {
            throw new JOSEException("this signer's key is bound to " + algorithm + "; header says "
                    + header.getAlgorithm());
        }
        return Base64URL.encode(key.sign(signingInput));
    }

    @Override
    public Set<JWSAlgorithm> supportedJWSAlgorithms() {
        return Set.of(algorithm);
    }

    @Override
    public JCAContext getJCAContext() {
        return jcaContext;
    }
}
