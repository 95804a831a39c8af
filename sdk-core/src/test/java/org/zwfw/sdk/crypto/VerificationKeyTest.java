package org.zwfw.sdk.crypto;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.zwfw.sdk.internal.Base64Url;
import org.zwfw.sdk.internal.SignatureEncoding;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerificationKeyTest {

    private static final byte[] MSG = TestSupport.resourceBytes("/fixtures/message.txt");

    @ParameterizedTest
    @EnumSource(value = JwsAlgorithm.class, names = {"ES256", "EDDSA", "SGD_SM3_SM2"})
    void roundTripsThroughJwkAndVerifiesOnlyItsOwnSignatures(JwsAlgorithm alg) {
        SigningKey sk = SigningKey.generate(alg);
        VerificationKey vk = VerificationKey.fromJwk(sk.verificationKey().toJson());
        assertThat(vk).isEqualTo(sk.verificationKey());
        assertThat(vk.algorithm()).isEqualTo(alg);
        byte[] sig = sk.sign(MSG);
        assertThat(sig).hasSize(64);
        assertThat(vk.verify(MSG, sig)).isTrue();
        assertThat(SigningKey.generate(alg).verificationKey().verify(MSG, sig)).isFalse();
    }

    @Test
    void rfc7638ThumbprintOfTheRfcExampleKey() {
        // RFC 7638 §3.1
        String jwk = "{\"kty\":\"RSA\",\"n\":\"0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw\",\"e\":\"AQAB\",\"alg\":\"RS256\",\"kid\":\"2011-04-29\"}";
        assertThat(VerificationKey.fromJwk(jwk).thumbprint()).isEqualTo("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs");
    }

    @Test
    void rfc8037ThumbprintOfTheEd25519ExampleKey() {
        // RFC 8037 §A.3
        String jwk = "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo\"}";
        assertThat(VerificationKey.fromJwk(jwk).thumbprint()).isEqualTo("kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k");
    }

    @Test
    void sm2ThumbprintUsesCanonicalCurveName() {
        VerificationKey k = SigningKey.generate(JwsAlgorithm.SGD_SM3_SM2).verificationKey();
        Map<String, Object> jwk = k.toJwk();
        String input = "{\"crv\":\"SM2-P-256\",\"kty\":\"EC\",\"x\":\"" + jwk.get("x") + "\",\"y\":\"" + jwk.get("y") + "\"}";
        assertThat(k.thumbprint()).isEqualTo(Base64Url.encode(Digests.sha256(input.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void keyWithoutAlgIsBoundByItsType() {
        assertThat(VerificationKey.fromPem(TestSupport.resource("/fixtures/rsa-public.pem")).algorithm())
                .isEqualTo(JwsAlgorithm.RS256);
        assertThat(VerificationKey.fromPem(TestSupport.resource("/fixtures/p256-public.pem")).algorithm())
                .isEqualTo(JwsAlgorithm.ES256);
        assertThat(VerificationKey.fromPem(TestSupport.resource("/fixtures/ed25519-public.pem")).algorithm())
                .isEqualTo(JwsAlgorithm.EDDSA);
        assertThat(VerificationKey.fromPem(TestSupport.resource("/fixtures/sm2-public.pem")).algorithm())
                .isEqualTo(JwsAlgorithm.SGD_SM3_SM2);
    }

    @Test
    void rejectsAlgThatDoesNotFitTheKeyType() {
        Map<String, Object> jwk = SigningKey.generate(JwsAlgorithm.ES256).verificationKey().toJwk();
        jwk.put("alg", "SGD_SM3_SM2");
        assertThatThrownBy(() -> VerificationKey.fromJwk(jwk, AliasPolicy.STRICT))
                .isInstanceOf(KeyFormatException.class).hasMessageContaining("does not fit");
        assertThatThrownBy(() -> VerificationKey.fromPem(TestSupport.resource("/fixtures/p256-public.pem"))
                .withAlgorithm(JwsAlgorithm.EDDSA)).isInstanceOf(KeyFormatException.class);
    }

    @Test
    void rsaKeyCanBeReboundToPs256Only() {
        VerificationKey rsa = VerificationKey.fromPem(TestSupport.resource("/fixtures/rsa-public.pem"));
        assertThat(rsa.withAlgorithm(JwsAlgorithm.PS256).algorithm()).isEqualTo(JwsAlgorithm.PS256);
        assertThatThrownBy(() -> rsa.withAlgorithm(JwsAlgorithm.ES256)).isInstanceOf(KeyFormatException.class);
    }

    @Test
    void verifiesOpenSslSignaturesAfterDerToRawConversion() {
        VerificationKey p256 = VerificationKey.fromPem(TestSupport.resource("/fixtures/p256-public.pem"));
        byte[] der = TestSupport.resourceBytes("/fixtures/p256-message.sig.der");
        assertThat(p256.verify(MSG, SignatureEncoding.derToRaw(der, 32))).isTrue();
        assertThat(p256.verify(MSG, der)).isFalse();

        VerificationKey sm2 = VerificationKey.fromPem(TestSupport.resource("/fixtures/sm2-public.pem"));
        byte[] sm2Der = TestSupport.resourceBytes("/fixtures/sm2-message.sig.der");
        assertThat(sm2.verify(MSG, SignatureEncoding.derToRaw(sm2Der, 32))).isTrue();

        VerificationKey ed = VerificationKey.fromPem(TestSupport.resource("/fixtures/ed25519-public.pem"));
        assertThat(ed.verify(MSG, TestSupport.resourceBytes("/fixtures/ed25519-message.sig"))).isTrue();

        VerificationKey rsa = VerificationKey.fromPem(TestSupport.resource("/fixtures/rsa-public.pem"));
        assertThat(rsa.verify(MSG, TestSupport.resourceBytes("/fixtures/rsa-message.sig"))).isTrue();
        assertThat(rsa.withAlgorithm(JwsAlgorithm.PS256).verify(MSG,
                TestSupport.resourceBytes("/fixtures/rsa-message.sig"))).isFalse();
    }

    @Test
    void readsKeysFromCertificatesIncludingSm2() {
        VerificationKey sm2 = VerificationKey.fromPem(TestSupport.resource("/fixtures/sm2-cert.pem"));
        assertThat(sm2).isEqualTo(VerificationKey.fromPem(TestSupport.resource("/fixtures/sm2-public.pem")));
        VerificationKey p256 = VerificationKey.fromPem(TestSupport.resource("/fixtures/p256-cert.pem"));
        assertThat(p256).isEqualTo(VerificationKey.fromPem(TestSupport.resource("/fixtures/p256-public.pem")));
    }

    @Test
    void readsPkcs1RsaPublicKey() {
        assertThat(VerificationKey.fromPem(TestSupport.resource("/fixtures/rsa-public-pkcs1.pem")))
                .isEqualTo(VerificationKey.fromPem(TestSupport.resource("/fixtures/rsa-public.pem")));
    }

    @Test
    void rejectsRsaBelow2048Bits() {
        assertThatThrownBy(() -> VerificationKey.fromPem(TestSupport.resource("/fixtures/rsa1024-public.pem")))
                .isInstanceOf(KeyFormatException.class).hasMessageContaining("below the minimum of 2048");
    }

    @Test
    void refusesPrivateKeyWhereAPublicKeyIsExpected() {
        assertThatThrownBy(() -> VerificationKey.fromPem(TestSupport.resource("/fixtures/p256-private.pem")))
                .isInstanceOf(KeyFormatException.class).hasMessageContaining("private key");
        String privateJwk = SigningKey.generate(JwsAlgorithm.ES256).toPrivateJwkJson();
        assertThatThrownBy(() -> VerificationKey.fromJwk(privateJwk))
                .isInstanceOf(KeyFormatException.class).hasMessageContaining("'d'");
    }

    @Test
    void rejectsPointNotOnTheCurve() {
        Map<String, Object> jwk = SigningKey.generate(JwsAlgorithm.SGD_SM3_SM2).verificationKey().toJwk();
        byte[] y = Base64Url.decode((String) jwk.get("y"));
        y[31] ^= 1;
        jwk.put("y", Base64Url.encode(y));
        assertThatThrownBy(() -> VerificationKey.fromJwk(jwk, AliasPolicy.STRICT))
                .isInstanceOf(KeyFormatException.class).hasMessageContaining("not on curve SM2-P-256");
    }

    @Test
    void aP256PointIsNotAnSm2Point() {
        Map<String, Object> jwk = SigningKey.generate(JwsAlgorithm.ES256).verificationKey().toJwk();
        jwk.put("crv", "SM2-P-256");
        jwk.remove("alg");
        assertThatThrownBy(() -> VerificationKey.fromJwk(jwk, AliasPolicy.STRICT))
                .isInstanceOf(KeyFormatException.class).hasMessageContaining("SM2-P-256");
    }

    @Test
    void rejectsShortCoordinates() {
        Map<String, Object> jwk = SigningKey.generate(JwsAlgorithm.ES256).verificationKey().toJwk();
        jwk.put("x", Base64Url.encode(new byte[31]));
        assertThatThrownBy(() -> VerificationKey.fromJwk(jwk, AliasPolicy.STRICT))
                .isInstanceOf(KeyFormatException.class).hasMessageContaining("'x' must decode to 32 bytes");
    }

    @Test
    void sm2AliasesOnlyWhenLenient() {
        Map<String, Object> jwk = SigningKey.generate(JwsAlgorithm.SGD_SM3_SM2).verificationKey().toJwk();
        for (String crv : new String[] {"SM2", "sm2p256v1"}) {
            jwk.put("crv", crv);
            jwk.put("alg", "SM2SM3");
            assertThatThrownBy(() -> VerificationKey.fromJwk(jwk, AliasPolicy.STRICT))
                    .isInstanceOf(KeyFormatException.class).hasMessageContaining("lenient");
            VerificationKey lenient = VerificationKey.fromJwk(jwk, AliasPolicy.LENIENT);
            assertThat(lenient.algorithm()).isEqualTo(JwsAlgorithm.SGD_SM3_SM2);
            assertThat(lenient.toJwk()).containsEntry("crv", "SM2-P-256").containsEntry("alg", "SGD_SM3_SM2");
        }
    }

    @Test
    void encryptionKeyNeverVerifies() {
        SigningKey sk = SigningKey.generate(JwsAlgorithm.ES256);
        Map<String, Object> jwk = sk.verificationKey().toJwk();
        jwk.put("use", "enc");
        VerificationKey enc = VerificationKey.fromJwk(jwk, AliasPolicy.STRICT);
        assertThat(enc.isSignatureKey()).isFalse();
        assertThat(enc.verify(MSG, sk.sign(MSG))).isFalse();
        jwk.remove("use");
        jwk.put("key_ops", java.util.List.of("encrypt"));
        assertThat(VerificationKey.fromJwk(jwk, AliasPolicy.STRICT).verify(MSG, sk.sign(MSG))).isFalse();
    }

    @Test
    void es256RejectsRAndSOutOfRangeBeforeAnyCurveMath() {
        SigningKey sk = SigningKey.generate(JwsAlgorithm.ES256);
        byte[] sig = sk.sign(MSG);
        BigInteger n = Curves.P256.getN();
        for (int half = 0; half < 2; half++) {
            for (BigInteger bad : new BigInteger[] {BigInteger.ZERO, n}) {
                byte[] s = sig.clone();
                System.arraycopy(Curves.bytes32(bad), 0, s, half * 32, 32);
                assertThat(sk.verificationKey().check(MSG, 0, MSG.length, s)).isEqualTo(SignatureCheck.OUT_OF_RANGE);
            }
        }
        // the "psychic signature" (CVE-2022-21449): r = s = 0
        assertThat(sk.verificationKey().verify(MSG, new byte[64])).isFalse();
    }

    @Test
    void ed25519RejectsSAtOrAboveTheGroupOrder() {
        SigningKey sk = SigningKey.generate(JwsAlgorithm.EDDSA);
        byte[] sig = sk.sign(MSG);
        // S + L is the classic malleability: same point equation, non-canonical S
        BigInteger l = BigInteger.ONE.shiftLeft(252).add(new BigInteger("27742317777372353535851937790883648493"));
        byte[] sLe = java.util.Arrays.copyOfRange(sig, 32, 64);
        byte[] sBe = new byte[32];
        for (int i = 0; i < 32; i++) {
            sBe[i] = sLe[31 - i];
        }
        byte[] sumBe = Curves.bytes32(new BigInteger(1, sBe).add(l));
        byte[] forged = sig.clone();
        for (int i = 0; i < 32; i++) {
            forged[32 + i] = sumBe[31 - i];
        }
        assertThat(sk.verificationKey().check(MSG, 0, MSG.length, forged)).isEqualTo(SignatureCheck.OUT_OF_RANGE);
    }

    @Test
    void convertsToAndFromJcaKeys() throws Exception {
        for (JwsAlgorithm alg : new JwsAlgorithm[] {JwsAlgorithm.ES256, JwsAlgorithm.EDDSA, JwsAlgorithm.SGD_SM3_SM2}) {
            VerificationKey k = SigningKey.generate(alg).verificationKey();
            PublicKey jca = k.toPublicKey();
            assertThat(VerificationKey.fromPublicKey(jca).withKeyId(k.keyId().orElse(null))).isEqualTo(k);
        }
        VerificationKey rsa = VerificationKey.fromPem(TestSupport.resource("/fixtures/rsa-public.pem"));
        Signature v = Signature.getInstance("SHA256withRSA");
        v.initVerify(rsa.toPublicKey());
        v.update(MSG);
        assertThat(v.verify(TestSupport.resourceBytes("/fixtures/rsa-message.sig"))).isTrue();
    }

    @Test
    void pemRoundTrip() {
        VerificationKey k = SigningKey.generate(JwsAlgorithm.SGD_SM3_SM2).verificationKey().withKeyId(null);
        assertThat(VerificationKey.fromPem(k.toPem())).isEqualTo(k);
    }

    @Test
    void toStringShowsNoKeyMaterialButTheThumbprint() {
        VerificationKey k = SigningKey.generate(JwsAlgorithm.ES256).verificationKey();
        assertThat(k.toString()).contains(k.thumbprint()).doesNotContain((String) k.toJwk().get("x"));
    }
}
