package org.zwfw.sdk.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.zwfw.sdk.internal.Texts;

/**
 * Reads a private key from a PKCS#12 store (RFC 7292) with BouncyCastle's key store, which
 * understands SM2 keys as well as P-256 and Ed25519; the provider is used directly and never
 * registered globally.
 */
final class Pkcs12Reader {

    /** Largest store accepted, in bytes. */
    static final int MAX_BYTES = 1 << 20;

    private Pkcs12Reader() {
    }

    static SigningKey read(InputStream in, char[] password, String alias) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(password, "password");
        byte[] bytes;
        try {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw new KeyFormatException("PKCS#12 store cannot be read: " + e.getMessage(), e);
        }
        if (bytes.length > MAX_BYTES) {
            throw new KeyFormatException("PKCS#12 store exceeds " + MAX_BYTES + " bytes");
        }
        KeyStore store;
        try {
            store = KeyStore.getInstance("PKCS12", JcaKeys.provider());
            store.load(new java.io.ByteArrayInputStream(bytes), password);
        } catch (IOException e) {
            throw new KeyFormatException("PKCS#12 store cannot be opened (wrong password or not PKCS#12): "
                    + e.getMessage());
        } catch (GeneralSecurityException e) {
            throw new KeyFormatException("PKCS#12 store cannot be opened: " + e.getMessage(), e);
        }
        try {
            String entry = alias != null ? alias : onlyKeyAlias(store);
            if (!store.isKeyEntry(entry)) {
                throw new KeyFormatException("PKCS#12 store has no key entry " + Texts.quote(entry));
            }
            Key key = store.getKey(entry, password);
            if (!(key instanceof PrivateKey)) {
                throw new KeyFormatException("PKCS#12 entry " + Texts.quote(entry) + " is not a private key");
            }
            return SigningKey.fromPrivateKey((PrivateKey) key).withKeyId(entry);
        } catch (GeneralSecurityException e) {
            throw new KeyFormatException("PKCS#12 key cannot be recovered (wrong key password?): " + e.getMessage(), e);
        }
    }

    private static String onlyKeyAlias(KeyStore store) throws GeneralSecurityException {
        List<String> keys = new ArrayList<>();
        for (String a : Collections.list(store.aliases())) {
            if (store.isKeyEntry(a)) {
                keys.add(a);
            }
        }
        if (keys.size() != 1) {
            throw new KeyFormatException("PKCS#12 store holds " + keys.size() + " key entries; name the alias"
                    + (keys.isEmpty() ? "" : " (" + keys.size() + " candidates; list them with keytool -list)"));
        }
        return keys.get(0);
    }
}
