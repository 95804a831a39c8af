package org.zwfw.sdk.trust;

import static org.assertj.core.api.Assertions.assertThat;
import org.zwfw.sdk.crypto.VerificationPolicy;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.zwfw.sdk.trust.Fixtures.ANCHOR;
import static org.zwfw.sdk.trust.Fixtures.ANCHOR_KEYS;
import static org.zwfw.sdk.trust.Fixtures.T0;
import static org.zwfw.sdk.verify.OutcomeCode.INVALID_CLAIM;
import static org.zwfw.sdk.verify.OutcomeCode.ISSUED_IN_FUTURE;
import static org.zwfw.sdk.verify.OutcomeCode.MALFORMED;
import static org.zwfw.sdk.verify.OutcomeCode.MISSING_CLAIM;
import static org.zwfw.sdk.verify.OutcomeCode.SIGNATURE_INVALID;
import static org.zwfw.sdk.verify.OutcomeCode.TOO_LARGE;
import static org.zwfw.sdk.verify.OutcomeCode.TRUST_LIST_EXPIRED;
import static org.zwfw.sdk.verify.OutcomeCode.TRUST_LIST_INVALID;
import static org.zwfw.sdk.verify.OutcomeCode.TRUST_LIST_ROLLBACK;
import static org.zwfw.sdk.verify.OutcomeCode.UNKNOWN_KEY;
import static org.zwfw.sdk.verify.OutcomeCode.UNSUPPORTED_ALGORITHM;
import static org.zwfw.sdk.verify.OutcomeCode.WRONG_TYPE;

import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.crypto.KeySet;
import org.zwfw.sdk.crypto.SigningKey;
import org.zwfw.sdk.internal.Base64Url;
import org.zwfw.sdk.internal.Json;
import org.zwfw.sdk.verify.Finding;
import org.zwfw.sdk.verify.OutcomeCode;
import org.zwfw.sdk.verify.VerificationResult;
import org.zwfw.sdk.trust.publisher.TrustListBuilder;

class TrustListVerifierTest {

    private static final Duration SKEW = VerificationPolicy.DEFAULT_SKEW;
    private static final Duration GRACE = TrustListVerifier.DEFAULT_GRACE;
    private static final Instant EXP = T0.plus(Duration.ofDays(7));

    private static TrustListVerifier verifierAt(Instant now) {
        return TrustListVerifier.builder(ANCHOR_KEYS).clock(Fixtures.at(now)).build();
    }

    private static List<OutcomeCode> warningCodes(VerificationResult<?> r) {
        return r.warnings().stream().map(Finding::code).toList();
    }

    @Test
    void acceptsAListSignedByTheAnchor() {
        TrustListVerifier v = verifierAt(T0);
        VerificationResult<TrustList> r = v.verify(Fixtures.edition(5).sign(ANCHOR));
        assertThat(r.errors()).isEmpty();
        assertThat(r.warnings()).isEmpty();
        TrustList list = r.value().orElseThrow();
        assertThat(list.issuers()).containsExactly(Fixtures.rz(), Fixtures.license());
        assertThat(list.edition()).contains(new TrustList.Edition(Fixtures.LIST_ISSUER,
                T0.minus(Duration.ofHours(1)), EXP, 5));
        assertThat(v.sequenceStore().highest()).map(SequenceStore.Seen::seq).contains(5L);
    }

    @ParameterizedTest
    @EnumSource(value = JwsAlgorithm.class, names = {"ES256", "EDDSA", "SGD_SM3_SM2"})
    void acceptsAnchorsOfEverySigningAlgorithm(JwsAlgorithm alg) {
        SigningKey anchor = SigningKey.generate(alg);
        TrustListVerifier v = TrustListVerifier.builder(KeySet.of(anchor.verificationKey())).clock(Fixtures.at(T0))
                .build();
        assertThat(v.verify(Fixtures.edition(1).sign(anchor)).errors()).isEmpty();
    }

    @Test
    void refusesAListForgedWithAnotherKeyUnderTheAnchorsKid() {
        VerificationResult<TrustList> r = verifierAt(T0).verify(Fixtures.edition(5).sign(Fixtures.OTHER));
        assertThat(r.errorCodes()).containsExactlyInAnyOrder(TRUST_LIST_INVALID, SIGNATURE_INVALID);
        assertThat(r.errors().get(0).code()).isEqualTo(TRUST_LIST_INVALID);
        assertThat(r.errors().get(0).message()).contains("pinned anchor");
    }

    @Test
    void refusesAListSignedByAnIssuerKeyThatIsNotAnAnchor() {
        VerificationResult<TrustList> r = verifierAt(T0).verify(Fixtures.edition(5).sign(Fixtures.LICENSE_KEY));
        assertThat(r.errorCodes()).containsExactlyInAnyOrder(TRUST_LIST_INVALID, UNKNOWN_KEY);
    }

    @Test
    void neverReadsTheClaimsOfAForgedList() {
        // Expired, rolled back and with broken entries, but forged: only the signature counts.
        Map<String, Object> claims = Fixtures.claims(0);
        claims.put("exp", 1L);
        claims.put("issuers", "x");
        VerificationResult<TrustList> r = TrustListVerifier.builder(ANCHOR_KEYS).clock(Fixtures.at(T0))
                .sequenceStore(InMemorySequenceStore.startingAt(9)).build()
                .verify(Fixtures.sign(claims, Fixtures.OTHER, TrustListVerifier.TYPE));
        assertThat(r.errorCodes()).containsExactlyInAnyOrder(TRUST_LIST_INVALID, SIGNATURE_INVALID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"JWT", "statuslist+jwt", "rnat+jwt", "trustlist+jwt; v=1", " trustlist+jwt",
        "x-application/trustlist+jwt", "application/application/trustlist+jwt", "text/trustlist+jwt"})
    void refusesAnotherExplicitType(String typ) {
        VerificationResult<TrustList> r = verifierAt(T0).verify(Fixtures.sign(Fixtures.claims(1), ANCHOR, typ));
        assertThat(r.errorCodes()).containsExactlyInAnyOrder(TRUST_LIST_INVALID, WRONG_TYPE);
    }

    /** RFC 7515 §4.1.9: media types compare case-insensitively and "application/" may be omitted. */
    @ParameterizedTest
    @ValueSource(strings = {"TRUSTLIST+JWT", "application/trustlist+jwt", "Application/TrustList+JWT"})
    void acceptsTheTypeInEverySpellingRfc7515Allows(String typ) {
        VerificationResult<TrustList> r = verifierAt(T0).verify(Fixtures.sign(Fixtures.claims(1), ANCHOR, typ));
        assertThat(r.isValid()).as("%s", r).isTrue();
    }

    @Test
    void refusesAListWithoutType() {
        VerificationResult<TrustList> r = verifierAt(T0).verify(Fixtures.sign(Fixtures.claims(1), ANCHOR, null));
        assertThat(r.errorCodes()).containsExactlyInAnyOrder(TRUST_LIST_INVALID, WRONG_TYPE);
    }

    @Test
    void refusesAlgNone() {
        String header = Fixtures.b64("{\"alg\":\"none\",\"typ\":\"trustlist+jwt\"}");
        String unsigned = header + "." + Fixtures.b64(Fixtures.json(Fixtures.claims(1))) + ".";
        VerificationResult<TrustList> r = verifierAt(T0).verify(unsigned);
        assertThat(r.errorCodes()).contains(TRUST_LIST_INVALID, UNSUPPORTED_ALGORITHM);
        assertThat(r.isValid()).isFalse();
    }

    @Test
    void acceptsAListWithinTheGraceWithAWarning() {
        Instant stale = EXP.plus(SKEW);
        assertThat(verifierAt(stale.minusSeconds(1)).verify(Fixtures.edition(1).sign(ANCHOR)).warnings()).isEmpty();
        for (Instant now : List.of(stale, EXP.plus(Duration.ofHours(12)), stale.plus(GRACE).minusSeconds(1))) {
            VerificationResult<TrustList> r = verifierAt(now).verify(Fixtures.edition(1).sign(ANCHOR));
            assertThat(r.isValid()).as("at %s", now).isTrue();
            assertThat(warningCodes(r)).containsExactly(TRUST_LIST_EXPIRED);
            assertThat(r.warnings().get(0).message()).contains("grace");
        }
    }

    @Test
    void refusesAListExpiredBeyondTheGrace() {
        Instant refused = EXP.plus(SKEW).plus(GRACE);
        for (Instant now : List.of(refused, refused.plus(Duration.ofDays(300)))) {
            TrustListVerifier v = verifierAt(now);
            VerificationResult<TrustList> r = v.verify(Fixtures.edition(1).sign(ANCHOR));
            assertThat(r.errorCodes()).as("at %s", now).containsExactly(TRUST_LIST_EXPIRED);
            assertThat(v.sequenceStore().highest()).as("a refused list is not recorded").isEmpty();
        }
    }

    @Test
    void honoursAConfiguredGraceAndSkew() {
        TrustListVerifier noGrace = TrustListVerifier.builder(ANCHOR_KEYS).clock(Fixtures.at(EXP))
                .grace(Duration.ZERO).skew(Duration.ZERO).build();
        assertThat(noGrace.verify(Fixtures.edition(1).sign(ANCHOR)).errorCodes()).containsExactly(TRUST_LIST_EXPIRED);
        TrustListVerifier longGrace = TrustListVerifier.builder(ANCHOR_KEYS)
                .clock(Fixtures.at(EXP.plus(Duration.ofDays(3)))).grace(Duration.ofDays(7)).build();
        assertThat(longGrace.verify(Fixtures.edition(1).sign(ANCHOR)).isValid()).isTrue();
    }

    @Test
    void refusesAListIssuedInTheFuture() {
        Instant iat = T0.minus(Duration.ofHours(1));
        Instant now = iat.minus(SKEW).minusSeconds(1);
        VerificationResult<TrustList> r = verifierAt(now).verify(Fixtures.edition(1).sign(ANCHOR));
        assertThat(r.errorCodes()).containsExactly(ISSUED_IN_FUTURE);
        assertThat(verifierAt(iat.minus(SKEW)).verify(Fixtures.edition(1).sign(ANCHOR)).isValid())
                .as("within the skew").isTrue();
    }

    @Test
    void refusesALowerSeqThanOneSeen() {
        TrustListVerifier v = verifierAt(T0);
        assertThat(v.verify(Fixtures.edition(5).sign(ANCHOR)).isValid()).isTrue();
        VerificationResult<TrustList> r = v.verify(Fixtures.edition(4).sign(ANCHOR));
        assertThat(r.errorCodes()).containsExactly(TRUST_LIST_ROLLBACK);
        assertThat(r.errors().get(0).message()).contains("seq 4", "seq 5");
        assertThat(v.sequenceStore().highest()).map(SequenceStore.Seen::seq).contains(5L);
        assertThat(v.verify(Fixtures.edition(6).sign(ANCHOR)).isValid()).isTrue();
        assertThat(v.verify(Fixtures.edition(5).sign(ANCHOR)).errorCodes()).containsExactly(TRUST_LIST_ROLLBACK);
    }

    @Test
    void acceptsTheSameEditionAgainEvenSignedAgain() {
        TrustListVerifier v = verifierAt(T0);
        String first = Fixtures.edition(5).sign(ANCHOR);
        assertThat(v.verify(first).isValid()).isTrue();
        assertThat(v.verify(first).isValid()).isTrue();
        SigningKey sm2Anchor = SigningKey.generate(JwsAlgorithm.SGD_SM3_SM2).withKeyId("sm2-anchor");
        TrustListVerifier sm2 = TrustListVerifier.builder(KeySet.of(sm2Anchor.verificationKey()))
                .clock(Fixtures.at(T0)).build();
        String a = Fixtures.edition(5).sign(sm2Anchor);
        String b = Fixtures.edition(5).sign(sm2Anchor);
        assertThat(a).as("SM2 signatures are randomised").isNotEqualTo(b);
        assertThat(sm2.verify(a).isValid()).isTrue();
        assertThat(sm2.verify(b).isValid()).isTrue();
    }

    @Test
    void refusesTheSameSeqWithOtherContent() {
        TrustListVerifier v = verifierAt(T0);
        assertThat(v.verify(Fixtures.edition(5).sign(ANCHOR)).isValid()).isTrue();
        String other = new TrustListBuilder().issuedBy(Fixtures.LIST_ISSUER).seq(5)
                .issuedAt(T0.minus(Duration.ofHours(1))).expiresAt(EXP).add(Fixtures.rz()).sign(ANCHOR);
        VerificationResult<TrustList> r = v.verify(other);
        assertThat(r.errorCodes()).containsExactly(TRUST_LIST_ROLLBACK);
        assertThat(r.errors().get(0).message()).contains("other content");
    }

    @Test
    void aFloorWithoutDigestAcceptsAnyListAtItsSeq() {
        TrustListVerifier v = TrustListVerifier.builder(ANCHOR_KEYS).clock(Fixtures.at(T0))
                .sequenceStore(InMemorySequenceStore.startingAt(7)).build();
        assertThat(v.verify(Fixtures.edition(6).sign(ANCHOR)).errorCodes()).containsExactly(TRUST_LIST_ROLLBACK);
        assertThat(v.verify(Fixtures.edition(7).sign(ANCHOR)).isValid()).isTrue();
        assertThat(v.sequenceStore().highest().orElseThrow().digest()).isNotNull();
    }

    @Test
    void recordsTheSeqOnlyWhenEveryCheckPassed() {
        TrustListVerifier v = verifierAt(T0);
        Map<String, Object> bad = Fixtures.claims(10);
        ((List<?>) bad.get("issuers")).clear();
        bad.put("issuers", List.of(Map.of("id", "x")));
        assertThat(v.verify(Fixtures.sign(bad)).isValid()).isFalse();
        assertThat(v.sequenceStore().highest()).isEmpty();
        assertThat(v.verify(Fixtures.edition(3).sign(ANCHOR)).isValid()).isTrue();
    }

    @Test
    void neverLetsTheHighestSeqGoDownUnderConcurrency() throws Exception {
        TrustListVerifier v = verifierAt(T0);
        List<String> lists = new ArrayList<>();
        for (int seq = 1; seq <= 40; seq++) {
            lists.add(Fixtures.edition(seq).sign(ANCHOR));
        }
        Collections.shuffle(lists, new Random(7));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<VerificationResult<TrustList>>> results = new ArrayList<>();
            for (String l : lists) {
                results.add(pool.submit(() -> v.verify(l)));
            }
            long maxAccepted = -1;
            for (Future<VerificationResult<TrustList>> f : results) {
                VerificationResult<TrustList> r = f.get(30, TimeUnit.SECONDS);
                if (r.isValid()) {
                    maxAccepted = Math.max(maxAccepted, r.value().orElseThrow().edition().orElseThrow().seq());
                } else {
                    assertThat(r.errorCodes()).containsExactly(TRUST_LIST_ROLLBACK);
                }
            }
            assertThat(maxAccepted).isEqualTo(40);
            assertThat(v.sequenceStore().highest().orElseThrow().seq()).isEqualTo(40);
        } finally {
            pool.shutdownNow();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"iss", "iat", "exp", "seq", "issuers"})
    void refusesAListWithoutARequiredClaim(String claim) {
        Map<String, Object> c = Fixtures.claims(1);
        c.remove(claim);
        VerificationResult<TrustList> r = verifierAt(T0).verify(Fixtures.sign(c));
        assertThat(r.errorCodes()).containsExactlyInAnyOrder(TRUST_LIST_INVALID, MISSING_CLAIM);
        assertThat(r.errors().get(0).message()).contains("content");
        assertThat(r.errors().get(1).message()).contains("'" + claim + "'");
    }

    @Test
    void refusesClaimsOfTheWrongTypeOrRange() {
        Object[][] cases = {
            {"iss", 1L}, {"iss", ""}, {"iss", null},
            {"iat", "2026-01-01T00:00:00Z"}, {"iat", new BigDecimal("1767225600.0")}, {"iat", -5L},
            {"exp", 253402300800L}, {"exp", true},
            {"seq", -1L}, {"seq", 1L << 53}, {"seq", "5"}, {"seq", new BigDecimal("5.0")}, {"seq", null},
        };
        for (Object[] c : cases) {
            Map<String, Object> claims = Fixtures.claims(1);
            claims.put((String) c[0], c[1]);
            VerificationResult<TrustList> r = verifierAt(T0).verify(Fixtures.sign(claims));
            assertThat(r.errorCodes()).as("%s = %s", c[0], c[1])
                    .containsExactlyInAnyOrder(TRUST_LIST_INVALID, INVALID_CLAIM);
        }
        Map<String, Object> maxSeq = Fixtures.claims((1L << 53) - 1);
        assertThat(verifierAt(T0).verify(Fixtures.sign(maxSeq)).isValid()).isTrue();
    }

    @Test
    void refusesExpNotAfterIat() {
        Map<String, Object> c = Fixtures.claims(1);
        c.put("exp", c.get("iat"));
        VerificationResult<TrustList> r = verifierAt(T0).verify(Fixtures.sign(c));
        assertThat(r.errorCodes()).containsExactlyInAnyOrder(TRUST_LIST_INVALID, INVALID_CLAIM);
        assertThat(r.errors().get(1).message()).contains("not after iat");
    }

    @Test
    void checksTheListIssuerWhenConfigured() {
        TrustListVerifier v = TrustListVerifier.builder(ANCHOR_KEYS).clock(Fixtures.at(T0))
                .expectedIssuer("https://trust.other.example").build();
        VerificationResult<TrustList> r = v.verify(Fixtures.edition(1).sign(ANCHOR));
        assertThat(r.errorCodes()).containsExactlyInAnyOrder(TRUST_LIST_INVALID, INVALID_CLAIM);
        assertThat(TrustListVerifier.builder(ANCHOR_KEYS).clock(Fixtures.at(T0)).expectedIssuer(Fixtures.LIST_ISSUER)
                .build().verify(Fixtures.edition(1).sign(ANCHOR)).isValid()).isTrue();
    }

    @Test
    void refusesMalformedEntriesNamingTheEntryAndMember() {
        Map<String, Object> c = Fixtures.claims(1);
        @SuppressWarnings("unchecked")
        Map<String, Object> second = (Map<String, Object>) ((List<Object>) c.get("issuers")).get(1);
        second.put("uscc", "91110000600037341M");
        second.put("types", List.of());
        VerificationResult<TrustList> r = verifierAt(T0).verify(Fixtures.sign(c));
        assertThat(r.errorCodes()).containsExactlyInAnyOrder(TRUST_LIST_INVALID, INVALID_CLAIM);
        assertThat(r.errors()).hasSize(3);
        assertThat(r.errors().get(1).message()).startsWith("issuers[1].uscc: ");
        assertThat(r.errors().get(2).message()).isEqualTo("issuers[1].types: must not be empty");
    }

    @Test
    void refusesDuplicateIssuerIds() {
        Map<String, Object> c = Fixtures.claims(1);
        @SuppressWarnings("unchecked")
        List<Object> entries = (List<Object>) c.get("issuers");
        entries.add(Fixtures.license().toJson());
        VerificationResult<TrustList> r = verifierAt(T0).verify(Fixtures.sign(c));
        assertThat(r.errorCodes()).containsExactlyInAnyOrder(TRUST_LIST_INVALID, INVALID_CLAIM);
        assertThat(r.errors().get(1).message()).contains("issuers[2].id", "issuers[1]");
    }

    @Test
    void refusesAnEntryWithAnInvertedValidityWindow() {
        Map<String, Object> c = Fixtures.claims(1);
        @SuppressWarnings("unchecked")
        Map<String, Object> second = (Map<String, Object>) ((List<Object>) c.get("issuers")).get(1);
        second.put("valid_from", second.get("valid_until"));
        assertThat(verifierAt(T0).verify(Fixtures.sign(c)).errorCodes())
                .containsExactlyInAnyOrder(TRUST_LIST_INVALID, INVALID_CLAIM);
    }

    @Test
    void refusesAPayloadThatIsNotAnObject() {
        for (String payload : new String[] {"[]", "\"issuers\"", "{\"iss\":1,\"iss\":2}", "{"}) {
            VerificationResult<TrustList> r = verifierAt(T0).verify(Fixtures.signRaw(payload));
            assertThat(r.errorCodes()).as(payload).containsExactlyInAnyOrder(TRUST_LIST_INVALID, MALFORMED);
        }
    }

    @Test
    void reportsEveryFailureOfAGenuineListTogether() {
        Map<String, Object> c = Fixtures.claims(2);
        c.put("iat", T0.plus(Duration.ofDays(400)).getEpochSecond());
        c.put("exp", T0.plus(Duration.ofDays(401)).getEpochSecond());
        c.put("issuers", List.of("x"));
        VerificationResult<TrustList> r = TrustListVerifier.builder(ANCHOR_KEYS).clock(Fixtures.at(T0))
                .sequenceStore(InMemorySequenceStore.startingAt(3)).build().verify(Fixtures.sign(c));
        assertThat(r.errorCodes()).containsExactlyInAnyOrder(TRUST_LIST_INVALID, INVALID_CLAIM, ISSUED_IN_FUTURE,
                TRUST_LIST_ROLLBACK);
        assertThat(r.errors().get(0).code()).isEqualTo(TRUST_LIST_INVALID);

        Map<String, Object> old = Fixtures.claims(2);
        old.put("exp", 1000L);
        old.put("iat", 10L);
        assertThat(TrustListVerifier.builder(ANCHOR_KEYS).clock(Fixtures.at(T0))
                .sequenceStore(InMemorySequenceStore.startingAt(3)).build().verify(Fixtures.sign(old)).errorCodes())
                .containsExactlyInAnyOrder(TRUST_LIST_EXPIRED, TRUST_LIST_ROLLBACK);
    }

    @Test
    void refusesMegabytesOfGarbageBeforeDecoding() {
        StringBuilder sb = new StringBuilder();
        Random random = new Random(3);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.";
        while (sb.length() < 3 * VerificationPolicy.DEFAULT_MAX_TRUST_LIST_LENGTH) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        VerificationResult<TrustList> r = verifierAt(T0).verify(sb.toString());
        assertThat(r.errorCodes()).containsExactlyInAnyOrder(TRUST_LIST_INVALID, TOO_LARGE);

        byte[] bytes = new byte[300_000];
        random.nextBytes(bytes);
        VerificationResult<TrustList> binary = verifierAt(T0).verify(new String(bytes, StandardCharsets.ISO_8859_1));
        assertThat(binary.errorCodes()).containsExactlyInAnyOrder(TRUST_LIST_INVALID, MALFORMED);
        String base64 = Base64Url.encode(java.util.Arrays.copyOf(bytes, 100_000));
        VerificationResult<TrustList> b64 = verifierAt(T0).verify(base64 + "." + base64 + "." + base64);
        assertThat(b64.errorCodes()).contains(TRUST_LIST_INVALID, MALFORMED);
    }

    @Test
    void honoursAConfiguredInputLimit() {
        String list = Fixtures.edition(1).sign(ANCHOR);
        TrustListVerifier small = TrustListVerifier.builder(ANCHOR_KEYS).clock(Fixtures.at(T0))
                .maxLength(list.length() - 1).build();
        assertThat(small.verify(list).errorCodes()).containsExactlyInAnyOrder(TRUST_LIST_INVALID, TOO_LARGE);
    }

    @Test
    void refusesTruncatedInput() {
        String list = Fixtures.edition(1).sign(ANCHOR);
        int dot2 = list.lastIndexOf('.');
        for (int cut : new int[] {0, 5, list.indexOf('.'), list.indexOf('.') + 10, dot2, dot2 + 1, list.length() - 1,
            list.length() - 3}) {
            VerificationResult<TrustList> r = verifierAt(T0).verify(list.substring(0, cut));
            assertThat(r.isValid()).as("cut at %d", cut).isFalse();
            assertThat(r.errors().get(0).code()).isEqualTo(TRUST_LIST_INVALID);
        }
    }

    @Test
    void refusesAnAlteredPayload() {
        String list = Fixtures.edition(1).sign(ANCHOR);
        String[] parts = list.split("\\.");
        Map<String, Object> claims = Json.parseObject(Base64Url.decode(parts[1]), 16);
        claims.put("seq", 99L);
        String altered = parts[0] + "." + Base64Url.encode(Json.write(claims)) + "." + parts[2];
        assertThat(verifierAt(T0).verify(altered).errorCodes())
                .containsExactlyInAnyOrder(TRUST_LIST_INVALID, SIGNATURE_INVALID);
    }

    @Test
    void revalidatesACachedListAgainstTheClock() {
        TrustList list = verifierAt(T0).verify(Fixtures.edition(1).sign(ANCHOR)).value().orElseThrow();
        assertThat(verifierAt(T0).revalidate(list).isValid()).isTrue();
        VerificationResult<TrustList> stale = verifierAt(EXP.plus(Duration.ofHours(1))).revalidate(list);
        assertThat(stale.isValid()).isTrue();
        assertThat(warningCodes(stale)).containsExactly(TRUST_LIST_EXPIRED);
        assertThat(verifierAt(EXP.plus(Duration.ofDays(2))).revalidate(list).errorCodes())
                .containsExactly(TRUST_LIST_EXPIRED);
        TrustList local = TrustList.of(List.of(Fixtures.rz()));
        assertThat(verifierAt(Instant.parse("9000-01-01T00:00:00Z")).revalidate(local).value()).contains(local);
    }

    @Test
    void aStoreThatCannotWriteStopsTheListFromBeingAccepted() {
        SequenceStore broken = new SequenceStore() {
            @Override
            public Optional<Seen> highest() {
                return Optional.empty();
            }

            @Override
            public boolean advance(Seen next) {
                throw new UncheckedIOException(new java.io.IOException("disk full"));
            }
        };
        TrustListVerifier v = TrustListVerifier.builder(ANCHOR_KEYS).clock(Fixtures.at(T0)).sequenceStore(broken)
                .build();
        assertThatThrownBy(() -> v.verify(Fixtures.edition(1).sign(ANCHOR))).isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void builderRefusesUnsafeOrContradictorySettings() {
        assertThatThrownBy(() -> TrustListVerifier.builder(KeySet.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("anchor");
        TrustListVerifier.Builder b = TrustListVerifier.builder(ANCHOR_KEYS);
        assertThatThrownBy(() -> b.grace(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.grace(Duration.ofDays(31))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.skew(Duration.ofHours(2))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.maxLength(3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.clock(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> verifierAt(T0).verify(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        assertThat(TrustListVerifier.DEFAULT_GRACE).isEqualTo(Duration.ofHours(24));
        assertThat(VerificationPolicy.DEFAULT_SKEW).isEqualTo(Duration.ofSeconds(60));
        assertThat(VerificationPolicy.DEFAULT_MAX_TRUST_LIST_LENGTH).isEqualTo(1 << 20);
        assertThat(TrustListVerifier.TYPE).isEqualTo("trustlist+jwt");
    }
}
