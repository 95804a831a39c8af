package org.zwfw.sdk.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.zwfw.sdk.replay.InMemoryReplayStore;

/**
 * Heap used by {@link InMemoryReplayStore} with one million live identifiers of the shape a
 * verifier stores ({@code "rnat|" + iss + "|" + jti}, a 22-character jti): heap after a full GC
 * with the store filled, minus before. Run: {@code java -cp sdk-bench/target/benchmarks.jar
 * org.zwfw.sdk.bench.ReplayStoreFootprint [entries]}.
 */
public final class ReplayStoreFootprint {

    private ReplayStoreFootprint() {
    }

    public static void main(String[] args) throws InterruptedException {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = used(memory);
        InMemoryReplayStore store = new InMemoryReplayStore(n, Clock.systemUTC());
        Instant until = Instant.now().plusSeconds(3600);
        String prefix = "rnat|https://id.zwfw.example.gov.cn|";
        for (int i = 0; i < n; i++) {
            String jti = UUID.randomUUID().toString().replace("-", "").substring(0, 22);
            if (!store.firstUse(prefix + jti, until)) {
                i--;
            }
        }
        long after = used(memory);
        System.out.printf("%d live identifiers (%d characters each): %.1f MiB of heap, %.0f bytes each%n",
                store.size(), prefix.length() + 22, (after - before) / 1048576.0, (after - before) / (double) n);
    }

    private static long used(MemoryMXBean memory) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
