package org.zwfw.sdk.rnat.issuer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.crypto.KeyFormatException;
import org.zwfw.sdk.crypto.ParsedJws;
import org.zwfw.sdk.crypto.SigningKey;
import org.zwfw.sdk.rnat.AssuranceLevel;
import org.zwfw.sdk.rnat.RealNameToken;
import org.zwfw.sdk.rnat.RnatVerifier;
import org.zwfw.sdk.trust.TrustList;
import org.zwfw.sdk.trust.TrustListKeys;
import org.zwfw.sdk.trust.TrustedIssuer;
import org.zwfw.sdk.verify.VerificationResult;

/** spec/realname-token.md §15 (issuing), §4 (the level), §6 (masking), §8 (release tiers). */
class RnatIssuerTest {

    static final Instant NOW = Instant.parse("2026-06-01T08:00:00Z");
    static final String RZ = "https://rz.zwfw.example.gov.cn";
    static final String AUD = "portal-client";
    static final String SECTOR = "portal.example.gov.cn";
    static final String RID = PairwiseSubjectTest.RID;
    static final String NAME = "张三";
    static final String PHONE = "13800000001";
    static final String SUB = "nDb7GQGb2uvbnN7drE1U8Htj_e-RAgCOelhheT1_ZkA";
    static final SigningKey ES = SigningKey.generate(JwsAlgorithm.ES256).withKeyId("rz-es256");
    static final SigningKey ED = SigningKey.generate(JwsAlgorithm.EDDSA).withKeyId("rz-eddsa");
    static final SigningKey SM2 = SigningKey.generate(JwsAlgorithm.SGD_SM3_SM2).withKeyId("rz-sm2");
    static final PairwiseSubject PAIRWISE = PairwiseSubject.of(PairwiseSubjectTest.KEY);

    private static RnatIssuer.Builder issuer(SigningKey key) {
        return RnatIssuer.builder(RZ, key).pairwise(PAIRWISE).clock(Clock.fixed(NOW.plusMillis(700), ZoneOffset.UTC));
    }

    private static RnatGrant.Builder grant(AssuranceLevel proofed, String... methods) {
        return RnatGrant.builder().audience(AUD, SECTOR).person(RID, NAME, PHONE)
                .proofing(proofed, Instant.parse("2025-11-03T02:15:00Z")).authentication(NOW.minusSeconds(60), methods);
    }

    private static Map<String, Object> payload(String token) {
        return ParsedJws.decode(token).claims().orElseThrow();
    }

    private static RnatVerifier verifier() {
        TrustedIssuer rz = TrustedIssuer.builder(RZ).name("identity platform").uscc("11100000000013338W")
                .keys(ES.verificationKey(), ED.verificationKey(), SM2.verificationKey()).types("rnat").build();
        return RnatVerifier.builder().trustList(TrustListKeys.of(TrustList.of(List.of(rz)))).audience(AUD)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    }

    // §4: the highest level both the proofing on record and this authentication's methods reach

    @Test
    void theLevelIsTheLowerOfProofingAndMethods() {
        Object[][] cases = {
            {AssuranceLevel.L3, new String[] {"pwd"}, AssuranceLevel.L2},
            {AssuranceLevel.L3, new String[] {"sms"}, AssuranceLevel.L2},
            {AssuranceLevel.L3, new String[] {"pwd", "sms"}, AssuranceLevel.L2},
            {AssuranceLevel.L3, new String[] {"nfc"}, AssuranceLevel.L2},
            {AssuranceLevel.L3, new String[] {"idcard", "bankcard"}, AssuranceLevel.L2},
            {AssuranceLevel.L3, new String[] {"sms", "face"}, AssuranceLevel.L3},
            {AssuranceLevel.L3, new String[] {"ctid"}, AssuranceLevel.L3},
            {AssuranceLevel.L3, new String[] {"nfc", "face"}, AssuranceLevel.L3},
            {AssuranceLevel.L3, new String[] {"cert"}, AssuranceLevel.L3},
            {AssuranceLevel.L3, new String[] {"counter"}, AssuranceLevel.L3},
            {AssuranceLevel.L4, new String[] {"cert"}, AssuranceLevel.L4},
            {AssuranceLevel.L4, new String[] {"counter"}, AssuranceLevel.L4},
            {AssuranceLevel.L4, new String[] {"face"}, AssuranceLevel.L3},
            {AssuranceLevel.L4, new String[] {"ctid", "sms"}, AssuranceLevel.L3},
            {AssuranceLevel.L4, new String[] {"pwd"}, AssuranceLevel.L2},
            {AssuranceLevel.L2, new String[] {"face"}, AssuranceLevel.L2},
            {AssuranceLevel.L2, new String[] {"pwd"}, AssuranceLevel.L2},
            {AssuranceLevel.L1, new String[] {"cert", "face"}, AssuranceLevel.L1},
            {AssuranceLevel.L1, new String[] {"pwd"}, AssuranceLevel.L1},
        };
        for (Object[] c : cases) {
            String[] methods = (String[]) c[1];
            RnatGrant g = grant((AssuranceLevel) c[0], methods).build();
            assertThat(g.level()).as("proofed %s, amr %s", c[0], List.of(methods)).isEqualTo(c[2]);
            Map<String, Object> claims = payload(issuer(ES).build().issue(g));
            assertThat(claims.get("acr")).isEqualTo(((AssuranceLevel) c[2]).acr());
            assertThat(claims.get("amr")).isEqualTo(List.of(methods));
        }
    }

    // §15: header, claims in order, times, jti

    @Test
    void theTokenHasTheProfilesHeaderAndClaimsInTheOrderOfTheTable() {
        String token = issuer(ES).build().issue(grant(AssuranceLevel.L3, "sms", "face").clientId("hall-client")
                .confirmation(ES.verificationKey().thumbprint()).release(RnatGrant.SCOPE_MASKED).build());
        ParsedJws jws = ParsedJws.decode(token);
        assertThat(jws.header().parameters()).isEqualTo(Map.of("alg", "ES256", "typ", "rnat+jwt", "kid", "rz-es256"));
        Map<String, Object> c = jws.claims().orElseThrow();
        assertThat(c.keySet()).containsExactly("iss", "sub", "aud", "iat", "exp", "jti", "acr", "auth_time", "amr",
                "verified_claims", "cnf", "client_id");
        assertThat(c.get("iss")).isEqualTo(RZ);
        assertThat(c.get("sub")).isEqualTo(SUB);
        assertThat(c.get("aud")).isEqualTo(AUD);
        assertThat(c.get("iat")).as("the clock's current second").isEqualTo(NOW.getEpochSecond());
        assertThat(c.get("exp")).as("default lifetime 300 s").isEqualTo(NOW.getEpochSecond() + 300);
        assertThat(c.get("auth_time")).isEqualTo(NOW.getEpochSecond() - 60);
        assertThat((String) c.get("jti")).matches("[A-Za-z0-9_-]{22}");
        assertThat(c.get("cnf")).isEqualTo(Map.of("jkt", ES.verificationKey().thumbprint()));
        assertThat(c.get("client_id")).isEqualTo("hall-client");
        @SuppressWarnings("unchecked")
        Map<String, Object> vc = (Map<String, Object>) c.get("verified_claims");
        assertThat(vc.keySet()).containsExactly("verification", "claims");
        @SuppressWarnings("unchecked")
        Map<String, Object> verification = (Map<String, Object>) vc.get("verification");
        assertThat(verification).containsExactly(Map.entry("trust_framework", "cn_zwfw"),
                Map.entry("assurance_level", "L3"), Map.entry("time", "2025-11-03T10:15:00+08:00"));
    }

    @Test
    void theSameGrantIssuesTheSameTextExceptTheJti() {
        // fixed member order (no Map.of, whose iteration order differs between JVM runs)
        RnatGrant g = grant(AssuranceLevel.L3, "face").release(RnatGrant.SCOPE_MASKED, RnatGrant.SCOPE_IDENTITY,
                RnatGrant.SCOPE_ID_NUMBER).confirmation(ES.verificationKey().thumbprint()).build();
        String payload = new String(org.zwfw.sdk.internal.Base64Url.decode(issuer(ES).build().issue(g)
                .split("\\.")[1]), StandardCharsets.UTF_8);
        assertThat(payload.replaceAll("\"jti\":\"[^\"]*\"", "\"jti\":\"\"")).isEqualTo("{\"iss\":\"" + RZ
                + "\",\"sub\":\"" + SUB + "\",\"aud\":\"" + AUD + "\",\"iat\":" + NOW.getEpochSecond() + ",\"exp\":"
                + (NOW.getEpochSecond() + 300) + ",\"jti\":\"\",\"acr\":\"urn:zwfw:rn:L3\",\"auth_time\":"
                + (NOW.getEpochSecond() - 60) + ",\"amr\":[\"face\"],\"verified_claims\":{\"verification\":"
                + "{\"trust_framework\":\"cn_zwfw\",\"assurance_level\":\"L3\",\"time\":\"2025-11-03T10:15:00+08:00\"},"
                + "\"claims\":{\"id_number_masked\":\"11**************2X\",\"phone_number_masked\":\"138****0001\","
                + "\"name\":\"" + NAME + "\",\"birthdate\":\"1949-12-31\",\"id_number\":\"" + RID + "\"}},"
                + "\"cnf\":{\"jkt\":\"" + ES.verificationKey().thumbprint() + "\"}}");
    }

    @Test
    void everyTokenHasAFreshJtiOf128Bits() {
        RnatIssuer i = issuer(ES).build();
        Set<Object> seen = new HashSet<>();
        for (int n = 0; n < 50; n++) {
            assertThat(seen.add(payload(i.issue(grant(AssuranceLevel.L3, "face").build())).get("jti"))).isTrue();
        }
    }

    @Test
    void theLifetimeIsConfigurableUpToAnHour() {
        Map<String, Object> c = payload(issuer(ES).lifetime(Duration.ofSeconds(3600)).build()
                .issue(grant(AssuranceLevel.L3, "face").build()));
        assertThat((Long) c.get("exp") - (Long) c.get("iat")).isEqualTo(3600);
        assertThatThrownBy(() -> issuer(ES).lifetime(Duration.ofSeconds(3601))).isInstanceOf(
                IllegalArgumentException.class).hasMessageContaining("3600");
        assertThatThrownBy(() -> issuer(ES).lifetime(Duration.ofMillis(999))).isInstanceOf(
                IllegalArgumentException.class);
        assertThatThrownBy(() -> issuer(ES).lifetime(null)).isInstanceOf(IllegalArgumentException.class);
    }

    // §8 and §6: release tiers and masking

    @Test
    void noIdentityAttributeIsReleasedByDefault() {
        Map<String, Object> c = payload(issuer(ES).build().issue(grant(AssuranceLevel.L3, "face").build()));
        assertThat(c).doesNotContainKey("verified_claims");
        assertThat(c.toString()).doesNotContain(RID, NAME, PHONE, "1949");
    }

    @Test
    void tierOneReleasesMaskedValues() {
        Map<String, Object> c = payload(issuer(ES).build().issue(grant(AssuranceLevel.L3, "face")
                .release(RnatGrant.SCOPE_MASKED).build()));
        assertThat(released(c)).containsExactly(Map.entry("id_number_masked", "11**************2X"),
                Map.entry("phone_number_masked", "138****0001"));
        assertThat(c.toString()).doesNotContain(RID, NAME, PHONE, "19491231");
        RnatGrant noPhone = RnatGrant.builder().audience(AUD, SECTOR).person("11010519491231002x", null, null)
                .proofing(AssuranceLevel.L3, NOW.minusSeconds(86400)).authentication(NOW, "face")
                .release(RnatGrant.SCOPE_MASKED).build();
        assertThat(released(payload(issuer(ES).build().issue(noPhone))))
                .containsExactly(Map.entry("id_number_masked", "11**************2X"));
    }

    @Test
    void tiersTwoAndThreeReleaseNameBirthDateAndTheNumber() {
        Map<String, Object> two = released(payload(issuer(ES).build().issue(grant(AssuranceLevel.L3, "face")
                .release(RnatGrant.SCOPE_IDENTITY).build())));
        assertThat(two).containsExactly(Map.entry("name", NAME), Map.entry("birthdate", "1949-12-31"));
        Map<String, Object> three = released(payload(issuer(ES).build().issue(grant(AssuranceLevel.L3, "face")
                .release(RnatGrant.SCOPE_ID_NUMBER).build())));
        assertThat(three).containsExactly(Map.entry("id_number", RID));
    }

    @Test
    void theProofingLevelTravelsBesideTheAuthenticationLevel() {
        Map<String, Object> c = payload(issuer(ES).build().issue(grant(AssuranceLevel.L4, "pwd")
                .release(RnatGrant.SCOPE_MASKED).build()));
        assertThat(c.get("acr")).isEqualTo("urn:zwfw:rn:L2");
        @SuppressWarnings("unchecked")
        Map<String, Object> v = (Map<String, Object>) ((Map<String, Object>) c.get("verified_claims")).get("verification");
        assertThat(v.get("assurance_level")).isEqualTo("L4");
    }

    // refusals: the rule is named, never a value

    @Test
    void aKeyWithoutKidOrOutsideTheProfileIsRefused() {
        assertThatThrownBy(() -> RnatIssuer.builder(RZ, ES.withKeyId(null))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("kid");
        // RSA keys never get this far: the SDK signs with ES256, EdDSA and SGD_SM3_SM2 only (D1)
        assertThatThrownBy(() -> SigningKey.generate(JwsAlgorithm.RS256)).isInstanceOf(IllegalArgumentException.class);
        String rsaPem = new String(readFixture("rsa-private.pem"), StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> SigningKey.fromPem(rsaPem)).isInstanceOf(KeyFormatException.class);
        assertThatThrownBy(() -> RnatIssuer.builder("", ES)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RnatIssuer.builder("i".repeat(256), ES)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RnatIssuer.builder(RZ, ES).build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("pairwise");
    }

    @Test
    void aReleaseWithoutTheDataItReleasesIsRefused() {
        RnatGrant noName = RnatGrant.builder().audience(AUD, SECTOR).person(RID, null, PHONE)
                .proofing(AssuranceLevel.L3, NOW.minusSeconds(86400)).authentication(NOW, "face")
                .release(RnatGrant.SCOPE_IDENTITY).build();
        assertThatThrownBy(() -> issuer(ES).build().issue(noName)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rn_identity").hasMessageContaining("name")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(RID, PHONE));
        RnatGrant badPhone = grant(AssuranceLevel.L3, "face").person(RID, NAME, "2380000000").release(
                RnatGrant.SCOPE_MASKED).build();
        assertThatThrownBy(() -> issuer(ES).build().issue(badPhone)).isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("2380000000", RID));
        assertThatThrownBy(() -> grant(AssuranceLevel.L3, "face").release("rn_everything"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBadIdNumberOrSectorIsRefusedWithoutShowingTheNumber() {
        RnatGrant badId = grant(AssuranceLevel.L3, "face").person("110105194912310021", NAME, PHONE).build();
        assertThatThrownBy(() -> issuer(ES).build().issue(badId)).isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("110105194912310021", "19491231"));
        RnatGrant badSector = grant(AssuranceLevel.L3, "face").audience(AUD, "").build();
        assertThatThrownBy(() -> issuer(ES).build().issue(badSector)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sector");
    }

    @Test
    void timesAfterTheIssuingTimeAreRefused() {
        assertThatThrownBy(() -> issuer(ES).build().issue(grant(AssuranceLevel.L3, "face")
                .authentication(NOW.plusSeconds(5), "face").build())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("auth_time");
        assertThatThrownBy(() -> issuer(ES).build().issue(grant(AssuranceLevel.L3, "face")
                .proofing(AssuranceLevel.L3, NOW.plusSeconds(5)).build())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("proofing");
    }

    @Test
    void aGrantTheVerifierWouldRefuseIsRefused() {
        assertThatThrownBy(() -> grant(AssuranceLevel.L3).build()).as("no method").isInstanceOf(
                IllegalStateException.class);
        assertThatThrownBy(() -> grant(AssuranceLevel.L3, "face", "face")).as("a method twice")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> grant(AssuranceLevel.L3, "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> grant(AssuranceLevel.L3, "m".repeat(33))).isInstanceOf(IllegalArgumentException.class);
        String[] seventeen = new String[17];
        for (int i = 0; i < 17; i++) {
            seventeen[i] = "m" + i;
        }
        assertThatThrownBy(() -> grant(AssuranceLevel.L3, seventeen)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RnatGrant.builder().audience("", SECTOR)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RnatGrant.builder().audience("a".repeat(256), SECTOR))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RnatGrant.builder().clientId("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RnatGrant.builder().confirmation("not-a-thumbprint"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aGrantNeverShowsThePerson() {
        RnatGrant g = grant(AssuranceLevel.L3, "face").release(RnatGrant.SCOPE_ID_NUMBER).build();
        assertThat(g.toString()).contains("L3", AUD).doesNotContain(RID, NAME, PHONE, "19491231", SECTOR);
    }

    // the issuer and the verifier agree

    @Test
    void whatTheIssuerSignsTheVerifierAcceptsForEveryAlgorithm() {
        for (SigningKey key : List.of(ES, ED, SM2)) {
            RnatVerifier v = verifier();
            String token = issuer(key).build().issue(grant(AssuranceLevel.L4, "cert", "sms").release(
                    RnatGrant.SCOPE_MASKED, RnatGrant.SCOPE_IDENTITY, RnatGrant.SCOPE_ID_NUMBER).clientId("hall-client")
                    .build());
            VerificationResult<RealNameToken> r = v.verify(token);
            assertThat(r.errors()).as(key.algorithm().toString()).isEmpty();
            RealNameToken t = r.value().orElseThrow();
            assertThat(t.subject()).isEqualTo(SUB);
            assertThat(t.level()).isEqualTo(AssuranceLevel.L4);
            assertThat(t.methods()).containsExactly("cert", "sms");
            assertThat(t.authTime()).isEqualTo(NOW.minusSeconds(60));
            assertThat(t.clientId()).contains("hall-client");
            RealNameToken.VerifiedClaims vc = t.verifiedClaims().orElseThrow();
            assertThat(vc.assuranceLevel()).isEqualTo(AssuranceLevel.L4);
            assertThat(vc.claims()).containsEntry("id_number", RID).containsEntry("name", NAME)
                    .containsEntry("birthdate", "1949-12-31").containsEntry("phone_number_masked", "138****0001");
            assertThat(codes(v.verify(token))).as("single use").containsExactly("REPLAYED");
        }
    }

    @Test
    void aBoundTokenVerifiesWithTheHoldersThumbprint() {
        String jkt = ED.verificationKey().thumbprint();
        String token = issuer(SM2).build().issue(grant(AssuranceLevel.L3, "face").confirmation(jkt).build());
        assertThat(codes(verifier().verify(token))).containsExactly("KEY_BINDING_MISSING");
        assertThat(verifier().verify(token, jkt).errors()).isEmpty();
    }

    private static List<String> codes(VerificationResult<?> r) {
        return r.errors().stream().map(f -> f.code().name()).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> released(Map<String, Object> claims) {
        return (Map<String, Object>) ((Map<String, Object>) claims.get("verified_claims")).get("claims");
    }

    private static byte[] readFixture(String name) {
        try (var in = RnatIssuerTest.class.getResourceAsStream("/fixtures/" + name)) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
