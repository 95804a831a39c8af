package org.zwfw.sdk.crypto;

import java.util.Locale;
import java.util.Optional;

/**
 * The JWS algorithms of the SDK's JOSE profile ({@code spec/algorithms.md}, contract §1).
 *
 * <p>Every key is bound to exactly one of these; the key, never the token header, decides which
 * algorithm is used. {@code RS256} and {@code PS256} verify only (third-party OpenID providers).
 * Thread-safe (an enum).
 */
public enum JwsAlgorithm {
    /** ECDSA on P-256 with SHA-256, signature raw r‖s (64 bytes). RFC 7518 §3.4. */
    ES256("ES256", 64, true),
    /** Ed25519 (RFC 8037), signature 64 bytes. */
    EDDSA("EdDSA", 64, true),
    /**
     * SM2 signature with SM3 (GB/T 32918.2, GM/T 0009), signature raw r‖s (64 bytes); the name
     * follows GM/T 0125-2022.
     */
    SGD_SM3_SM2("SGD_SM3_SM2", 64, true),
    /** RSASSA-PKCS1-v1_5 with SHA-256, RSA ≥ 2048 bits; verification only. RFC 7518 §3.3. */
    RS256("RS256", -1, false),
    /** RSASSA-PSS with SHA-256 and MGF1-SHA-256, salt 32; verification only. RFC 7518 §3.5. */
    PS256("PS256", -1, false);

    private final String jwsName;
    private final int signatureLength;
    private final boolean canSign;

    JwsAlgorithm(String jwsName, int signatureLength, boolean canSign) {
        this.jwsName = jwsName;
        this.signatureLength = signatureLength;
        this.canSign = canSign;
    }

    /** @return the canonical {@code alg} value, e.g. {@code "SGD_SM3_SM2"} */
    public String jwsName() {
        return jwsName;
    }

    /** @return whether the SDK signs with this algorithm ({@code false} for RS256 and PS256) */
    public boolean canSign() {
        return canSign;
    }

    /** @return the exact signature length in bytes, or -1 when it depends on the key (RSA) */
    int signatureLength() {
        return signatureLength;
    }

    /**
     * Looks up an {@code alg} value.
     *
     * @param name    the {@code alg} value, never {@code null}
     * @param aliases whether alias spellings ({@code SM2SM3}, {@code SM2}) are accepted
     * @return the algorithm, or empty when the name is not one of the profile's (or is an alias
     *         under {@link AliasPolicy#STRICT})
     */
    public static Optional<JwsAlgorithm> fromName(String name, AliasPolicy aliases) {
        for (JwsAlgorithm a : values()) {
            if (a.jwsName.equals(name)) {
                return Optional.of(a);
            }
        }
        if (ED25519_NAME.equals(name)) {
            // RFC 9864 §2: the fully-specified name of EdDSA with Ed25519, the only EdDSA curve of
            // the profile; a registered name, not an alias, so accepted in strict mode too.
            return Optional.of(EDDSA);
        }
        if (aliases == AliasPolicy.LENIENT && isSm2Alias(name)) {
            return Optional.of(SGD_SM3_SM2);
        }
        return Optional.empty();
    }

    /** The RFC 9864 {@code alg} for EdDSA with Ed25519, read as {@link #EDDSA}; the SDK writes {@code EdDSA}. */
    public static final String ED25519_NAME = "Ed25519";

    /**
     * Looks up a canonical {@code alg} value (no aliases).
     *
     * @param name the {@code alg} value
     * @return the algorithm
     * @throws IllegalArgumentException if the name is not a canonical algorithm of the profile
     */
    public static JwsAlgorithm of(String name) {
        return fromName(name, AliasPolicy.STRICT).orElseThrow(() -> new IllegalArgumentException(
                "unknown JWS algorithm '" + name + "'; expected one of ES256, EdDSA, SGD_SM3_SM2, RS256, PS256"));
    }

    static boolean isSm2Alias(String name) {
        return "SM2SM3".equals(name) || "SM2".equals(name);
    }

    /**
     * Why an {@code alg} value is refused, for messages.
     *
     * @param name an {@code alg} value that {@link #fromName} did not accept
     * @return an explanation naming the rule
     */
    static String whyRefused(String name) {
        String shown = org.zwfw.sdk.internal.Texts.quote(name, 32);
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("none")) {
            return "alg " + shown + " (unsecured JWS) is never accepted";
        }
        if (lower.startsWith("hs")) {
            return "alg " + shown + " is a symmetric MAC, never accepted with public keys (RFC 8725 §3.1)";
        }
        if (isSm2Alias(name)) {
            return "alg " + shown + " is an alias of SGD_SM3_SM2, accepted only with lenient interop";
        }
        return "alg " + shown + " is not supported; the profile has ES256, EdDSA, SGD_SM3_SM2, RS256, PS256";
    }

    @Override
    public String toString() {
        return jwsName;
    }
}
