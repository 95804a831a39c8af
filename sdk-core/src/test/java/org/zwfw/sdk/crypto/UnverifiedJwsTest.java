package org.zwfw.sdk.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class UnverifiedJwsTest {

    @Test
    void decodesWithoutVerifying() {
        SigningKey k = SigningKey.generate(JwsAlgorithm.ES256).withKeyId("k");
        String jws = JwsBuilder.signedWith(k).type("x+jwt").claims(Map.of("iss", "a")).sign();
        UnverifiedJws u = UnverifiedJws.parse(jws, 1000);
        assertThat(u.header().keyId()).contains("k");
        assertThat(u.claims()).containsEntry("iss", "a");
    }

    @Test
    void isAsStrictAsTheVerifier() {
        assertThatThrownBy(() -> UnverifiedJws.parse("a.b", 1000)).hasMessageContaining("3 parts");
        assertThatThrownBy(() -> UnverifiedJws.parse("a.b.c.d", 1000)).hasMessageContaining("3 parts");
        assertThatThrownBy(() -> UnverifiedJws.parse("x".repeat(2000), 1000)).hasMessageContaining("exceeds");
        String dup = org.zwfw.sdk.internal.Base64Url.encode("{\"a\":1,\"a\":2}".getBytes());
        assertThatThrownBy(() -> UnverifiedJws.parse(dup + "." + dup + ".", 1000)).hasMessageContaining("duplicate");
    }
}
