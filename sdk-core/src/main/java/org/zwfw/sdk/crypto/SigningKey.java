package org.zwfw.sdk.crypto;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.zwfw.sdk.internal.Base64Url;
import org.zwfw.sdk.internal.Json;

/**
 * A private key bound to one signing algorithm: ES256 (deterministic, RFC 6979), EdDSA (Ed25519)
 * or SGD_SM3_SM2 (with its signer ID). RSA keys are verify-only in this SDK and cannot be loaded
 * as signing keys.
 *
 * <p>The private key never appears in {@link #toString()}, exception messages or logs; it leaves
 * the object only through the explicitly named {@link #toPrivateJwk()}, {@link #toPem()} and
 * {@link #toPrivateKey()}.
 *
 * <p>Immutable and thread-safe.
 */
public final class SigningKey {

    private final PrivateMaterial material;
    private final JwsAlgorithm algorithm;
    private final String keyId;
    private final VerificationKey verificationKey;

    SigningKey(PrivateMaterial material, JwsAlgorithm algorithm, String keyId) {
        if (!algorithm.canSign()) {
            throw new KeyFormatException(algorithm + " is verify-only in this SDK");
        }
        this.material = material;
        this.algorithm = algorithm;
        this.keyId = keyId;
        this.verificationKey = new VerificationKey(material.publicMaterial(), algorithm, keyId, true);
    }

    /**
     * Generates a new key with the SDK's secure random source.
     *
     * @param algorithm ES256, EdDSA or SGD_SM3_SM2
     * @return a new key whose key ID is its RFC 7638 thumbprint
     * @throws IllegalArgumentException for a verify-only algorithm
     */
    public static SigningKey generate(JwsAlgorithm algorithm) {
        return generate(algorithm, Randomness.SECURE);
    }

    /**
     * Generates a new key.
     *
     * @param algorithm ES256, EdDSA or SGD_SM3_SM2
     * @param random    the random source, never {@code null}
     * @return a new key whose key ID is its RFC 7638 thumbprint
     * @throws IllegalArgumentException for a verify-only algorithm
     */
    public static SigningKey generate(JwsAlgorithm algorithm, SecureRandom random) {
        Objects.requireNonNull(random, "random");
        SigningKey key = new SigningKey(KeyGeneration.generate(algorithm, random), algorithm, null);
        return key.withKeyId(key.verificationKey.thumbprint());
    }

    /**
     * Parses a private JWK (with {@code d}); canonical names only.
     *
     * @param json the JWK JSON, never {@code null}
     * @return the key
     * @throws KeyFormatException naming what is wrong (also when {@code d} does not match the
     *                            public members)
     */
    public static SigningKey fromJwk(String json) {
        return fromJwk(json, AliasPolicy.STRICT);
    }

    /**
     * Parses a private JWK.
     *
     * @param json    the JWK JSON, never {@code null}
     * @param aliases whether SM2 alias names are accepted
     * @return the key
     * @throws KeyFormatException naming what is wrong
     */
    public static SigningKey fromJwk(String json, AliasPolicy aliases) {
        return JwkCodec.signingKey(JwkCodec.parseJson(json), aliases);
    }

    /**
     * Reads a PEM private key: PKCS#8 {@code PRIVATE KEY} or SEC 1 {@code EC PRIVATE KEY}, P-256,
     * SM2 or Ed25519. Encrypted PEM is refused with a message saying so.
     *
     * @param pem the PEM text
     * @return the key, without key ID
     * @throws KeyFormatException naming what is wrong
     */
    public static SigningKey fromPem(String pem) {
        return PemCodec.readSigningKey(pem);
    }

    /**
     * Reads the private key of a PKCS#12 store (SM2 keys included).
     *
     * @param in       the store's bytes, never {@code null}; not closed
     * @param password the store and key password, never {@code null}
     * @param alias    the entry, or {@code null} for the only key entry
     * @return the key, with the alias as key ID
     * @throws KeyFormatException if the store cannot be read, the password is wrong, or the entry
     *                            is missing or not a supported private key
     */
    public static SigningKey fromPkcs12(InputStream in, char[] password, String alias) {
        return Pkcs12Reader.read(in, password, alias);
    }

    /**
     * Converts a JCA private key (EC P-256, SM2, Ed25519).
     *
     * @param key the key, never {@code null}
     * @return the key, without key ID
     * @throws KeyFormatException if the key type is not supported or has no PKCS#8 encoding
     */
    public static SigningKey fromPrivateKey(PrivateKey key) {
        Objects.requireNonNull(key, "key");
        byte[] pkcs8 = key.getEncoded();
        if (pkcs8 == null) {
            throw new KeyFormatException("private key of algorithm " + key.getAlgorithm()
                    + " has no PKCS#8 encoding (a hardware key cannot be exported)");
        }
        return Asn1Keys.fromPrivateKeyInfo(pkcs8);
    }

    /** @return the one algorithm this key signs with */
    public JwsAlgorithm algorithm() {
        return algorithm;
    }

    /** @return the key ID, if any */
    public Optional<String> keyId() {
        return Optional.ofNullable(keyId);
    }

    /** @return the public half, with the same algorithm, key ID and (SM2) signer ID */
    public VerificationKey verificationKey() {
        return verificationKey;
    }

    /**
     * Signs bytes.
     *
     * @param data the bytes to sign (for JWS, the ASCII signing input), never {@code null}
     * @return the signature in JWS form (raw r‖s for ES256 and SM2; 64 bytes for all three)
     */
    public byte[] sign(byte[] data) {
        return material.sign(data, 0, data.length);
    }

    /** Known-answer testing: SM2 signature with a given k. */
    byte[] signSm2WithK(byte[] data, java.math.BigInteger k) {
        return ((Sm2Private) material).signWithK(data, k);
    }

    /**
     * @param kid the key ID, or {@code null}
     * @return this key with another key ID
     */
    public SigningKey withKeyId(String kid) {
        return new SigningKey(material, algorithm, kid);
    }

    /**
     * @param signerId the SM2 signer ID bytes, never {@code null}
     * @return this SM2 key signing for another signer ID
     * @throws IllegalArgumentException if this is not an SM2 key
     */
    public SigningKey withSm2SignerId(byte[] signerId) {
        return new SigningKey(material.withSm2SignerId(signerId), algorithm, keyId);
    }

    /**
     * Returns the private JWK, including the secret {@code d}. Handle the result as a secret.
     *
     * @return the JWK members
     */
    public Map<String, Object> toPrivateJwk() {
        Map<String, Object> m = new LinkedHashMap<>(material.publicMaterial().jwkMembers());
        m.put("d", Base64Url.encode(material.secret()));
        m.put("use", "sig");
        m.put("alg", algorithm.jwsName());
        if (keyId != null) {
            m.put("kid", keyId);
        }
        return m;
    }

    /** @return the private JWK as compact JSON; handle as a secret */
    public String toPrivateJwkJson() {
        return new String(Json.write(toPrivateJwk()), StandardCharsets.UTF_8);
    }

    /** @return the key as an unencrypted PKCS#8 PEM block; handle as a secret */
    public String toPem() {
        return PemCodec.encode("PRIVATE KEY", material.pkcs8());
    }

    /**
     * Converts to a JCA private key (SM2 keys as BouncyCastle key objects).
     *
     * @return the JCA key; handle as a secret
     */
    public PrivateKey toPrivateKey() {
        return JcaKeys.privateKey(material);
    }

    /** Never prints the private key. */
    @Override
    public String toString() {
        return "SigningKey[" + algorithm + ", kid=" + keyId + ", thumbprint=" + verificationKey.thumbprint() + "]";
    }
}
