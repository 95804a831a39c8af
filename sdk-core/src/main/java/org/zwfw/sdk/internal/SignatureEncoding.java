package org.zwfw.sdk.internal;

import java.io.IOException;
import java.math.BigInteger;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.util.BigIntegers;

/**
 * Converts ECDSA and SM2 signatures between the raw r‖s form of JWS (RFC 7515 §A.3, GM/T 0125)
 * and the DER {@code SEQUENCE { INTEGER r, INTEGER s }} form that X.509, most Chinese HTTP APIs
 * and the JCA use (GM/T 0009 §7.3). Stateless and thread-safe.
 */
public final class SignatureEncoding {

    private SignatureEncoding() {
    }

    /**
     * DER to raw r‖s.
     *
     * @param der       the DER signature, never {@code null}
     * @param fieldSize the byte length of r and of s (32 for P-256 and SM2)
     * @return {@code 2 * fieldSize} bytes
     * @throws IllegalArgumentException if the input is not strict DER of two positive integers
     *                                  that fit {@code fieldSize}
     */
    public static byte[] derToRaw(byte[] der, int fieldSize) {
        ASN1Sequence seq;
        try {
            ASN1Primitive p = ASN1Primitive.fromByteArray(der);
            seq = ASN1Sequence.getInstance(p);
            if (!java.util.Arrays.equals(p.getEncoded(ASN1Encoding.DER), der)) {
                throw new IllegalArgumentException("signature is not in canonical DER");
            }
        } catch (IOException | IllegalStateException | ClassCastException e) {
            throw new IllegalArgumentException("signature is not DER: " + e.getMessage());
        }
        if (seq.size() != 2) {
            throw new IllegalArgumentException("DER signature must hold exactly two integers, found " + seq.size());
        }
        BigInteger r = integer(seq, 0);
        BigInteger s = integer(seq, 1);
        if (r.signum() <= 0 || s.signum() <= 0 || BigIntegers.getUnsignedByteLength(r) > fieldSize
                || BigIntegers.getUnsignedByteLength(s) > fieldSize) {
            throw new IllegalArgumentException("DER signature values must be positive and at most " + fieldSize
                    + " bytes");
        }
        byte[] out = new byte[2 * fieldSize];
        BigIntegers.asUnsignedByteArray(r, out, 0, fieldSize);
        BigIntegers.asUnsignedByteArray(s, out, fieldSize, fieldSize);
        return out;
    }

    private static BigInteger integer(ASN1Sequence seq, int i) {
        try {
            return ASN1Integer.getInstance(seq.getObjectAt(i)).getValue();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("DER signature element " + i + " is not an INTEGER");
        }
    }

    /**
     * Raw r‖s to DER.
     *
     * @param raw the raw signature, even length, never {@code null}
     * @return the DER encoding
     * @throws IllegalArgumentException if the length is odd or zero
     */
    public static byte[] rawToDer(byte[] raw) {
        if (raw.length == 0 || raw.length % 2 != 0) {
            throw new IllegalArgumentException("raw r||s signature must have a positive even length, found "
                    + raw.length);
        }
        int half = raw.length / 2;
        BigInteger r = new BigInteger(1, raw, 0, half);
        BigInteger s = new BigInteger(1, raw, half, half);
        try {
            return new DERSequence(new ASN1Integer[] {new ASN1Integer(r), new ASN1Integer(s)})
                    .getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
