package org.zwfw.sdk.crypto;

import java.util.Arrays;
import org.bouncycastle.math.ec.ECPoint;

/** An SM2 public key with the signer ID it verifies for and the Z value that follows from both. */
final class Sm2Public extends CurvePublic {

    private final byte[] signerId;
    private final byte[] z;

    Sm2Public(ECPoint q, byte[] signerId) {
        super(q);
        this.signerId = signerId.clone();
        this.z = Sm2Math.z(this.signerId, point());
    }

    byte[] signerId() {
        return signerId.clone();
    }

    byte[] z() {
        return z;
    }

    Sm2Public withSignerId(byte[] id) {
        return new Sm2Public(point(), id);
    }

    @Override
    KeyType type() {
        return KeyType.SM2;
    }

    @Override
    SignatureCheck verify(JwsAlgorithm alg, byte[] data, int off, int len, byte[] sig) {
        return Sm2Math.verify(point(), z, data, off, len, sig);
    }

    @Override
    boolean sameKey(PublicMaterial other) {
        return other instanceof Sm2Public && point().equals(((Sm2Public) other).point())
                && Arrays.equals(signerId, ((Sm2Public) other).signerId);
    }

    @Override
    int keyHash() {
        return point().hashCode() * 31 + Arrays.hashCode(signerId);
    }
}
