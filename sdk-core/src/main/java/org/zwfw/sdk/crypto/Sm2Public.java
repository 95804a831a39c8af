package org.zwfw.sdk.crypto;

import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.math.ec.ECPoint;
import org.zwfw.sdk.internal.sm.Sm2Math;

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
        // GB/T 32918.2 §7.1, steps B1-B7, on a raw 64-byte r‖s signature
        if (sig.length != 64) {
            return SignatureCheck.WRONG_LENGTH;
        }
        BigInteger r = new BigInteger(1, sig, 0, 32);
        BigInteger s = new BigInteger(1, sig, 32, 32);
        if (!Sm2Math.inRange(r) || !Sm2Math.inRange(s)) {
            return SignatureCheck.OUT_OF_RANGE;
        }
        return Sm2Math.check(point(), Sm2Math.e(z, data, off, len), r, s) ? SignatureCheck.VALID
                : SignatureCheck.MISMATCH;
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
