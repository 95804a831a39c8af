package org.zwfw.sdk.crypto;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.zwfw.sdk.internal.Base64Url;
import org.zwfw.sdk.internal.Json;
import org.zwfw.sdk.internal.JsonException;
import org.zwfw.sdk.internal.Texts;

/**
 * Reads JWKs (RFC 7517, RFC 7518 §6, RFC 8037 §2) into prepared keys, SM2 included
 * ({@code kty} {@code EC}, {@code crv} {@code SM2-P-256}, GM/T 0125-2022).
 */
final class JwkCodec {

    /** Largest JWK or JWK Set text accepted, in bytes. */
    static final int MAX_JSON_BYTES = 1 << 20;

    private static final List<String> RSA_PRIVATE_MEMBERS = List.of("d", "p", "q", "dp", "dq", "qi", "oth");

    private JwkCodec() {
    }

    static Map<String, Object> parseJson(String json) {
        Objects.requireNonNull(json, "json");
        return parseJson(json.getBytes(StandardCharsets.UTF_8));
    }

    /** @param bytes the JSON text as UTF-8 bytes (strict UTF-8 is checked) */
    static Map<String, Object> parseJson(byte[] bytes) {
        if (bytes.length > MAX_JSON_BYTES) {
            throw new KeyFormatException("JWK text of " + bytes.length + " bytes exceeds " + MAX_JSON_BYTES);
        }
        try {
            return Json.parseObject(bytes, 8);
        } catch (JsonException e) {
            throw new KeyFormatException("JWK is not valid JSON: " + e.getMessage());
        }
    }

    static VerificationKey publicKey(Map<String, ?> jwk, AliasPolicy aliases) {
        KeyType type = keyType(jwk, aliases);
        refusePrivateMembers(jwk, type == KeyType.RSA);
        JwsAlgorithm alg = algorithm(jwk, type, aliases);
        PublicMaterial material = publicMaterial(type, jwk);
        return new VerificationKey(material, alg, string(jwk, "kid", false), signatureUse(jwk, "verify"));
    }

    /**
     * Why a public JWK is never used to verify (algorithms.md §2 rule 3), read before its key
     * members: its {@code use} is not {@code sig}, or its {@code key_ops} lacks {@code verify}.
     *
     * @param jwk the JWK members
     * @return the reason, or {@code null} when the key may verify signatures
     * @throws KeyFormatException when {@code use} or {@code key_ops} is malformed, or the key
     *                            holds a private member (a published private key has leaked,
     *                            whatever it is for)
     */
    static String whyNotForVerifying(Map<String, ?> jwk) {
        if (signatureUse(jwk, "verify")) {
            return null;
        }
        refusePrivateMembers(jwk, "RSA".equals(jwk.get("kty")));
        String use = string(jwk, "use", false);
        return use != null && !use.equals("sig") ? "its 'use' is " + Texts.quote(use) + ", not 'sig'; never used to verify"
                : "its 'key_ops' lacks 'verify'; never used to verify";
    }

    private static void refusePrivateMembers(Map<String, ?> jwk, boolean rsa) {
        if (rsa) {
            for (String m : RSA_PRIVATE_MEMBERS) {
                if (jwk.containsKey(m)) {
                    throw new KeyFormatException("JWK holds private RSA member '" + m
                            + "': a verification key must be public");
                }
            }
        } else if (jwk.containsKey("d")) {
            throw new KeyFormatException("JWK holds the private member 'd': a verification key must be public");
        }
    }

    static SigningKey signingKey(Map<String, ?> jwk, AliasPolicy aliases) {
        KeyType type = keyType(jwk, aliases);
        if (type == KeyType.RSA) {
            throw new KeyFormatException("RSA keys are verify-only (RS256, PS256); the SDK does not sign with RSA");
        }
        if (!jwk.containsKey("d")) {
            throw new KeyFormatException("JWK has no private member 'd'; it is a public key");
        }
        JwsAlgorithm alg = algorithm(jwk, type, aliases);
        if (!signatureUse(jwk, "sign")) {
            throw new KeyFormatException("JWK 'use' or 'key_ops' does not allow signing");
        }
        PrivateMaterial material;
        if (type == KeyType.ED25519) {
            material = new Ed25519Private(bytes(jwk, "d", 32));
        } else {
            BigInteger d = new BigInteger(1, bytes(jwk, "d", 32));
            material = type == KeyType.SM2 ? new Sm2Private(d, Sm2.defaultSignerId()) : new EcPrivate(d);
        }
        PublicMaterial stated = publicMaterial(type, jwk);
        if (!Arrays.equals(stated.subjectPublicKeyInfo(), material.publicMaterial().subjectPublicKeyInfo())) {
            throw new KeyFormatException("JWK private member 'd' does not belong to its public members");
        }
        return new SigningKey(material, alg, string(jwk, "kid", false));
    }

    private static KeyType keyType(Map<String, ?> jwk, AliasPolicy aliases) {
        String kty = string(jwk, "kty", true);
        switch (kty) {
            case "EC": {
                String crv = string(jwk, "crv", true);
                if (crv.equals("P-256")) {
                    return KeyType.EC_P256;
                }
                if (crv.equals("SM2-P-256")) {
                    return KeyType.SM2;
                }
                if (crv.equals("SM2") || crv.equals("sm2p256v1")) {
                    if (aliases == AliasPolicy.LENIENT) {
                        return KeyType.SM2;
                    }
                    throw KeyFormatException.unsupported("JWK crv " + Texts.quote(crv) + " is an alias of SM2-P-256, accepted only"
                            + " with lenient interop");
                }
                throw KeyFormatException.unsupported("EC curve " + Texts.quote(crv) + " is not supported (P-256, SM2-P-256)");
            }
            case "OKP": {
                String crv = string(jwk, "crv", true);
                if (crv.equals("Ed25519")) {
                    return KeyType.ED25519;
                }
                throw KeyFormatException.unsupported("OKP curve " + Texts.quote(crv) + " is not supported (Ed25519)");
            }
            case "RSA":
                return KeyType.RSA;
            case "oct":
                throw KeyFormatException.unsupported("symmetric JWK (kty 'oct') is never accepted for signatures");
            default:
                throw KeyFormatException.unsupported("JWK kty " + Texts.quote(kty) + " is not supported (EC, OKP, RSA)");
        }
    }

    private static PublicMaterial publicMaterial(KeyType type, Map<String, ?> jwk) {
        switch (type) {
            case EC_P256:
            case SM2:
                return type == KeyType.SM2
                        ? new Sm2Public(Curves.point(type, bytes(jwk, "x", 32), bytes(jwk, "y", 32)), Sm2.defaultSignerId())
                        : new EcPublic(Curves.point(type, bytes(jwk, "x", 32), bytes(jwk, "y", 32)));
            case ED25519:
                return new Ed25519Public(bytes(jwk, "x", 32));
            default:
                return new RsaPublic(unsigned(jwk, "n"), unsigned(jwk, "e"));
        }
    }

    private static JwsAlgorithm algorithm(Map<String, ?> jwk, KeyType type, AliasPolicy aliases) {
        String alg = string(jwk, "alg", false);
        if (alg == null) {
            return type.defaultAlgorithm;
        }
        JwsAlgorithm a = JwsAlgorithm.fromName(alg, aliases).orElseThrow(
                () -> KeyFormatException.unsupported("JWK " + JwsAlgorithm.whyRefused(alg)));
        if (!type.allows(a)) {
            throw new KeyFormatException("JWK alg " + Texts.quote(alg) + " does not fit a " + type.describe() + " key");
        }
        return a;
    }

    /** RFC 7517 §4.2/§4.3: a key is for signatures unless 'use' or 'key_ops' says otherwise. */
    private static boolean signatureUse(Map<String, ?> jwk, String operation) {
        String use = string(jwk, "use", false);
        if (use != null && !use.equals("sig")) {
            return false;
        }
        Object ops = jwk.get("key_ops");
        if (ops == null) {
            return true;
        }
        if (!(ops instanceof List)) {
            throw new KeyFormatException("JWK key_ops must be an array of strings");
        }
        for (Object op : (List<?>) ops) {
            if (!(op instanceof String)) {
                throw new KeyFormatException("JWK key_ops must be an array of strings");
            }
        }
        return ((List<?>) ops).contains(operation);
    }

    private static String string(Map<String, ?> jwk, String name, boolean required) {
        Object v = jwk.get(name);
        if (v == null) {
            if (required) {
                throw new KeyFormatException("JWK member '" + name + "' is missing");
            }
            if (jwk.containsKey(name)) {
                throw new KeyFormatException("JWK member '" + name + "' is null");
            }
            return null;
        }
        if (!(v instanceof String)) {
            throw new KeyFormatException("JWK member '" + name + "' must be a string, found " + Json.typeName(v));
        }
        return (String) v;
    }

    private static byte[] bytes(Map<String, ?> jwk, String name, int length) {
        byte[] b = decode(jwk, name);
        if (b.length != length) {
            throw new KeyFormatException("JWK member '" + name + "' must decode to " + length + " bytes, found "
                    + b.length);
        }
        return b;
    }

    private static BigInteger unsigned(Map<String, ?> jwk, String name) {
        byte[] b = decode(jwk, name);
        if (b.length == 0) {
            throw new KeyFormatException("JWK member '" + name + "' is empty");
        }
        if (b[0] == 0) {
            throw new KeyFormatException("JWK member '" + name + "' has a leading zero byte (RFC 7518 §6.3.1)");
        }
        return new BigInteger(1, b);
    }

    private static byte[] decode(Map<String, ?> jwk, String name) {
        String s = string(jwk, name, true);
        try {
            return Base64Url.decode(s);
        } catch (IllegalArgumentException e) {
            throw new KeyFormatException("JWK member '" + name + "' is not base64url: " + e.getMessage());
        }
    }
}
