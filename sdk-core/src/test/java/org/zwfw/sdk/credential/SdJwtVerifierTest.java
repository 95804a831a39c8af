package org.zwfw.sdk.credential;

import static org.assertj.core.api.Assertions.assertThat;
import org.zwfw.sdk.crypto.VerificationPolicy;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.zwfw.sdk.credential.SdJwtFixtures.AUD;
import static org.zwfw.sdk.credential.SdJwtFixtures.HOLDER;
import static org.zwfw.sdk.credential.SdJwtFixtures.NONCE;
import static org.zwfw.sdk.credential.SdJwtFixtures.NOW;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.crypto.JwsBuilder;
import org.zwfw.sdk.crypto.SigningKey;
import org.zwfw.sdk.verify.OutcomeCode;
import org.zwfw.sdk.verify.VerificationResult;
import org.zwfw.sdk.credential.holder.PresentationBuilder;
import org.zwfw.sdk.credential.issuer.SdJwtBuilder;
import org.zwfw.sdk.internal.sdjwt.Disclosure;
import org.zwfw.sdk.internal.sdjwt.SdJwt;

class SdJwtVerifierTest {

    private static final SdJwtVerifier OPTIONAL_KB = SdJwtFixtures.verifier().build();
    private static final SdJwtVerifier REQUIRED_KB = SdJwtFixtures.verifier().keyBindingRequired(true).build();

    @Test
    void everyDisclosureGivesBackTheOriginalClaims() {
        SdJwt issued = SdJwtFixtures.issue();
        VerificationResult<VerifiedSdJwt> r = OPTIONAL_KB.verify(issued.serialize(), null);
        assertThat(r.errors()).isEmpty();
        assertThat(r.value().orElseThrow().claims()).isEqualTo(normalise(SdJwtFixtures.claims()));
        assertThat(r.value().orElseThrow().disclosedPaths()).containsExactlyInAnyOrder(ClaimPath.of("license_name"),
                ClaimPath.of("holder_name"), ClaimPath.of("address"), ClaimPath.of("address", "street"),
                ClaimPath.of("scopes", 1));
    }

    private static Map<String, Object> normalise(Map<String, Object> claims) {
        // numbers come back as Long, as JSON parsing gives them
        return SdJwtFixtures.parse(org.zwfw.sdk.internal.Json.writeString(claims));
    }

    @Test
    void aPresentationShowsOnlyWhatTheHolderChose() {
        String p = PresentationBuilder.from(SdJwtFixtures.issue().serialize()).disclose("address.province").build();
        Map<String, Object> claims = OPTIONAL_KB.verify(p, null).value().orElseThrow().claims();
        assertThat(claims).containsKeys("iss", "vct", "address", "scopes").doesNotContainKeys("holder_name",
                "license_name", "_sd", "_sd_alg");
        @SuppressWarnings("unchecked")
        Map<String, Object> address = (Map<String, Object>) claims.get("address");
        assertThat(address).containsOnlyKeys("province");
        @SuppressWarnings("unchecked")
        List<Object> scopes = (List<Object>) claims.get("scopes");
        assertThat(scopes).containsExactly("retail", "wholesale");
    }

    @Test
    void keyBoundPresentationVerifies() {
        String p = PresentationBuilder.from(SdJwtFixtures.issue().serialize()).disclose("holder_name")
                .keyBinding(HOLDER, AUD, NONCE, NOW).build();
        VerificationResult<VerifiedSdJwt> r = REQUIRED_KB.verify(p, NONCE);
        assertThat(r.errors()).isEmpty();
        VerifiedSdJwt.KeyBinding kb = r.value().orElseThrow().keyBinding().orElseThrow();
        assertThat(kb.nonce()).isEqualTo(NONCE);
        assertThat(kb.holderKey().thumbprint()).isEqualTo(HOLDER.verificationKey().thumbprint());
    }

    @Test
    void keyBindingRequiredByPolicyNotByPresence() {
        String p = PresentationBuilder.from(SdJwtFixtures.issue().serialize()).disclose("holder_name").build();
        assertThat(REQUIRED_KB.verify(p, NONCE).errorCodes()).containsExactly(OutcomeCode.KEY_BINDING_MISSING);
        assertThat(OPTIONAL_KB.verify(p, null).isValid()).isTrue();
    }

    @Test
    void aPresentKeyBindingIsAlwaysCheckedEvenWhenOptional() {
        String p = PresentationBuilder.from(SdJwtFixtures.issue().serialize())
                .keyBinding(SigningKey.generate(JwsAlgorithm.EDDSA), AUD, NONCE, NOW).build();
        assertThat(OPTIONAL_KB.verify(p, null).errorCodes()).containsExactly(OutcomeCode.KEY_BINDING_INVALID);
    }

    @Test
    void wrongNonceAudienceOrStaleKeyBindingFail() {
        String issued = SdJwtFixtures.issue().serialize();
        String wrongNonce = PresentationBuilder.from(issued).keyBinding(HOLDER, AUD, "other", NOW).build();
        assertThat(REQUIRED_KB.verify(wrongNonce, NONCE).errorCodes()).containsExactly(OutcomeCode.NONCE_MISMATCH);
        String wrongAud = PresentationBuilder.from(issued).keyBinding(HOLDER, "https://other.example", NONCE, NOW).build();
        assertThat(REQUIRED_KB.verify(wrongAud, NONCE).errorCodes()).containsExactly(OutcomeCode.AUDIENCE_MISMATCH);
        String stale = PresentationBuilder.from(issued).keyBinding(HOLDER, AUD, NONCE, NOW.minusSeconds(3600)).build();
        assertThat(REQUIRED_KB.verify(stale, NONCE).errorCodes()).containsExactly(OutcomeCode.KEY_BINDING_INVALID);
        String future = PresentationBuilder.from(issued).keyBinding(HOLDER, AUD, NONCE, NOW.plusSeconds(3600)).build();
        assertThat(REQUIRED_KB.verify(future, NONCE).errorCodes()).containsExactly(OutcomeCode.KEY_BINDING_INVALID);
    }

    @Test
    void disclosuresChangedAfterBindingBreakSdHash() {
        String issued = SdJwtFixtures.issue().serialize();
        String p = PresentationBuilder.from(issued).disclose("holder_name", "license_name")
                .keyBinding(HOLDER, AUD, NONCE, NOW).build();
        String[] parts = p.split("~");
        // drop one disclosure, keep the key-binding JWT
        String trimmed = parts[0] + "~" + parts[1] + "~" + parts[parts.length - 1];
        VerificationResult<VerifiedSdJwt> r = REQUIRED_KB.verify(trimmed, NONCE);
        assertThat(r.errorCodes()).containsExactly(OutcomeCode.KEY_BINDING_INVALID);
        assertThat(r.errors().get(0).message()).contains("sd_hash");
    }

    @Test
    void keyBindingWithWrongTypeFails() {
        SdJwt presented = SdJwt.parse(PresentationBuilder.from(SdJwtFixtures.issue().serialize()).build());
        Map<String, Object> kb = new LinkedHashMap<>();
        kb.put("iat", NOW.getEpochSecond());
        kb.put("aud", AUD);
        kb.put("nonce", NONCE);
        kb.put("sd_hash", SdHashAlgorithm.SHA_256.digest(presented.withoutKeyBinding()));
        String jwt = JwsBuilder.signedWith(HOLDER).type("JWT").claims(kb).sign();
        assertThat(REQUIRED_KB.verify(presented.withKeyBinding(jwt).serialize(), NONCE).errorCodes())
                .containsExactly(OutcomeCode.KEY_BINDING_INVALID);
    }

    @Test
    void keyBindingWithoutCnfFails() {
        Map<String, Object> claims = SdJwtFixtures.claims();
        claims.remove("cnf");
        SdJwt issued = SdJwt.parse(SdJwtBuilder.signedWith(SdJwtFixtures.ISSUER).type("dc+sd-jwt").claims(claims).build());
        String p = PresentationBuilder.from(issued.serialize()).keyBinding(HOLDER, AUD, NONCE, NOW).build();
        VerificationResult<VerifiedSdJwt> r = REQUIRED_KB.verify(p, NONCE);
        assertThat(r.errorCodes()).containsExactly(OutcomeCode.KEY_BINDING_INVALID);
        assertThat(r.errors().get(0).message()).contains("cnf.jwk");
    }

    @Test
    void tamperedDisclosureIsUnreferenced() {
        SdJwt issued = SdJwtFixtures.issue();
        Disclosure original = issued.disclosures().stream().filter(d -> d.name().equals(java.util.Optional.of("holder_name")))
                .findFirst().orElseThrow();
        String forged = SdJwtFixtures.disclosureText("[\"" + original.salt() + "\",\"holder_name\",\"李四\"]");
        String p = issued.issuerJwt() + "~" + forged + "~";
        VerificationResult<VerifiedSdJwt> r = OPTIONAL_KB.verify(p, null);
        assertThat(r.errorCodes()).containsExactly(OutcomeCode.DISCLOSURE_INVALID);
        assertThat(r.errors().get(0).message()).contains("not referenced");
    }

    @Test
    void theSameDisclosureTwiceIsDuplicate() {
        SdJwt issued = SdJwtFixtures.issue();
        String d = issued.disclosures().get(0).encoded();
        assertThat(OPTIONAL_KB.verify(issued.issuerJwt() + "~" + d + "~" + d + "~", null).errorCodes())
                .contains(OutcomeCode.DISCLOSURE_DUPLICATE);
    }

    @Test
    void aDigestTwiceInThePayloadIsDuplicate() {
        String d = SdJwtFixtures.disclosureText("[\"salt-1\",\"a\",1]");
        Map<String, Object> payload = base();
        payload.put("_sd", List.of(SdJwtFixtures.digest(d), SdJwtFixtures.digest(d)));
        assertThat(OPTIONAL_KB.verify(SdJwtFixtures.signPayload(payload) + "~" + d + "~", null).errorCodes())
                .contains(OutcomeCode.DISCLOSURE_DUPLICATE);
        // also when the repeated digest is a decoy nobody discloses
        payload.put("_sd", List.of("decoy-digest", "decoy-digest"));
        assertThat(OPTIONAL_KB.verify(SdJwtFixtures.signPayload(payload) + "~", null).errorCodes())
                .containsExactly(OutcomeCode.DISCLOSURE_DUPLICATE);
    }

    private static Map<String, Object> base() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("iss", "https://issuer.example.gov.cn");
        payload.put("iat", NOW.getEpochSecond());
        payload.put("_sd_alg", "sha-256");
        return payload;
    }

    @Test
    void aDisclosedNameThatAlreadyExistsIsRejected() {
        String d = SdJwtFixtures.disclosureText("[\"salt-1\",\"iss\",\"https://attacker.example\"]");
        Map<String, Object> payload = base();
        payload.put("_sd", List.of(SdJwtFixtures.digest(d)));
        VerificationResult<VerifiedSdJwt> r = OPTIONAL_KB.verify(SdJwtFixtures.signPayload(payload) + "~" + d + "~", null);
        assertThat(r.errorCodes()).containsExactly(OutcomeCode.DISCLOSURE_INVALID);
        assertThat(r.errors().get(0).message()).contains("already exists");
    }

    @Test
    void reservedNamesAndWrongShapesAreRejected() {
        for (String json : new String[] {"[\"s\",\"_sd\",[]]", "[\"s\",\"...\",1]", "[\"s\"]", "[\"s\",1,2]",
            "{\"a\":1}", "[1,\"a\",2]"}) {
            String d = SdJwtFixtures.disclosureText(json);
            Map<String, Object> payload = base();
            payload.put("_sd", List.of(SdJwtFixtures.digest(d)));
            assertThat(OPTIONAL_KB.verify(SdJwtFixtures.signPayload(payload) + "~" + d + "~", null).errorCodes())
                    .as(json).containsExactly(OutcomeCode.DISCLOSURE_INVALID);
        }
        assertThat(OPTIONAL_KB.verify(SdJwtFixtures.signPayload(base()) + "~not*base64~", null).errorCodes())
                .containsExactly(OutcomeCode.DISCLOSURE_INVALID);
    }

    @Test
    void elementDisclosureInSdAndMemberDisclosureInArrayAreRejected() {
        String element = SdJwtFixtures.disclosureText("[\"s1\",\"x\"]");
        Map<String, Object> payload = base();
        payload.put("_sd", List.of(SdJwtFixtures.digest(element)));
        assertThat(OPTIONAL_KB.verify(SdJwtFixtures.signPayload(payload) + "~" + element + "~", null).errorCodes())
                .containsExactly(OutcomeCode.DISCLOSURE_INVALID);
        String member = SdJwtFixtures.disclosureText("[\"s2\",\"x\",1]");
        Map<String, Object> payload2 = base();
        payload2.put("list", List.of(Map.of("...", SdJwtFixtures.digest(member))));
        assertThat(OPTIONAL_KB.verify(SdJwtFixtures.signPayload(payload2) + "~" + member + "~", null).errorCodes())
                .containsExactly(OutcomeCode.DISCLOSURE_INVALID);
    }

    @Test
    void sdMustBeAnArrayOfStrings() {
        Map<String, Object> payload = base();
        payload.put("_sd", "not-an-array");
        assertThat(OPTIONAL_KB.verify(SdJwtFixtures.signPayload(payload) + "~", null).errorCodes())
                .containsExactly(OutcomeCode.DISCLOSURE_INVALID);
        payload.put("_sd", List.of(1));
        assertThat(OPTIONAL_KB.verify(SdJwtFixtures.signPayload(payload) + "~", null).errorCodes())
                .containsExactly(OutcomeCode.DISCLOSURE_INVALID);
    }

    @Test
    void digestIsComputedOverTheTextAsReceived() {
        // whitespace the SDK itself would not write; the digest covers this exact text
        String d = SdJwtFixtures.disclosureText("[ \"salt-1\" ,  \"nickname\" , \"阿三\" ]");
        Map<String, Object> payload = base();
        payload.put("_sd", List.of(SdJwtFixtures.digest(d)));
        VerificationResult<VerifiedSdJwt> r = OPTIONAL_KB.verify(SdJwtFixtures.signPayload(payload) + "~" + d + "~", null);
        assertThat(r.errors()).isEmpty();
        assertThat(r.value().orElseThrow().claims()).containsEntry("nickname", "阿三");
    }

    @Test
    void unknownOrDisallowedSdAlgIsUnsupported() {
        Map<String, Object> payload = base();
        payload.put("_sd_alg", "md5");
        assertThat(OPTIONAL_KB.verify(SdJwtFixtures.signPayload(payload) + "~", null).errorCodes())
                .containsExactly(OutcomeCode.UNSUPPORTED_ALGORITHM);
        SdJwt sm3 = SdJwt.parse(SdJwtBuilder.signedWith(SdJwtFixtures.ISSUER).type("dc+sd-jwt").claims(SdJwtFixtures.claims())
                .selectivelyDisclosable(ClaimPath.of("holder_name")).hashAlgorithm(SdHashAlgorithm.SM3).build());
        assertThat(OPTIONAL_KB.verify(sm3.serialize(), null).isValid()).isTrue();
        SdJwtVerifier shaOnly = SdJwtFixtures.verifier().hashAlgorithms(java.util.Set.of(SdHashAlgorithm.SHA_256)).build();
        assertThat(shaOnly.verify(sm3.serialize(), null).errorCodes()).containsExactly(OutcomeCode.UNSUPPORTED_ALGORITHM);
    }

    @Test
    void issuerSignatureAndTypeAreChecked() {
        SdJwt other = SdJwt.parse(SdJwtBuilder.signedWith(SigningKey.generate(JwsAlgorithm.ES256).withKeyId("issuer-1"))
                .type("dc+sd-jwt").claims(SdJwtFixtures.claims()).build());
        assertThat(OPTIONAL_KB.verify(other.serialize(), null).errorCodes()).containsExactly(OutcomeCode.SIGNATURE_INVALID);
        SdJwt jwtTyp = SdJwt.parse(SdJwtBuilder.signedWith(SdJwtFixtures.ISSUER).type("JWT").claims(SdJwtFixtures.claims()).build());
        assertThat(OPTIONAL_KB.verify(jwtTyp.serialize(), null).errorCodes()).containsExactly(OutcomeCode.WRONG_TYPE);
    }

    @Test
    void timeClaimsAreChecked() {
        Map<String, Object> claims = SdJwtFixtures.claims();
        claims.put("exp", NOW.minusSeconds(600).getEpochSecond());
        SdJwt expired = SdJwt.parse(SdJwtBuilder.signedWith(SdJwtFixtures.ISSUER).type("dc+sd-jwt").claims(claims).build());
        assertThat(OPTIONAL_KB.verify(expired.serialize(), null).errorCodes()).containsExactly(OutcomeCode.EXPIRED);
        claims.put("exp", "tomorrow");
        SdJwt wrongType = SdJwt.parse(SdJwtBuilder.signedWith(SdJwtFixtures.ISSUER).type("dc+sd-jwt").claims(claims).build());
        assertThat(OPTIONAL_KB.verify(wrongType.serialize(), null).errorCodes()).containsExactly(OutcomeCode.INVALID_CLAIM);
    }

    @Test
    void garbageAndOversizeAreReportedNotThrown() {
        assertThat(OPTIONAL_KB.verify("not an sd-jwt", null).errorCodes()).containsExactly(OutcomeCode.MALFORMED);
        assertThat(OPTIONAL_KB.verify("~", null).errorCodes()).containsExactly(OutcomeCode.MALFORMED);
        assertThat(OPTIONAL_KB.verify("a~~b~", null).errorCodes()).containsExactly(OutcomeCode.MALFORMED);
        assertThat(OPTIONAL_KB.verify("x".repeat(VerificationPolicy.DEFAULT_MAX_PRESENTATION_LENGTH + 1), null).errorCodes())
                .containsExactly(OutcomeCode.TOO_LARGE);
        assertThat(OPTIONAL_KB.verify("a.b.c~", null).errorCodes()).containsExactly(OutcomeCode.MALFORMED);
    }

    @Test
    void configurationMistakesAreProgrammingErrors() {
        assertThatThrownBy(() -> SdJwtVerifier.builder().keyBindingRequired(true).build())
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> REQUIRED_KB.verify("a~", null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rfc9901ExampleDisclosureDigest() {
        // RFC 9901 §4.2.1 / §4.2.3 example: family_name "Möbius"
        String d = "WyJfMjZiYzRMVC1hYzZxMktJNmNCVzVlcyIsICJmYW1pbHlfbmFtZSIsICJNw7ZiaXVzIl0";
        assertThat(Disclosure.parse(d).digest(SdHashAlgorithm.SHA_256)).isEqualTo("X9yH0Ajrdm1Oij4tWso9UzzKJvPoDxwmuEcO3XAdRC0");
        assertThat(Disclosure.parse(d).value()).isEqualTo("Möbius");
    }
}
