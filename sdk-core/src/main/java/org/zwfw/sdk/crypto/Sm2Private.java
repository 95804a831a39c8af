package org.zwfw.sdk.crypto;

import java.math.BigInteger;
import java.security.SecureRandom;
import org.bouncycastle.math.ec.ECPoint;
import org.zwfw.sdk.internal.sm.Sm2Math;

/**
 * An SM2 private key. GB/T 32918.1 §6.1 requires d in [1, n-2] (so that 1 + d is invertible).
 * Signing draws k from a {@link SecureRandom} as GB/T 32918.2 §6.1 step A3 prescribes.
 */
final class Sm2Private extends PrivateMaterial {

    private final BigInteger d;
    private final BigInteger dPlus1Inv;
    private final Sm2Public publicMaterial;

    Sm2Private(BigInteger d, byte[] signerId) {
        this(d, checkedPublic(d, signerId));
    }

    private Sm2Private(BigInteger d, Sm2Public publicMaterial) {
        this.d = d;
        this.dPlus1Inv = Sm2Math.dPlus1Inverse(d);
        this.publicMaterial = publicMaterial;
    }

    private static Sm2Public checkedPublic(BigInteger d, byte[] signerId) {
        BigInteger n = Curves.SM2.getN();
        if (d.signum() <= 0 || d.compareTo(n.subtract(BigInteger.ONE)) >= 0) {
            throw new KeyFormatException("SM2 private scalar d is not in [1, n-2] (GB/T 32918.1 §6.1)");
        }
        ECPoint q = Sm2Math.BASE.multiply(Curves.SM2.getG(), d).normalize();
        return new Sm2Public(q, signerId);
    }

    @Override
    PublicMaterial publicMaterial() {
        return publicMaterial;
    }

    @Override
    byte[] sign(byte[] data, int off, int len) {
        return Sm2Math.sign(d, dPlus1Inv, publicMaterial.z(), data, off, len, Randomness.SECURE);
    }

    /** Known-answer testing only: signs with a given k. */
    byte[] signWithK(byte[] data, BigInteger k) {
        return Sm2Math.signWithK(d, dPlus1Inv, Sm2Math.e(publicMaterial.z(), data, 0, data.length), k);
    }

    @Override
    byte[] secret() {
        return Curves.bytes32(d);
    }

    @Override
    PrivateMaterial withSm2SignerId(byte[] signerId) {
        return new Sm2Private(d, publicMaterial.withSignerId(signerId));
    }

    @Override
    byte[] pkcs8() {
        return publicMaterial.pkcs8(d);
    }
}
