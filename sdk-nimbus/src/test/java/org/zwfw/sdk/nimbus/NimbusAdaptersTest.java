package org.zwfw.sdk.nimbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.crypto.JwsBuilder;
import org.zwfw.sdk.crypto.JwsVerifier;
import org.zwfw.sdk.crypto.SigningKey;
import org.zwfw.sdk.crypto.VerificationKey;

/** Tests {@link NimbusJwsSigner}, {@link NimbusJwsVerifier} and {@link NimbusAlgorithms}. */
class NimbusAdaptersTest {

    @ParameterizedTest
    @EnumSource(value = JwsAlgorithm.class, names = {"ES256", "EDDSA", "SGD_SM3_SM2"})
    void nimbusSignsThroughTheSdkAndTheSdkVerifies(JwsAlgorithm alg) throws Exception {
        SigningKey key = SigningKey.generate(alg);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(NimbusAlgorithms.of(alg)).keyID(key.keyId().orElseThrow())
                .build(), new JWTClaimsSet.Builder().issuer("https://iss.example").build());
        jwt.sign(new NimbusJwsSigner(key));
        String compact = jwt.serialize();
        assertThat(JwsVerifier.builder().keys(key.verificationKey()).build().verify(compact).isValid()).isTrue();
        assertThat(SignedJWT.parse(compact).verify(new NimbusJwsVerifier(key.verificationKey()))).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = JwsAlgorithm.class, names = {"ES256", "EDDSA", "SGD_SM3_SM2"})
    void sdkTokensVerifyInNimbusThroughTheAdapter(JwsAlgorithm alg) throws Exception {
        SigningKey key = SigningKey.generate(alg);
        String compact = JwsBuilder.signedWith(key).claims(java.util.Map.of("a", 1)).sign();
        assertThat(JWSObject.parse(compact).verify(new NimbusJwsVerifier(key.verificationKey()))).isTrue();
        assertThat(JWSObject.parse(compact).verify(new NimbusJwsVerifier(SigningKey.generate(alg).verificationKey())))
                .isFalse();
    }

    @Test
    void nimbusOwnEs256InteroperatesBothWays() throws Exception {
        ECKey nimbusKey = new ECKeyGenerator(Curve.P_256).keyID("n1").generate();
        JWSObject o = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("n1").build(), new Payload("{\"x\":1}"));
        o.sign(new ECDSASigner(nimbusKey));
        VerificationKey vk = VerificationKey.fromJwk(nimbusKey.toPublicJWK().toJSONString());
        assertThat(JwsVerifier.builder().keys(vk).build().verify(o.serialize()).isValid()).isTrue();

        SigningKey sk = SigningKey.fromJwk(nimbusKey.toJSONString());
        String ours = JwsBuilder.signedWith(sk).claims(java.util.Map.of("x", 1)).sign();
        assertThat(JWSObject.parse(ours).verify(new ECDSAVerifier(nimbusKey.toECPublicKey()))).isTrue();
    }

    @Test
    void verifierRefusesAHeaderAlgOtherThanTheKeys() throws Exception {
        SigningKey es = SigningKey.generate(JwsAlgorithm.ES256);
        SigningKey sm2 = SigningKey.generate(JwsAlgorithm.SGD_SM3_SM2);
        String compact = JwsBuilder.signedWith(sm2).claims(java.util.Map.of("a", 1)).sign();
        assertThatThrownBy(() -> JWSObject.parse(compact).verify(new NimbusJwsVerifier(es.verificationKey())))
                .isInstanceOf(JOSEException.class).hasMessageContaining("differs");
        assertThatThrownBy(() -> new JWSObject(new JWSHeader(JWSAlgorithm.ES256), new Payload("x"))
                .sign(new NimbusJwsSigner(sm2))).isInstanceOf(JOSEException.class);
    }

    @Test
    void verifierRefusesUnknownCriticalHeaders() throws Exception {
        SigningKey k = SigningKey.generate(JwsAlgorithm.ES256);
        JWSObject o = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).criticalParams(Set.of("ext"))
                .customParam("ext", 1).build(), new Payload("x"));
        o.sign(new NimbusJwsSigner(k));
        JWSObject parsed = JWSObject.parse(o.serialize());
        assertThat(parsed.verify(new NimbusJwsVerifier(k.verificationKey()))).isFalse();
        assertThat(parsed.verify(new NimbusJwsVerifier(k.verificationKey(), Set.of("ext")))).isTrue();
    }

    @Test
    void algorithmNames() {
        assertThat(NimbusAlgorithms.of(JwsAlgorithm.SGD_SM3_SM2).getName()).isEqualTo("SGD_SM3_SM2");
        assertThat(NimbusAlgorithms.of(JwsAlgorithm.EDDSA)).isEqualTo(JWSAlgorithm.EdDSA);
        assertThat(new NimbusJwsSigner(SigningKey.generate(JwsAlgorithm.EDDSA)).supportedJWSAlgorithms())
                .containsExactly(JWSAlgorithm.EdDSA);
    }

    @Test
    void signaturesAreDecodedAsStrictlyAsTheSdkDoes() {
        byte[] bytes = {(byte) 0xfb, (byte) 0xff};
        assertThat(NimbusJwsVerifier.strictBase64Url("-_8")).containsExactly(bytes);
        assertThat(NimbusJwsVerifier.strictBase64Url("-_9")).as("non-canonical trailing bits").isNull();
        assertThat(NimbusJwsVerifier.strictBase64Url("-_8=")).as("padding").isNull();
        assertThat(NimbusJwsVerifier.strictBase64Url("+/8")).as("base64, not base64url").isNull();
        assertThat(NimbusJwsVerifier.strictBase64Url("-_8\n")).isNull();
    }
}
