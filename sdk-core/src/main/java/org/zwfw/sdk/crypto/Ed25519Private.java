package org.zwfw.sdk.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.bouncycastle.asn1.DEROctetString;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/** An Ed25519 private key (32-byte seed); BouncyCastle signs deterministically in constant time. */
final class Ed25519Private extends PrivateMaterial {

    private final Ed25519PrivateKeyParameters params;
    private final Ed25519PublicKeyParameters publicParams;
    private final Ed25519Public publicMaterial;

    Ed25519Private(byte[] seed) {
        if (seed.length != 32) {
            throw new KeyFormatException("Ed25519 private key must be 32 bytes, found " + seed.length);
        }
        this.params = new Ed25519PrivateKeyParameters(seed, 0);
        this.publicParams = params.generatePublicKey();
        this.publicMaterial = new Ed25519Public(publicParams.getEncoded());
    }

    @Override
    PublicMaterial publicMaterial() {
        return publicMaterial;
    }

    @Override
    byte[] sign(byte[] data, int off, int len) {
        byte[] sig = new byte[64];
        params.sign(Ed25519.Algorithm.Ed25519, publicParams, null, data, off, len, sig, 0);
        return sig;
    }

    @Override
    byte[] secret() {
        return params.getEncoded();
    }

    @Override
    byte[] pkcs8() {
        try {
            return new PrivateKeyInfo(new AlgorithmIdentifier(Curves.ED25519_OID),
                    new DEROctetString(params.getEncoded())).getEncoded("DER");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
