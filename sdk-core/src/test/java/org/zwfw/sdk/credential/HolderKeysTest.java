package org.zwfw.sdk.credential;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.zwfw.sdk.crypto.AliasPolicy;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.crypto.SigningKey;
import org.zwfw.sdk.crypto.VerificationKey;
import org.zwfw.sdk.internal.Json;

class HolderKeysTest {

    @Test
    void cacheKeyIsTheJsonTextOfTheJwk() {
        for (JwsAlgorithm alg : List.of(JwsAlgorithm.ES256, JwsAlgorithm.EDDSA, JwsAlgorithm.SGD_SM3_SM2)) {
            Map<String, Object> jwk = SigningKey.generate(alg).withKeyId("h-1").verificationKey().toJwk();
            assertThat(HolderKeys.text(jwk)).isEqualTo(Json.writeString(jwk));
        }
        Map<String, Object> odd = new LinkedHashMap<>();
        odd.put("kty", "EC");
        odd.put("kid", "quote\" backslash\\ slash/ tab\t 张三 \u007f");
        odd.put("key_ops", List.of("verify"));
        odd.put("n", 1L);
        assertThat(HolderKeys.text(odd)).isEqualTo(Json.writeString(odd));
        for (String v : List.of("a\"b", "a\\b", "a\u0001b", "\u00e9", "\u007f", "~!@#$%^&*()_+{}|:<>?/.,;'[]=-`")) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kty", "EC");
            m.put("kid", v);
            assertThat(HolderKeys.text(m)).as(v).isEqualTo(Json.writeString(m));
            assertThat(HolderKeys.text(Map.of(v, "x"))).as(v).isEqualTo(Json.writeString(Map.of(v, "x")));
        }
        assertThat(HolderKeys.text(new LinkedHashMap<>())).isEqualTo("{}");
    }

    @Test
    void sameJwkGivesTheSameKeyAndAnotherJwkAnotherKey() {
        HolderKeys cache = new HolderKeys(AliasPolicy.STRICT);
        Map<String, Object> a = SigningKey.generate(JwsAlgorithm.ES256).verificationKey().toJwk();
        Map<String, Object> b = SigningKey.generate(JwsAlgorithm.ES256).verificationKey().toJwk();
        VerificationKey ka = cache.get(a);
        assertThat(cache.get(new LinkedHashMap<>(a))).isSameAs(ka);
        assertThat(cache.get(b)).isNotEqualTo(ka).isEqualTo(VerificationKey.fromJwk(b, AliasPolicy.STRICT));
        Map<String, Object> withKid = new LinkedHashMap<>(a);
        withKid.put("kid", "other");
        assertThat(cache.get(withKid).keyId()).contains("other");
        assertThat(cache.get(a)).isSameAs(ka);
    }
}
