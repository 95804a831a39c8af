package org.zwfw.sdk.sandbox;

import java.util.Optional;
import org.zwfw.sdk.credential.CredentialType;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.sandbox.internal.SampleIdentifiers;

/**
 * The issuers of the {@link Sandbox}'s emulated province, one for each e-certificate type, each
 * with its own signing key and status list, all on the sandbox's trust list.
 *
 * <p>Ids are stable {@code https} identifiers under the reserved {@code .example} domain: they
 * never resolve and never change, whatever port the sandbox listens on, so credentials stay
 * trusted across restarts. Verifiers of this SDK find an issuer's keys through the trust list,
 * never through its {@code iss}. Names and codes are fictitious (the USCCs carry valid check
 * characters computed by the SDK).
 *
 * <p>Algorithms: the province favours national cryptography, so the market-regulation bureau and
 * the social-security platform sign with {@code SGD_SM3_SM2} ({@code _sd_alg} {@code sm3}); the
 * licensing department signs credentials with {@code ES256} ({@code sha-256}), the profile of
 * international wallets, and its status list with a separate {@code EdDSA} key. Thread-safe (an
 * enum).
 */
public enum SandboxIssuer {

    /** 市场监督管理局: issues business licenses (营业执照). */
    MARKET_REGULATION("market-regulation", "示例省市场监督管理局（沙箱）", SampleIdentifiers.uscc("11", "330000", "MB000001"),
            CredentialType.BUSINESS_LICENSE, JwsAlgorithm.SGD_SM3_SM2, JwsAlgorithm.SGD_SM3_SM2),
    /** 电子证照管理中心: issues e-licenses of any kind. */
    LICENSING("licensing", "示例省电子证照管理中心（沙箱）", SampleIdentifiers.uscc("12", "330000", "MB000002"),
            CredentialType.LICENSE, JwsAlgorithm.ES256, JwsAlgorithm.EDDSA),
    /** 社会保障卡服务平台: issues electronic social-security cards (电子社保卡). */
    SOCIAL_SECURITY("social-security", "示例省社会保障卡服务平台（沙箱）", SampleIdentifiers.uscc("11", "330000", "MB000003"),
            CredentialType.SOCIAL_SECURITY_CARD, JwsAlgorithm.SGD_SM3_SM2, JwsAlgorithm.SGD_SM3_SM2);

    private final String slug;
    private final String displayName;
    private final String uscc;
    private final CredentialType type;
    private final JwsAlgorithm algorithm;
    private final JwsAlgorithm statusListAlgorithm;

    SandboxIssuer(String slug, String displayName, String uscc, CredentialType type, JwsAlgorithm algorithm,
            JwsAlgorithm statusListAlgorithm) {
        this.slug = slug;
        this.displayName = displayName;
        this.uscc = uscc;
        this.type = type;
        this.algorithm = algorithm;
        this.statusListAlgorithm = statusListAlgorithm;
    }

    /** @return the path segment of this issuer's URLs, such as {@code market-regulation} */
    public String slug() {
        return slug;
    }

    /** @return the issuer ID: the trust-list entry {@code id} and the credentials' {@code iss} */
    public String id() {
        return "https://" + slug + ".sandbox.zwfw.example";
    }

    /** @return the issuer's name for people, as on the trust list */
    public String displayName() {
        return displayName;
    }

    /** @return the issuer's unified social credit code, as on the trust list */
    public String uscc() {
        return uscc;
    }

    /** @return the one credential type this issuer issues */
    public CredentialType credentialType() {
        return type;
    }

    /** @return the algorithm of the credential signing key */
    public JwsAlgorithm algorithm() {
        return algorithm;
    }

    /**
     * @return the algorithm of the status-list signing key; when it differs from
     *         {@link #algorithm()} the issuer has a second key, and both are on the trust list
     */
    public JwsAlgorithm statusListAlgorithm() {
        return statusListAlgorithm;
    }

    /** @return whether the status list is signed with a key of its own */
    public boolean hasSeparateStatusListKey() {
        return statusListAlgorithm != algorithm;
    }

    /**
     * @param slug a path segment
     * @return the issuer with that slug
     */
    public static Optional<SandboxIssuer> fromSlug(String slug) {
        for (SandboxIssuer i : values()) {
            if (i.slug.equals(slug)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }
}
