package org.zwfw.sdk.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.zwfw.sdk.internal.Json;
import org.zwfw.sdk.verify.VerificationResult;

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
    void anRsaKeyWithoutAlgIsBoundToRs256AndVerifiesAnRs256Token() throws Exception {
        java.security.KeyPairGenerator g = java.security.KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        java.security.KeyPair kp = g.generateKeyPair();
        Map<String, Object> jwk = VerificationKey.fromPublicKey(kp.getPublic()).withKeyId("r1").toJwk();
        jwk.remove("alg");
        jwk.remove("use");
        KeySet set = KeySet.parse(Json.writeString(Map.of("keys", List.of(jwk))));
        assertThat(set.keys()).singleElement().extracting(VerificationKey::algorithm).isEqualTo(JwsAlgorithm.RS256);
        String input = org.zwfw.sdk.internal.Base64Url.encode(Json.write(Map.of("alg", "RS256", "kid", "r1"))) + "."
                + org.zwfw.sdk.internal.Base64Url.encode(Json.write(Map.of("sub", "x")));
        java.security.Signature s = java.security.Signature.getInstance("SHA256withRSA");
        s.initSign(kp.getPrivate());
        s.update(input.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        String jwt = input + "." + org.zwfw.sdk.internal.Base64Url.encode(s.sign());
        assertThat(JwsVerifier.builder().keys(set).allowedAlgorithms(JwsAlgorithm.RS256).build().verify(jwt).errors())
                .isEmpty();
    }

    @Test
    void keysNotForSignaturesAreSkippedWithTheirReason() {
        Map<String, Object> enc = SigningKey.generate(JwsAlgorithm.ES256).verificationKey().withKeyId("e1").toJwk();
        enc.put("use", "enc");
        Map<String, Object> ops = SigningKey.generate(JwsAlgorithm.ES256).verificationKey().withKeyId("e2").toJwk();
        ops.remove("use");
        ops.put("key_ops", List.of("encrypt", "wrapKey"));
        VerificationKey sig = SigningKey.generate(JwsAlgorithm.ES256).verificationKey().withKeyId("s1");
        KeySet set = KeySet.parse(Json.writeString(Map.of("keys", List.of(enc, ops, sig.toJwk()))));
        assertThat(set.keys()).containsExactly(sig);
        assertThat(set.skipped()).hasSize(2);
        assertThat(set.skipped().get(0)).contains("key 0 (kid 'e1')", "'use' is 'enc'", "never used to verify");
        assertThat(set.skipped().get(1)).contains("key 1 (kid 'e2')", "'key_ops' lacks 'verify'");
    }

    @Test
    void aKeyNotForSignaturesIsSkippedBeforeItsMembersAreRead() {
        // an RSA encryption key below the profile's 2048 bits would fail the set if it were read
        Map<String, Object> small = VerificationKey.fromPem(TestSupport.resource("/fixtures/rsa-public.pem")).toJwk();
        small.put("n", "AQAB");
        small.remove("alg");
        small.put("use", "enc");
        VerificationKey sig = SigningKey.generate(JwsAlgorithm.ES256).verificationKey();
        KeySet set = KeySet.parse(Json.writeString(Map.of("keys", List.of(small, sig.toJwk()))));
        assertThat(set.keys()).containsExactly(sig);
        small.put("use", "sig");
        assertThatThrownBy(() -> KeySet.parse(Json.writeString(Map.of("keys", List.of(small)))))
                .isInstanceOf(KeyFormatException.class);
    }

    @Test
    void aPrivateMemberFailsTheSetEvenInAKeyNotForSignatures() {
        Map<String, Object> priv = SigningKey.generate(JwsAlgorithm.ES256).toPrivateJwk();
        priv.put("use", "enc");
        assertThatThrownBy(() -> KeySet.parse(Json.writeString(Map.of("keys", List.of(priv)))))
                .isInstanceOf(KeyFormatException.class).hasMessageContaining("key 0").hasMessageContaining("'d'");
        Map<String, Object> rsa = VerificationKey.fromPem(TestSupport.resource("/fixtures/rsa-public.pem")).toJwk();
        rsa.put("use", "enc");
        rsa.put("p", "AQAB");
        assertThatThrownBy(() -> KeySet.parse(Json.writeString(Map.of("keys", List.of(rsa)))))
                .isInstanceOf(KeyFormatException.class).hasMessageContaining("'p'");
    }

    @Test
    void keysSharingAKidAreAllKeptAndTheTokensAlgorithmChooses() {
        SigningKey es = SigningKey.generate(JwsAlgorithm.ES256).withKeyId("k");
        SigningKey ed = SigningKey.generate(JwsAlgorithm.EDDSA).withKeyId("k");
        SigningKey es2 = SigningKey.generate(JwsAlgorithm.ES256).withKeyId("k");
        KeySet set = KeySet.parse(KeySet.of(es.verificationKey(), ed.verificationKey(), es2.verificationKey()).toJson());
        assertThat(set.candidates("k")).hasSize(3);
        JwsVerifier v = JwsVerifier.builder().keys(set).build();
        for (SigningKey k : List.of(es, ed, es2)) {
            VerificationResult<VerifiedJws> r = v.verify(JwsBuilder.signedWith(k).claims(Map.of("n", 1)).sign());
            assertThat(r.errors()).isEmpty();
            assertThat(r.value().orElseThrow().key()).isEqualTo(k.verificationKey());
        }
    }

    @Test
    void duplicateMembersInAJwkAreRejected() {
        assertThatThrownBy(() -> VerificationKey.fromJwk("{\"kty\":\"OKP\",\"kty\":\"EC\"}"))
                .isInstanceOf(KeyFormatException.class).hasMessageContaining("not valid JSON");
    }
}
