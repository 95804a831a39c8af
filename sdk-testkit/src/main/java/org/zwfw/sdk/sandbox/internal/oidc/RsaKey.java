package org.zwfw.sdk.sandbox.internal.oidc;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.zwfw.sdk.crypto.VerificationKey;

/**
 * The provider's RSA key: {@code RS256} with the JDK's own {@code SHA256withRSA}
 * ({@code spec/sandbox.md} §10.1). The SDK keeps RSA verify-only, so this key never passes through
 * its signing API; it exists so that relying parties are tested against the OpenID default
 * algorithm and an RSA key published without {@code alg}. Immutable and thread-safe.
 */
final class RsaKey {

    static final int BITS = 2048;

    private final RSAPrivateCrtKey privateKey;
    private final VerificationKey publicKey;

    private RsaKey(RSAPrivateCrtKey privateKey) {
        this.privateKey = privateKey;
        try {
            RSAPublicKey pub = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                    privateKey.getModulus(), privateKey.getPublicExponent()));
            VerificationKey k = VerificationKey.fromPublicKey(pub);
            this.publicKey = k.withKeyId(k.thumbprint());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot rebuild an RSA public key", e);
        }
    }

    static RsaKey generate() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(BITS);
            KeyPair pair = g.generateKeyPair();
            return new RsaKey((RSAPrivateCrtKey) pair.getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot generate RSA keys", e);
        }
    }

    /**
     * @param pem a PKCS#8 {@code PRIVATE KEY} PEM
     * @return the key
     * @throws IllegalArgumentException when it is not an RSA private key of {@value #BITS} bits or more
     */
    static RsaKey fromPem(String pem) {
        String body = pem.strip();
        String begin = "-----BEGIN PRIVATE KEY-----";
        String end = "-----END PRIVATE KEY-----";
        if (!body.startsWith(begin) || !body.endsWith(end)) {
            throw new IllegalArgumentException("not a PKCS#8 PEM private key (BEGIN PRIVATE KEY)");
        }
        try {
            byte[] der = Base64.getMimeDecoder().decode(body.substring(begin.length(), body.length() - end.length()));
            Object key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
            if (!(key instanceof RSAPrivateCrtKey) || ((RSAPrivateCrtKey) key).getModulus().bitLength() < BITS) {
                throw new IllegalArgumentException("not an RSA private key of at least " + BITS + " bits");
            }
            return new RsaKey((RSAPrivateCrtKey) key);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an RSA private key of at least " + BITS + " bits in PKCS#8");
        }
    }

    String toPem() {
        String b64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(privateKey.getEncoded());
        return "-----BEGIN PRIVATE KEY-----\n" + b64 + "\n-----END PRIVATE KEY-----\n";
    }

    /** @return the public key, bound to RS256, with its thumbprint as key ID */
    VerificationKey verificationKey() {
        return publicKey;
    }

    String keyId() {
        return publicKey.keyId().orElseThrow();
    }

    /** @return the public JWK, without {@code alg} (as many providers publish RSA keys) */
    Map<String, Object> publicJwk() {
        Map<String, Object> m = new LinkedHashMap<>(publicKey.toJwk());
        m.remove("alg");
        return m;
    }

    byte[] sign(byte[] data) {
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(privateKey);
            s.update(data);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot sign with SHA256withRSA", e);
        }
    }


    @Override
    public String toString() {
        return "RsaKey[" + keyId() + "]";
    }
}
