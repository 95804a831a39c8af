package org.zwfw.sdk.crypto;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.zwfw.sdk.internal.Base64Url;
import org.zwfw.sdk.internal.Json;

/**
 * A public key bound to exactly one {@link JwsAlgorithm}: it verifies signatures of that
 * algorithm and refuses any other. ES256, EdDSA, SGD_SM3_SM2 (with its signer ID), RS256 and
 * PS256.
 *
 * <p>The key is parsed, validated (point on the curve, sizes, RSA ≥ 2048 bits) and prepared once
 * when it is built; keep the instance and reuse it, since preparation (curve precomputation, the
 * SM2 Z value) is what makes verification fast.
 *
 * <p>Immutable and thread-safe.
 */
public final class VerificationKey {

    private final PublicMaterial material;
    private final JwsAlgorithm algorithm;
    private final String keyId;
    private final boolean signatureKey;
    private volatile String thumbprint;

    VerificationKey(PublicMaterial material, JwsAlgorithm algorithm, String keyId, boolean signatureKey) {
        if (!material.type().allows(algorithm)) {
            throw new KeyFormatException("algorithm " + algorithm + " does not fit a " + material.type().describe()
                    + " key");
        }
        this.material = material;
        this.algorithm = algorithm;
        this.keyId = keyId;
        this.signatureKey = signatureKey;
    }

    /**
     * Parses a public JWK (RFC 7517) with canonical names only.
     *
     * @param json the JWK JSON, never {@code null}
     * @return the key, bound to its {@code alg} or, when absent, to its type's default
     * @throws KeyFormatException naming what is wrong; also when the JWK holds private members
     */
    public static VerificationKey fromJwk(String json) {
        return fromJwk(json, AliasPolicy.STRICT);
    }

    /**
     * Parses a public JWK.
     *
     * @param json    the JWK JSON, never {@code null}
     * @param aliases whether SM2 alias names are accepted
     * @return the key
     * @throws KeyFormatException naming what is wrong
     */
    public static VerificationKey fromJwk(String json, AliasPolicy aliases) {
        return JwkCodec.publicKey(JwkCodec.parseJson(json), aliases);
    }

    /**
     * Builds a key from JWK members already parsed as JSON (for example {@code cnf.jwk} of a token).
     *
     * @param members the JWK members, never {@code null}
     * @param aliases whether SM2 alias names are accepted
     * @return the key
     * @throws KeyFormatException naming what is wrong
     */
    public static VerificationKey fromJwk(Map<String, ?> members, AliasPolicy aliases) {
        return JwkCodec.publicKey(members, aliases);
    }

    /**
     * Reads a PEM public key (SubjectPublicKeyInfo) or X.509 certificate, SM2 included.
     *
     * @param pem the PEM text; the first usable block is taken
     * @return the key, bound to its type's default algorithm (RSASSA-PSS keys to PS256)
     * @throws KeyFormatException naming what is wrong
     */
    public static VerificationKey fromPem(String pem) {
        return PemCodec.readVerificationKey(pem);
    }

    /**
     * Converts a JCA public key (EC P-256, SM2, Ed25519, RSA).
     *
     * @param key the key, never {@code null}
     * @return the key, bound to its type's default algorithm
     * @throws KeyFormatException if the key type or curve is not supported
     */
    public static VerificationKey fromPublicKey(PublicKey key) {
        Objects.requireNonNull(key, "key");
        byte[] spki = key.getEncoded();
        if (spki == null) {
            throw new KeyFormatException("public key of algorithm " + key.getAlgorithm() + " has no X.509 encoding");
        }
        return Asn1Keys.fromSubjectPublicKeyInfo(spki);
    }

    /** @return the one algorithm this key verifies */
    public JwsAlgorithm algorithm() {
        return algorithm;
    }

    /** @return the key ID ({@code kid}), if the key has one */
    public Optional<String> keyId() {
        return Optional.ofNullable(keyId);
    }

    /**
     * @return whether the key may verify signatures: {@code false} when its JWK said
     *         {@code use} other than {@code sig}, or {@code key_ops} without {@code verify}
     */
    public boolean isSignatureKey() {
        return signatureKey;
    }

    /** @return the RFC 7638 JWK thumbprint (SHA-256, base64url) */
    public String thumbprint() {
        String t = thumbprint;
        if (t == null) {
            t = Base64Url.encode(Digests.sha256(material.thumbprintInput().getBytes(StandardCharsets.UTF_8)));
            thumbprint = t;
        }
        return t;
    }

    /**
     * @return the SM2 signer ID (user ID) this key verifies for, empty for other key types
     */
    public Optional<byte[]> sm2SignerId() {
        return material instanceof Sm2Public ? Optional.of(((Sm2Public) material).signerId()) : Optional.empty();
    }

    /**
     * Verifies a signature with this key's algorithm. A key that is not a signature key
     * ({@link #isSignatureKey()}) never verifies.
     *
     * @param data      the signed bytes (for JWS, the ASCII signing input), never {@code null}
     * @param signature the signature in JWS form (raw r‖s for ECDSA and SM2), never {@code null}
     * @return whether the signature is valid
     */
    public boolean verify(byte[] data, byte[] signature) {
        return check(data, 0, data.length, signature) == SignatureCheck.VALID;
    }

    SignatureCheck check(byte[] data, int off, int len, byte[] signature) {
        if (!signatureKey) {
            return SignatureCheck.MISMATCH;
        }
        return material.verify(algorithm, data, off, len, signature);
    }

    PublicMaterial material() {
        return material;
    }

    /**
     * @param kid the key ID, or {@code null} for none
     * @return this key with another key ID
     */
    public VerificationKey withKeyId(String kid) {
        return new VerificationKey(material, algorithm, kid, signatureKey);
    }

    /**
     * Rebinds an RSA key to the other RSA algorithm (RS256 ↔ PS256); for other key types the only
     * allowed algorithm is the current one.
     *
     * @param alg the algorithm
     * @return the rebound key
     * @throws KeyFormatException if the key type does not allow {@code alg}
     */
    public VerificationKey withAlgorithm(JwsAlgorithm alg) {
        return new VerificationKey(material, alg, keyId, signatureKey);
    }

    /**
     * Returns this SM2 key verifying for another signer ID (GB/T 32918.2 §5.5; GM/T 0009 default
     * {@code 1234567812345678}).
     *
     * @param signerId the signer ID bytes, at most 8191, never {@code null}
     * @return the key for that signer ID
     * @throws IllegalArgumentException if this is not an SM2 key
     */
    public VerificationKey withSm2SignerId(byte[] signerId) {
        if (!(material instanceof Sm2Public)) {
            throw new IllegalArgumentException("a signer ID applies to SM2 keys only, not to "
                    + material.type().describe());
        }
        return new VerificationKey(((Sm2Public) material).withSignerId(signerId), algorithm, keyId, signatureKey);
    }

    /**
     * @return the public JWK members: key members, then {@code use}, {@code alg} (canonical name)
     *         and {@code kid}
     */
    public Map<String, Object> toJwk() {
        Map<String, Object> m = new LinkedHashMap<>(material.jwkMembers());
        m.put("use", signatureKey ? "sig" : "enc");
        m.put("alg", algorithm.jwsName());
        if (keyId != null) {
            m.put("kid", keyId);
        }
        return m;
    }

    /** @return the public JWK as compact JSON */
    public String toJson() {
        return Json.writeString(toJwk());
    }

    /** @return the key as a PEM {@code PUBLIC KEY} block (SubjectPublicKeyInfo) */
    public String toPem() {
        return PemCodec.encode("PUBLIC KEY", material.subjectPublicKeyInfo());
    }

    /**
     * Converts to a JCA public key. SM2 keys come back as BouncyCastle key objects.
     *
     * @return the JCA key
     */
    public PublicKey toPublicKey() {
        return JcaKeys.publicKey(material);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof VerificationKey)) {
            return false;
        }
        VerificationKey k = (VerificationKey) o;
        return algorithm == k.algorithm && signatureKey == k.signatureKey && Objects.equals(keyId, k.keyId)
                && material.sameKey(k.material);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new int[] {material.keyHash(), algorithm.hashCode(), Objects.hashCode(keyId)});
    }

    @Override
    public String toString() {
        return "VerificationKey[" + algorithm + ", kid=" + keyId + ", thumbprint=" + thumbprint() + "]";
    }
}
