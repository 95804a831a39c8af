package org.zwfw.sdk.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.zwfw.sdk.trust.SequenceStore.Seen;

class InMemorySequenceStoreTest {

    @Test
    void startsEmptyAndMovesOnlyUp() {
        InMemorySequenceStore s = new InMemorySequenceStore();
        assertThat(s.highest()).isEmpty();
        assertThat(s.advance(new Seen(3, "a"))).isTrue();
        assertThat(s.advance(new Seen(2, "b"))).isFalse();
        assertThat(s.advance(new Seen(3, "b"))).isFalse();
        assertThat(s.advance(new Seen(3, "a"))).isTrue();
        assertThat(s.highest()).contains(new Seen(3, "a"));
        assertThat(s.advance(new Seen(4, "c"))).isTrue();
        assertThat(s.highest()).contains(new Seen(4, "c"));
    }

    @Test
    void aFloorRefusesLowerSeqsAndTakesTheDigestOfTheFirstListAtItsSeq() {
        InMemorySequenceStore s = InMemorySequenceStore.startingAt(10);
        assertThat(s.highest()).contains(Seen.floor(10));
        assertThat(s.advance(new Seen(9, "a"))).isFalse();
        assertThat(s.advance(new Seen(10, "a"))).isTrue();
        assertThat(s.advance(new Seen(10, "b"))).isFalse();
        assertThat(s.toString()).contains("10");
    }

    @Test
    void neverGoesDownUnderConcurrentAdvances() throws Exception {
        InMemorySequenceStore s = new InMemorySequenceStore();
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        AtomicLong violations = new AtomicLong();
        List<Thread> ts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int offset = t;
            Thread th = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                long last = -1;
                for (int i = 0; i < 2000; i++) {
                    long seq = (i * 7L + offset * 13L) % 1000;
                    s.advance(new Seen(seq, "d" + seq));
                    long now = s.highest().orElseThrow().seq();
                    if (now < last) {
                        violations.incrementAndGet();
                    }
                    last = now;
                }
            });
            ts.add(th);
            th.start();
        }
        start.countDown();
        for (Thread th : ts) {
            th.join(30_000);
        }
        assertThat(violations.get()).isZero();
        assertThat(s.highest().orElseThrow().seq()).isEqualTo(999);
    }
}
