package org.zwfw.sdk.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.zwfw.sdk.internal.Json;

class KeySetTest {

    @Test
    void parsesAJwkSetWithEveryKeyTypeAndRoundTrips() {
        KeySet set = KeySet.of(SigningKey.generate(JwsAlgorithm.ES256).verificationKey(),
                SigningKey.generate(JwsAlgorithm.EDDSA).verificationKey(),
                SigningKey.generate(JwsAlgorithm.SGD_SM3_SM2).verificationKey(),
                VerificationKey.fromPem(TestSupport.resource("/fixtures/rsa-public.pem")).withKeyId("rsa"));
        KeySet back = KeySet.parse(set.toJson());
        assertThat(back).isEqualTo(set);
        assertThat(back.skipped()).isEmpty();
    }

    @Test
    void skipsUnsupportedKeysAndSaysWhy() {
        String jwks = "{\"keys\":[{\"kty\":\"EC\",\"crv\":\"P-384\",\"x\":\"AA\",\"y\":\"AA\"},"
                + "{\"kty\":\"oct\",\"k\":\"c2VjcmV0\"},"
                + "{\"kty\":\"RSA\",\"alg\":\"RSA-OAEP\",\"n\":\"AQ\",\"e\":\"AQAB\"},"
                + SigningKey.generate(JwsAlgorithm.ES256).verificationKey().toJson() + "]}";
        KeySet set = KeySet.parse(jwks);
        assertThat(set.keys()).hasSize(1);
        assertThat(set.skipped()).hasSize(3);
        assertThat(set.skipped().get(0)).contains("key 0", "P-384");
    }

    @Test
    void failsLoudlyOnAMalformedSupportedKey() {
        Map<String, Object> bad = SigningKey.generate(JwsAlgorithm.ES256).verificationKey().toJwk();
        bad.put("x", "not base64!");
        String jwks = Json.writeString(Map.of("keys", List.of(bad)));
        assertThatThrownBy(() -> KeySet.parse(jwks)).isInstanceOf(KeyFormatException.class)
                .hasMessageContaining("key 0").hasMessageContaining("'x'");
    }

    @Test
    void requiresAKeysArray() {
        assertThatThrownBy(() -> KeySet.parse("{}")).isInstanceOf(KeyFormatException.class).hasMessageContaining("'keys'");
        assertThatThrownBy(() -> KeySet.parse("[]")).isInstanceOf(KeyFormatException.class);
        assertThatThrownBy(() -> KeySet.parse("{\"keys\":[1]}")).isInstanceOf(KeyFormatException.class);
    }

    @Test
    void candidatesMatchKidAndSkipEncryptionKeys() {
        VerificationKey a = SigningKey.generate(JwsAlgorithm.ES256).verificationKey().withKeyId("a");
        Map<String, Object> encJwk = SigningKey.generate(JwsAlgorithm.ES256).verificationKey().withKeyId("b").toJwk();
        encJwk.put("use", "enc");
        VerificationKey b = VerificationKey.fromJwk(encJwk, AliasPolicy.STRICT);
        KeySet set = KeySet.of(a, b);
        assertThat(set.candidates("a")).containsExactly(a);
        assertThat(set.candidates("b")).isEmpty();
        assertThat(set.candidates(null)).containsExactly(a);
    }

    @Test
    void duplicateMembersInAJwkAreRejected() {
        assertThatThrownBy(() -> VerificationKey.fromJwk("{\"kty\":\"OKP\",\"kty\":\"EC\"}"))
                .isInstanceOf(KeyFormatException.class).hasMessageContaining("not valid JSON");
    }
}
