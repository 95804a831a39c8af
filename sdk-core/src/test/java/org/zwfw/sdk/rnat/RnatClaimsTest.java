package org.zwfw.sdk.rnat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zwfw.sdk.rnat.Rnats.AUD;
import static org.zwfw.sdk.rnat.Rnats.IAT;
import static org.zwfw.sdk.rnat.Rnats.NOW;
import static org.zwfw.sdk.rnat.Rnats.RID;
import static org.zwfw.sdk.rnat.Rnats.claims;
import static org.zwfw.sdk.rnat.Rnats.codeList;
import static org.zwfw.sdk.rnat.Rnats.codes;
import static org.zwfw.sdk.rnat.Rnats.sign;
import static org.zwfw.sdk.rnat.Rnats.verifiedClaims;
import static org.zwfw.sdk.rnat.Rnats.with;
import static org.zwfw.sdk.rnat.Rnats.withVerifiedClaims;
import static org.zwfw.sdk.rnat.Rnats.without;
import static org.zwfw.sdk.verify.OutcomeCode.ASSURANCE_TOO_LOW;
import static org.zwfw.sdk.verify.OutcomeCode.AUDIENCE_MISMATCH;
import static org.zwfw.sdk.verify.OutcomeCode.CHECKSUM_INVALID;
import static org.zwfw.sdk.verify.OutcomeCode.EXPIRED;
import static org.zwfw.sdk.verify.OutcomeCode.INVALID_CLAIM;
import static org.zwfw.sdk.verify.OutcomeCode.ISSUED_IN_FUTURE;
import static org.zwfw.sdk.verify.OutcomeCode.KEY_BINDING_INVALID;
import static org.zwfw.sdk.verify.OutcomeCode.KEY_BINDING_MISSING;
import static org.zwfw.sdk.verify.OutcomeCode.LIFETIME_TOO_LONG;
import static org.zwfw.sdk.verify.OutcomeCode.MISSING_CLAIM;
import static org.zwfw.sdk.verify.OutcomeCode.NOT_YET_VALID;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.zwfw.sdk.verify.OutcomeCode;
import org.zwfw.sdk.verify.VerificationResult;

/** spec/realname-token.md §12 steps 10 to 16: the claims of an authenticated token. */
class RnatClaimsTest {

    private final Rnats p = new Rnats();

    private VerificationResult<RealNameToken> verify(Map<String, Object> claims) {
        return p.verifier().build().verify(sign(claims));
    }

    private List<OutcomeCode> codesOf(Map<String, Object> claims) {
        return codeList(verify(claims));
    }

    private static Map<String, Object> released(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    // step 10

    @Test
    void everyRequiredClaimIsReportedMissingOnce() {
        for (String name : List.of("sub", "aud", "iat", "exp", "jti", "acr", "auth_time")) {
            assertThat(codesOf(without(claims(), name))).as(name).containsExactly(MISSING_CLAIM);
        }
        Map<String, Object> bare = without(claims(), "sub", "aud", "iat", "exp", "jti", "acr", "auth_time", "amr");
        assertThat(codesOf(bare)).hasSize(7).containsOnly(MISSING_CLAIM);
    }

    @Test
    void optionalClaimsMayBeAbsent() {
        assertThat(verify(without(claims(), "amr")).errors()).isEmpty();
        assertThat(verify(without(claims(), "amr")).value().orElseThrow().methods()).isEmpty();
    }

    @Test
    void aClaimOfTheWrongTypeIsInvalidNeverAbsent() {
        Object[][] cases = {{"sub", 7}, {"aud", 7}, {"aud", Map.of()}, {"jti", 7}, {"acr", 3}, {"client_id", 7},
            {"sub", null}, {"jti", null}, {"iat", "1767225540"}, {"exp", "later"}, {"auth_time", true},
            {"nbf", "soon"}, {"iat", new BigDecimal("1780300740.5")}, {"auth_time", -1L},
            {"exp", new BigInteger("253402300800")}};
        for (Object[] c : cases) {
            assertThat(codesOf(with(claims(), c[0], c[1]))).as("%s = %s", c[0], c[1]).containsExactly(INVALID_CLAIM);
        }
    }

    @Test
    void lengthsAreCheckedInCodePoints() {
        assertThat(codesOf(with(claims(), "sub", "s".repeat(256)))).containsExactly(INVALID_CLAIM);
        assertThat(verify(with(claims(), "sub", "s".repeat(255))).errors()).isEmpty();
        assertThat(codesOf(with(claims(), "sub", ""))).containsExactly(INVALID_CLAIM);
        assertThat(codesOf(with(claims(), "sub", "ünïcode"))).as("ASCII only").containsExactly(INVALID_CLAIM);
        assertThat(codesOf(with(claims(), "sub", "tab\there"))).as("printable").containsExactly(INVALID_CLAIM);
        assertThat(codesOf(with(claims(), "jti", "j".repeat(129)))).containsExactly(INVALID_CLAIM);
        assertThat(verify(with(claims(), "jti", "\uD83D\uDE00".repeat(128))).errors()).as("128 code points")
                .isEmpty();
        assertThat(codesOf(with(claims(), "jti", ""))).containsExactly(INVALID_CLAIM);
        assertThat(codesOf(with(claims(), "client_id", "c".repeat(256)))).containsExactly(INVALID_CLAIM);
        assertThat(codesOf(with(claims(), "client_id", ""))).containsExactly(INVALID_CLAIM);
    }

    // step 11

    @Test
    void aTokenForAnotherRelyingPartyIsAudienceMismatch() {
        VerificationResult<RealNameToken> r = verify(with(claims(), "aud", "other-client"));
        assertThat(codeList(r)).containsExactly(AUDIENCE_MISMATCH);
        assertThat(codesOf(with(claims(), "aud", List.of("other-client")))).containsExactly(AUDIENCE_MISMATCH);
    }

    @Test
    void audIsOneStringOrAnArrayOfExactlyOne() {
        assertThat(verify(with(claims(), "aud", List.of(AUD))).value().orElseThrow().audience()).isEqualTo(AUD);
        assertThat(codesOf(with(claims(), "aud", List.of(AUD, "other-client")))).containsExactly(INVALID_CLAIM);
        assertThat(codesOf(with(claims(), "aud", List.of()))).containsExactly(INVALID_CLAIM);
        assertThat(codesOf(with(claims(), "aud", List.of(7)))).containsExactly(INVALID_CLAIM);
        assertThat(codesOf(with(claims(), "aud", List.of("a".repeat(256))))).containsExactly(INVALID_CLAIM);
    }

    // step 12

    @Test
    void timesAreJudgedWithTheSkew() {
        Map<String, Object> c = claims();
        long exp = (Long) c.get("exp");
        p.clock.set(java.time.Instant.ofEpochSecond(exp + 59));
        assertThat(verify(c).errors()).as("within the skew after exp").isEmpty();
        p.clock.set(java.time.Instant.ofEpochSecond(exp + 60));
        assertThat(codesOf(with(claims(), "exp", exp))).containsExactly(EXPIRED);
        p.clock.set(NOW);
        Map<String, Object> future = with(claims(), "iat", NOW.plusSeconds(61).getEpochSecond(),
                "exp", NOW.plusSeconds(361).getEpochSecond(), "auth_time", NOW.getEpochSecond());
        assertThat(codesOf(future)).containsExactly(ISSUED_IN_FUTURE);
        Map<String, Object> soon = with(claims(), "iat", NOW.plusSeconds(60).getEpochSecond(),
                "exp", NOW.plusSeconds(360).getEpochSecond(), "auth_time", NOW.getEpochSecond());
        assertThat(verify(soon).errors()).as("iat within the skew").isEmpty();
        assertThat(codesOf(with(claims(), "nbf", NOW.plusSeconds(61).getEpochSecond()))).containsExactly(NOT_YET_VALID);
        assertThat(verify(with(claims(), "nbf", NOW.plusSeconds(60).getEpochSecond())).errors()).isEmpty();
    }

    @Test
    void theOrderOfTheTimesIsChecked() {
        p.clock.set(IAT); // so that none of these is also expired
        long iat = IAT.getEpochSecond();
        assertThat(codesOf(with(claims(), "exp", iat))).containsExactly(INVALID_CLAIM);
        assertThat(codesOf(with(claims(), "exp", iat - 1))).containsExactly(INVALID_CLAIM);
        assertThat(codesOf(with(claims(), "nbf", iat - 1))).containsExactly(INVALID_CLAIM);
        assertThat(codesOf(with(claims(), "nbf", iat + 300))).as("nbf = exp").contains(INVALID_CLAIM);
        assertThat(verify(with(claims(), "nbf", iat)).errors()).isEmpty();
        assertThat(codesOf(with(claims(), "auth_time", iat + 1))).containsExactly(INVALID_CLAIM);
        assertThat(verify(with(claims(), "auth_time", iat)).errors()).isEmpty();
    }

    @Test
    void aLifetimeOverAnHourIsTooLong() {
        long iat = IAT.getEpochSecond();
        assertThat(codesOf(with(claims(), "exp", iat + 3601))).containsExactly(LIFETIME_TOO_LONG);
        assertThat(verify(with(claims(), "exp", iat + 3600)).errors()).isEmpty();
    }

    // step 13

    @Test
    void acrIsOneOfTheFourLevelsComparedExactly() {
        for (String acr : List.of("urn:zwfw:rn:L0", "urn:zwfw:rn:L5", "urn:zwfw:rn:l3", "URN:ZWFW:RN:L3", "L3",
                "urn:zwfw:rn:L3 ", "urn:zwfw:rn:")) {
            assertThat(codesOf(with(claims(), "acr", acr))).as(acr).containsExactly(INVALID_CLAIM);
        }
        for (AssuranceLevel l : AssuranceLevel.values()) {
            assertThat(verify(with(claims(), "acr", l.acr())).value().orElseThrow().level()).isEqualTo(l);
        }
    }

    @Test
    void aLevelBelowTheMinimumIsAssuranceTooLow() {
        var v = p.verifier().minimumLevel(AssuranceLevel.L3).build();
        assertThat(codeList(v.verify(sign(with(claims(), "acr", "urn:zwfw:rn:L2"))))).containsExactly(ASSURANCE_TOO_LOW);
        assertThat(v.verify(sign(claims())).errors()).isEmpty();
        assertThat(v.verify(sign(with(claims(), "acr", "urn:zwfw:rn:L4"))).errors()).isEmpty();
        var l4 = p.verifier().minimumLevel(AssuranceLevel.L4).build();
        assertThat(codeList(l4.verify(sign(claims())))).containsExactly(ASSURANCE_TOO_LOW);
    }

    @Test
    void theVerifierDoesNotReDeriveTheLevelFromAmr() {
        // D5: an L4 token authenticated by a method added later is accepted
        assertThat(verify(with(claims(), "acr", "urn:zwfw:rn:L4", "amr", List.of("wallet-2030"))).errors()).isEmpty();
    }

    // step 14

    @Test
    void amrIsOneToSixteenDistinctShortStrings() {
        Object[] bad = {"face", List.of(), List.of(1), List.of("face", "face"), List.of(""), List.of("m".repeat(33)),
            java.util.Collections.nCopies(17, "x")};
        for (Object amr : bad) {
            assertThat(codesOf(with(claims(), "amr", amr))).as(String.valueOf(amr)).containsExactly(INVALID_CLAIM);
        }
        List<String> sixteen = new java.util.ArrayList<>();
        for (int i = 0; i < 16; i++) {
            sixteen.add("m" + i);
        }
        assertThat(verify(with(claims(), "amr", sixteen)).errors()).isEmpty();
        assertThat(verify(with(claims(), "amr", List.of("m".repeat(32)))).errors()).isEmpty();
    }

    @Test
    void requiredMethodsMustAllAppear() {
        var v = p.verifier().requiredMethods("face", "sms").build();
        assertThat(v.verify(sign(claims())).errors()).isEmpty();
        assertThat(codeList(v.verify(sign(with(claims(), "amr", List.of("sms", "pwd"))))))
                .containsExactly(ASSURANCE_TOO_LOW);
        assertThat(codeList(v.verify(sign(without(claims(), "amr"))))).as("D6: absent amr under a requirement")
                .containsExactly(MISSING_CLAIM);
        assertThat(codeList(v.verify(sign(with(claims(), "amr", "face"))))).as("malformed amr, reported once")
                .containsExactly(INVALID_CLAIM);
        assertThat(codeList(v.verify(sign(with(claims(), "amr", List.of("sms"), "jti", 7))))).as(
                "another claim's INVALID_CLAIM does not hide a missing method")
                .containsExactlyInAnyOrder(INVALID_CLAIM, ASSURANCE_TOO_LOW);
    }

    @Test
    void anAuthenticationOlderThanTheMaximumPlusSkewIsAssuranceTooLow() {
        var v = p.verifier().maxAuthenticationAge(Duration.ofMinutes(5)).build();
        long limit = NOW.minusSeconds(300 + 60).getEpochSecond();
        assertThat(v.verify(sign(with(claims(), "auth_time", limit))).errors()).isEmpty();
        assertThat(codeList(v.verify(sign(with(claims(), "auth_time", limit - 1))))).containsExactly(ASSURANCE_TOO_LOW);
        assertThat(p.verifier().build().verify(sign(with(claims(), "auth_time", limit - 100_000))).errors())
                .as("no maximum by default").isEmpty();
    }

    // step 15

    @Test
    void verifiedClaimsAreReturnedWhenValid() {
        Map<String, Object> rel = released("id_number_masked", "11**************2X", "phone_number_masked",
                "138****0001", "name", Rnats.NAME, "birthdate", "1949-12-31", "id_number", RID, "extra", 1L);
        RealNameToken t = verify(withVerifiedClaims(rel)).value().orElseThrow();
        RealNameToken.VerifiedClaims vc = t.verifiedClaims().orElseThrow();
        assertThat(vc.assuranceLevel()).isEqualTo(AssuranceLevel.L3);
        assertThat(vc.time()).isEqualTo("2025-11-03T10:15:00+08:00");
        assertThat(vc.claims()).isEqualTo(rel);
    }

    @Test
    void missingMembersOfVerifiedClaimsAreMissing() {
        Map<String, Object> rel = released("id_number_masked", "11**************2X");
        for (String member : List.of("verification", "claims")) {
            Map<String, Object> vc = verifiedClaims("L3", rel);
            vc.remove(member);
            assertThat(codesOf(with(claims(), "verified_claims", vc))).as(member).containsExactly(MISSING_CLAIM);
        }
        for (String member : List.of("trust_framework", "assurance_level", "time")) {
            Map<String, Object> vc = verifiedClaims("L3", rel);
            @SuppressWarnings("unchecked")
            Map<String, Object> verification = (Map<String, Object>) vc.get("verification");
            verification.remove(member);
            assertThat(codesOf(with(claims(), "verified_claims", vc))).as(member).containsExactly(MISSING_CLAIM);
            verification.put(member, 7);
            assertThat(codesOf(with(claims(), "verified_claims", vc))).as(member).containsExactly(INVALID_CLAIM);
            verification.put(member, null);
            assertThat(codesOf(with(claims(), "verified_claims", vc))).as(member).containsExactly(INVALID_CLAIM);
        }
    }

    @Test
    void verifiedClaimsOfTheWrongShapeAreInvalid() {
        Map<String, Object> rel = released("id_number_masked", "11**************2X");
        assertThat(codesOf(with(claims(), "verified_claims", List.of(verifiedClaims("L3", rel)))))
                .as("D7: one object, not an array").containsExactly(INVALID_CLAIM);
        Map<String, Object> vc = verifiedClaims("L3", rel);
        vc.put("claims", "all");
        assertThat(codesOf(with(claims(), "verified_claims", vc))).containsExactly(INVALID_CLAIM);
        vc = verifiedClaims("L3", rel);
        vc.put("verification", List.of());
        assertThat(codesOf(with(claims(), "verified_claims", vc))).containsExactly(INVALID_CLAIM);
        assertThat(codesOf(with(claims(), "verified_claims", verifiedClaims("L3", Map.of()))))
                .as("an empty claims asserts nothing").containsExactly(INVALID_CLAIM);
    }

    @Test
    void theVerificationMembersAreChecked() {
        Map<String, Object> rel = released("id_number_masked", "11**************2X");
        Map<String, Object> vc = verifiedClaims("L3", rel);
        verification(vc).put("trust_framework", "eidas");
        assertThat(codesOf(with(claims(), "verified_claims", vc))).containsExactly(INVALID_CLAIM);
        for (String level : List.of("L0", "L5", "l3", "urn:zwfw:rn:L3")) {
            assertThat(codesOf(with(claims(), "verified_claims", verifiedClaims(level, rel)))).as(level)
                    .containsExactly(INVALID_CLAIM);
        }
        assertThat(codesOf(with(claims(), "verified_claims", verifiedClaims("L2", rel)))).as("below acr L3")
                .containsExactly(INVALID_CLAIM);
        assertThat(verify(with(claims(), "verified_claims", verifiedClaims("L4", rel))).errors()).isEmpty();
    }

    @Test
    void theProofingTimeIsAnIdentityAssuranceTimeNotAfterIatPlusSkew() {
        Map<String, Object> rel = released("id_number_masked", "11**************2X");
        for (String ok : List.of("2025-11-03T10:15+08:00", "2025-11-03T02:15:00Z", "2025-11-03T10:15:00-05:00",
                "2026-06-01T07:59:59Z", "2026-06-01T16:00:00+08:00")) {
            Map<String, Object> vc = verifiedClaims("L3", rel);
            verification(vc).put("time", ok);
            assertThat(verify(with(claims(), "verified_claims", vc)).errors()).as(ok).isEmpty();
        }
        for (String bad : List.of("2025-11-03", "2025-11-03T10:15:00", "2025-11-03 10:15:00Z", "2025-11-03T10:15:00.5Z",
                "2025-13-03T10:15:00Z", "2025-11-03T10:15:00+0800", "1767225540", "2026-06-01T08:00:01Z")) {
            Map<String, Object> vc = verifiedClaims("L3", rel);
            verification(vc).put("time", bad);
            assertThat(codesOf(with(claims(), "verified_claims", vc))).as(bad).containsExactly(INVALID_CLAIM);
        }
    }

    @Test
    void theProofingTimeIsReadAsJavaTimeReadsIt() {
        // differential: the hand-read time against DateTimeFormatter's strict ISO parsing
        java.util.Random r = new java.util.Random(20261206);
        java.util.List<String> samples = new java.util.ArrayList<>(List.of("2024-02-29T23:59:59+14:00",
                "2023-02-29T00:00Z", "2025-04-31T10:00Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59-18:00",
                "2025-11-03T24:00Z", "2025-11-03T10:60Z", "2025-11-03T10:15:60Z", "2025-11-03T10:15+18:01",
                "2025-11-03T10:15-00:30", "2025-11-03T10:15+05:60"));
        for (int i = 0; i < 20_000; i++) {
            StringBuilder s = new StringBuilder(String.format("%04d-%02d-%02dT%02d:%02d", r.nextInt(10_000),
                    r.nextInt(20), r.nextInt(40), r.nextInt(30), r.nextInt(70)));
            if (r.nextBoolean()) {
                s.append(String.format(":%02d", r.nextInt(70)));
            }
            s.append(r.nextInt(4) == 0 ? "Z" : String.format("%s%02d:%02d", r.nextBoolean() ? "+" : "-", r.nextInt(20),
                    r.nextInt(70)));
            samples.add(s.toString());
        }
        int valid = 0;
        for (String s : samples) {
            String full = s.charAt(16) != ':' ? s.substring(0, 16) + ":00" + s.substring(16) : s;
            java.time.Instant expected;
            try {
                expected = java.time.OffsetDateTime.parse(full, java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                        .toInstant();
                valid++;
            } catch (java.time.format.DateTimeParseException e) {
                expected = null;
            }
            assertThat(RnatClaims.time(s)).as(s).isEqualTo(expected);
        }
        assertThat(valid).as("enough valid samples").isGreaterThan(2_000);
    }

    @Test
    void maskedValuesMustBeMaskedEnough() {
        for (String ok : List.of("11**************2X", "****************2X", "1101************2X", "******************")) {
            assertThat(verify(withVerifiedClaims(released("id_number_masked", ok))).errors()).as(ok).isEmpty();
        }
        for (String bad : List.of(RID, "110105**********2X", "11**************2x", "11*************2X", "11***************2X",
                "11**************2Y")) {
            assertThat(codesOf(withVerifiedClaims(released("id_number_masked", bad)))).as(bad)
                    .containsExactly(INVALID_CLAIM);
        }
        assertThat(verify(withVerifiedClaims(released("phone_number_masked", "138****0001"))).errors()).isEmpty();
        for (Object bad : List.of("13800000001", "1380**00001", "138****000", "138-***0001", 13800000001L)) {
            assertThat(codesOf(withVerifiedClaims(released("phone_number_masked", bad)))).as(String.valueOf(bad))
                    .containsExactly(INVALID_CLAIM);
        }
    }

    @Test
    void nameAndBirthDateAreChecked() {
        assertThat(codesOf(withVerifiedClaims(released("name", "")))).containsExactly(INVALID_CLAIM);
        assertThat(codesOf(withVerifiedClaims(released("name", "名".repeat(65))))).containsExactly(INVALID_CLAIM);
        assertThat(codesOf(withVerifiedClaims(released("name", 7)))).containsExactly(INVALID_CLAIM);
        assertThat(verify(withVerifiedClaims(released("name", "名".repeat(64)))).errors()).isEmpty();
        for (Object bad : List.of("1949-02-30", "1949-12-31T00:00", "19491231", "2026-06-02", 1949)) {
            assertThat(codesOf(withVerifiedClaims(released("birthdate", bad)))).as(String.valueOf(bad))
                    .containsExactly(INVALID_CLAIM);
        }
        assertThat(verify(withVerifiedClaims(released("birthdate", "2026-06-01"))).errors()).isEmpty();
    }

    @Test
    void anIdNumberIsAValidResidentIdNumber() {
        assertThat(codesOf(withVerifiedClaims(released("id_number", "110105194912310021"))))
                .as("check character (D14)").containsExactly(CHECKSUM_INVALID);
        assertThat(codesOf(withVerifiedClaims(released("id_number", "11010519491331002X")))).as("no such date")
                .containsExactly(INVALID_CLAIM);
        assertThat(codesOf(withVerifiedClaims(released("id_number", "110105491231002")))).as("15 digits")
                .containsExactly(INVALID_CLAIM);
        assertThat(codesOf(withVerifiedClaims(released("id_number", 7)))).containsExactly(INVALID_CLAIM);
        assertThat(verify(withVerifiedClaims(released("id_number", RID))).errors()).isEmpty();
    }

    @Test
    void otherReleasedClaimsAndVerificationMembersPassUnchecked() {
        Map<String, Object> vc = verifiedClaims("L3", released("nationality", 156, "id_number_masked",
                "11**************2X"));
        verification(vc).put("evidence", List.of(Map.of("type", "document")));
        RealNameToken t = verify(with(claims(), "verified_claims", vc)).value().orElseThrow();
        assertThat(t.verifiedClaims().orElseThrow().claims()).containsEntry("nationality", 156L);
    }

    // step 16

    @Test
    void aSenderConstrainedTokenNeedsTheHoldersProvenKey() {
        String jkt = Rnats.OTHER.verificationKey().thumbprint();
        String t = sign(with(claims(), "cnf", Map.of("jkt", jkt)));
        var v = p.verifier().build();
        assertThat(codeList(v.verify(t))).as("D13").containsExactly(KEY_BINDING_MISSING);
        assertThat(codeList(p.verifier().build().verify(t, Rnats.ES.verificationKey().thumbprint())))
                .containsExactly(KEY_BINDING_INVALID);
        VerificationResult<RealNameToken> ok = p.verifier().build().verify(t, jkt);
        assertThat(ok.errors()).isEmpty();
        assertThat(ok.value().orElseThrow().confirmationThumbprint()).contains(jkt);
        assertThat(p.verifier().build().verify(sign(claims()), jkt).errors()).as("a bearer token with a proof given")
                .isEmpty();
    }

    @Test
    void cnfOfAnotherShapeIsInvalid() {
        for (Object cnf : List.of("x", Map.of(), Map.of("jwk", Map.of("kty", "EC")), Map.of("jkt", "short"),
                Map.of("jkt", "A".repeat(44)), Map.of("jkt", "+".repeat(43)), Map.of("jkt", 7))) {
            assertThat(codesOf(with(claims(), "cnf", cnf))).as(String.valueOf(cnf)).containsExactly(INVALID_CLAIM);
        }
    }

    // every claim failure is reported

    @Test
    void everyFailedClaimCheckIsReported() {
        p.clock.set(NOW.plusSeconds(3600));
        var v = p.verifier().minimumLevel(AssuranceLevel.L4).build();
        var r = v.verify(sign(with(claims(), "aud", "other-client")));
        assertThat(codes(r)).containsExactlyInAnyOrder(AUDIENCE_MISMATCH, EXPIRED, ASSURANCE_TOO_LOW);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> verification(Map<String, Object> vc) {
        return (Map<String, Object>) vc.get("verification");
    }
}
