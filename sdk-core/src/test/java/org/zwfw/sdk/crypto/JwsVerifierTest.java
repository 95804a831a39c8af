package org.zwfw.sdk.crypto;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.zwfw.sdk.internal.Base64Url;
import org.zwfw.sdk.internal.Json;
import org.zwfw.sdk.internal.SignatureEncoding;
import org.zwfw.sdk.verify.OutcomeCode;
import org.zwfw.sdk.verify.VerificationResult;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JwsVerifierTest {

    private static final SigningKey ES = SigningKey.generate(JwsAlgorithm.ES256).withKeyId("es");
    private static final SigningKey SM2 = SigningKey.generate(JwsAlgorithm.SGD_SM3_SM2).withKeyId("sm2");
    private static final SigningKey ED = SigningKey.generate(JwsAlgorithm.EDDSA).withKeyId("ed");
    private static final KeySet KEYS = KeySet.of(ES.verificationKey(), SM2.verificationKey(), ED.verificationKey());
    private static final JwsVerifier VERIFIER = JwsVerifier.builder().keys(KEYS).expectedType("test+jwt").build();
    private static final Map<String, Object> CLAIMS = Map.of("iss", "https://issuer.example", "n", 1);

    private static String token(SigningKey key) {
        return JwsBuilder.signedWith(key).type("test+jwt").claims(CLAIMS).sign();
    }

    /** Builds a token with an arbitrary header, signed by {@code key} regardless of what the header says. */
    private static String forge(Map<String, Object> header, SigningKey key) {
        String input = Base64Url.encode(Json.write(header)) + "." + Base64Url.encode(Json.write(CLAIMS));
        return input + "." + Base64Url.encode(key.sign(input.getBytes(StandardCharsets.US_ASCII)));
    }

    private static Map<String, Object> header(String alg, String kid) {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("alg", alg);
        if (kid != null) {
            h.put("kid", kid);
        }
        h.put("typ", "test+jwt");
        return h;
    }

    @ParameterizedTest
    @EnumSource(value = JwsAlgorithm.class, names = {"ES256", "EDDSA", "SGD_SM3_SM2"})
    void verifiesTokensOfEveryAlgorithm(JwsAlgorithm alg) {
        SigningKey key = alg == JwsAlgorithm.ES256 ? ES : alg == JwsAlgorithm.EDDSA ? ED : SM2;
        VerificationResult<VerifiedJws> r = VERIFIER.verify(token(key));
        assertThat(r.errors()).isEmpty();
        VerifiedJws jws = r.value().orElseThrow();
        assertThat(jws.claims()).containsEntry("iss", "https://issuer.example").containsEntry("n", 1L);
        assertThat(jws.key()).isEqualTo(key.verificationKey());
        assertThat(jws.header().algorithmName()).isEqualTo(alg.jwsName());
        assertThat(jws.header().keyId()).contains(key.keyId().orElseThrow());
    }

    @Test
    void verifiesRs256AndPs256OnlyWhenAllowListed() throws Exception {
        java.security.KeyPairGenerator g = java.security.KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        java.security.KeyPair kp = g.generateKeyPair();
        VerificationKey rs = VerificationKey.fromPublicKey(kp.getPublic()).withKeyId("rsa");
        String input = Base64Url.encode(Json.write(header("RS256", "rsa"))) + "." + Base64Url.encode(Json.write(CLAIMS));
        java.security.Signature s = java.security.Signature.getInstance("SHA256withRSA");
        s.initSign(kp.getPrivate());
        s.update(input.getBytes(StandardCharsets.US_ASCII));
        String jwt = input + "." + Base64Url.encode(s.sign());
        assertThat(JwsVerifier.builder().keys(rs).build().verify(jwt).errorCodes())
                .containsExactly(OutcomeCode.UNSUPPORTED_ALGORITHM);
        assertThat(JwsVerifier.builder().keys(rs).allowedAlgorithms(JwsAlgorithm.RS256).build().verify(jwt).isValid())
                .isTrue();

        VerificationKey ps = rs.withAlgorithm(JwsAlgorithm.PS256);
        String psInput = Base64Url.encode(Json.write(header("PS256", "rsa"))) + "." + Base64Url.encode(Json.write(CLAIMS));
        java.security.Signature pss = java.security.Signature.getInstance("RSASSA-PSS");
        pss.setParameter(new java.security.spec.PSSParameterSpec("SHA-256", "MGF1",
                java.security.spec.MGF1ParameterSpec.SHA256, 32, 1));
        pss.initSign(kp.getPrivate());
        pss.update(psInput.getBytes(StandardCharsets.US_ASCII));
        String psJwt = psInput + "." + Base64Url.encode(pss.sign());
        JwsVerifier psVerifier = JwsVerifier.builder().keys(ps).allowedAlgorithms(JwsAlgorithm.PS256).build();
        assertThat(psVerifier.verify(psJwt).isValid()).isTrue();
        // the RS256 token does not verify with the key bound to PS256
        assertThat(JwsVerifier.builder().keys(ps).allowedAlgorithms(JwsAlgorithm.RS256, JwsAlgorithm.PS256).build()
                .verify(jwt).errorCodes()).containsExactly(OutcomeCode.UNSUPPORTED_ALGORITHM);
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "None", "NONE", "nOnE"})
    void rejectsNoneInAnySpelling(String alg) {
        Map<String, Object> h = header(alg, "es");
        String unsecured = Base64Url.encode(Json.write(h)) + "." + Base64Url.encode(Json.write(CLAIMS)) + ".";
        assertThat(VERIFIER.verify(unsecured).errorCodes()).contains(OutcomeCode.UNSUPPORTED_ALGORITHM);
        assertThat(VERIFIER.verify(forge(h, ES)).errorCodes()).containsExactly(OutcomeCode.UNSUPPORTED_ALGORITHM);
    }

    @Test
    void rejectsHmacWithThePublicKeyAsSecret() throws Exception {
        // The classic confusion attack: HS256 keyed with the verifier's public key bytes.
        Map<String, Object> h = header("HS256", "es");
        String input = Base64Url.encode(Json.write(h)) + "." + Base64Url.encode(Json.write(CLAIMS));
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(ES.verificationKey().toJson().getBytes(StandardCharsets.UTF_8),
                "HmacSHA256"));
        String jwt = input + "." + Base64Url.encode(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        VerificationResult<VerifiedJws> r = VERIFIER.verify(jwt);
        assertThat(r.errorCodes()).containsExactly(OutcomeCode.UNSUPPORTED_ALGORITHM);
        assertThat(r.errors().get(0).message()).contains("symmetric");
    }

    @Test
    void rejectsAlgorithmOutsideTheAllowList() {
        JwsVerifier esOnly = JwsVerifier.builder().keys(KEYS).allowedAlgorithms(JwsAlgorithm.ES256).build();
        assertThat(esOnly.verify(token(SM2)).errorCodes()).containsExactly(OutcomeCode.UNSUPPORTED_ALGORITHM);
        assertThat(esOnly.verify(token(ES)).isValid()).isTrue();
    }

    @Test
    void theKeyNotTheHeaderDecidesTheAlgorithm() {
        // header claims SGD_SM3_SM2 but names the ES256 key
        VerificationResult<VerifiedJws> r = VERIFIER.verify(forge(header("SGD_SM3_SM2", "es"), SM2));
        assertThat(r.errorCodes()).containsExactly(OutcomeCode.UNSUPPORTED_ALGORITHM);
        assertThat(r.errors().get(0).message()).contains("bound to ES256");
    }

    @Test
    void sm2AliasOnlyWithLenientInterop() {
        String aliased = forge(header("SM2SM3", "sm2"), SM2);
        assertThat(VERIFIER.verify(aliased).errorCodes()).containsExactly(OutcomeCode.UNSUPPORTED_ALGORITHM);
        JwsVerifier lenient = JwsVerifier.builder().keys(KEYS).aliasPolicy(AliasPolicy.LENIENT).build();
        assertThat(lenient.verify(aliased).isValid()).isTrue();
        assertThat(lenient.verify(forge(header("SM2", "sm2"), SM2)).isValid()).isTrue();
    }

    @Test
    void unknownKidIsUnknownKey() {
        VerificationResult<VerifiedJws> r = VERIFIER.verify(forge(header("ES256", "other"), ES));
        assertThat(r.errorCodes()).containsExactly(OutcomeCode.UNKNOWN_KEY);
        assertThat(r.errors().get(0).message()).contains("'other'");
    }

    @Test
    void ignoresEmbeddedJwkJkuAndX5u() {
        SigningKey attacker = SigningKey.generate(JwsAlgorithm.ES256);
        Map<String, Object> h = header("ES256", null);
        h.put("jwk", attacker.verificationKey().toJwk());
        h.put("jku", "https://attacker.example/jwks");
        h.put("x5u", "https://attacker.example/cert");
        JwsVerifier esOnly = JwsVerifier.builder().keys(ES.verificationKey()).build();
        assertThat(esOnly.verify(forge(h, attacker)).errorCodes()).containsExactly(OutcomeCode.SIGNATURE_INVALID);
        h.put("kid", attacker.verificationKey().thumbprint());
        assertThat(esOnly.verify(forge(h, attacker)).errorCodes()).containsExactly(OutcomeCode.UNKNOWN_KEY);
    }

    @Test
    void keysFixedByContextIgnoreTheKid() {
        SigningKey holder = SigningKey.generate(JwsAlgorithm.EDDSA).withKeyId("whatever");
        String jwt = JwsBuilder.signedWith(holder).claims(CLAIMS).sign();
        KeySet cnf = KeySet.of(holder.verificationKey().withKeyId(null));
        assertThat(JwsVerifier.builder().build().verify(jwt, cnf).errorCodes()).containsExactly(OutcomeCode.UNKNOWN_KEY);
        assertThat(JwsVerifier.builder().ignoreKeyId(true).build().verify(jwt, cnf).isValid()).isTrue();
    }

    @Test
    void tokenWithoutKidUsesTheOnlyMatchingKey() {
        JwsVerifier v = JwsVerifier.builder().keys(ES.verificationKey().withKeyId(null)).build();
        assertThat(v.verify(JwsBuilder.signedWith(ES.withKeyId(null)).claims(CLAIMS).sign()).isValid()).isTrue();
    }

    @Test
    void manyKeysUnderOneKidAreNotAllTried() {
        java.util.List<VerificationKey> shared = new java.util.ArrayList<>();
        for (int i = 0; i < JwsVerifier.MAX_KEYS_TRIED; i++) {
            shared.add(SigningKey.generate(JwsAlgorithm.ES256).verificationKey().withKeyId("es"));
        }
        shared.add(ES.verificationKey());
        VerificationResult<VerifiedJws> five = JwsVerifier.builder().keys(KeySet.of(shared)).build().verify(token(ES));
        assertThat(five.errorCodes()).containsExactly(OutcomeCode.UNKNOWN_KEY);
        assertThat(five.errors().get(0).message()).contains("'es'", "at most 4");
        shared.remove(0);
        assertThat(JwsVerifier.builder().keys(KeySet.of(shared)).build().verify(token(ES)).isValid())
                .as("four keys under one kid are tried").isTrue();
    }

    @Test
    void signatureFromAnotherKeyIsInvalidWithADiagnosticMessage() {
        SigningKey impostor = SigningKey.generate(JwsAlgorithm.SGD_SM3_SM2).withKeyId("sm2");
        VerificationResult<VerifiedJws> r = VERIFIER.verify(token(impostor));
        assertThat(r.errorCodes()).containsExactly(OutcomeCode.SIGNATURE_INVALID);
        assertThat(r.errors().get(0).message()).contains("'sm2'", "SGD_SM3_SM2", "thumbprint", "SHA-256",
                "signer ID", "1234567812345678");
    }

    @Test
    void sm2TokenSignedForAnotherSignerIdDoesNotVerify() {
        SigningKey otherId = SM2.withSm2SignerId("another-id".getBytes(StandardCharsets.US_ASCII));
        assertThat(VERIFIER.verify(token(otherId)).errorCodes()).containsExactly(OutcomeCode.SIGNATURE_INVALID);
    }

    @Test
    void neverEchoesANonDefaultSm2SignerId() {
        byte[] id = "110105194912310021".getBytes(StandardCharsets.US_ASCII);
        SigningKey signer = SigningKey.generate(JwsAlgorithm.SGD_SM3_SM2).withKeyId("p").withSm2SignerId(id);
        JwsVerifier v = JwsVerifier.builder().keys(signer.verificationKey()).build();
        VerificationResult<VerifiedJws> r = v.verify(JwsBuilder.signedWith(SigningKey.generate(JwsAlgorithm.SGD_SM3_SM2)
                .withKeyId("p")).claims(CLAIMS).sign());
        assertThat(r.errorCodes()).containsExactly(OutcomeCode.SIGNATURE_INVALID);
        assertThat(r.errors().get(0).message()).contains("non-default").doesNotContain("110105194912310021");
    }

    @Test
    void hugeNumbersInTheHeaderAreMalformed() {
        String header = "{\"alg\":\"ES256\",\"kid\":\"es\",\"typ\":\"test+jwt\",\"x\":1E+2147483648}";
        String input = Base64Url.encode(header.getBytes(StandardCharsets.UTF_8)) + "." + Base64Url.encode(Json.write(CLAIMS));
        String jwt = input + "." + Base64Url.encode(ES.sign(input.getBytes(StandardCharsets.US_ASCII)));
        assertThat(VERIFIER.verify(jwt).errorCodes()).containsExactly(OutcomeCode.MALFORMED);
    }

    @Test
    void derSignatureIsRejectedWithAHint() {
        String t = token(ES);
        int dot = t.lastIndexOf('.');
        byte[] der = SignatureEncoding.rawToDer(Base64Url.decode(t.substring(dot + 1)));
        VerificationResult<VerifiedJws> r = VERIFIER.verify(t.substring(0, dot + 1) + Base64Url.encode(der));
        assertThat(r.errorCodes()).containsExactly(OutcomeCode.SIGNATURE_INVALID);
        assertThat(r.errors().get(0).message()).contains("wrong length", "DER");
    }

    @Test
    void tamperedPayloadIsInvalid() {
        String t = token(ED);
        String[] p = t.split("\\.");
        String other = Base64Url.encode(Json.write(Map.of("iss", "https://issuer.example", "n", 2)));
        assertThat(VERIFIER.verify(p[0] + "." + other + "." + p[2]).errorCodes())
                .containsExactly(OutcomeCode.SIGNATURE_INVALID);
    }

    @Test
    void wrongOrMissingTypIsWrongType() {
        Map<String, Object> h = header("ES256", "es");
        h.put("typ", "JWT");
        assertThat(VERIFIER.verify(forge(h, ES)).errorCodes()).containsExactly(OutcomeCode.WRONG_TYPE);
        h.remove("typ");
        assertThat(VERIFIER.verify(forge(h, ES)).errorCodes()).containsExactly(OutcomeCode.WRONG_TYPE);
    }

    @Test
    void typIsComparedAsAMediaTypeAsRfc7515Says() {
        Map<String, Object> h = header("ES256", "es");
        for (String same : List.of("TEST+JWT", "application/test+jwt", "APPLICATION/Test+Jwt")) {
            h.put("typ", same);
            assertThat(VERIFIER.verify(forge(h, ES)).errors()).as(same).isEmpty();
        }
        for (String other : List.of("test+jwt; charset=x", " test+jwt", "test+jwt ", "app/test+jwt", "test",
                "application/application/test+jwt", "text/test+jwt", "\u0074est+jwt\u0307", "tes\u0165+jwt",
                "appl\u0130cation/test+jwt")) {
            h.put("typ", other);
            assertThat(VERIFIER.verify(forge(h, ES)).errorCodes()).as(other).containsExactly(OutcomeCode.WRONG_TYPE);
        }
    }

    /** Decision (spec/algorithms.md §1): RFC 9864's fully-specified "Ed25519" is read as EdDSA with an Ed25519 key. */
    @Test
    void rfc9864Ed25519AlgVerifiesWithEd25519KeysOnly() {
        assertThat(VERIFIER.verify(forge(header("Ed25519", "ed"), ED)).errors()).isEmpty();
        VerificationKey published = VerificationKey.fromJwk(ED.verificationKey().toJson().replace("\"EdDSA\"",
                "\"Ed25519\""));
        assertThat(published.algorithm()).isEqualTo(JwsAlgorithm.EDDSA);
        assertThat(published.toJwk()).containsEntry("alg", "EdDSA");
        assertThat(VERIFIER.verify(forge(header("Ed25519", "es"), ES)).errorCodes())
                .containsExactly(OutcomeCode.UNSUPPORTED_ALGORITHM);
        assertThat(VERIFIER.verify(forge(header("Ed448", "ed"), ED)).errorCodes())
                .containsExactly(OutcomeCode.UNSUPPORTED_ALGORITHM);
        assertThat(VERIFIER.verify(forge(header("ed25519", "ed"), ED)).errorCodes())
                .containsExactly(OutcomeCode.UNSUPPORTED_ALGORITHM);
    }

    @Test
    void aPolicyGivenAfterAShorthandSetterIsRefusedInsteadOfUndoingIt() {
        // allowedAlgorithms(ES256) then policy(DEFAULT) used to bring EdDSA back silently
        assertThatThrownBy(() -> JwsVerifier.builder().allowedAlgorithms(JwsAlgorithm.ES256)
                .policy(VerificationPolicy.DEFAULT)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("call policy(...) first");
        JwsVerifier v = JwsVerifier.builder().keys(KEYS).expectedType("test+jwt").policy(VerificationPolicy.DEFAULT)
                .allowedAlgorithms(JwsAlgorithm.ES256).build();
        assertThat(v.verify(token(ED)).errorCodes()).containsExactly(OutcomeCode.UNSUPPORTED_ALGORITHM);
        assertThatThrownBy(() -> org.zwfw.sdk.credential.CredentialVerifier.builder()
                .skew(java.time.Duration.ZERO).policy(VerificationPolicy.DEFAULT))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void headerAccessorsNeverThrowOnHostileTypes() {
        ParsedJws p = ParsedJws.parse(Base64Url.encode("{\"alg\":5,\"crit\":[1,\"x\"]}".getBytes(StandardCharsets.UTF_8))
                + ".e30.AAAA", VerificationPolicy.DEFAULT);
        assertThat(p.header().algorithmName()).isNull();
        assertThat(p.header().critical()).containsExactly("x");
    }

    @Test
    void aVerifierThatRequiresKidRefusesAHeaderWithoutOne() {
        JwsVerifier strict = JwsVerifier.builder().keys(KEYS).expectedType("test+jwt").requireKeyId(true).build();
        String withoutKid = forge(header("ES256", null), ES);
        assertThat(VERIFIER.verify(withoutKid).errors()).isEmpty();
        VerificationResult<VerifiedJws> r = strict.verify(withoutKid);
        assertThat(r.errorCodes()).containsExactly(OutcomeCode.MALFORMED);
        assertThat(r.errors().get(0).message()).contains("'kid'");
        assertThat(strict.verify(token(ES)).errors()).isEmpty();
    }

    @Test
    void keysComeFromTheResolverWhichSeesTheHeaderAndTheUnverifiedIssuer() {
        List<KeyRequest> seen = new java.util.ArrayList<>();
        KeyResolver resolver = request -> {
            seen.add(request);
            return "https://issuer.example".equals(request.issuer()) ? KEYS.resolve(request)
                    : VerificationResult.invalid(OutcomeCode.UNTRUSTED_ISSUER, "not ours");
        };
        JwsVerifier v = JwsVerifier.builder().expectedType("test+jwt").build();
        ParsedJws parsed = v.parse(token(ES));
        assertThat(v.verify(parsed, resolver).errors()).isEmpty();
        assertThat(seen).singleElement().satisfies(q -> {
            assertThat(q.keyId()).isEqualTo("es");
            assertThat(q.algorithm()).isEqualTo("ES256");
            assertThat(q.type()).isEqualTo("test+jwt");
        });
        KeyResolver refusing = request -> VerificationResult.invalid(OutcomeCode.UNTRUSTED_ISSUER, "not ours");
        assertThat(v.verify(parsed, refusing).errorCodes()).containsExactly(OutcomeCode.UNTRUSTED_ISSUER);
    }

    @Test
    void aBrokenTokenNeverReachesTheResolver() {
        KeyResolver never = request -> {
            throw new AssertionError("resolver asked for a token that does not parse");
        };
        JwsVerifier v = JwsVerifier.builder().expectedType("test+jwt").build();
        assertThat(v.verify("a.b", never).errorCodes()).containsExactly(OutcomeCode.MALFORMED);
        assertThat(v.verify(forge(header("none", "es"), ES), never).errorCodes())
                .containsExactly(OutcomeCode.UNSUPPORTED_ALGORITHM);
    }

    @Test
    void reportsEveryFailureNotOnlyTheFirst() {
        Map<String, Object> h = header("ES256", "es");
        h.put("typ", "JWT");
        h.put("crit", List.of("exp"));
        h.put("exp", 1);
        VerificationResult<VerifiedJws> r = VERIFIER.verify(forge(h, SigningKey.generate(JwsAlgorithm.ES256)));
        assertThat(r.errorCodes()).containsExactlyInAnyOrder(OutcomeCode.WRONG_TYPE,
                OutcomeCode.CRITICAL_HEADER_UNSUPPORTED, OutcomeCode.SIGNATURE_INVALID);
    }

    @Test
    void withStopAfterHeaderFailureNoKeyIsLookedUpForATokenWhoseHeaderOrPayloadFailed() {
        KeyResolver never = request -> {
            throw new AssertionError("resolver asked for a token whose header failed");
        };
        JwsVerifier stopping = JwsVerifier.builder().expectedType("test+jwt").stopAfterHeaderFailure(true).build();
        Map<String, Object> h = header("ES256", "es");
        h.put("typ", "JWT");
        h.put("crit", List.of("exp"));
        h.put("exp", 1);
        String bad = forge(h, SigningKey.generate(JwsAlgorithm.ES256));
        assertThat(stopping.verify(bad, never).errorCodes()).containsExactlyInAnyOrder(OutcomeCode.WRONG_TYPE,
                OutcomeCode.CRITICAL_HEADER_UNSUPPORTED);
        Map<String, Object> typOnly = header("ES256", "es");
        typOnly.put("typ", "JWT");
        assertThat(stopping.verify(forge(typOnly, ES), never).errorCodes()).containsExactly(OutcomeCode.WRONG_TYPE);
        Object deep = "x";
        for (int i = 0; i < 40; i++) {
            deep = List.of(deep);
        }
        String input = Base64Url.encode(Json.write(header("ES256", "es"))) + "."
                + Base64Url.encode(Json.write(Map.of("deep", deep)));
        String deepToken = input + "." + Base64Url.encode(ES.sign(input.getBytes(StandardCharsets.US_ASCII)));
        assertThat(stopping.verify(deepToken, never).errorCodes()).containsExactly(OutcomeCode.TOO_LARGE);
        // by default the key is still looked up and the signature checked and reported
        assertThat(JwsVerifier.builder().expectedType("test+jwt").build().verify(bad, KEYS).errorCodes())
                .containsExactlyInAnyOrder(OutcomeCode.WRONG_TYPE, OutcomeCode.CRITICAL_HEADER_UNSUPPORTED,
                        OutcomeCode.SIGNATURE_INVALID);
        assertThat(stopping.verify(token(ES), KEYS).isValid()).isTrue();
    }

    @Test
    void critHeaderMustBeUnderstood() {
        Map<String, Object> h = header("ES256", "es");
        h.put("crit", List.of("zwfw_ext"));
        h.put("zwfw_ext", true);
        assertThat(VERIFIER.verify(forge(h, ES)).errorCodes()).containsExactly(OutcomeCode.CRITICAL_HEADER_UNSUPPORTED);
        JwsVerifier understands = JwsVerifier.builder().keys(KEYS).understoodCriticalHeaders(java.util.Set.of("zwfw_ext"))
                .build();
        assertThat(understands.verify(forge(h, ES)).isValid()).isTrue();
        h.put("crit", List.of());
        assertThat(VERIFIER.verify(forge(h, ES)).errorCodes()).containsExactly(OutcomeCode.MALFORMED);
        h.put("crit", List.of("alg"));
        assertThat(VERIFIER.verify(forge(h, ES)).errorCodes()).containsExactly(OutcomeCode.MALFORMED);
    }

    @Test
    void rejectsUnencodedPayloadOption() {
        Map<String, Object> h = header("ES256", "es");
        h.put("b64", false);
        h.put("crit", List.of("b64"));
        assertThat(VERIFIER.verify(forge(h, ES)).errorCodes()).contains(OutcomeCode.CRITICAL_HEADER_UNSUPPORTED);
        h.remove("crit");
        assertThat(VERIFIER.verify(forge(h, ES)).errorCodes()).containsExactly(OutcomeCode.CRITICAL_HEADER_UNSUPPORTED);
    }

    @Test
    void tooLargeInputIsRefusedBeforeParsing() {
        JwsVerifier small = JwsVerifier.builder().keys(KEYS).maxLength(100).build();
        assertThat(small.verify("x".repeat(101)).errorCodes()).containsExactly(OutcomeCode.TOO_LARGE);
        assertThat(VERIFIER.verify("a".repeat(5 * 1024 * 1024)).errorCodes()).containsExactly(OutcomeCode.TOO_LARGE);
    }

    @Test
    void deepJsonIsTooLarge() {
        Map<String, Object> h = header("ES256", "es");
        Object deep = "x";
        for (int i = 0; i < 40; i++) {
            deep = List.of(deep);
        }
        h.put("deep", deep);
        assertThat(VERIFIER.verify(forge(h, ES)).errorCodes()).containsExactly(OutcomeCode.TOO_LARGE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "a.b", "a.b.c.d", "a.b.c.d.e", "eyJ.eyJ.sig=", "ey J.e.s", "a\u00e9.b.c",
            "a.b.c\n"})
    void garbageIsMalformed(String input) {
        VerificationResult<VerifiedJws> r = VERIFIER.verify(input);
        assertThat(r.errorCodes()).containsExactly(OutcomeCode.MALFORMED);
        assertThat(r.errors().get(0).message()).isNotBlank();
    }

    @Test
    void namesTheFirstCharacterOutsideTheAlphabetWhateverItsCodePoint() {
        String t = token(ES);
        for (String bad : new String[] {"\u00e9", "\u4e00", "\uD83D\uDE00", "=", " ", "\u0000", "\u00ff", "\u0100"}) {
            for (int at : new int[] {0, 5, t.indexOf('.') + 1, t.length()}) {
                String input = t.substring(0, at) + bad + t.substring(at) + (bad.length() > 1 ? "\u00e9" : "");
                VerificationResult<VerifiedJws> r = VERIFIER.verify(input);
                char c = input.charAt(at);
                assertThat(r.errorCodes()).containsExactly(OutcomeCode.MALFORMED);
                assertThat(r.errors().get(0).message()).isEqualTo("character "
                        + org.zwfw.sdk.internal.Texts.quote(String.valueOf(c)) + " at index " + at
                        + " is not allowed in a compact JWS"
                        + (Character.isWhitespace(c) ? " (strip line breaks and spaces first)" : ""));
            }
        }
    }

    @Test
    void rejectsDuplicateHeaderMembers() {
        String headerJson = "{\"alg\":\"ES256\",\"kid\":\"es\",\"typ\":\"test+jwt\",\"alg\":\"none\"}";
        String input = Base64Url.encode(headerJson.getBytes(StandardCharsets.UTF_8)) + "."
                + Base64Url.encode(Json.write(CLAIMS));
        String jwt = input + "." + Base64Url.encode(ES.sign(input.getBytes(StandardCharsets.US_ASCII)));
        VerificationResult<VerifiedJws> r = VERIFIER.verify(jwt);
        assertThat(r.errorCodes()).containsExactly(OutcomeCode.MALFORMED);
        assertThat(r.errors().get(0).message()).containsIgnoringCase("duplicate");
    }

    @Test
    void rejectsNonCanonicalBase64Url() {
        String t = token(ES);
        String[] p = t.split("\\.");
        // the last character of a 64-byte signature (86 chars) carries 4 unused bits
        char last = p[2].charAt(p[2].length() - 1);
        char other = org.zwfw.sdk.internal.Base64Url.encode(new byte[] {0}).charAt(0) == last ? 'B' : (char) (last + 1);
        String tampered = p[0] + "." + p[1] + "." + p[2].substring(0, p[2].length() - 1) + other;
        assertThat(VERIFIER.verify(tampered).isValid()).isFalse();
        assertThat(VERIFIER.verify(p[0] + "." + p[1] + "." + p[2] + "==").errorCodes())
                .containsExactly(OutcomeCode.MALFORMED);
    }

    @Test
    void partsThatDoNotDecodeAreReportedInTheirPlaceAmongTheOtherFindings() {
        Map<String, Object> h = header("ES256", "es");
        h.put("typ", "other+jwt");
        String[] p = forge(h, ES).split("\\.");
        String h1 = undecodable(p[0]);
        String p1 = undecodable(p[1]);
        String s1 = undecodable(p[2]);
        // a header that does not decode ends the run at once
        assertThat(messages(VERIFIER.verify(h1 + "." + p[1] + "." + p[2])))
                .containsExactly("MALFORMED: header is not base64url: " + lengthProblem(h1));
        // a payload that does not decode is reported after the header's findings, and no signature is checked
        assertThat(messages(VERIFIER.verify(p[0] + "." + p1 + "." + p[2]))).containsExactly(
                "WRONG_TYPE: header 'typ' is 'other+jwt'; expected 'test+jwt'",
                "MALFORMED: payload is not base64url: " + lengthProblem(p1));
        // a signature that does not decode ends the run after the header and payload findings
        assertThat(messages(VERIFIER.verify(p[0] + "." + p1 + "." + s1))).containsExactly(
                "WRONG_TYPE: header 'typ' is 'other+jwt'; expected 'test+jwt'",
                "MALFORMED: payload is not base64url: " + lengthProblem(p1),
                "MALFORMED: signature is not base64url: " + lengthProblem(s1));
        assertThat(messages(VERIFIER.verify(p[0] + "." + p[1] + "." + s1))).containsExactly(
                "WRONG_TYPE: header 'typ' is 'other+jwt'; expected 'test+jwt'",
                "MALFORMED: signature is not base64url: " + lengthProblem(s1));
        // a foreign character anywhere is named before anything else is looked at
        assertThat(messages(VERIFIER.verify(h1 + "." + p1 + "." + p[2] + "="))).containsExactly(
                "MALFORMED: character '=' at index " + (h1.length() + p1.length() + p[2].length() + 2)
                        + " is not allowed in a compact JWS");
    }

    /** The part lengthened to 4k+1 characters, a length that never decodes. */
    private static String undecodable(String part) {
        StringBuilder sb = new StringBuilder(part).append('A');
        while (sb.length() % 4 != 1) {
            sb.append('A');
        }
        return sb.toString();
    }

    private static String lengthProblem(String part) {
        return "base64url text of length " + part.length() + " cannot be decoded (a length of 4k+1 is never produced)";
    }

    private static List<String> messages(VerificationResult<VerifiedJws> r) {
        return r.errors().stream().map(e -> e.code() + ": " + e.message()).collect(java.util.stream.Collectors.toList());
    }

    @Test
    void rejectsNonUtf8AndBomInHeader() {
        byte[] latin1 = "{\"alg\":\"ES256\",\"kid\":\"es\",\"typ\":\"test+jwt\",\"x\":\"\u00e9\"}"
                .getBytes(StandardCharsets.ISO_8859_1);
        String input = Base64Url.encode(latin1) + "." + Base64Url.encode(Json.write(CLAIMS));
        String jwt = input + "." + Base64Url.encode(ES.sign(input.getBytes(StandardCharsets.US_ASCII)));
        assertThat(VERIFIER.verify(jwt).errorCodes()).containsExactly(OutcomeCode.MALFORMED);
        byte[] utf16 = "{\"alg\":\"ES256\",\"kid\":\"es\",\"typ\":\"test+jwt\"}".getBytes(StandardCharsets.UTF_16LE);
        String input16 = Base64Url.encode(utf16) + "." + Base64Url.encode(Json.write(CLAIMS));
        String jwt16 = input16 + "." + Base64Url.encode(ES.sign(input16.getBytes(StandardCharsets.US_ASCII)));
        assertThat(VERIFIER.verify(jwt16).errorCodes()).containsExactly(OutcomeCode.MALFORMED);
    }

    @Test
    void payloadThatIsNotAJsonObjectIsMalformed() {
        String jwt = JwsBuilder.signedWith(ES).type("test+jwt").payload("[1,2]".getBytes(StandardCharsets.UTF_8)).sign();
        assertThat(VERIFIER.verify(jwt).errorCodes()).containsExactly(OutcomeCode.MALFORMED);
        JwsVerifier bytes = JwsVerifier.builder().keys(KEYS).jsonPayload(false).build();
        assertThat(bytes.verify(jwt).value().orElseThrow().payload()).isEqualTo("[1,2]".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void jweIsNamedAsSuch() {
        VerificationResult<VerifiedJws> r = VERIFIER.verify("a.b.c.d.e");
        assertThat(r.errors().get(0).message()).contains("JWE");
    }

    @Test
    void nonStringKidIsMalformed() {
        Map<String, Object> h = header("ES256", null);
        h.put("kid", 5);
        assertThat(VERIFIER.verify(forge(h, ES)).errorCodes()).containsExactly(OutcomeCode.MALFORMED);
    }

    @Test
    void verifierIsSafeToShareAcrossThreads() throws Exception {
        String[] tokens = {token(ES), token(SM2), token(ED)};
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Boolean>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String t = tokens[i % 3];
                futures.add(pool.submit(() -> VERIFIER.verify(t).isValid()));
            }
            for (java.util.concurrent.Future<Boolean> f : futures) {
                assertThat(f.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
