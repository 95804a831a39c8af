package org.zwfw.sdk.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.math.ec.ECPoint;
import org.zwfw.sdk.internal.Base64Url;

/**
 * An ECDSA P-256 public key (ES256). Verification runs BouncyCastle's variable-time ECDSA on
 * the custom P-256 field with the point's wNAF precomputation cached on the point, which is
 * safe because verification uses public data only.
 */
final class EcPublic extends PublicMaterial {

    private final ECPublicKeyParameters params;
    private final byte[] x;
    private final byte[] y;

    EcPublic(ECPoint q) {
        ECPoint point = q.normalize();
        this.params = new ECPublicKeyParameters(point, Curves.P256);
        this.x = Curves.bytes32(point.getAffineXCoord().toBigInteger());
        this.y = Curves.bytes32(point.getAffineYCoord().toBigInteger());
    }

    ECPoint point() {
        return params.getQ();
    }

    @Override
    KeyType type() {
        return KeyType.EC_P256;
    }

    @Override
    SignatureCheck verify(JwsAlgorithm alg, byte[] data, int off, int len, byte[] sig) {
        if (sig.length != 64) {
            return SignatureCheck.WRONG_LENGTH;
        }
        BigInteger r = new BigInteger(1, sig, 0, 32);
        BigInteger s = new BigInteger(1, sig, 32, 32);
        BigInteger n = Curves.P256.getN();
        if (r.signum() <= 0 || r.compareTo(n) >= 0 || s.signum() <= 0 || s.compareTo(n) >= 0) {
            return SignatureCheck.OUT_OF_RANGE;
        }
        MessageDigest sha256 = Digests.sha256();
        sha256.update(data, off, len);
        ECDSASigner verifier = new ECDSASigner();
        verifier.init(false, params);
        return verifier.verifySignature(sha256.digest(), r, s) ? SignatureCheck.VALID : SignatureCheck.MISMATCH;
    }

    @Override
    Map<String, Object> jwkMembers() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kty", "EC");
        m.put("crv", "P-256");
        m.put("x", Base64Url.encode(x));
        m.put("y", Base64Url.encode(y));
        return m;
    }

    @Override
    String thumbprintInput() {
        return "{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"" + Base64Url.encode(x) + "\",\"y\":\""
                + Base64Url.encode(y) + "\"}";
    }

    @Override
    byte[] subjectPublicKeyInfo() {
        try {
            return new SubjectPublicKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, Curves.P256_OID),
                    params.getQ().getEncoded(false)).getEncoded("DER");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    boolean sameKey(PublicMaterial other) {
        return other instanceof EcPublic && params.getQ().equals(((EcPublic) other).params.getQ());
    }

    @Override
    int keyHash() {
        return params.getQ().hashCode();
    }
}
