package org.zwfw.sdk.crypto;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Conversions to JCA key objects. The JDK's providers are used where they know the key type;
 * SM2 keys, which the JDK does not know, come from a private BouncyCastle provider instance that
 * is never registered with {@link java.security.Security}.
 */
final class JcaKeys {

    private JcaKeys() {
    }

    private static final class Holder {
        static final Provider BC = new BouncyCastleProvider();
    }

    static Provider provider() {
        return Holder.BC;
    }

    static PublicKey publicKey(PublicMaterial m) {
        try {
            X509EncodedKeySpec spec = new X509EncodedKeySpec(m.subjectPublicKeyInfo());
            switch (m.type()) {
                case RSA:
                    return ((RsaPublic) m).jcaKey();
                case ED25519:
                    return KeyFactory.getInstance("Ed25519").generatePublic(spec);
                case EC_P256:
                    return KeyFactory.getInstance("EC").generatePublic(spec);
                default:
                    return KeyFactory.getInstance("EC", provider()).generatePublic(spec);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JCA cannot represent a " + m.type().describe() + " key", e);
        }
    }

    static PrivateKey privateKey(PrivateMaterial m) {
        try {
            PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(m.pkcs8());
            switch (m.publicMaterial().type()) {
                case ED25519:
                    return KeyFactory.getInstance("Ed25519").generatePrivate(spec);
                case EC_P256:
                    return KeyFactory.getInstance("EC").generatePrivate(spec);
                default:
                    return KeyFactory.getInstance("EC", provider()).generatePrivate(spec);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JCA cannot represent a " + m.publicMaterial().type().describe() + " key", e);
        }
    }
}
