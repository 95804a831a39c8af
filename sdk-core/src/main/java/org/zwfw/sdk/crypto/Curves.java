package org.zwfw.sdk.crypto;

import java.math.BigInteger;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;
import org.zwfw.sdk.internal.sm.Sm2Math;

/**
 * Domain parameters of the two prime curves, their OIDs, and validated points from key formats.
 * BouncyCastle's custom curve implementations are used because they are several times faster
 * than the generic ones. SM2's arithmetic is in {@link Sm2Math}.
 */
final class Curves {

    static final ASN1ObjectIdentifier P256_OID = SECObjectIdentifiers.secp256r1;
    static final ASN1ObjectIdentifier SM2_OID = GMObjectIdentifiers.sm2p256v1;
    /** id-Ed25519, RFC 8410 §3. */
    static final ASN1ObjectIdentifier ED25519_OID = new ASN1ObjectIdentifier("1.3.101.112");

    static final ECDomainParameters P256 = domain("secp256r1");
    static final ECDomainParameters SM2 = Sm2Math.DOMAIN;

    private Curves() {
    }

    private static ECDomainParameters domain(String name) {
        X9ECParameters x9 = CustomNamedCurves.getByName(name);
        return new ECDomainParameters(x9.getCurve(), x9.getG(), x9.getN(), x9.getH(), x9.getSeed());
    }

    static ECDomainParameters domain(KeyType type) {
        return type == KeyType.SM2 ? SM2 : P256;
    }

    static ASN1ObjectIdentifier oid(KeyType type) {
        return type == KeyType.SM2 ? SM2_OID : P256_OID;
    }

    /**
     * Builds a validated affine point from 32-byte big-endian coordinates.
     *
     * @throws KeyFormatException if a coordinate is not below p or the point is not on the curve
     */
    static ECPoint point(KeyType type, byte[] x, byte[] y) {
        ECDomainParameters d = domain(type);
        ECCurve curve = d.getCurve();
        BigInteger bx = new BigInteger(1, x);
        BigInteger by = new BigInteger(1, y);
        BigInteger p = curve.getField().getCharacteristic();
        if (bx.compareTo(p) >= 0 || by.compareTo(p) >= 0) {
            throw new KeyFormatException("EC coordinate is not below the field prime of " + type.crv);
        }
        ECPoint point = curve.createPoint(bx, by);
        if (point.isInfinity() || !point.isValid()) {
            throw new KeyFormatException("EC point is not on curve " + type.crv);
        }
        return point.normalize();
    }

    /**
     * Decodes an SEC 1 point (uncompressed or compressed) and validates it.
     */
    static ECPoint decodePoint(KeyType type, byte[] encoded) {
        try {
            ECPoint point = domain(type).getCurve().decodePoint(encoded);
            if (point.isInfinity() || !point.isValid()) {
                throw new KeyFormatException("EC point is not on curve " + type.crv);
            }
            return point.normalize();
        } catch (IllegalArgumentException e) {
            throw new KeyFormatException("EC point encoding is not valid for " + type.crv + ": " + e.getMessage());
        }
    }

    /** The 32-byte big-endian encoding of a field element or scalar. */
    static byte[] bytes32(BigInteger v) {
        return org.bouncycastle.util.BigIntegers.asUnsignedByteArray(32, v);
    }
}
