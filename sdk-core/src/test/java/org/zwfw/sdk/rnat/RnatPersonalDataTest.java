package org.zwfw.sdk.rnat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zwfw.sdk.rnat.Rnats.NAME;
import static org.zwfw.sdk.rnat.Rnats.NOW;
import static org.zwfw.sdk.rnat.Rnats.PHONE;
import static org.zwfw.sdk.rnat.Rnats.RID;
import static org.zwfw.sdk.rnat.Rnats.SUB;
import static org.zwfw.sdk.rnat.Rnats.claims;
import static org.zwfw.sdk.rnat.Rnats.sign;
import static org.zwfw.sdk.rnat.Rnats.verifiedClaims;
import static org.zwfw.sdk.rnat.Rnats.with;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.zwfw.sdk.verify.Finding;
import org.zwfw.sdk.verify.VerificationResult;

/**
 * Results never show who the person is: no message, {@code toString()} of a result, a token or its
 * verified claims contains {@code sub}, an ID number (or its birth date), a name or a phone number,
 * whether the token is valid or fails any claim check (spec/realname-token.md §6, §12).
 */
class RnatPersonalDataTest {

    /** The texts that must never appear: the person's data and the parts that identify them. */
    private static final List<String> SECRETS = List.of(SUB, RID, RID.substring(0, 17), "19491231", "1949-12-31",
            NAME, PHONE, "00000001", "110105194912310021");

    private final Rnats p = new Rnats();

    private static Map<String, Object> everything() {
        Map<String, Object> released = new LinkedHashMap<>();
        released.put("id_number_masked", "11**************2X");
        released.put("phone_number_masked", "138****0001");
        released.put("name", NAME);
        released.put("birthdate", "1949-12-31");
        released.put("id_number", RID);
        return released;
    }

    private static Map<String, Object> released(String name, Object value) {
        Map<String, Object> r = everything();
        r.put(name, value);
        return r;
    }

    private static void assertShowsNoPersonalData(VerificationResult<RealNameToken> r) {
        List<String> texts = new ArrayList<>();
        texts.add(r.toString());
        for (Finding f : r.errors()) {
            texts.add(f.message());
            texts.add(f.toString());
        }
        for (Finding f : r.warnings()) {
            texts.add(f.message());
        }
        r.value().ifPresent(t -> {
            texts.add(t.toString());
            t.verifiedClaims().ifPresent(vc -> texts.add(vc.toString()));
        });
        for (String text : texts) {
            assertThat(text).doesNotContain(SECRETS);
        }
    }

    @Test
    void aValidTokenShowsLevelAndClaimNamesOnly() {
        VerificationResult<RealNameToken> r = p.verifier().build().verify(sign(with(claims(), "verified_claims",
                verifiedClaims("L3", everything()))));
        assertThat(r.errors()).isEmpty();
        RealNameToken t = r.value().orElseThrow();
        assertThat(t.subject()).isEqualTo(SUB);
        assertThat(t.toString()).contains("L3", "id_number", "name", "birthdate");
        assertThat(t.verifiedClaims().orElseThrow().claims()).containsEntry("id_number", RID);
        assertShowsNoPersonalData(r);
    }

    @Test
    void noFailedCheckRepeatsTheValueItFailed() {
        List<Map<String, Object>> tokens = List.of(
                with(claims(), "verified_claims", verifiedClaims("L3", released("id_number", "110105194912310021"))),
                with(claims(), "verified_claims", verifiedClaims("L3", released("id_number", RID.substring(0, 17)))),
                with(claims(), "verified_claims", verifiedClaims("L3", released("id_number", "11010519491231002X1"))),
                with(claims(), "verified_claims", verifiedClaims("L3", released("id_number_masked", RID))),
                with(claims(), "verified_claims", verifiedClaims("L3", released("phone_number_masked", PHONE))),
                with(claims(), "verified_claims", verifiedClaims("L3", released("name", NAME.repeat(40)))),
                with(claims(), "verified_claims", verifiedClaims("L3", released("birthdate", "1949-12-31x"))),
                with(claims(), "verified_claims", verifiedClaims("L2", everything())),
                with(claims(), "sub", SUB + "-" + RID + "-" + NAME),
                with(claims(), "sub", (SUB + RID).repeat(5)),
                with(claims(), "sub", SUB + "\t"),
                with(claims(), "aud", "other-client", "sub", SUB),
                with(claims(), "exp", NOW.minusSeconds(3600).getEpochSecond(), "iat",
                        NOW.minusSeconds(3700).getEpochSecond(), "auth_time", NOW.minusSeconds(3800).getEpochSecond()),
                with(claims(), "cnf", Map.of("jkt", SUB)),
                with(claims(), "amr", List.of(PHONE, PHONE)),
                with(claims(), "client_id", (RID + NAME).repeat(20)));
        for (Map<String, Object> c : tokens) {
            VerificationResult<RealNameToken> r = p.verifier().minimumLevel(AssuranceLevel.L4)
                    .requiredMethods("face").build().verify(sign(c));
            assertThat(r.isValid()).isFalse();
            assertShowsNoPersonalData(r);
        }
    }

    @Test
    void aReplayedTokenAndABindingFailureDoNotShowThePerson() {
        RnatVerifier v = p.verifier().build();
        String token = sign(with(claims(), "verified_claims", verifiedClaims("L3", everything())));
        assertShowsNoPersonalData(v.verify(token));
        VerificationResult<RealNameToken> again = v.verify(token);
        assertThat(again.isValid()).isFalse();
        assertShowsNoPersonalData(again);
        String bound = sign(with(claims(), "cnf", Map.of("jkt", Rnats.OTHER.verificationKey().thumbprint()),
                "verified_claims", verifiedClaims("L3", everything())));
        assertShowsNoPersonalData(v.verify(bound));
        assertShowsNoPersonalData(v.verify(bound, Rnats.ES.verificationKey().thumbprint()));
    }
}
