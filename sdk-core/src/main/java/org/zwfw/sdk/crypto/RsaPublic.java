package org.zwfw.sdk.crypto;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bouncycastle.util.BigIntegers;
import org.zwfw.sdk.internal.Base64Url;

/**
 * An RSA public key for RS256 / PS256 verification (third-party OpenID providers). Verification
 * uses the JDK's provider. Keys under 2048 bits are refused (RFC 7518 §3.3).
 */
final class RsaPublic extends PublicMaterial {

    static final int MIN_BITS = 2048;
    private static final int MAX_BITS = 16384;
    private static final PSSParameterSpec PSS_SHA256 =
            new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1);

    private final BigInteger n;
    private final BigInteger e;
    private final RSAPublicKey jcaKey;

    RsaPublic(BigInteger n, BigInteger e) {
        if (n.signum() <= 0 || n.bitLength() < MIN_BITS) {
            throw new KeyFormatException("RSA modulus of " + n.bitLength() + " bits is below the minimum of "
                    + MIN_BITS + " bits");
        }
        if (n.bitLength() > MAX_BITS) {
            throw new KeyFormatException("RSA modulus of " + n.bitLength() + " bits exceeds " + MAX_BITS + " bits");
        }
        if (!n.testBit(0)) {
            throw new KeyFormatException("RSA modulus is even");
        }
        if (e.compareTo(BigInteger.valueOf(3)) < 0 || !e.testBit(0) || e.compareTo(n) >= 0) {
            throw new KeyFormatException("RSA public exponent must be odd, at least 3 and below the modulus");
        }
        if (RocaFingerprint.matches(n)) {
            throw new KeyFormatException("RSA modulus has the ROCA fingerprint (CVE-2017-15361): it was made by a"
                    + " vulnerable Infineon key generator and its private key can be computed; replace the key");
        }
        this.n = n;
        this.e = e;
        try {
            this.jcaKey = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e));
        } catch (GeneralSecurityException ex) {
            throw new KeyFormatException("RSA public key rejected by the JDK: " + ex.getMessage(), ex);
        }
    }

    RSAPublicKey jcaKey() {
        return jcaKey;
    }

    @Override
    KeyType type() {
        return KeyType.RSA;
    }

    @Override
    SignatureCheck verify(JwsAlgorithm alg, byte[] data, int off, int len, byte[] sig) {
        if (sig.length != (n.bitLength() + 7) / 8) {
            return SignatureCheck.WRONG_LENGTH;
        }
        try {
            Signature v;
            if (alg == JwsAlgorithm.PS256) {
                v = Signature.getInstance("RSASSA-PSS");
                v.setParameter(PSS_SHA256);
            } else {
                v = Signature.getInstance("SHA256withRSA");
            }
            v.initVerify(jcaKey);
            v.update(data, off, len);
            return v.verify(sig) ? SignatureCheck.VALID : SignatureCheck.MISMATCH;
        } catch (java.security.SignatureException ex) {
            return SignatureCheck.MISMATCH;
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException("JDK lacks RSA signature support", ex);
        }
    }

    @Override
    Map<String, Object> jwkMembers() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kty", "RSA");
        m.put("n", Base64Url.encode(BigIntegers.asUnsignedByteArray(n)));
        m.put("e", Base64Url.encode(BigIntegers.asUnsignedByteArray(e)));
        return m;
    }

    @Override
    String thumbprintInput() {
        return "{\"e\":\"" + Base64Url.encode(BigIntegers.asUnsignedByteArray(e)) + "\",\"kty\":\"RSA\",\"n\":\""
                + Base64Url.encode(BigIntegers.asUnsignedByteArray(n)) + "\"}";
    }

    @Override
    byte[] subjectPublicKeyInfo() {
        return jcaKey.getEncoded();
    }

    @Override
    boolean sameKey(PublicMaterial other) {
        return other instanceof RsaPublic && n.equals(((RsaPublic) other).n) && e.equals(((RsaPublic) other).e);
    }

    @Override
    int keyHash() {
        return n.hashCode();
    }
}
