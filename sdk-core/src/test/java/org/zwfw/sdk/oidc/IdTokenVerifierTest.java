package org.zwfw.sdk.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.crypto.JwsBuilder;
import org.zwfw.sdk.crypto.KeySet;
import org.zwfw.sdk.crypto.SigningKey;
import org.zwfw.sdk.crypto.VerificationKey;
import org.zwfw.sdk.internal.Base64Url;
import org.zwfw.sdk.internal.Json;
import org.zwfw.sdk.rnat.AssuranceLevel;
import org.zwfw.sdk.verify.OutcomeCode;
import org.zwfw.sdk.verify.VerificationResult;

/** ID token validation (spec/login.md §8), with tests named after the OpenID RP certification checks. */
class IdTokenVerifierTest {

    static final String ISS = "https://op.example.gov.cn/oidc";
    static final String CLIENT = "portal-client";
    static final Instant NOW = Instant.parse("2026-06-01T08:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final SigningKey ES = SigningKey.generate(JwsAlgorithm.ES256).withKeyId("es-1");
    static final SigningKey SM2 = SigningKey.generate(JwsAlgorithm.SGD_SM3_SM2).withKeyId("sm2-1");
    static final SigningKey ED = SigningKey.generate(JwsAlgorithm.EDDSA).withKeyId("ed-1");
    static final KeyPair RSA = rsa();
    static final String NONCE = "n-0S6_WzA2Mj";
    static final String ACCESS = "jHkWEdUXMU1BwAsC4vtUsZwnNvTIxEl0z9K3vx5KF0Y";

    static KeyPair rsa() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static KeySet keys() {
        return KeySet.of(ES.verificationKey(), SM2.verificationKey(), ED.verificationKey(),
                VerificationKey.fromPublicKey(RSA.getPublic()).withKeyId("rsa-1"));
    }

    static IdTokenVerifier.Builder verifier() {
        return IdTokenVerifier.builder().issuer(ISS).clientId(CLIENT).keys(keys()).clock(CLOCK);
    }

    static Map<String, Object> claims() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("iss", ISS);
        c.put("sub", "nDb7GQGb2uvbnN7drE1U8Htj_e-RAgCOelhheT1_ZkA");
        c.put("aud", CLIENT);
        c.put("exp", NOW.plusSeconds(300).getEpochSecond());
        c.put("iat", NOW.getEpochSecond());
        c.put("auth_time", NOW.minusSeconds(30).getEpochSecond());
        c.put("nonce", NONCE);
        c.put("acr", "urn:zwfw:rn:L3");
        c.put("amr", List.of("sms", "face"));
        return c;
    }

    static String es256(Map<String, Object> c) {
        return JwsBuilder.signedWith(ES).claims(c).sign();
    }

    /** RS256 signed with the JDK, as a third-party provider would. */
    static String rs256(Map<String, Object> header, Map<String, Object> c) throws Exception {
        String input = Base64Url.encode(Json.writeString(header).getBytes(StandardCharsets.UTF_8)) + "."
                + Base64Url.encode(Json.writeString(c).getBytes(StandardCharsets.UTF_8));
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(RSA.getPrivate());
        s.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + Base64Url.encode(s.sign());
    }

    static List<OutcomeCode> codes(VerificationResult<?> r) {
        return r.errors().stream().map(org.zwfw.sdk.verify.Finding::code).toList();
    }

    @Test
    @DisplayName("rp-id_token-sig-rs256 / rp-id_token-sig-es256: a good token of every algorithm verifies")
    void goodTokensOfEveryAlgorithmVerify() throws Exception {
        assertThat(verifier().build().verify(es256(claims()), NONCE, null).errors()).isEmpty();
        assertThat(verifier().build().verify(rs256(Map.of("alg", "RS256", "kid", "rsa-1"), claims()), NONCE, null)
                .errors()).isEmpty();
        for (SigningKey k : List.of(SM2, ED)) {
            assertThat(verifier().build().verify(JwsBuilder.signedWith(k).claims(claims()).sign(), NONCE, null)
                    .errors()).isEmpty();
        }
        IdToken t = verifier().build().verify(es256(claims()), NONCE, null).value().orElseThrow();
        assertThat(t.level()).contains(AssuranceLevel.L3);
        assertThat(t.toString()).doesNotContain("nDb7GQ");
    }

    @Test
    @DisplayName("rp-id_token-bad-sig-rs256 / -es256: a changed payload is SIGNATURE_INVALID, claims unjudged")
    void badSignaturesAreRefused() throws Exception {
        String good = rs256(Map.of("alg", "RS256", "kid", "rsa-1"), claims());
        Map<String, Object> other = claims();
        other.put("aud", "someone-else");
        String forged = rs256(Map.of("alg", "RS256", "kid", "rsa-1"), other);
        String spliced = good.substring(0, good.indexOf('.')) + forged.substring(forged.indexOf('.'),
                forged.lastIndexOf('.')) + good.substring(good.lastIndexOf('.'));
        assertThat(codes(verifier().build().verify(spliced, NONCE, null))).containsExactly(OutcomeCode.SIGNATURE_INVALID);
        String es = es256(claims());
        String tampered = es.substring(0, es.length() - 4) + (es.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertThat(codes(verifier().build().verify(tampered, NONCE, null))).containsExactly(OutcomeCode.SIGNATURE_INVALID);
    }

    @Test
    @DisplayName("rp-id_token-sig-none and HS256: never accepted")
    void unsignedAndSymmetricAreRefused() {
        String none = Base64Url.encode("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + Base64Url.encode(Json.writeString(claims()).getBytes(StandardCharsets.UTF_8)) + ".";
        assertThat(verifier().build().verify(none, NONCE, null).isValid()).isFalse();
        String hs = Base64Url.encode("{\"alg\":\"HS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + Base64Url.encode(Json.writeString(claims()).getBytes(StandardCharsets.UTF_8)) + ".AAAA";
        assertThat(codes(verifier().build().verify(hs, NONCE, null))).contains(OutcomeCode.UNSUPPORTED_ALGORITHM);
    }

    @Test
    @DisplayName("rp-id_token-issuer-mismatch: another iss is UNTRUSTED_ISSUER, and keys are not even looked up")
    void issuerMismatch() {
        Map<String, Object> c = claims();
        c.put("iss", ISS + "/");
        assertThat(codes(verifier().build().verify(es256(c), NONCE, null))).containsExactly(OutcomeCode.UNTRUSTED_ISSUER);
        c.remove("iss");
        assertThat(codes(verifier().build().verify(es256(c), NONCE, null))).containsExactly(OutcomeCode.MISSING_CLAIM);
    }

    @Test
    @DisplayName("rp-id_token-aud: a token for another client, or with an untrusted extra audience, is AUDIENCE_MISMATCH")
    void audience() {
        Map<String, Object> c = claims();
        c.put("aud", "other-client");
        assertThat(codes(verifier().build().verify(es256(c), NONCE, null))).contains(OutcomeCode.AUDIENCE_MISMATCH);
        c.put("aud", List.of(CLIENT, "api.example"));
        c.put("azp", CLIENT);
        assertThat(codes(verifier().build().verify(es256(c), NONCE, null))).containsExactly(OutcomeCode.AUDIENCE_MISMATCH);
        assertThat(verifier().additionalAudiences("api.example").build().verify(es256(c), NONCE, null).errors()).isEmpty();
        c.remove("azp");
        assertThat(codes(verifier().additionalAudiences("api.example").build().verify(es256(c), NONCE, null)))
                .containsExactly(OutcomeCode.AUDIENCE_MISMATCH);
        c.put("azp", "api.example");
        assertThat(codes(verifier().additionalAudiences("api.example").build().verify(es256(c), NONCE, null)))
                .containsExactly(OutcomeCode.AUDIENCE_MISMATCH);
    }

    @Test
    @DisplayName("rp-id_token-sub / rp-id_token-iat: required claims are MISSING_CLAIM")
    void requiredClaims() {
        for (String name : List.of("sub", "iat", "exp", "aud")) {
            Map<String, Object> c = claims();
            c.remove(name);
            assertThat(codes(verifier().build().verify(es256(c), NONCE, null))).as(name).contains(OutcomeCode.MISSING_CLAIM);
        }
    }

    @Test
    @DisplayName("rp-nonce-invalid and rp-nonce-unless-code-flow: the login's nonce must come back")
    void nonce() {
        assertThat(codes(verifier().build().verify(es256(claims()), "another-nonce", null)))
                .containsExactly(OutcomeCode.NONCE_MISMATCH);
        Map<String, Object> c = claims();
        c.remove("nonce");
        assertThat(codes(verifier().build().verify(es256(c), NONCE, null))).containsExactly(OutcomeCode.MISSING_CLAIM);
    }

    @Test
    @DisplayName("rp-id_token-at_hash: at_hash by the alg's hash (SHA-256, SHA-512 for EdDSA, SM3 for SM2)")
    void accessTokenHash() {
        for (SigningKey k : List.of(ES, ED, SM2)) {
            Map<String, Object> c = claims();
            c.put("at_hash", IdTokenVerifier.leftHalfHash(k.algorithm(), ACCESS));
            String t = JwsBuilder.signedWith(k).claims(c).sign();
            assertThat(verifier().build().verify(t, NONCE, ACCESS).errors()).as(k.algorithm().toString()).isEmpty();
            assertThat(codes(verifier().build().verify(t, NONCE, ACCESS + "x"))).containsExactly(OutcomeCode.INVALID_CLAIM);
        }
        // the OpenID Connect Core example: access token above, RS256 → at_hash 77QmUPtjPfzWtF2AnpK9RQ
        assertThat(IdTokenVerifier.leftHalfHash(JwsAlgorithm.RS256, ACCESS)).isEqualTo("77QmUPtjPfzWtF2AnpK9RQ");
        assertThat(codes(verifier().requireAccessTokenHash(true).build().verify(es256(claims()), NONCE, ACCESS)))
                .containsExactly(OutcomeCode.MISSING_CLAIM);
    }

    @Test
    @DisplayName("rp-id_token-typ: an RNAT, an access token or a logout token is not an ID token")
    void explicitTypesOfOtherTokensAreRefused() {
        for (String typ : List.of("rnat+jwt", "at+jwt", "logout+jwt")) {
            String t = JwsBuilder.signedWith(ES).type(typ).claims(claims()).sign();
            assertThat(codes(verifier().build().verify(t, NONCE, null))).as(typ).containsExactly(OutcomeCode.WRONG_TYPE);
        }
        assertThat(verifier().build().verify(JwsBuilder.signedWith(ES).type("jwt").claims(claims()).sign(), NONCE, null)
                .errors()).isEmpty();
        Map<String, Object> c = claims();
        c.put("events", Map.of("http://schemas.openid.net/event/backchannel-logout", Map.of()));
        assertThat(codes(verifier().build().verify(es256(c), NONCE, null))).containsExactly(OutcomeCode.INVALID_CLAIM);
    }

    @Test
    @DisplayName("times, level and max_age")
    void timesLevelAndAge() {
        Map<String, Object> c = claims();
        c.put("exp", NOW.minusSeconds(61).getEpochSecond());
        c.put("iat", NOW.minusSeconds(400).getEpochSecond());
        c.put("auth_time", NOW.minusSeconds(500).getEpochSecond());
        assertThat(codes(verifier().build().verify(es256(c), NONCE, null))).containsExactly(OutcomeCode.EXPIRED);
        assertThat(codes(verifier().minimumLevel(AssuranceLevel.L4).build().verify(es256(claims()), NONCE, null)))
                .containsExactly(OutcomeCode.ASSURANCE_TOO_LOW);
        Map<String, Object> old = claims();
        old.put("auth_time", NOW.minusSeconds(600).getEpochSecond());
        assertThat(codes(verifier().maxAge(Duration.ofSeconds(500)).build().verify(es256(old), NONCE, null)))
                .containsExactly(OutcomeCode.ASSURANCE_TOO_LOW);
        assertThat(verifier().maxAge(Duration.ofSeconds(540)).build().verify(es256(old), NONCE, null).errors())
                .as("within max_age + skew").isEmpty();
        Map<String, Object> noAuthTime = claims();
        noAuthTime.remove("auth_time");
        assertThat(codes(verifier().maxAge(Duration.ofHours(1)).build().verify(es256(noAuthTime), NONCE, null)))
                .containsExactly(OutcomeCode.MISSING_CLAIM);
        Map<String, Object> noAcr = claims();
        noAcr.put("acr", "urn:mace:incommon:iap:silver");
        assertThat(codes(verifier().minimumLevel(AssuranceLevel.L1).build().verify(es256(noAcr), NONCE, null)))
                .containsExactly(OutcomeCode.ASSURANCE_TOO_LOW);
    }

    @Test
    @DisplayName("a refreshed ID token must keep iss, sub, aud and auth_time")
    void refreshedTokenKeepsTheSubject() {
        IdToken original = verifier().build().verify(es256(claims()), NONCE, null).value().orElseThrow();
        assertThat(verifier().build().verifyRefreshed(es256(claims()), original, null).errors()).isEmpty();
        Map<String, Object> c = claims();
        c.put("sub", "another-person");
        assertThat(codes(verifier().build().verifyRefreshed(es256(c), original, null)))
                .containsExactly(OutcomeCode.INVALID_CLAIM);
        // OpenID Connect Core §12.2: a nonce need not be repeated, but when it is, it is the original's
        Map<String, Object> noNonce = claims();
        noNonce.remove("nonce");
        assertThat(verifier().build().verifyRefreshed(es256(noNonce), original, null).errors()).isEmpty();
        Map<String, Object> otherNonce = claims();
        otherNonce.put("nonce", "another-nonce");
        assertThat(codes(verifier().build().verifyRefreshed(es256(otherNonce), original, null)))
                .containsExactly(OutcomeCode.NONCE_MISMATCH);
        Map<String, Object> laterAuth = claims();
        laterAuth.put("auth_time", NOW.getEpochSecond() - 1);
        assertThat(codes(verifier().build().verifyRefreshed(es256(laterAuth), original, null)))
                .containsExactly(OutcomeCode.INVALID_CLAIM);
        // azp: an added one is a change; one the refresh leaves out, with the same single audience, is not
        Map<String, Object> withAzp = claims();
        withAzp.put("azp", CLIENT);
        assertThat(codes(verifier().build().verifyRefreshed(es256(withAzp), original, null)))
                .containsExactly(OutcomeCode.INVALID_CLAIM);
        IdToken originalWithAzp = verifier().build().verify(es256(withAzp), NONCE, null).value().orElseThrow();
        assertThat(verifier().build().verifyRefreshed(es256(noNonce), originalWithAzp, null).errors()).isEmpty();
        Map<String, Object> moreAudiences = claims();
        moreAudiences.put("aud", List.of(CLIENT, "api.example"));
        moreAudiences.put("azp", CLIENT);
        assertThat(codes(verifier().additionalAudiences("api.example").build().verifyRefreshed(es256(moreAudiences),
                originalWithAzp, null))).containsExactly(OutcomeCode.INVALID_CLAIM);
    }

    @Test
    @DisplayName("rp-id_token-kid-absent-single-jwks: without kid the one key for the alg is tried")
    void noKidWithOneKeyOfTheAlg() throws Exception {
        String t = rs256(Map.of("alg", "RS256"), claims());
        assertThat(verifier().build().verify(t, NONCE, null).errors()).isEmpty();
    }

    @Test
    @DisplayName("rp-userinfo-sig: a signed userinfo response verifies with the provider's keys, for this client and subject")
    void signedUserInfo() throws Exception {
        IdToken login = verifier().build().verify(es256(claims()), NONCE, null).value().orElseThrow();
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("iss", ISS);
        info.put("aud", CLIENT);
        info.put("sub", claims().get("sub"));
        info.put("name", "张三");
        VerificationResult<Map<String, Object>> ok = verifier().build().verifyUserInfo(
                rs256(Map.of("alg", "RS256", "kid", "rsa-1"), info), login);
        assertThat(ok.errors()).isEmpty();
        assertThat(ok.value().orElseThrow()).containsEntry("name", "张三");
        Map<String, Object> other = new LinkedHashMap<>(info);
        other.put("sub", "another-person");
        assertThat(codes(verifier().build().verifyUserInfo(es256(other), login)))
                .containsExactly(OutcomeCode.INVALID_CLAIM);
        other = new LinkedHashMap<>(info);
        other.put("aud", "other-client");
        assertThat(codes(verifier().build().verifyUserInfo(es256(other), login)))
                .containsExactly(OutcomeCode.AUDIENCE_MISMATCH);
        other = new LinkedHashMap<>(info);
        other.put("iss", "https://elsewhere.example");
        assertThat(codes(verifier().build().verifyUserInfo(es256(other), login)))
                .containsExactly(OutcomeCode.UNTRUSTED_ISSUER);
        String forged = JwsBuilder.signedWith(SigningKey.generate(JwsAlgorithm.ES256).withKeyId("es-1")).claims(info)
                .sign();
        assertThat(codes(verifier().build().verifyUserInfo(forged, login)))
                .containsExactly(OutcomeCode.SIGNATURE_INVALID);
        assertThat(codes(verifier().build().verifyUserInfo("eyJhbGciOiJSU0EtT0FFUCJ9.a.b.c.d", login)))
                .as("an encrypted response").containsExactly(OutcomeCode.MALFORMED);
    }
}
