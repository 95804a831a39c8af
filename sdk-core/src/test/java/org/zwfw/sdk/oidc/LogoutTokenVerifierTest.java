package org.zwfw.sdk.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zwfw.sdk.oidc.IdTokenVerifierTest.CLIENT;
import static org.zwfw.sdk.oidc.IdTokenVerifierTest.CLOCK;
import static org.zwfw.sdk.oidc.IdTokenVerifierTest.ES;
import static org.zwfw.sdk.oidc.IdTokenVerifierTest.ISS;
import static org.zwfw.sdk.oidc.IdTokenVerifierTest.NOW;
import static org.zwfw.sdk.oidc.IdTokenVerifierTest.SM2;
import static org.zwfw.sdk.oidc.IdTokenVerifierTest.codes;
import static org.zwfw.sdk.oidc.IdTokenVerifierTest.keys;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.crypto.JwsBuilder;
import org.zwfw.sdk.crypto.SigningKey;
import org.zwfw.sdk.replay.ReplayStore;
import org.zwfw.sdk.replay.ReplayStoreException;
import org.zwfw.sdk.verify.OutcomeCode;
import org.zwfw.sdk.verify.VerificationResult;

/** Back-channel logout tokens (spec/login.md §12). */
class LogoutTokenVerifierTest {

    private static int jti;

    static Map<String, Object> claims() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("iss", ISS);
        c.put("aud", CLIENT);
        c.put("iat", NOW.getEpochSecond());
        c.put("exp", NOW.plusSeconds(120).getEpochSecond());
        c.put("jti", "lt-" + (++jti));
        c.put("sub", "nDb7GQGb2uvbnN7drE1U8Htj_e-RAgCOelhheT1_ZkA");
        c.put("sid", "08a5019c-17e1-4977-8f42-65a12843ea02");
        c.put("events", Map.of(LogoutTokenVerifier.EVENT, Map.of()));
        return c;
    }

    static LogoutTokenVerifier.Builder verifier() {
        return LogoutTokenVerifier.builder().issuer(ISS).clientId(CLIENT).keys(keys()).clock(CLOCK);
    }

    static String sign(SigningKey key, String typ, Map<String, Object> c) {
        JwsBuilder b = JwsBuilder.signedWith(key).claims(c);
        return typ == null ? b.sign() : b.type(typ).sign();
    }

    @Test
    @DisplayName("a good logout token verifies once, names the subject and session, and is REPLAYED the second time")
    void verifiesOnceThenReplayed() {
        LogoutTokenVerifier v = verifier().build();
        String t = sign(ES, LogoutTokenVerifier.TYPE, claims());
        VerificationResult<LogoutToken> r = v.verify(t);
        assertThat(r.errors()).isEmpty();
        LogoutToken lt = r.value().orElseThrow();
        assertThat(lt.subject()).contains("nDb7GQGb2uvbnN7drE1U8Htj_e-RAgCOelhheT1_ZkA");
        assertThat(lt.sessionId()).contains("08a5019c-17e1-4977-8f42-65a12843ea02");
        assertThat(lt.expiresAt()).isEqualTo(NOW.plusSeconds(120));
        assertThat(lt.toString()).doesNotContain("nDb7GQ");
        assertThat(codes(v.verify(t))).containsExactly(OutcomeCode.REPLAYED);
    }

    @Test
    @DisplayName("typ logout+jwt, JWT or none; an ID token's or RNAT's typ is WRONG_TYPE; SM2 signs too")
    void types() {
        assertThat(verifier().build().verify(sign(SM2, "JWT", claims())).errors()).isEmpty();
        assertThat(verifier().build().verify(sign(ES, null, claims())).errors()).isEmpty();
        assertThat(codes(verifier().build().verify(sign(ES, "rnat+jwt", claims()))))
                .containsExactly(OutcomeCode.WRONG_TYPE);
    }

    @Test
    @DisplayName("signature, issuer and the provider's keys as for ID tokens")
    void signatureAndIssuer() {
        String forged = sign(SigningKey.generate(JwsAlgorithm.ES256).withKeyId("es-1"), LogoutTokenVerifier.TYPE,
                claims());
        assertThat(codes(verifier().build().verify(forged))).containsExactly(OutcomeCode.SIGNATURE_INVALID);
        Map<String, Object> c = claims();
        c.put("iss", ISS + "/");
        assertThat(codes(verifier().build().verify(sign(ES, LogoutTokenVerifier.TYPE, c))))
                .containsExactly(OutcomeCode.UNTRUSTED_ISSUER);
    }

    @Test
    @DisplayName("audience, times, jti, events, sub or sid, and no nonce")
    void claimRules() {
        check(c -> c.put("aud", List.of("other-client")), OutcomeCode.AUDIENCE_MISMATCH);
        check(c -> c.remove("aud"), OutcomeCode.MISSING_CLAIM);
        check(c -> c.remove("jti"), OutcomeCode.MISSING_CLAIM);
        check(c -> c.remove("iat"), OutcomeCode.MISSING_CLAIM);
        check(c -> c.remove("exp"), OutcomeCode.MISSING_CLAIM);
        check(c -> c.put("exp", NOW.minusSeconds(61).getEpochSecond()), OutcomeCode.EXPIRED);
        check(c -> c.put("iat", NOW.plusSeconds(120).getEpochSecond()), OutcomeCode.ISSUED_IN_FUTURE);
        check(c -> c.remove("events"), OutcomeCode.MISSING_CLAIM);
        check(c -> c.put("events", Map.of(LogoutTokenVerifier.EVENT, "yes")), OutcomeCode.INVALID_CLAIM);
        check(c -> c.put("events", Map.of("http://schemas.openid.net/event/other", Map.of())),
                OutcomeCode.INVALID_CLAIM);
        check(c -> {
            c.remove("sub");
            c.remove("sid");
        }, OutcomeCode.MISSING_CLAIM);
        check(c -> c.put("sid", 7), OutcomeCode.INVALID_CLAIM);
        check(c -> c.put("nonce", "n-0S6_WzA2Mj"), OutcomeCode.INVALID_CLAIM);
        Map<String, Object> onlySid = claims();
        onlySid.remove("sub");
        assertThat(verifier().build().verify(sign(ES, LogoutTokenVerifier.TYPE, onlySid)).value().orElseThrow()
                .subject()).isEmpty();
    }

    private static void check(java.util.function.Consumer<Map<String, Object>> change, OutcomeCode expected) {
        Map<String, Object> c = claims();
        change.accept(c);
        assertThat(codes(verifier().build().verify(sign(ES, LogoutTokenVerifier.TYPE, c)))).containsExactly(expected);
    }

    @Test
    @DisplayName("a failed token is not recorded; a store that cannot answer is REPLAY_CHECK_UNAVAILABLE")
    void replayStore() {
        List<String> recorded = new java.util.ArrayList<>();
        ReplayStore counting = (id, until) -> {
            recorded.add(id + "@" + until);
            return true;
        };
        Map<String, Object> bad = claims();
        bad.put("aud", "other-client");
        verifier().replayStore(counting).build().verify(sign(ES, LogoutTokenVerifier.TYPE, bad));
        assertThat(recorded).isEmpty();
        Map<String, Object> good = claims();
        verifier().replayStore(counting).build().verify(sign(ES, LogoutTokenVerifier.TYPE, good));
        assertThat(recorded).containsExactly("logout|" + ISS + "|" + good.get("jti") + "@"
                + Instant.ofEpochSecond((Long) good.get("exp")).plusSeconds(60));
        ReplayStore down = (id, until) -> {
            throw new ReplayStoreException("unreachable");
        };
        assertThat(codes(verifier().replayStore(down).build().verify(sign(ES, LogoutTokenVerifier.TYPE, claims()))))
                .containsExactly(OutcomeCode.REPLAY_CHECK_UNAVAILABLE);
    }

    @Test
    @DisplayName("an ID token is not a logout token (no events), and a logout token is not an ID token")
    void notAnIdToken() {
        Map<String, Object> id = IdTokenVerifierTest.claims();
        id.remove("nonce");
        assertThat(codes(verifier().build().verify(sign(ES, null, id)))).contains(OutcomeCode.MISSING_CLAIM);
        assertThat(IdTokenVerifierTest.verifier().build().verify(sign(ES, null, claims()), null, null).isValid())
                .isFalse();
    }
}
