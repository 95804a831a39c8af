package org.zwfw.sdk.sandbox.internal.api;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.crypto.KeySet;
import org.zwfw.sdk.crypto.SigningKey;
import org.zwfw.sdk.crypto.VerificationKey;
import org.zwfw.sdk.httpsig.MessageSigner;
import org.zwfw.sdk.sandbox.internal.StateDirectory;

/**
 * The platform's signing keys of responses and webhooks, one per algorithm ({@code ES256},
 * {@code EdDSA}, {@code SGD_SM3_SM2}), kept in the state directory
 * ({@code keys/platform-<alg>.jwk}) when there is one. Immutable.
 */
public final class PlatformKeys {

    private final Map<JwsAlgorithm, SigningKey> keys = new EnumMap<>(JwsAlgorithm.class);
    private final Map<String, MessageSigner> signers = new java.util.HashMap<>();

    private PlatformKeys() {
    }

    /**
     * @param state the state directory, or {@code null}
     * @return the keys, loaded, or made (and stored) when absent
     */
    public static PlatformKeys open(StateDirectory state) {
        PlatformKeys p = new PlatformKeys();
        for (JwsAlgorithm alg : List.of(JwsAlgorithm.ES256, JwsAlgorithm.EDDSA, JwsAlgorithm.SGD_SM3_SM2)) {
            SigningKey k;
            if (state == null) {
                k = SigningKey.generate(alg);
            } else {
                String name = "platform-" + alg.jwsName().toLowerCase(Locale.ROOT).replace('_', '-');
                k = state.key(name, alg, !state.exists("keys/" + name + ".jwk"));
            }
            p.keys.put(alg, k);
            MessageSigner s = MessageSigner.of(k);
            p.signers.put(s.algorithm(), s);
        }
        return p;
    }

    /** @return the public keys, as {@code GET /v1/platform/keys} publishes them */
    public KeySet publicKeys() {
        List<VerificationKey> out = new ArrayList<>();
        keys.values().forEach(k -> out.add(k.verificationKey()));
        return KeySet.of(out);
    }

    /**
     * @param profileAlgorithm {@code ecdsa-p256-sha256}, {@code ed25519} or {@code sm2-sm3}; anything else the default
     * @return the signer of that algorithm ({@code ecdsa-p256-sha256} by default)
     */
    MessageSigner signer(String profileAlgorithm) {
        MessageSigner s = profileAlgorithm == null ? null : signers.get(profileAlgorithm);
        return s != null ? s : signers.get("ecdsa-p256-sha256");
    }
}
