package org.zwfw.sdk.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.math.ec.ECPoint;
import org.zwfw.sdk.internal.Base64Url;

/** An SM2 public key with the signer ID it verifies for and the Z value that follows from both. */
final class Sm2Public extends PublicMaterial {

    private final ECPoint q;
    private final byte[] signerId;
    private final byte[] z;
    private final byte[] x;
    private final byte[] y;

    Sm2Public(ECPoint q, byte[] signerId) {
        this.q = q.normalize();
        this.signerId = signerId.clone();
        this.z = Sm2Math.z(this.signerId, this.q);
        this.x = Curves.bytes32(this.q.getAffineXCoord().toBigInteger());
        this.y = Curves.bytes32(this.q.getAffineYCoord().toBigInteger());
    }

    ECPoint point() {
        return q;
    }

    byte[] signerId() {
        return signerId.clone();
    }

    byte[] z() {
        return z;
    }

    Sm2Public withSignerId(byte[] id) {
        return new Sm2Public(q, id);
    }

    @Override
    KeyType type() {
        return KeyType.SM2;
    }

    @Override
    SignatureCheck verify(JwsAlgorithm alg, byte[] data, int off, int len, byte[] sig) {
        return Sm2Math.verify(q, z, data, off, len, sig);
    }

    @Override
    Map<String, Object> jwkMembers() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kty", "EC");
        m.put("crv", "SM2-P-256");
        m.put("x", Base64Url.encode(x));
        m.put("y", Base64Url.encode(y));
        return m;
    }

    @Override
    String thumbprintInput() {
        return "{\"crv\":\"SM2-P-256\",\"kty\":\"EC\",\"x\":\"" + Base64Url.encode(x) + "\",\"y\":\""
                + Base64Url.encode(y) + "\"}";
    }

    @Override
    byte[] subjectPublicKeyInfo() {
        try {
            return new SubjectPublicKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, Curves.SM2_OID),
                    q.getEncoded(false)).getEncoded("DER");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    boolean sameKey(PublicMaterial other) {
        return other instanceof Sm2Public && q.equals(((Sm2Public) other).q)
                && Arrays.equals(signerId, ((Sm2Public) other).signerId);
    }

    @Override
    int keyHash() {
        return q.hashCode() * 31 + Arrays.hashCode(signerId);
    }
}
