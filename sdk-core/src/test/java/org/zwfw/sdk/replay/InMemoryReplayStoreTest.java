package org.zwfw.sdk.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.zwfw.sdk.testing.MutableClock;

class InMemoryReplayStoreTest {

    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

    private final MutableClock clock = new MutableClock(T0);

    @Test
    void aReleasedIdentifierCountsAsUnusedAgainAndOtherStoresRefuseToRelease() {
        InMemoryReplayStore store = new InMemoryReplayStore();
        java.time.Instant until = java.time.Instant.now().plusSeconds(60);
        org.assertj.core.api.Assertions.assertThat(store.firstUse("evt|1", until)).isTrue();
        store.release("evt|1");
        org.assertj.core.api.Assertions.assertThat(store.firstUse("evt|1", until)).isTrue();
        org.assertj.core.api.Assertions.assertThat(store.firstUse("evt|1", until)).isFalse();
        ReplayStore other = (id, keep) -> true;
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> other.release("evt|1"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void anIdentifierIsFirstUsedOnceWhileItIsKept() {
        InMemoryReplayStore store = new InMemoryReplayStore(10, clock);
        Instant until = T0.plusSeconds(60);
        assertThat(store.firstUse("rnat|https://id.example|j1", until)).isTrue();
        assertThat(store.firstUse("rnat|https://id.example|j1", until)).isFalse();
        assertThat(store.firstUse("rnat|https://id.example|j2", until)).isTrue();
        clock.advance(Duration.ofSeconds(59));
        assertThat(store.firstUse("rnat|https://id.example|j1", until.plusSeconds(60))).isFalse();
    }

    @Test
    void anIdentifierPastItsKeepUntilTimeIsForgotten() {
        InMemoryReplayStore store = new InMemoryReplayStore(10, clock);
        assertThat(store.firstUse("a", T0.plusSeconds(60))).isTrue();
        clock.advance(Duration.ofSeconds(60));
        assertThat(store.firstUse("a", T0.plusSeconds(120))).isTrue();
        assertThat(store.firstUse("a", T0.plusSeconds(120))).isFalse();
    }

    @Test
    void whenFullOfLiveIdentifiersItRefusesInsteadOfEvictingOne() {
        InMemoryReplayStore store = new InMemoryReplayStore(3, clock);
        for (String id : List.of("a", "b", "c")) {
            assertThat(store.firstUse(id, T0.plusSeconds(60))).isTrue();
        }
        assertThatThrownBy(() -> store.firstUse("d", T0.plusSeconds(60))).isInstanceOf(ReplayStoreException.class)
                .hasMessageContaining("full").hasMessageNotContaining("\"d\"");
        // nothing was evicted: every live identifier is still a replay
        for (String id : List.of("a", "b", "c")) {
            assertThat(store.firstUse(id, T0.plusSeconds(60))).isFalse();
        }
        clock.advance(Duration.ofSeconds(61));
        assertThat(store.firstUse("d", T0.plusSeconds(120))).as("expired ones are swept when full").isTrue();
        assertThat(store.size()).isEqualTo(1);
    }

    @Test
    void ofConcurrentFirstUsesExactlyOneWins() throws Exception {
        InMemoryReplayStore store = new InMemoryReplayStore(1000, clock);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 50; round++) {
                String id = "jti-" + round;
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Boolean>> results = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    results.add(pool.submit(() -> {
                        start.await();
                        return store.firstUse(id, T0.plusSeconds(60));
                    }));
                }
                start.countDown();
                int wins = 0;
                for (Future<Boolean> r : results) {
                    wins += r.get() ? 1 : 0;
                }
                assertThat(wins).as(id).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void badIdentifiersAndSettingsAreRefused() {
        InMemoryReplayStore store = new InMemoryReplayStore(10, clock);
        assertThatThrownBy(() -> store.firstUse("", T0.plusSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.firstUse("x".repeat(513), T0.plusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("512");
        assertThatThrownBy(() -> new InMemoryReplayStore(0, clock)).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.firstUse("x".repeat(512), T0.plusSeconds(1))).isTrue();
    }

    @Test
    void aKeepUntilBeyondTheMillisecondRangeIsKeptWithoutAnArithmeticError() {
        InMemoryReplayStore store = new InMemoryReplayStore(10, clock);
        assertThat(store.firstUse("forever", Instant.MAX)).isTrue();
        assertThat(store.firstUse("forever", Instant.MAX)).isFalse();
    }

    @Test
    void whileFullItLooksForExpiredIdentifiersAtMostOnceASecond() {
        InMemoryReplayStore store = new InMemoryReplayStore(2, clock);
        store.firstUse("a", T0.plusMillis(500));
        store.firstUse("b", T0.plusSeconds(60));
        assertThatThrownBy(() -> store.firstUse("c", T0.plusSeconds(60))).isInstanceOf(ReplayStoreException.class);
        clock.advance(Duration.ofMillis(600)); // "a" has expired, but the last sweep was 600 ms ago
        assertThatThrownBy(() -> store.firstUse("c", T0.plusSeconds(60))).isInstanceOf(ReplayStoreException.class);
        clock.advance(Duration.ofMillis(500));
        assertThat(store.firstUse("c", T0.plusSeconds(60))).isTrue();
    }
}
