package org.zwfw.sdk.crypto;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.util.Map;
import org.bouncycastle.jcajce.spec.SM2ParameterSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.zwfw.sdk.internal.Base64Url;
import org.zwfw.sdk.internal.SignatureEncoding;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SigningKeyTest {

    private static final byte[] MSG = TestSupport.resourceBytes("/fixtures/message.txt");
    private static final char[] P12_PASSWORD = "changeit".toCharArray();

    @ParameterizedTest
    @EnumSource(value = JwsAlgorithm.class, names = {"ES256", "EDDSA", "SGD_SM3_SM2"})
    void generatedKeyHasThumbprintAsKidAndRoundTripsThroughPrivateJwk(JwsAlgorithm alg) {
        SigningKey k = SigningKey.generate(alg);
        assertThat(k.keyId()).contains(k.verificationKey().thumbprint());
        SigningKey back = SigningKey.fromJwk(k.toPrivateJwkJson());
        assertThat(back.verificationKey()).isEqualTo(k.verificationKey());
        assertThat(k.verificationKey().verify(MSG, back.sign(MSG))).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = JwsAlgorithm.class, names = {"ES256", "EDDSA", "SGD_SM3_SM2"})
    void pemRoundTrip(JwsAlgorithm alg) {
        SigningKey k = SigningKey.generate(alg);
        SigningKey back = SigningKey.fromPem(k.toPem());
        assertThat(back.verificationKey()).isEqualTo(k.verificationKey().withKeyId(null));
    }

    @Test
    void es256SigningIsDeterministic() {
        SigningKey k = SigningKey.generate(JwsAlgorithm.ES256);
        assertThat(k.sign(MSG)).isEqualTo(k.sign(MSG));
    }

    @Test
    void sm2SigningIsRandomised() {
        SigningKey k = SigningKey.generate(JwsAlgorithm.SGD_SM3_SM2);
        assertThat(k.sign(MSG)).isNotEqualTo(k.sign(MSG));
    }

    @Test
    void rsaIsVerifyOnly() {
        assertThatThrownBy(() -> SigningKey.generate(JwsAlgorithm.RS256)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("verify-only");
        assertThatThrownBy(() -> SigningKey.fromPem(TestSupport.resource("/fixtures/rsa-private.pem")))
                .isInstanceOf(KeyFormatException.class).hasMessageContaining("verify-only");
    }

    @Test
    void readsOpenSslPrivateKeysInEveryPemForm() {
        VerificationKey p256 = VerificationKey.fromPem(TestSupport.resource("/fixtures/p256-public.pem"));
        assertThat(SigningKey.fromPem(TestSupport.resource("/fixtures/p256-private.pem")).verificationKey()).isEqualTo(p256);
        assertThat(SigningKey.fromPem(TestSupport.resource("/fixtures/p256-sec1.pem")).verificationKey()).isEqualTo(p256);
        VerificationKey sm2 = VerificationKey.fromPem(TestSupport.resource("/fixtures/sm2-public.pem"));
        assertThat(SigningKey.fromPem(TestSupport.resource("/fixtures/sm2-private.pem")).verificationKey()).isEqualTo(sm2);
        VerificationKey ed = VerificationKey.fromPem(TestSupport.resource("/fixtures/ed25519-public.pem"));
        SigningKey edKey = SigningKey.fromPem(TestSupport.resource("/fixtures/ed25519-private.pem"));
        assertThat(edKey.verificationKey()).isEqualTo(ed);
        // Ed25519 is deterministic: the same signature OpenSSL made
        assertThat(edKey.sign(MSG)).isEqualTo(TestSupport.resourceBytes("/fixtures/ed25519-message.sig"));
    }

    @Test
    void refusesEncryptedPem() {
        assertThatThrownBy(() -> SigningKey.fromPem(TestSupport.resource("/fixtures/p256-encrypted.pem")))
                .isInstanceOf(KeyFormatException.class).hasMessageContaining("encrypted");
    }

    @Test
    void readsPkcs12StoresIncludingSm2() {
        assertThat(p12("p256").verificationKey().withKeyId(null))
                .isEqualTo(VerificationKey.fromPem(TestSupport.resource("/fixtures/p256-public.pem")));
        SigningKey sm2 = p12("sm2");
        assertThat(sm2.keyId()).contains("sm2");
        assertThat(sm2.algorithm()).isEqualTo(JwsAlgorithm.SGD_SM3_SM2);
        assertThat(sm2.verificationKey().withKeyId(null))
                .isEqualTo(VerificationKey.fromPem(TestSupport.resource("/fixtures/sm2-public.pem")));
        assertThat(p12("ed25519").algorithm()).isEqualTo(JwsAlgorithm.EDDSA);
    }

    @Test
    void pkcs12WithWrongPasswordSaysSo() {
        byte[] store = TestSupport.resourceBytes("/fixtures/sm2.p12");
        assertThatThrownBy(() -> SigningKey.fromPkcs12(new ByteArrayInputStream(store), "wrong".toCharArray(), null))
                .isInstanceOf(KeyFormatException.class).hasMessageContaining("password");
        assertThatThrownBy(() -> SigningKey.fromPkcs12(new ByteArrayInputStream(store), P12_PASSWORD, "nope"))
                .isInstanceOf(KeyFormatException.class).hasMessageContaining("'nope'");
    }

    private static SigningKey p12(String name) {
        return SigningKey.fromPkcs12(new ByteArrayInputStream(TestSupport.resourceBytes("/fixtures/" + name + ".p12")),
                P12_PASSWORD, null);
    }

    @Test
    void rejectsPrivateJwkWhoseDDoesNotMatchItsPublicKey() {
        Map<String, Object> a = SigningKey.generate(JwsAlgorithm.SGD_SM3_SM2).toPrivateJwk();
        Map<String, Object> b = SigningKey.generate(JwsAlgorithm.SGD_SM3_SM2).toPrivateJwk();
        a.put("d", b.get("d"));
        String json = org.zwfw.sdk.internal.Json.writeString(a);
        assertThatThrownBy(() -> SigningKey.fromJwk(json)).isInstanceOf(KeyFormatException.class)
                .hasMessageContaining("does not belong");
    }

    @Test
    void rejectsSm2ScalarOutsideOneToNMinusTwo() {
        java.math.BigInteger nMinus1 = Curves.SM2.getN().subtract(java.math.BigInteger.ONE);
        assertThatThrownBy(() -> new Sm2Private(nMinus1, Sm2.defaultSignerId()))
                .isInstanceOf(KeyFormatException.class).hasMessageContaining("[1, n-2]");
        assertThatThrownBy(() -> new Sm2Private(java.math.BigInteger.ZERO, Sm2.defaultSignerId()))
                .isInstanceOf(KeyFormatException.class);
    }

    @Test
    void sm2InteroperatesWithBouncyCastleSm3WithSm2Der() throws Exception {
        SigningKey k = SigningKey.generate(JwsAlgorithm.SGD_SM3_SM2);
        // SDK raw r||s -> DER -> BouncyCastle's own SM3withSM2 verifies
        Signature bc = Signature.getInstance("SM3withSM2", JcaKeys.provider());
        bc.setParameter(new SM2ParameterSpec(Sm2.defaultSignerId()));
        bc.initVerify(k.verificationKey().toPublicKey());
        bc.update(MSG);
        assertThat(bc.verify(SignatureEncoding.rawToDer(k.sign(MSG)))).isTrue();
        // BouncyCastle signs DER -> raw r||s -> SDK verifies
        Signature signer = Signature.getInstance("SM3withSM2", JcaKeys.provider());
        signer.setParameter(new SM2ParameterSpec(Sm2.defaultSignerId()));
        signer.initSign(k.toPrivateKey());
        signer.update(MSG);
        byte[] der = signer.sign();
        assertThat(k.verificationKey().verify(MSG, SignatureEncoding.derToRaw(der, 32))).isTrue();
    }

    @Test
    void sm2WithAnotherSignerIdInteroperatesWithBouncyCastle() throws Exception {
        byte[] id = "ALICE123@YAHOO.COM".getBytes(StandardCharsets.US_ASCII);
        SigningKey k = SigningKey.generate(JwsAlgorithm.SGD_SM3_SM2).withSm2SignerId(id);
        Signature bc = Signature.getInstance("SM3withSM2", JcaKeys.provider());
        bc.setParameter(new SM2ParameterSpec(id));
        bc.initVerify(k.verificationKey().toPublicKey());
        bc.update(MSG);
        assertThat(bc.verify(SignatureEncoding.rawToDer(k.sign(MSG)))).isTrue();
        assertThat(k.verificationKey().sm2SignerId()).hasValueSatisfying(v -> assertThat(v).isEqualTo(id));
    }

    @Test
    void es256InteroperatesWithTheJdk() throws Exception {
        SigningKey k = SigningKey.generate(JwsAlgorithm.ES256);
        Signature jdk = Signature.getInstance("SHA256withECDSAinP1363Format");
        jdk.initVerify(k.verificationKey().toPublicKey());
        jdk.update(MSG);
        assertThat(jdk.verify(k.sign(MSG))).isTrue();
        Signature signer = Signature.getInstance("SHA256withECDSAinP1363Format");
        signer.initSign(k.toPrivateKey());
        signer.update(MSG);
        assertThat(k.verificationKey().verify(MSG, signer.sign())).isTrue();
    }

    @Test
    void ed25519InteroperatesWithTheJdk() throws Exception {
        SigningKey k = SigningKey.generate(JwsAlgorithm.EDDSA);
        Signature jdk = Signature.getInstance("Ed25519");
        jdk.initVerify(k.verificationKey().toPublicKey());
        jdk.update(MSG);
        assertThat(jdk.verify(k.sign(MSG))).isTrue();
    }

    @Test
    void signerIdOnlyForSm2() {
        assertThatThrownBy(() -> SigningKey.generate(JwsAlgorithm.ES256).withSm2SignerId(new byte[1]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SM2 keys only");
    }

    @Test
    void neverPrintsThePrivateKey() {
        SigningKey k = SigningKey.generate(JwsAlgorithm.SGD_SM3_SM2);
        String d = (String) k.toPrivateJwk().get("d");
        assertThat(k.toString()).doesNotContain(d).contains("SGD_SM3_SM2");
        assertThat(Base64Url.decode(d)).hasSize(32);
    }
}
