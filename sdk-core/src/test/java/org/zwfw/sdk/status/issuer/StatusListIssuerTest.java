package org.zwfw.sdk.status.issuer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.zwfw.sdk.status.StatusFixtures.ISSUER;
import static org.zwfw.sdk.status.StatusFixtures.KEY;
import static org.zwfw.sdk.status.StatusFixtures.NOW;
import static org.zwfw.sdk.status.StatusFixtures.URI_1;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.zwfw.sdk.status.StatusFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zwfw.sdk.status.issuer.StatusListFullException;
import org.zwfw.sdk.status.issuer.StatusListIssuer;
import org.zwfw.sdk.status.issuer.StatusListState;
import org.zwfw.sdk.status.Status;
import org.zwfw.sdk.status.StatusChecker;
import org.zwfw.sdk.status.StatusList;
import org.zwfw.sdk.status.StatusListSource;
import org.zwfw.sdk.status.StatusListToken;
import org.zwfw.sdk.status.StatusReference;

class StatusListIssuerTest {

    @TempDir
    Path dir;

    private static StatusListIssuer issuer(int capacity) {
        return StatusListIssuer.builder().capacity(capacity).build();
    }

    @Test
    void allocatesEveryIndexExactlyOnceThenReportsFull() {
        StatusListIssuer issuer = issuer(10_000);
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            int index = issuer.allocate();
            assertThat(index).isBetween(0, 9_999);
            assertThat(seen.add(index)).as("index %d returned twice", index).isTrue();
        }
        assertThat(issuer.allocatedCount()).isEqualTo(10_000);
        assertThatThrownBy(issuer::allocate).isInstanceOf(StatusListFullException.class)
                .hasMessageContaining("10000");
    }

    @Test
    void neverAllocatesBeyondACapacityThatIsNotAMultipleOf64() {
        StatusListIssuer issuer = issuer(70);
        for (int i = 0; i < 70; i++) {
            assertThat(issuer.allocate()).isLessThan(70);
        }
        assertThatThrownBy(issuer::allocate).isInstanceOf(StatusListFullException.class);
    }

    @Test
    void consecutiveAllocationsAreNotSequential() {
        StatusListIssuer issuer = issuer(1_000_000);
        int[] got = new int[200];
        for (int i = 0; i < got.length; i++) {
            got[i] = issuer.allocate();
        }
        int adjacent = 0;
        for (int i = 1; i < got.length; i++) {
            if (Math.abs(got[i] - got[i - 1]) < 1000) {
                adjacent++;
            }
        }
        assertThat(adjacent).isLessThan(5);
        int[] sorted = got.clone();
        Arrays.sort(sorted);
        assertThat(got).isNotEqualTo(sorted);
    }

    @Test
    void findsTheLastFreeIndexesOfANearlyFullList() {
        int capacity = 1_000_000;
        byte[] bitmap = new byte[capacity / 8];
        Arrays.fill(bitmap, (byte) 0xFF);
        int[] free = {3, 77_777, 500_001, 999_999};
        for (int f : free) {
            bitmap[f >>> 3] &= (byte) ~(1 << (f & 7));
        }
        StatusListState state = new StatusListState(capacity, 2, capacity - free.length, bitmap, new byte[capacity / 4]);
        StatusListIssuer issuer = StatusListIssuer.builder().restore(state).build();
        Set<Integer> got = new HashSet<>();
        for (int i = 0; i < free.length; i++) {
            got.add(issuer.allocate());
        }
        assertThat(got).containsExactlyInAnyOrder(3, 77_777, 500_001, 999_999);
        assertThatThrownBy(issuer::allocate).isInstanceOf(StatusListFullException.class);
    }

    @Test
    void choosesAmongFreeIndexesUniformly() {
        // Two free indexes left in a list of 128: over many lists each must be chosen about half the time.
        int first = 0;
        Random seeds = new Random(42);
        for (int run = 0; run < 2000; run++) {
            byte[] bitmap = new byte[16];
            Arrays.fill(bitmap, (byte) 0xFF);
            bitmap[1] &= (byte) ~1;
            bitmap[14] &= (byte) ~0x80;
            StatusListIssuer issuer = StatusListIssuer.builder().random(new Random(seeds.nextLong()))
                    .restore(new StatusListState(128, 2, 126, bitmap, new byte[32])).build();
            if (issuer.allocate() == 8) {
                first++;
            }
        }
        assertThat(first).isBetween(850, 1150);
    }

    @Test
    void setsStatusesOfAllocatedIndexesOnly() {
        StatusListIssuer issuer = issuer(100);
        int index = issuer.allocate();
        assertThat(issuer.status(index)).isEqualTo(Status.VALID);
        issuer.set(index, Status.SUSPENDED);
        assertThat(issuer.status(index)).isEqualTo(Status.SUSPENDED);
        issuer.set(index, Status.VALID);
        assertThat(issuer.status(index)).isEqualTo(Status.VALID);
        int other = (index + 1) % 100;
        assertThatThrownBy(() -> issuer.set(other, Status.INVALID)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("never allocated");
        assertThatThrownBy(() -> issuer.set(100, Status.INVALID)).isInstanceOf(IllegalArgumentException.class);
        assertThat(issuer.isAllocated(index)).isTrue();
        assertThat(issuer.isAllocated(other)).isFalse();
        assertThat(issuer.isAllocated(-1)).isFalse();
        assertThatThrownBy(() -> issuer.status(100)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void revocationIsFinal() {
        StatusListIssuer issuer = issuer(10);
        int index = issuer.allocate();
        issuer.set(index, Status.INVALID);
        issuer.set(index, Status.INVALID);
        assertThatThrownBy(() -> issuer.set(index, Status.VALID)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("final");
        assertThatThrownBy(() -> issuer.set(index, Status.SUSPENDED)).isInstanceOf(IllegalStateException.class);
        assertThat(issuer.status(index)).isEqualTo(Status.INVALID);
    }

    @Test
    void publishesATokenThatTheCheckerAccepts() {
        StatusListIssuer issuer = issuer(1000);
        int revoked = issuer.allocate();
        int suspended = issuer.allocate();
        int valid = issuer.allocate();
        issuer.set(revoked, Status.INVALID);
        issuer.set(suspended, Status.SUSPENDED);
        String token = issuer.toToken(KEY, ISSUER, URI_1, NOW, Duration.ofHours(24), Duration.ofMinutes(10));
        try (StatusChecker checker = StatusChecker.builder().source(StatusListSource.of(Map.of(URI_1, token)))
                .keys(StatusFixtures.keys()).clock(StatusFixtures.CLOCK).build()) {
            assertThat(checker.check(new StatusReference(URI_1, revoked), ISSUER).status()).contains(Status.INVALID);
            assertThat(checker.check(new StatusReference(URI_1, suspended), ISSUER).status())
                    .contains(Status.SUSPENDED);
            assertThat(checker.check(new StatusReference(URI_1, valid), ISSUER).status()).contains(Status.VALID);
            StatusListToken t = checker.verify(token, ISSUER, URI_1).value().orElseThrow();
            assertThat(t.expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(24)));
            assertThat(t.timeToLive()).contains(Duration.ofMinutes(10));
        }
        assertThat(issuer.toStatusList().bits()).isEqualTo(2);
    }

    @Test
    void tokenArgumentsAreChecked() {
        StatusListIssuer issuer = issuer(10);
        assertThatThrownBy(() -> issuer.toToken(KEY.withKeyId(null), ISSUER, URI_1, NOW, Duration.ofHours(1), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> issuer.toToken(KEY, ISSUER, URI_1, NOW, Duration.ZERO, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(issuer.toToken(KEY, ISSUER, URI_1, NOW, Duration.ofHours(1), null)).isNotEmpty();
    }

    @Test
    void persistedAllocationsSurviveARestart() throws Exception {
        Path file = dir.resolve("list-1.state");
        StatusListIssuer first = StatusListIssuer.builder().capacity(100).persistTo(file).build();
        assertThat(Files.exists(file)).isTrue();
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            seen.add(first.allocate());
        }
        int revoked = seen.iterator().next();
        first.set(revoked, Status.INVALID);
        // "Restart": a new issuer from the same file, with no capacity given.
        StatusListIssuer second = StatusListIssuer.builder().persistTo(file).build();
        assertThat(second.allocatedCount()).isEqualTo(50);
        assertThat(second.status(revoked)).isEqualTo(Status.INVALID);
        for (int i = 0; i < 50; i++) {
            assertThat(seen.add(second.allocate())).isTrue();
        }
        assertThatThrownBy(second::allocate).isInstanceOf(StatusListFullException.class);
        assertThat(StatusListState.readFrom(file).allocatedCount()).isEqualTo(100);
    }

    @Test
    void anAllocationThatCannotBePersistedIsUndone() throws Exception {
        Path file = dir.resolve("list-2.state");
        StatusListIssuer issuer = StatusListIssuer.builder().capacity(10).persistTo(file).build();
        int index = issuer.allocate();
        Path blocker = Files.createDirectory(dir.resolve("list-2.state.tmp"));
        assertThatThrownBy(issuer::allocate).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("no index was allocated");
        assertThatThrownBy(() -> issuer.set(index, Status.SUSPENDED)).isInstanceOf(UncheckedIOException.class);
        assertThat(issuer.allocatedCount()).isEqualTo(1);
        assertThat(issuer.status(index)).isEqualTo(Status.VALID);
        assertThat(StatusListState.readFrom(file).allocatedCount()).isEqualTo(1);
        Files.delete(blocker);
        issuer.allocate();
        assertThat(StatusListState.readFrom(file).allocatedCount()).isEqualTo(2);
    }

    @Test
    void snapshotRestoresTheSameState() {
        StatusListIssuer issuer = issuer(77);
        for (int i = 0; i < 30; i++) {
            issuer.set(issuer.allocate(), i % 2 == 0 ? Status.SUSPENDED : Status.VALID);
        }
        StatusListState snapshot = issuer.snapshot();
        StatusListIssuer restored = StatusListIssuer.builder().restore(snapshot).build();
        assertThat(restored.snapshot()).isEqualTo(snapshot);
        assertThat(restored.capacity()).isEqualTo(77);
        assertThat(restored.bits()).isEqualTo(2);
        assertThat(restored.toStatusList()).isEqualTo(issuer.toStatusList());
    }

    @Test
    void builderRefusesContradictions() throws Exception {
        assertThatThrownBy(() -> StatusListIssuer.builder().build()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> StatusListIssuer.builder().capacity(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StatusListIssuer.builder().bits(1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StatusListIssuer.builder().capacity(100_000_000).build())
                .isInstanceOf(IllegalStateException.class);
        Path file = dir.resolve("list-3.state");
        StatusListIssuer.builder().capacity(100).persistTo(file).build();
        assertThatThrownBy(() -> StatusListIssuer.builder().capacity(200).persistTo(file).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("capacity 100");
        assertThatThrownBy(() -> StatusListIssuer.builder().bits(4).persistTo(file).build())
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> StatusListIssuer.builder().restore(issuer(5).snapshot()).persistTo(file).build())
                .isInstanceOf(IllegalStateException.class);
        Files.write(file, new byte[] {1, 2, 3});
        assertThatThrownBy(() -> StatusListIssuer.builder().persistTo(file).build())
                .isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void widerListsAreAllowed() {
        StatusListIssuer issuer = StatusListIssuer.builder().capacity(10).bits(4).build();
        assertThat(issuer.bits()).isEqualTo(4);
        issuer.set(issuer.allocate(), Status.SUSPENDED);
    }

    @Test
    void concurrentAllocationsAndChangesStayConsistent() throws Exception {
        StatusListIssuer issuer = issuer(10_000);
        Map<Integer, Status> expected = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 1250; i++) {
                        int index = issuer.allocate();
                        Status s = Status.values()[(thread + i) % 3];
                        issuer.set(index, s);
                        assertThat(expected.put(index, s)).isNull();
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(expected).hasSize(10_000);
        assertThat(issuer.allocatedCount()).isEqualTo(10_000);
        StatusList list = issuer.toStatusList();
        expected.forEach((index, status) -> assertThat(list.get(index)).isEqualTo(status));
        assertThatThrownBy(issuer::allocate).isInstanceOf(StatusListFullException.class);
    }

    @Test
    void printsItsSizeOnly() {
        assertThat(issuer(10).toString()).isEqualTo("StatusListIssuer[capacity=10, allocated=0, bits=2]");
    }
}
