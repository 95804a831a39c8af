package org.zwfw.sdk.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.zwfw.sdk.verify.OutcomeCode;

class IssuerKeysTest {

    private static final KeySet KEYS = KeySet.of(SigningKey.generate(JwsAlgorithm.ES256).verificationKey());

    private static KeyRequest forIssuer(String iss) {
        return new KeyRequest(null, null, null, iss, Instant.EPOCH);
    }

    @Test
    void pinnedKeysAnswerPerIssuerFromACopy() {
        Map<String, KeySet> map = new HashMap<>(Map.of("https://issuer.example", KEYS));
        IssuerKeys keys = IssuerKeys.of(map);
        map.clear();
        assertThat(keys.resolve(forIssuer("https://issuer.example")).value()).contains(KEYS);
        assertThat(keys.resolve(forIssuer("https://other.example")).errorCodes())
                .containsExactly(OutcomeCode.UNTRUSTED_ISSUER);
        assertThat(keys.resolve(forIssuer(null)).errorCodes()).containsExactly(OutcomeCode.UNTRUSTED_ISSUER);
    }
}
