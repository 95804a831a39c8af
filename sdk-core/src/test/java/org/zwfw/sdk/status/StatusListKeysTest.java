package org.zwfw.sdk.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.zwfw.sdk.crypto.KeySet;

class StatusListKeysTest {

    @Test
    void fixedKeysAnswerPerIssuer() {
        Map<String, KeySet> map = new HashMap<>(Map.of(StatusFixtures.ISSUER, StatusFixtures.issuerKeys()));
        StatusListKeys keys = StatusListKeys.of(map);
        map.clear();
        assertThat(keys.keysFor(StatusFixtures.ISSUER)).contains(StatusFixtures.issuerKeys());
        assertThat(keys.keysFor("https://other.example")).isEmpty();
    }
}
