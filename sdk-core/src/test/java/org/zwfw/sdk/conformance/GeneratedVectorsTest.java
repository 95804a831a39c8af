package org.zwfw.sdk.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.crypto.JwsBuilder;
import org.zwfw.sdk.crypto.SigningKey;

/** What the comparison of committed and generated vectors ignores, and what it does not. */
class GeneratedVectorsTest {

    private static String token(SigningKey key, String iss) {
        return JwsBuilder.signedWith(key).type("test+jwt").claims(Map.of("iss", iss)).sign();
    }

    private static String comparable(String text) {
        return GeneratedVectors.comparable(TextNode.valueOf(text)).asText();
    }

    @Test
    void keysFromOneLabelAreTheSameOnEveryRun() {
        for (JwsAlgorithm alg : new JwsAlgorithm[] {JwsAlgorithm.ES256, JwsAlgorithm.EDDSA, JwsAlgorithm.SGD_SM3_SM2}) {
            assertThat(GeneratedVectors.key(alg, "label").toPrivateJwk())
                    .isEqualTo(GeneratedVectors.key(alg, "label").toPrivateJwk())
                    .isNotEqualTo(GeneratedVectors.key(alg, "other label").toPrivateJwk());
        }
    }

    @Test
    void onlyTheRandomizedSignatureIsIgnored() {
        SigningKey sm2 = GeneratedVectors.key(JwsAlgorithm.SGD_SM3_SM2, "sm2");
        String a = token(sm2, "https://a.example");
        String b = token(sm2, "https://a.example");
        assertThat(a).isNotEqualTo(b);
        assertThat(comparable(a)).isEqualTo(comparable(b));
        assertThat(comparable(a + "~disclosure~")).isEqualTo(comparable(b + "~disclosure~"));
        assertThat(comparable(a)).isNotEqualTo(comparable(token(sm2, "https://b.example")));
        assertThat(comparable(a + "~one~")).isNotEqualTo(comparable(b + "~two~"));
    }

    @Test
    void deterministicSignaturesAreCompared() {
        for (JwsAlgorithm alg : new JwsAlgorithm[] {JwsAlgorithm.ES256, JwsAlgorithm.EDDSA}) {
            SigningKey key = GeneratedVectors.key(alg, "deterministic");
            String t = token(key, "https://a.example");
            assertThat(token(key, "https://a.example")).isEqualTo(t);
            String other = t.substring(0, t.length() - 2) + (t.endsWith("AA") ? "BA" : "AA");
            assertThat(comparable(t)).isEqualTo(t).isNotEqualTo(comparable(other));
        }
    }
}
