package org.zwfw.sdk.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.math.ec.ECPoint;
import org.zwfw.sdk.internal.Base64Url;

/** A public point on one of the two prime curves (P-256, SM2): the parts their JWKs and DER share. */
abstract class CurvePublic extends PublicMaterial {

    private final ECPoint q;
    private final String x;
    private final String y;

    CurvePublic(ECPoint q) {
        this.q = q.normalize();
        this.x = Base64Url.encode(Curves.bytes32(this.q.getAffineXCoord().toBigInteger()));
        this.y = Base64Url.encode(Curves.bytes32(this.q.getAffineYCoord().toBigInteger()));
    }

    final ECPoint point() {
        return q;
    }

    @Override
    final Map<String, Object> jwkMembers() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kty", "EC");
        m.put("crv", type().crv);
        m.put("x", x);
        m.put("y", y);
        return m;
    }

    @Override
    final String thumbprintInput() {
        return "{\"crv\":\"" + type().crv + "\",\"kty\":\"EC\",\"x\":\"" + x + "\",\"y\":\"" + y + "\"}";
    }

    @Override
    final byte[] subjectPublicKeyInfo() {
        try {
            return new SubjectPublicKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey,
                    Curves.oid(type())), q.getEncoded(false)).getEncoded("DER");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** PKCS#8 for the private scalar {@code d} of this point (RFC 5915 inside RFC 5208). */
    final byte[] pkcs8(java.math.BigInteger d) {
        try {
            org.bouncycastle.asn1.sec.ECPrivateKey sec1 = new org.bouncycastle.asn1.sec.ECPrivateKey(256, d,
                    new org.bouncycastle.asn1.DERBitString(q.getEncoded(false)), null);
            return new org.bouncycastle.asn1.pkcs.PrivateKeyInfo(new AlgorithmIdentifier(
                    X9ObjectIdentifiers.id_ecPublicKey, Curves.oid(type())), sec1).getEncoded("DER");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
