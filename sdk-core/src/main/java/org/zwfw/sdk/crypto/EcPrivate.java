package org.zwfw.sdk.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.MessageDigest;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.util.BigIntegers;

/**
 * An ES256 private key. Signing is deterministic ECDSA (RFC 6979, k from HMAC-SHA-256), so a
 * weak random source can never leak the key; BouncyCastle computes k·G with its fixed-base comb
 * and inverts k in constant time.
 */
final class EcPrivate extends PrivateMaterial {

    private final ECPrivateKeyParameters params;
    private final EcPublic publicMaterial;

    EcPrivate(BigInteger d) {
        BigInteger n = Curves.P256.getN();
        if (d.signum() <= 0 || d.compareTo(n) >= 0) {
            throw new KeyFormatException("P-256 private scalar d is not in [1, n-1]");
        }
        this.params = new ECPrivateKeyParameters(d, Curves.P256);
        ECPoint q = new FixedPointCombMultiplier().multiply(Curves.P256.getG(), d).normalize();
        this.publicMaterial = new EcPublic(q);
    }

    @Override
    PublicMaterial publicMaterial() {
        return publicMaterial;
    }

    @Override
    byte[] sign(byte[] data, int off, int len) {
        MessageDigest sha256 = Digests.sha256();
        sha256.update(data, off, len);
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, params);
        BigInteger[] rs = signer.generateSignature(sha256.digest());
        byte[] out = new byte[64];
        BigIntegers.asUnsignedByteArray(rs[0], out, 0, 32);
        BigIntegers.asUnsignedByteArray(rs[1], out, 32, 32);
        return out;
    }

    @Override
    byte[] secret() {
        return Curves.bytes32(params.getD());
    }

    @Override
    byte[] pkcs8() {
        try {
            org.bouncycastle.asn1.sec.ECPrivateKey sec1 = new org.bouncycastle.asn1.sec.ECPrivateKey(256,
                    params.getD(), new DERBitString(publicMaterial.point().getEncoded(false)), null);
            return new PrivateKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, Curves.P256_OID), sec1)
                    .getEncoded("DER");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
