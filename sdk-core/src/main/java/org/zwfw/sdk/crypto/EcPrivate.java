package org.zwfw.sdk.crypto;

import java.math.BigInteger;
import java.security.MessageDigest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECMultiplier;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;
import org.zwfw.sdk.internal.ec.P256BaseMultiplier;

/**
 * An ES256 private key. Signing is deterministic ECDSA (RFC 6979, k from HMAC-SHA-256), so a
 * weak random source can never leak the key. k·G (and d·G for the public key) is computed in
 * constant time on the SDK's own P-256 arithmetic ({@link P256BaseMultiplier}; a signature costs
 * about 0.57 of BouncyCastle's own, sdk-bench); BouncyCastle's {@code ECDSASigner} does the rest
 * (k from HMAC-SHA-256, k inverted in constant time).
 */
final class EcPrivate extends PrivateMaterial {

    private static final ECMultiplier BASE = new P256BaseMultiplier();

    private final ECPrivateKeyParameters params;
    private final EcPublic publicMaterial;

    EcPrivate(BigInteger d) {
        BigInteger n = Curves.P256.getN();
        if (d.signum() <= 0 || d.compareTo(n) >= 0) {
            throw new KeyFormatException("P-256 private scalar d is not in [1, n-1]");
        }
        this.params = new ECPrivateKeyParameters(d, Curves.P256);
        ECPoint q = BASE.multiply(Curves.P256.getG(), d).normalize();
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
        ECDSASigner signer = new Signer();
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
        return publicMaterial.pkcs8(params.getD());
    }

    /** BouncyCastle's deterministic ECDSA with k·G on {@link P256BaseMultiplier}. */
    static final class Signer extends ECDSASigner {

        Signer() {
            super(new HMacDSAKCalculator(new SHA256Digest()));
        }

        @Override
        protected ECMultiplier createBasePointMultiplier() {
            return BASE;
        }
    }
}
