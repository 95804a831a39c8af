package org.zwfw.sdk.httpsig;

import java.time.Duration;

/**
 * The fixed values of the service-network API's signature profile ({@code spec/api-signing.md}).
 */
public final class SignatureProfile {

    /** The label of the profile's member in {@code Signature-Input} and {@code Signature}. */
    public static final String LABEL = "zwfw";
    /** The {@code tag} of request and response signatures. */
    public static final String TAG = "zwfw";
    /** The {@code tag} of webhook signatures (D21). */
    public static final String WEBHOOK_TAG = "zwfw-webhook";
    /** The field naming the calling (or, for webhooks, the receiving) application. */
    public static final String APP_ID_FIELD = "x-zwfw-app-id";
    /** How far {@code created} may lie from the verifier's clock, either way (D9): 300 seconds. */
    public static final Duration WINDOW = Duration.ofSeconds(300);
    /** {@code alg} of ECDSA on P-256 with SHA-256 (RFC 9421 §3.3.4). */
    public static final String ECDSA_P256_SHA256 = "ecdsa-p256-sha256";
    /** {@code alg} of Ed25519 (RFC 9421 §3.3.6). */
    public static final String ED25519 = "ed25519";
    /** {@code alg} of SM2 with SM3, this profile's private name (D1). */
    public static final String SM2_SM3 = "sm2-sm3";

    private SignatureProfile() {
    }

    /**
     * @param appId an application ID
     * @return whether it has the profile's form: 1 to 64 of {@code A-Z a-z 0-9 . _ -} (D13)
     */
    public static boolean isAppId(String appId) {
        if (appId == null || appId.isEmpty() || appId.length() > 64) {
            return false;
        }
        for (int i = 0; i < appId.length(); i++) {
            char c = appId.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }
}
