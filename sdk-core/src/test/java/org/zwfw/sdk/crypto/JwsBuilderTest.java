package org.zwfw.sdk.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.zwfw.sdk.internal.Base64Url;
import org.zwfw.sdk.internal.Json;

class JwsBuilderTest {

    @Test
    void headerTakesAlgAndKidFromTheKey() {
        SigningKey k = SigningKey.generate(JwsAlgorithm.SGD_SM3_SM2).withKeyId("k1");
        String jws = JwsBuilder.signedWith(k).type("x+jwt").header("extra", 1).claims(Map.of("a", "b")).sign();
        Map<String, Object> header = Json.parseObject(Base64Url.decode(jws.substring(0, jws.indexOf('.'))), 4);
        assertThat(header).containsEntry("alg", "SGD_SM3_SM2").containsEntry("kid", "k1")
                .containsEntry("typ", "x+jwt").containsEntry("extra", 1L);
    }

    @Test
    void refusesHeadersVerifiersIgnoreOrReject() {
        JwsBuilder b = JwsBuilder.signedWith(SigningKey.generate(JwsAlgorithm.ES256));
        for (String name : new String[] {"alg", "kid", "jwk", "jku", "x5u", "b64"}) {
            assertThatThrownBy(() -> b.header(name, "x")).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(b::sign).isInstanceOf(IllegalStateException.class);
    }
}
