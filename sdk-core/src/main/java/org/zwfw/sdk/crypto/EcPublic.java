package org.zwfw.sdk.crypto;

import java.math.BigInteger;
import java.security.MessageDigest;
import org.bouncycastle.math.ec.ECPoint;
import org.zwfw.sdk.internal.ec.P256Ecdsa;
import org.zwfw.sdk.internal.ec.P256Key;

/**
 * An ECDSA P-256 public key (ES256). Verification runs the SDK's variable-time ECDSA
 * ({@link P256Ecdsa}: a joint signed comb over a static table of G and a table of this key's
 * point), which is safe because verification uses public data only. The key's table is built on
 * its second verification and kept with this object: {@link P256Key#WARM_TABLE_BYTES} bytes
 * (20 KB), replaced from its 64th verification by one of {@link P256Key#HOT_TABLE_BYTES} bytes
 * (80 KB); a key verified once keeps none.
 */
final class EcPublic extends CurvePublic {

    private final P256Key key;

    EcPublic(ECPoint q) {
        super(q);
        this.key = new P256Key(point().getAffineXCoord().toBigInteger(), point().getAffineYCoord().toBigInteger());
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
        BigInteger n = P256Ecdsa.N;
        if (r.signum() <= 0 || r.compareTo(n) >= 0 || s.signum() <= 0 || s.compareTo(n) >= 0) {
            return SignatureCheck.OUT_OF_RANGE;
        }
        MessageDigest sha256 = Digests.sha256();
        sha256.update(data, off, len);
        return P256Ecdsa.verify(key, sha256.digest(), r, s) ? SignatureCheck.VALID : SignatureCheck.MISMATCH;
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
