package org.zwfw.sdk.crypto;

import java.math.BigInteger;
import java.security.MessageDigest;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.math.ec.ECPoint;

/**
 * An ECDSA P-256 public key (ES256). Verification runs BouncyCastle's variable-time ECDSA on
 * the custom P-256 field with the point's wNAF precomputation cached on the point, which is
 * safe because verification uses public data only.
 */
final class EcPublic extends CurvePublic {

    private final ECPublicKeyParameters params;

    EcPublic(ECPoint q) {
        super(q);
        this.params = new ECPublicKeyParameters(point(), Curves.P256);
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
    boolean sameKey(PublicMaterial other) {
        return other instanceof EcPublic && point().equals(((EcPublic) other).point());
    }

    @Override
    int keyHash() {
        return point().hashCode();
    }
}
