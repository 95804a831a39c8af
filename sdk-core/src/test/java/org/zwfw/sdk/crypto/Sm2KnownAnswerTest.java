package org.zwfw.sdk.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.zwfw.sdk.internal.Base64Url;
import org.zwfw.sdk.internal.SignatureEncoding;
import org.zwfw.sdk.internal.sm.Sm2Math;

/** GB/T 32918.5-2016 annex A: the SM2 signature example on the recommended curve. */
class Sm2KnownAnswerTest {

    private static final JsonNode V = TestSupport.json("/vectors/sm2/gbt32918-5-annex-a.json");
    private static final BigInteger N = Curves.SM2.getN();

    private static String b64(String field) {
        return Base64Url.encode(TestSupport.hex(V.get(field).asText()));
    }

    private static SigningKey signingKey() {
        String jwk = "{\"kty\":\"EC\",\"crv\":\"SM2-P-256\",\"x\":\"" + b64("public_key_x") + "\",\"y\":\""
                + b64("public_key_y") + "\",\"d\":\"" + b64("private_key_d") + "\"}";
        return SigningKey.fromJwk(jwk).withSm2SignerId(V.get("user_id_ascii").asText().getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] message() {
        return V.get("message_ascii").asText().getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] expectedSignature() {
        return TestSupport.hex(V.get("signature_r").asText() + V.get("signature_s").asText());
    }

    @Test
    void defaultSignerIdIsTheOneOfTheAnnex() {
        assertThat(V.get("user_id_ascii").asText()).isEqualTo(Sm2.DEFAULT_SIGNER_ID);
    }

    @Test
    void computesZaAndEOfTheAnnex() {
        Sm2Public pub = (Sm2Public) signingKey().verificationKey().material();
        assertThat(TestSupport.hex(pub.z())).isEqualTo(V.get("z_a").asText());
        BigInteger e = Sm2Math.e(pub.z(), message(), 0, message().length);
        assertThat(e).isEqualTo(new BigInteger(V.get("e").asText(), 16));
    }

    @Test
    void signsWithTheGivenNonceToTheAnnexRAndS() {
        byte[] sig = signingKey().signSm2WithK(message(), new BigInteger(V.get("nonce_k").asText(), 16));
        assertThat(TestSupport.hex(sig)).isEqualTo(V.get("signature_r").asText() + V.get("signature_s").asText());
    }

    @Test
    void verifiesTheAnnexSignature() {
        VerificationKey key = signingKey().verificationKey();
        assertThat(key.verify(message(), expectedSignature())).isTrue();
    }

    @Test
    void verifiesTheAnnexSignatureWithAKeyLoadedFromPublicJwkAndDefaultId() {
        String jwk = "{\"kty\":\"EC\",\"crv\":\"SM2-P-256\",\"x\":\"" + b64("public_key_x") + "\",\"y\":\""
                + b64("public_key_y") + "\"}";
        VerificationKey key = VerificationKey.fromJwk(jwk);
        assertThat(key.algorithm()).isEqualTo(JwsAlgorithm.SGD_SM3_SM2);
        assertThat(key.verify(message(), expectedSignature())).isTrue();
    }

    @Test
    void rejectsROrSEqualToZeroOrN() {
        VerificationKey key = signingKey().verificationKey();
        byte[] good = expectedSignature();
        for (BigInteger bad : new BigInteger[] {BigInteger.ZERO, N}) {
            byte[] rBad = good.clone();
            System.arraycopy(Curves.bytes32(bad), 0, rBad, 0, 32);
            byte[] sBad = good.clone();
            System.arraycopy(Curves.bytes32(bad), 0, sBad, 32, 32);
            assertThat(key.check(message(), 0, message().length, rBad)).isEqualTo(SignatureCheck.OUT_OF_RANGE);
            assertThat(key.check(message(), 0, message().length, sBad)).isEqualTo(SignatureCheck.OUT_OF_RANGE);
        }
    }

    @Test
    void rejectsRPlusNAndSPlusN() {
        // r + n and s + n do not fit 32 bytes; r' = r + n mod 2^256 would wrap, so test n + small values
        VerificationKey key = signingKey().verificationKey();
        byte[] sig = expectedSignature();
        byte[] nMinusOneAsR = sig.clone();
        System.arraycopy(Curves.bytes32(N.subtract(BigInteger.ONE)), 0, nMinusOneAsR, 0, 32);
        assertThat(key.check(message(), 0, message().length, nMinusOneAsR)).isEqualTo(SignatureCheck.MISMATCH);
    }

    @Test
    void rejectsEveryFlippedBitOfTheSignature() {
        VerificationKey key = signingKey().verificationKey();
        for (int bit = 0; bit < 512; bit++) {
            byte[] sig = expectedSignature();
            sig[bit / 8] ^= (byte) (1 << (bit % 8));
            assertThat(key.verify(message(), sig)).as("bit %d", bit).isFalse();
        }
    }

    @Test
    void rejectsAFlippedBitOfTheMessage() {
        VerificationKey key = signingKey().verificationKey();
        byte[] msg = message();
        msg[3] ^= 0x01;
        assertThat(key.verify(msg, expectedSignature())).isFalse();
    }

    @Test
    void rejectsAnotherSignerId() {
        VerificationKey key = signingKey().verificationKey().withSm2SignerId("1234567812345679".getBytes(StandardCharsets.US_ASCII));
        assertThat(key.verify(message(), expectedSignature())).isFalse();
        VerificationKey empty = key.withSm2SignerId(new byte[0]);
        assertThat(empty.verify(message(), expectedSignature())).isFalse();
    }

    @Test
    void rejectsWrongLengths() {
        VerificationKey key = signingKey().verificationKey();
        byte[] sig = expectedSignature();
        assertThat(key.check(message(), 0, message().length, java.util.Arrays.copyOf(sig, 63)))
                .isEqualTo(SignatureCheck.WRONG_LENGTH);
        assertThat(key.check(message(), 0, message().length, java.util.Arrays.copyOf(sig, 65)))
                .isEqualTo(SignatureCheck.WRONG_LENGTH);
        assertThat(key.check(message(), 0, message().length, SignatureEncoding.rawToDer(sig)))
                .isEqualTo(SignatureCheck.WRONG_LENGTH);
    }
}
