package org.zwfw.sdk.rnat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.zwfw.sdk.rnat.Rnats.AUD;
import static org.zwfw.sdk.rnat.Rnats.ED;
import static org.zwfw.sdk.rnat.Rnats.ES;
import static org.zwfw.sdk.rnat.Rnats.IAT;
import static org.zwfw.sdk.rnat.Rnats.LOGIN;
import static org.zwfw.sdk.rnat.Rnats.LOGIN_KEY;
import static org.zwfw.sdk.rnat.Rnats.NOW;
import static org.zwfw.sdk.rnat.Rnats.OTHER;
import static org.zwfw.sdk.rnat.Rnats.RZ;
import static org.zwfw.sdk.rnat.Rnats.SM2;
import static org.zwfw.sdk.rnat.Rnats.SUB;
import static org.zwfw.sdk.rnat.Rnats.claims;
import static org.zwfw.sdk.rnat.Rnats.codeList;
import static org.zwfw.sdk.rnat.Rnats.codes;
import static org.zwfw.sdk.rnat.Rnats.header;
import static org.zwfw.sdk.rnat.Rnats.sign;
import static org.zwfw.sdk.rnat.Rnats.signWithHeader;
import static org.zwfw.sdk.rnat.Rnats.with;
import static org.zwfw.sdk.verify.OutcomeCode.CRITICAL_HEADER_UNSUPPORTED;
import static org.zwfw.sdk.verify.OutcomeCode.INVALID_CLAIM;
import static org.zwfw.sdk.verify.OutcomeCode.MALFORMED;
import static org.zwfw.sdk.verify.OutcomeCode.MISSING_CLAIM;
import static org.zwfw.sdk.verify.OutcomeCode.SIGNATURE_INVALID;
import static org.zwfw.sdk.verify.OutcomeCode.TOO_LARGE;
import static org.zwfw.sdk.verify.OutcomeCode.TRUST_LIST_EXPIRED;
import static org.zwfw.sdk.verify.OutcomeCode.TYPE_NOT_ALLOWED;
import static org.zwfw.sdk.verify.OutcomeCode.UNKNOWN_KEY;
import static org.zwfw.sdk.verify.OutcomeCode.UNSUPPORTED_ALGORITHM;
import static org.zwfw.sdk.verify.OutcomeCode.UNTRUSTED_ISSUER;
import static org.zwfw.sdk.verify.OutcomeCode.WRONG_TYPE;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.crypto.KeyResolver;
import org.zwfw.sdk.crypto.KeySet;
import org.zwfw.sdk.internal.Base64Url;
import org.zwfw.sdk.internal.SignatureEncoding;
import org.zwfw.sdk.trust.TrustList;
import org.zwfw.sdk.trust.TrustListKeys;
import org.zwfw.sdk.trust.TrustedIssuer;
import org.zwfw.sdk.verify.VerificationResult;

/**
 * spec/realname-token.md §12 steps 1 to 9 (the JWS pipeline: size, syntax, header, issuer, key,
 * signature), the stop rules between them, §13 (an RNAT is not an ID token) and the key sources.
 * Steps 10 to 16 are in {@link RnatClaimsTest}, step 17 in {@link RnatReplayTest}.
 */
class RnatVerifierTest {

    private final Rnats p = new Rnats();

    private VerificationResult<RealNameToken> verify(String token) {
        return p.verifier().build().verify(token);
    }

    @Test
    void aValidTokenGivesWhatItSays() {
        for (var key : List.of(ES, ED, SM2)) {
            Map<String, Object> c = with(claims(), "client_id", "hall-client");
            VerificationResult<RealNameToken> r = verify(sign(key, c));
            assertThat(r.errors()).as(key.algorithm().toString()).isEmpty();
            RealNameToken t = r.value().orElseThrow();
            assertThat(t.issuer()).isEqualTo(RZ);
            assertThat(t.trustedIssuer().orElseThrow().id()).isEqualTo(RZ);
            assertThat(t.subject()).isEqualTo(SUB);
            assertThat(t.audience()).isEqualTo(AUD);
            assertThat(t.level()).isEqualTo(AssuranceLevel.L3);
            assertThat(t.methods()).containsExactly("sms", "face");
            assertThat(t.authTime()).isEqualTo(IAT.minusSeconds(60));
            assertThat(t.issuedAt()).isEqualTo(IAT);
            assertThat(t.expiresAt()).isEqualTo(IAT.plusSeconds(300));
            assertThat(t.tokenId()).isEqualTo(c.get("jti"));
            assertThat(t.clientId()).contains("hall-client");
            assertThat(t.confirmationThumbprint()).isEmpty();
            assertThat(t.verifiedClaims()).isEmpty();
        }
    }

    // step 1

    @Test
    void aTokenOverTheLengthLimitIsTooLargeBeforeAnyDecoding() {
        String huge = "%".repeat(65_537); // not even base64url: only the length is looked at
        assertThat(codeList(verify(huge))).containsExactly(TOO_LARGE);
        String token = sign(with(claims(), "pad", "x".repeat(70_000)));
        assertThat(codeList(verify(token))).containsExactly(TOO_LARGE);
    }

    // step 2

    @Test
    void syntaxAndJsonFailuresAreMalformedAndStop() {
        assertThat(codeList(verify("not a token"))).containsExactly(MALFORMED);
        assertThat(codeList(verify(""))).containsExactly(MALFORMED);
        String t = sign(claims());
        String[] parts = t.split("\\.");
        assertThat(codeList(verify(parts[0] + "." + parts[1]))).containsExactly(MALFORMED);
        String notAnObject = parts[0] + "." + Base64Url.encode("[1,2]".getBytes(StandardCharsets.UTF_8)) + "."
                + parts[2];
        assertThat(codes(verify(notAnObject))).containsExactly(MALFORMED);
        String duplicate = "{\"iss\":\"" + RZ + "\",\"iss\":\"https://x.example\"}";
        String dup = parts[0] + "." + Base64Url.encode(duplicate.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertThat(codes(verify(dup))).containsExactly(MALFORMED);
    }

    @Test
    void nestingBeyondThePolicyLimitIsTooLarge() {
        Object deep = "x";
        for (int i = 0; i < 20; i++) {
            deep = List.of(deep);
        }
        assertThat(codes(verify(sign(with(claims(), "deep", deep))))).containsExactly(TOO_LARGE);
    }

    // step 3

    @Test
    void algMissingOrNotAStringIsMalformed() {
        Map<String, Object> h = header("ES256", "rz-es256", "rnat+jwt");
        h.remove("alg");
        assertThat(codeList(verify(signWithHeader(h, ES, claims())))).containsExactly(MALFORMED);
        h.put("alg", 7);
        assertThat(codeList(verify(signWithHeader(h, ES, claims())))).containsExactly(MALFORMED);
    }

    @Test
    void onlyTheProfilesThreeAlgorithmsAreAccepted() {
        for (String alg : List.of("none", "RS256", "PS256", "HS256", "ES384")) {
            String t = signWithHeader(header(alg, "rz-es256", "rnat+jwt"), ES, claims());
            assertThat(codeList(verify(t))).as(alg).containsExactly(UNSUPPORTED_ALGORITHM);
        }
        // RS256 allowed by the policy is still outside the profile (D1)
        RnatVerifier wide = p.verifier().allowedAlgorithms(JwsAlgorithm.RS256, JwsAlgorithm.ES256).build();
        assertThat(wide.policy().algorithms()).containsExactly(JwsAlgorithm.ES256);
        String rs = signWithHeader(header("RS256", "rz-es256", "rnat+jwt"), ES, claims());
        assertThat(codeList(wide.verify(rs))).containsExactly(UNSUPPORTED_ALGORITHM);
        assertThatThrownBy(() -> p.verifier().allowedAlgorithms(JwsAlgorithm.RS256).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("none of the profile's algorithms");
    }

    @Test
    void thePolicysAllowListNarrowsTheProfile() {
        RnatVerifier esOnly = p.verifier().allowedAlgorithms(JwsAlgorithm.ES256).build();
        assertThat(codeList(esOnly.verify(sign(ED, claims())))).containsExactly(UNSUPPORTED_ALGORITHM);
        assertThat(esOnly.verify(sign(ES, claims())).isValid()).isTrue();
    }

    // step 4

    @Test
    void criticalHeadersAreNotUnderstood() {
        Map<String, Object> h = header("ES256", "rz-es256", "rnat+jwt");
        h.put("crit", List.of("zwfw_ext"));
        h.put("zwfw_ext", 1);
        assertThat(codeList(verify(signWithHeader(h, ES, claims())))).containsExactly(CRITICAL_HEADER_UNSUPPORTED);
        Map<String, Object> b64 = header("ES256", "rz-es256", "rnat+jwt");
        b64.put("b64", false);
        b64.put("crit", List.of("b64"));
        assertThat(codes(verify(signWithHeader(b64, ES, claims())))).containsExactly(CRITICAL_HEADER_UNSUPPORTED);
    }

    // step 5 and §13

    @Test
    void anIdTokenAnAccessTokenOrAnyOtherJwtIsTheWrongType() {
        for (String typ : new String[] {null, "JWT", "at+jwt", "application/at+jwt", "logout+jwt", "rnat", "jwt+rnat"}) {
            String t = signWithHeader(header("ES256", "rz-es256", typ), ES, claims());
            assertThat(codeList(verify(t))).as(String.valueOf(typ)).containsExactly(WRONG_TYPE);
        }
    }

    @Test
    void typIsComparedAsAMediaType() {
        for (String typ : List.of("rnat+jwt", "application/rnat+jwt", "RNAT+JWT", "Application/Rnat+Jwt")) {
            String t = signWithHeader(header("ES256", "rz-es256", typ), ES, claims());
            assertThat(verify(t).errors()).as(typ).isEmpty();
        }
    }

    // step 6

    @Test
    void kidMissingOrNotAKeyIdIsMalformed() {
        assertThat(codeList(verify(signWithHeader(header("ES256", null, "rnat+jwt"), ES, claims()))))
                .containsExactly(MALFORMED);
        Map<String, Object> h = header("ES256", "rz-es256", "rnat+jwt");
        h.put("kid", 42);
        assertThat(codeList(verify(signWithHeader(h, ES, claims())))).containsExactly(MALFORMED);
        h.put("kid", "");
        assertThat(codeList(verify(signWithHeader(h, ES, claims())))).containsExactly(MALFORMED);
        h.put("kid", "k".repeat(257));
        assertThat(codeList(verify(signWithHeader(h, ES, claims())))).containsExactly(MALFORMED);
        String longKid = "k".repeat(256);
        RnatVerifier v = p.verifier().issuer("https://pinned.example", KeySet.of(ES.verificationKey()
                .withKeyId(longKid))).build();
        String ok = signWithHeader(header("ES256", longKid, "rnat+jwt"), ES,
                with(claims(), "iss", "https://pinned.example"));
        assertThat(v.verify(ok).errors()).isEmpty();
    }

    @Test
    void headerFailuresAreAllReportedAndNothingAfterThemRuns() {
        AtomicInteger asked = new AtomicInteger();
        KeyResolver counting = request -> {
            asked.incrementAndGet();
            return KeySet.of(ES.verificationKey()).resolve(request);
        };
        RnatVerifier v = p.verifier().issuer(RZ, counting).build();
        Map<String, Object> h = header("ES256", null, "JWT");
        h.put("crit", List.of("zwfw_ext"));
        h.put("zwfw_ext", 1);
        // from an issuer that does not exist, signed by nobody: only the header is judged
        String t = signWithHeader(h, OTHER, with(claims(), "iss", "https://unknown.example"));
        assertThat(codes(v.verify(t))).containsExactlyInAnyOrder(WRONG_TYPE, MALFORMED, CRITICAL_HEADER_UNSUPPORTED);
        for (Map<String, Object> bad : List.of(header("ES256", "rz-es256", "JWT"), header("ES256", "", "rnat+jwt"),
                with(header("ES256", "rz-es256", "rnat+jwt"), "crit", List.of("x"), "x", 1))) {
            assertThat(codeList(v.verify(signWithHeader(bad, ES, claims())))).hasSize(1);
        }
        assertThat(asked).as("keys are never looked up for a token whose header failed").hasValue(0);
        Map<String, Object> twice = header("ES256", "k".repeat(300), "JWT");
        assertThat(codes(v.verify(signWithHeader(twice, ES, claims())))).containsExactlyInAnyOrder(WRONG_TYPE,
                MALFORMED);
        assertThat(asked).hasValue(0);
    }

    // step 7

    @Test
    void issMissingOrBrokenStopsBeforeAnyKeyIsChosen() {
        assertThat(codeList(verify(sign(Rnats.without(claims(), "iss"))))).containsExactly(MISSING_CLAIM);
        assertThat(codeList(verify(sign(with(claims(), "iss", 42))))).containsExactly(INVALID_CLAIM);
        assertThat(codeList(verify(sign(with(claims(), "iss", null))))).containsExactly(INVALID_CLAIM);
        assertThat(codeList(verify(sign(with(claims(), "iss", ""))))).containsExactly(INVALID_CLAIM);
        assertThat(codeList(verify(sign(with(claims(), "iss", "h".repeat(256)))))).containsExactly(INVALID_CLAIM);
    }

    @Test
    void anIssuerNotOnTheTrustListIsUntrusted() {
        String t = sign(OTHER, with(claims(), "iss", "https://rz.zwfw.example.gov.cn.attacker.example"));
        assertThat(codeList(verify(t))).containsExactly(UNTRUSTED_ISSUER);
        // compared exactly: case matters
        assertThat(codeList(verify(sign(with(claims(), "iss", RZ.toUpperCase()))))).containsExactly(UNTRUSTED_ISSUER);
    }

    @Test
    void anEntryOutsideItsWindowIsUntrustedBeyondTheSkew() {
        for (long offset : new long[] {-61, -3600}) {
            TrustedIssuer lapsed = TrustedIssuer.builder(RZ).name("identity platform").uscc("11100000000013338W")
                    .keys(ES.verificationKey()).types("rnat").validUntil(NOW.plusSeconds(offset)).build();
            RnatVerifier v = RnatVerifier.builder().trustList(TrustListKeys.of(TrustList.of(List.of(lapsed))))
                    .audience(AUD).clock(p.clock).build();
            assertThat(codeList(v.verify(sign(claims())))).as("ended %d s ago", -offset)
                    .containsExactly(UNTRUSTED_ISSUER);
            TrustedIssuer early = TrustedIssuer.builder(RZ).name("identity platform").uscc("11100000000013338W")
                    .keys(ES.verificationKey()).types("rnat").validFrom(NOW.minusSeconds(offset)).build();
            v = RnatVerifier.builder().trustList(TrustListKeys.of(TrustList.of(List.of(early)))).audience(AUD)
                    .clock(p.clock).build();
            assertThat(codeList(v.verify(sign(claims())))).as("starts in %d s", -offset)
                    .containsExactly(UNTRUSTED_ISSUER);
        }
    }

    @Test
    void anEntryWithinTheSkewOfItsWindowIsTrusted() {
        TrustedIssuer ending = TrustedIssuer.builder(RZ).name("identity platform").uscc("11100000000013338W")
                .keys(ES.verificationKey()).types("rnat").validUntil(NOW.minusSeconds(30)).build();
        TrustedIssuer starting = TrustedIssuer.builder(RZ).name("identity platform").uscc("11100000000013338W")
                .keys(ES.verificationKey()).types("rnat").validFrom(NOW.plusSeconds(30)).build();
        for (TrustedIssuer e : List.of(ending, starting)) {
            RnatVerifier v = RnatVerifier.builder().trustList(TrustListKeys.of(TrustList.of(List.of(e))))
                    .audience(AUD).clock(p.clock).build();
            assertThat(v.verify(sign(claims())).errors()).as(e.toString()).isEmpty();
            RnatVerifier tight = RnatVerifier.builder().trustList(TrustListKeys.of(TrustList.of(List.of(e))))
                    .audience(AUD).clock(p.clock).skew(Duration.ofSeconds(10)).build();
            assertThat(codeList(tight.verify(sign(claims())))).containsExactly(UNTRUSTED_ISSUER);
        }
    }

    @Test
    void aTrustListEntryAllowedOnlyIdTokensCannotSignRnats() {
        String t = sign(LOGIN_KEY, with(claims(), "iss", LOGIN));
        VerificationResult<RealNameToken> r = verify(t);
        assertThat(codeList(r)).containsExactly(TYPE_NOT_ALLOWED);
        assertThat(r.errors().get(0).message()).contains("id_token").contains("'rnat'");
    }

    @Test
    void anIdTokenOfTheSameProviderIsRefusedOnItsTypeAlone() {
        Map<String, Object> idToken = with(claims(), "iss", LOGIN, "nonce", "n-1");
        String t = signWithHeader(header("ES256", "login-1", null), LOGIN_KEY, idToken);
        assertThat(codeList(verify(t))).containsExactly(WRONG_TYPE);
    }

    @Test
    void aFailingTrustListSourceGivesItsOwnCodes() {
        RnatVerifier v = RnatVerifier.builder().audience(AUD).clock(p.clock)
                .trustList(TrustListKeys.of(() -> VerificationResult.invalid(TRUST_LIST_EXPIRED, "stale")))
                .build();
        assertThat(codeList(v.verify(sign(claims())))).containsExactly(TRUST_LIST_EXPIRED);
    }

    @Test
    void expectedIssuersRestrictTheTrustList() {
        TrustedIssuer second = TrustedIssuer.builder("https://rz2.zwfw.example.gov.cn").name("second platform")
                .uscc("91110000600037341L").keys(OTHER.verificationKey().withKeyId("rz2-1")).types("rnat").build();
        TrustList list = Rnats.trust(second);
        String fromSecond = sign(OTHER.withKeyId("rz2-1"), with(claims(), "iss", "https://rz2.zwfw.example.gov.cn"));
        RnatVerifier all = RnatVerifier.builder().trustList(TrustListKeys.of(list)).audience(AUD).clock(p.clock)
                .build();
        assertThat(all.verify(fromSecond).errors()).isEmpty();
        RnatVerifier onlyRz = RnatVerifier.builder().trustList(TrustListKeys.of(list)).audience(AUD).clock(p.clock)
                .expectedIssuers(RZ).build();
        assertThat(codeList(onlyRz.verify(fromSecond))).containsExactly(UNTRUSTED_ISSUER);
        assertThat(onlyRz.verify(sign(claims())).errors()).isEmpty();
    }

    @Test
    void pinnedIssuerKeysNeedNoTrustList() {
        RnatVerifier v = RnatVerifier.builder().issuer(RZ, KeySet.of(ES.verificationKey())).audience(AUD)
                .clock(p.clock).build();
        VerificationResult<RealNameToken> r = v.verify(sign(claims()));
        assertThat(r.errors()).isEmpty();
        assertThat(r.value().orElseThrow().trustedIssuer()).as("no trust-list entry").isEmpty();
        assertThat(codeList(v.verify(sign(OTHER, with(claims(), "iss", "https://other.example")))))
                .containsExactly(UNTRUSTED_ISSUER);
        assertThat(codeList(v.verify(sign(ED, claims())))).as("only the pinned key").containsExactly(UNKNOWN_KEY);
    }

    @Test
    void pinnedKeysComeBeforeTheTrustListAndExpectedIssuersApplyToThem() {
        // the trust list would refuse LOGIN (id_token only); keys pinned for it are used instead
        RnatVerifier v = p.verifier().issuer(LOGIN, KeySet.of(LOGIN_KEY.verificationKey())).build();
        VerificationResult<RealNameToken> r = v.verify(sign(LOGIN_KEY, with(claims(), "iss", LOGIN)));
        assertThat(r.errors()).isEmpty();
        assertThat(r.value().orElseThrow().trustedIssuer()).isEmpty();
        RnatVerifier restricted = RnatVerifier.builder().issuer(RZ, KeySet.of(ES.verificationKey()))
                .issuer(LOGIN, KeySet.of(LOGIN_KEY.verificationKey())).expectedIssuers(RZ).audience(AUD)
                .clock(p.clock).build();
        assertThat(codeList(restricted.verify(sign(LOGIN_KEY, with(claims(), "iss", LOGIN)))))
                .containsExactly(UNTRUSTED_ISSUER);
    }

    // step 8

    @Test
    void anUnknownKidIsUnknownKey() {
        String t = signWithHeader(header("ES256", "rz-es256-next", "rnat+jwt"), ES, claims());
        assertThat(codeList(verify(t))).containsExactly(UNKNOWN_KEY);
    }

    @Test
    void aKeyBoundToAnotherAlgorithmDecides() {
        String t = signWithHeader(header("SGD_SM3_SM2", "rz-es256", "rnat+jwt"), SM2, claims());
        assertThat(codeList(verify(t))).containsExactly(UNSUPPORTED_ALGORITHM);
    }

    // step 9 and the rule that an unauthenticated token's claims are never judged

    @Test
    void aBadSignatureStopsBeforeTheClaimsAreJudged() {
        // every claim wrong: only the signature is reported
        Map<String, Object> bad = with(claims(), "aud", "someone-else", "exp", 5L, "acr", "urn:zwfw:rn:L9",
                "amr", "face", "cnf", "x");
        bad.remove("jti");
        for (var key : List.of(ES, ED, SM2)) {
            String good = sign(key, claims());
            String forged = sign(key, bad);
            String altered = forged.substring(0, forged.lastIndexOf('.')) + good.substring(good.lastIndexOf('.'));
            assertThat(codeList(verify(altered))).as(key.algorithm().toString()).containsExactly(SIGNATURE_INVALID);
        }
        String impostor = sign(OTHER, bad);
        assertThat(codeList(verify(impostor))).containsExactly(SIGNATURE_INVALID);
    }

    @Test
    void signatureEncodingsOtherThanRawAreRefused() {
        String t = sign(claims());
        String[] parts = t.split("\\.");
        String der = parts[0] + "." + parts[1] + "." + Base64Url.encode(SignatureEncoding.rawToDer(Base64Url.decode(
                parts[2])));
        assertThat(codeList(verify(der))).containsExactly(SIGNATURE_INVALID);
        String psychic = parts[0] + "." + parts[1] + "." + Base64Url.encode(new byte[64]);
        assertThat(codeList(verify(psychic))).containsExactly(SIGNATURE_INVALID);
    }

    @Test
    void anSm2TokenSignedForAnotherSignerIdDoesNotVerify() {
        String t = sign(SM2.withSm2SignerId("another-id".getBytes(StandardCharsets.US_ASCII)), claims());
        assertThat(codeList(verify(t))).containsExactly(SIGNATURE_INVALID);
    }

    @Test
    void keysInTheHeaderAreNeverUsed() {
        Map<String, Object> h = header("ES256", "rz-es256", "rnat+jwt");
        h.put("jwk", OTHER.verificationKey().toJwk());
        h.put("jku", "https://attacker.example/jwks");
        assertThat(codeList(verify(signWithHeader(h, OTHER, claims())))).containsExactly(SIGNATURE_INVALID);
    }

    // configuration

    @Test
    void theBuilderRequiresAnAudienceAndKeysAndChecksItsValues() {
        assertThatThrownBy(() -> RnatVerifier.builder().trustList(TrustListKeys.of(Rnats.trust())).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("audience");
        assertThatThrownBy(() -> RnatVerifier.builder().audience(AUD).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("keys");
        RnatVerifier.Builder b = RnatVerifier.builder();
        assertThatThrownBy(() -> b.audience("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.audience("a".repeat(256))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.issuer("", KeySet.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.requiredMethods("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.requiredMethods("m".repeat(33))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.maxAuthenticationAge(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.skew(Duration.ofMinutes(11))).hasMessageContaining("skew");
    }

    @Test
    void oneVerifierServesManyThreadsAndTokensOfEveryAlgorithm() throws Exception {
        RnatVerifier v = p.verifier().build();
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (var key : List.of(ES, ED, SM2, ES)) {
            threads.add(new Thread(() -> {
                try {
                    for (int i = 0; i < 20; i++) {
                        assertThat(v.verify(sign(key, claims())).errors()).isEmpty();
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        assertThat(failures).isEmpty();
    }
}
