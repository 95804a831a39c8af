package org.zwfw.sdk.crypto;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.junit.jupiter.api.Test;
import org.zwfw.sdk.internal.Base64Url;

/** Key checks that only hostile or broken inputs reach. */
class KeyValidationTest {

    @Test
    void rejectsSmallOrderEd25519PublicKeys() {
        byte[] identity = new byte[32];
        identity[0] = 1;
        String jwk = "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"" + Base64Url.encode(identity) + "\"}";
        assertThatThrownBy(() -> VerificationKey.fromJwk(jwk)).isInstanceOf(KeyFormatException.class)
                .hasMessageContaining("small order");
    }

    /** The eight points of order dividing 8 (libsodium's list), with the sign-bit variants. */
    private static final String[] SMALL_ORDER = {
        "0100000000000000000000000000000000000000000000000000000000000000",
        "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
        "0000000000000000000000000000000000000000000000000000000000000000",
        "0000000000000000000000000000000000000000000000000000000000000080",
        "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a",
        "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa",
        "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05",
        "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85",
    };

    @Test
    void rejectsEveryEd25519PointOfSmallOrder() {
        for (String hex : SMALL_ORDER) {
            String jwk = "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"" + Base64Url.encode(TestSupport.hex(hex)) + "\"}";
            assertThatThrownBy(() -> VerificationKey.fromJwk(jwk)).as(hex).isInstanceOf(KeyFormatException.class)
                    .hasMessageContaining("small order");
        }
    }

    @Test
    void rejectsNonCanonicalEd25519Encodings() {
        // y = p (non-canonical encoding of y = 0)
        byte[] y = java.util.HexFormat.of().parseHex("edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f");
        String jwk = "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"" + Base64Url.encode(y) + "\"}";
        assertThatThrownBy(() -> VerificationKey.fromJwk(jwk)).isInstanceOf(KeyFormatException.class);
    }

    @Test
    void rejectsPkcs8EcKeyWhoseEmbeddedPublicKeyBelongsToAnotherKey() throws Exception {
        SigningKey a = SigningKey.generate(JwsAlgorithm.SGD_SM3_SM2);
        SigningKey b = SigningKey.generate(JwsAlgorithm.SGD_SM3_SM2);
        BigInteger d = new BigInteger(1, Base64Url.decode((String) a.toPrivateJwk().get("d")));
        byte[] otherPoint = ((Sm2Public) b.verificationKey().material()).point().getEncoded(false);
        byte[] pkcs8 = new PrivateKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, Curves.SM2_OID),
                new org.bouncycastle.asn1.sec.ECPrivateKey(256, d, new DERBitString(otherPoint), null)).getEncoded("DER");
        assertThatThrownBy(() -> SigningKey.fromPem(PemCodec.encode("PRIVATE KEY", pkcs8)))
                .isInstanceOf(KeyFormatException.class).hasMessageContaining("does not match");
    }

    @Test
    void rejectsExplicitCurveParametersAndUnknownCurves() {
        assertThatThrownBy(() -> VerificationKey.fromPem(TestSupport.resource("/fixtures/p384-public.pem")))
                .isInstanceOf(KeyFormatException.class).hasMessageContaining("1.3.132.0.34");
        assertThatThrownBy(() -> VerificationKey.fromPem(TestSupport.resource("/fixtures/p256-explicit-public.pem")))
                .isInstanceOf(KeyFormatException.class).hasMessageContaining("explicit curve parameters");
    }

    @Test
    void rejectsPemWithoutBlocksOrWithBrokenBase64() {
        assertThatThrownBy(() -> VerificationKey.fromPem("hello")).isInstanceOf(KeyFormatException.class)
                .hasMessageContaining("no PEM block");
        assertThatThrownBy(() -> VerificationKey.fromPem("-----BEGIN PUBLIC KEY-----\n!!!\n-----END PUBLIC KEY-----"))
                .isInstanceOf(KeyFormatException.class).hasMessageContaining("not base64");
        assertThatThrownBy(() -> VerificationKey.fromPem("-----BEGIN PUBLIC KEY-----\nAAAA\n"))
                .isInstanceOf(KeyFormatException.class).hasMessageContaining("no matching END");
        assertThatThrownBy(() -> VerificationKey.fromPem("-----BEGIN PUBLIC KEY-----\nMAMCAQA=\n-----END PUBLIC KEY-----"))
                .isInstanceOf(KeyFormatException.class);
    }

    @Test
    void rejectsRsaJwkWithLeadingZeroOrPrivateMembers() {
        String n = Base64Url.encode(new byte[] {0, 1, 2});
        assertThatThrownBy(() -> VerificationKey.fromJwk("{\"kty\":\"RSA\",\"n\":\"" + n + "\",\"e\":\"AQAB\"}"))
                .isInstanceOf(KeyFormatException.class).hasMessageContaining("leading zero");
        assertThatThrownBy(() -> VerificationKey.fromJwk("{\"kty\":\"RSA\",\"n\":\"AQ\",\"e\":\"AQAB\",\"p\":\"AQ\"}"))
                .isInstanceOf(KeyFormatException.class).hasMessageContaining("private RSA member 'p'");
    }

    @Test
    void rejectsWrongJsonTypesForMembers() {
        assertThatThrownBy(() -> VerificationKey.fromJwk("{\"kty\":1}")).isInstanceOf(KeyFormatException.class)
                .hasMessageContaining("'kty' must be a string");
        assertThatThrownBy(() -> VerificationKey.fromJwk("{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":null,\"y\":\"AA\"}"))
                .isInstanceOf(KeyFormatException.class).hasMessageContaining("'x'");
        assertThatThrownBy(() -> VerificationKey.fromJwk("{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"AA\",\"key_ops\":\"verify\"}"))
                .isInstanceOf(KeyFormatException.class);
        assertThatThrownBy(() -> VerificationKey.fromJwk("not json")).isInstanceOf(KeyFormatException.class)
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void brokenPemBeginLineNeverEchoesTheBody() {
        String pem = SigningKey.generate(JwsAlgorithm.ES256).toPem();
        String body = pem.split("\n")[1];
        for (String broken : new String[] {pem.replace("-----BEGIN PRIVATE KEY-----", "-----BEGIN PRIVATE KEY"),
            pem.replace("-----BEGIN PRIVATE KEY-----", "-----BEGIN PRIVATE KEY----")}) {
            assertThatThrownBy(() -> SigningKey.fromPem(broken)).isInstanceOf(KeyFormatException.class)
                    .message().doesNotContain(body.substring(0, 20));
        }
    }

    @Test
    void jwkSyntaxErrorNeverEchoesTheSecret() {
        String jwk = SigningKey.generate(JwsAlgorithm.EDDSA).toPrivateJwkJson();
        String d = jwk.replaceAll(".*\"d\":\"([^\"]+)\".*", "$1");
        String broken = jwk.replace("\"d\":\"", "\"d\":");
        assertThatThrownBy(() -> SigningKey.fromJwk(broken)).isInstanceOf(KeyFormatException.class)
                .message().doesNotContain(d.substring(0, 8));
    }

    @Test
    void numbersOutOfRangeInAJwkAreKeyFormatErrors() {
        assertThatThrownBy(() -> VerificationKey.fromJwk("{\"kty\":\"OKP\",\"x\":1E+2147483648}"))
                .isInstanceOf(KeyFormatException.class);
        assertThatThrownBy(() -> KeySet.parse("{\"keys\":[],\"n\":1e999999999}")).isInstanceOf(KeyFormatException.class);
    }

    @Test
    void malformedEcPrivateKeysAreKeyFormatErrors() throws Exception {
        SigningKey k = SigningKey.generate(JwsAlgorithm.ES256);
        BigInteger d = new BigInteger(1, Base64Url.decode((String) k.toPrivateJwk().get("d")));
        byte[] point = ((EcPublic) k.verificationKey().material()).point().getEncoded(false);
        // public key BIT STRING with 3 unused bits
        byte[] padded = new PrivateKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, Curves.P256_OID),
                new org.bouncycastle.asn1.sec.ECPrivateKey(256, d, new DERBitString(point, 3), null)).getEncoded("DER");
        assertThatThrownBy(() -> SigningKey.fromPem(PemCodec.encode("PRIVATE KEY", padded)))
                .isInstanceOf(KeyFormatException.class);
        // SEC 1 whose [1] holds an INTEGER instead of a BIT STRING
        org.bouncycastle.asn1.ASN1EncodableVector v = new org.bouncycastle.asn1.ASN1EncodableVector();
        v.add(new org.bouncycastle.asn1.ASN1Integer(1));
        v.add(new org.bouncycastle.asn1.DEROctetString(Curves.bytes32(d)));
        v.add(new org.bouncycastle.asn1.DERTaggedObject(true, 0, Curves.P256_OID));
        v.add(new org.bouncycastle.asn1.DERTaggedObject(true, 1, new org.bouncycastle.asn1.ASN1Integer(7)));
        byte[] sec1 = new org.bouncycastle.asn1.DERSequence(v).getEncoded("DER");
        assertThatThrownBy(() -> SigningKey.fromPem(PemCodec.encode("EC PRIVATE KEY", sec1)))
                .isInstanceOf(KeyFormatException.class);
    }

    @Test
    void untrustedNamesAreQuotedAndCutInMessages() {
        String crv = "x".repeat(500) + "\n" + "INJECTED";
        assertThatThrownBy(() -> VerificationKey.fromJwk("{\"kty\":\"EC\",\"crv\":\"" + crv.replace("\n", "\\n")
                + "\",\"x\":\"AA\",\"y\":\"AA\"}")).isInstanceOf(KeyFormatException.class)
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(e.getMessage()).hasSizeLessThan(200)
                        .doesNotContain("\n").doesNotContain("INJECTED"));
    }
}
