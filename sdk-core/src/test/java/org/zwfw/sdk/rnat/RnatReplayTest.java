package org.zwfw.sdk.rnat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zwfw.sdk.rnat.Rnats.AUD;
import static org.zwfw.sdk.rnat.Rnats.ES;
import static org.zwfw.sdk.rnat.Rnats.IAT;
import static org.zwfw.sdk.rnat.Rnats.NOW;
import static org.zwfw.sdk.rnat.Rnats.OTHER;
import static org.zwfw.sdk.rnat.Rnats.RZ;
import static org.zwfw.sdk.rnat.Rnats.SM2;
import static org.zwfw.sdk.rnat.Rnats.claims;
import static org.zwfw.sdk.rnat.Rnats.codeList;
import static org.zwfw.sdk.rnat.Rnats.sign;
import static org.zwfw.sdk.rnat.Rnats.with;
import static org.zwfw.sdk.verify.OutcomeCode.EXPIRED;
import static org.zwfw.sdk.verify.OutcomeCode.REPLAYED;
import static org.zwfw.sdk.verify.OutcomeCode.REPLAY_CHECK_UNAVAILABLE;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.zwfw.sdk.crypto.KeySet;
import org.zwfw.sdk.replay.InMemoryReplayStore;
import org.zwfw.sdk.replay.ReplayStore;
import org.zwfw.sdk.replay.ReplayStoreException;
import org.zwfw.sdk.verify.VerificationResult;

/** spec/realname-token.md §10 and §12 step 17: single use, checked last, failing closed. */
class RnatReplayTest {

    private final Rnats p = new Rnats();

    /** A store that records every call it gets. */
    private static final class Recording implements ReplayStore {
        final ReplayStore inner;
        final List<String> ids = new ArrayList<>();
        final List<Instant> until = new ArrayList<>();

        Recording(ReplayStore inner) {
            this.inner = inner;
        }

        @Override
        public synchronized boolean firstUse(String id, Instant keepUntil) {
            ids.add(id);
            until.add(keepUntil);
            return inner.firstUse(id, keepUntil);
        }
    }

    private InMemoryReplayStore store() {
        return new InMemoryReplayStore(100, p.clock);
    }

    @Test
    void aTokenIsAcceptedOnceAndRecordedByIssuerAndJtiUntilExpPlusSkew() {
        Recording store = new Recording(store());
        RnatVerifier v = p.verifier().replayStore(store).build();
        Map<String, Object> c = claims();
        String token = sign(c);
        assertThat(v.verify(token).errors()).isEmpty();
        VerificationResult<RealNameToken> again = v.verify(token);
        assertThat(codeList(again)).containsExactly(REPLAYED);
        assertThat(store.ids).containsExactly("rnat|" + RZ + "|" + c.get("jti"), "rnat|" + RZ + "|" + c.get("jti"));
        assertThat(store.until.get(0)).isEqualTo(IAT.plusSeconds(300 + 60));
        assertThat(v.verify(sign(claims())).errors()).as("another jti").isEmpty();
    }

    @Test
    void theDefaultStoreIsInMemoryOnThePolicyClock() {
        RnatVerifier v = p.verifier().build();
        String token = sign(claims());
        assertThat(v.verify(token).errors()).isEmpty();
        assertThat(codeList(v.verify(token))).containsExactly(REPLAYED);
    }

    @Test
    void theReplayKeyIsTheSignedJtiNotTheSignature() {
        RnatVerifier v = p.verifier().replayStore(store()).build();
        Map<String, Object> c = claims();
        String first = sign(SM2, c);
        String second = sign(SM2, c); // SM2 draws a fresh k: other signature bytes, same claims
        assertThat(second).isNotEqualTo(first);
        assertThat(v.verify(first).errors()).isEmpty();
        assertThat(codeList(v.verify(second))).containsExactly(REPLAYED);
    }

    @Test
    void theSameJtiFromAnotherIssuerIsAnotherToken() {
        RnatVerifier v = p.verifier().issuer("https://rz2.example", KeySet.of(OTHER.verificationKey()))
                .replayStore(store()).build();
        Map<String, Object> c = claims();
        assertThat(v.verify(sign(c)).errors()).isEmpty();
        assertThat(v.verify(sign(OTHER, with(c, "iss", "https://rz2.example"))).errors()).isEmpty();
    }

    @Test
    void tokensThatFailAnyOtherCheckNeverTouchTheStore() {
        Recording store = new Recording(store());
        RnatVerifier v = p.verifier().replayStore(store).minimumLevel(AssuranceLevel.L3).build();
        Map<String, Object> c = claims();
        String good = sign(c);
        List<String> bad = List.of(
                sign(OTHER, c), // forged
                sign(with(c, "aud", "other-client")), // mis-addressed
                sign(with(c, "acr", "urn:zwfw:rn:L2")), // too weak
                sign(with(c, "cnf", Map.of("jkt", OTHER.verificationKey().thumbprint()))), // no holder proof
                sign(with(c, "verified_claims", Map.of())), // broken claims
                good.substring(0, good.length() - 4) + "AAAA");
        for (String t : bad) {
            assertThat(v.verify(t).isValid()).isFalse();
        }
        p.clock.set(IAT.plusSeconds(360)); // expired
        assertThat(codeList(v.verify(good))).containsExactly(EXPIRED);
        assertThat(store.ids).as("nothing recorded, nothing asked").isEmpty();
        p.clock.set(NOW);
        assertThat(v.verify(good).errors()).as("its jti was not burnt").isEmpty();
    }

    @Test
    void anExpiredTokenWhoseJtiWasSeenIsOnlyExpiredAndRecordsNothing() {
        Recording store = new Recording(store());
        RnatVerifier v = p.verifier().replayStore(store).build();
        String token = sign(claims());
        assertThat(v.verify(token).errors()).isEmpty();
        p.clock.set(IAT.plusSeconds(300 + 59));
        assertThat(codeList(v.verify(token))).containsExactly(REPLAYED);
        p.clock.set(IAT.plusSeconds(300 + 60));
        assertThat(codeList(v.verify(token))).containsExactly(EXPIRED);
        assertThat(store.ids).hasSize(2);
    }

    @Test
    void aFullStoreFailsClosedAndEvictsNothing() {
        InMemoryReplayStore small = new InMemoryReplayStore(2, p.clock);
        RnatVerifier v = p.verifier().replayStore(small).build();
        String a = sign(claims());
        String b = sign(claims());
        assertThat(v.verify(a).errors()).isEmpty();
        assertThat(v.verify(b).errors()).isEmpty();
        String c = sign(claims());
        VerificationResult<RealNameToken> full = v.verify(c);
        assertThat(codeList(full)).containsExactly(REPLAY_CHECK_UNAVAILABLE);
        assertThat(full.errors().get(0).message()).contains("full");
        assertThat(codeList(v.verify(a))).as("no live entry was evicted").containsExactly(REPLAYED);
        assertThat(codeList(v.verify(b))).containsExactly(REPLAYED);
        assertThat(small.size()).isEqualTo(2);
    }

    @Test
    void aStoreThatCannotAnswerFailsClosed() {
        ReplayStore down = (id, until) -> {
            throw new ReplayStoreException("the shared store timed out");
        };
        RnatVerifier v = p.verifier().replayStore(down).build();
        VerificationResult<RealNameToken> r = v.verify(sign(claims()));
        assertThat(codeList(r)).containsExactly(REPLAY_CHECK_UNAVAILABLE);
        assertThat(r.errors().get(0).message()).contains("timed out");
    }

    @Test
    void aReplayKeyLongerThanTheStoreTakesFailsClosedWithoutAnException() {
        // 255 + 128 code points are within §3, but 128 supplementary characters are 256 UTF-16 chars
        String iss = "https://" + "i".repeat(247);
        String jti = "\uD83D\uDE00".repeat(128);
        RnatVerifier v = RnatVerifier.builder().issuer(iss, KeySet.of(ES.verificationKey())).audience(AUD)
                .clock(p.clock).replayStore(store()).build();
        VerificationResult<RealNameToken> r = v.verify(sign(with(claims(), "iss", iss, "jti", jti)));
        assertThat(codeList(r)).containsExactly(REPLAY_CHECK_UNAVAILABLE);
        assertThat(r.errors().get(0).message()).doesNotContain(jti);
    }

    @Test
    void recordUseOffChecksWithoutConsuming() {
        Recording store = new Recording(store());
        RnatVerifier client = p.verifier().replayStore(store).recordUse(false).build();
        String token = sign(claims());
        assertThat(client.verify(token).errors()).isEmpty();
        assertThat(client.verify(token).errors()).isEmpty();
        assertThat(store.ids).isEmpty();
        RnatVerifier audience = p.verifier().replayStore(store).build();
        assertThat(audience.verify(token).errors()).as("D16: the audience consumes it").isEmpty();
        assertThat(codeList(audience.verify(token))).containsExactly(REPLAYED);
    }

    @Test
    void ofEightThreadsPresentingOneTokenAtOnceExactlyOneIsAccepted() throws Exception {
        RnatVerifier v = p.verifier().replayStore(new InMemoryReplayStore(1000, p.clock)).build();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 20; round++) {
                String token = sign(claims());
                CountDownLatch start = new CountDownLatch(1);
                List<Future<VerificationResult<RealNameToken>>> results = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    results.add(pool.submit(() -> {
                        start.await();
                        return v.verify(token);
                    }));
                }
                start.countDown();
                int accepted = 0;
                for (Future<VerificationResult<RealNameToken>> r : results) {
                    VerificationResult<RealNameToken> result = r.get();
                    if (result.isValid()) {
                        accepted++;
                    } else {
                        assertThat(codeList(result)).containsExactly(REPLAYED);
                    }
                }
                assertThat(accepted).as("round %d", round).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anEntryIsForgottenOnlyWhenTheTokenIsExpiredAnyway() {
        InMemoryReplayStore s = store();
        RnatVerifier v = p.verifier().replayStore(s).skew(Duration.ofSeconds(30)).build();
        String token = sign(claims());
        assertThat(v.verify(token).errors()).isEmpty();
        p.clock.set(IAT.plusSeconds(300 + 29));
        assertThat(codeList(v.verify(token))).containsExactly(REPLAYED);
        p.clock.set(IAT.plusSeconds(300 + 30));
        assertThat(codeList(v.verify(token))).containsExactly(EXPIRED);
    }
}
