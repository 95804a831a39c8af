package org.zwfw.sdk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zwfw.sdk.status.Status;

class BatchVerifierTest {

    @TempDir
    Path dir;

    @Test
    void manyThreadsGiveTheSameReportInTheSameOrderAsOne() {
        Province p = new Province(dir);
        List<BatchInput> inputs = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            var issued = i % 2 == 0 ? p.issueCard() : p.issueLicense();
            if (i % 7 == 0) {
                (i % 2 == 0 ? p.ssc : p.licensing).setStatus(issued.statusReference().orElseThrow(), Status.SUSPENDED);
            }
            inputs.add(BatchInput.text(i % 11 == 0 ? "garbage " + i : p.present(issued), "in-" + i, i + 1));
        }
        List<String> options = Province.with(p.offline(), "--aud", Province.AUD, "--nonce", Province.NONCE);
        List<String> one = new ArrayList<>();
        List<String> four = new ArrayList<>();
        BatchSummary s1;
        BatchSummary s4;
        try (VerifyEngine v = VerifyEngine.open(options.toArray(String[]::new))) {
            s1 = new BatchVerifier(v, 1).run(inputs.iterator(), inputs.size(), one::add, null);
            s4 = new BatchVerifier(v, 4).run(inputs.iterator(), inputs.size(), four::add, null);
        }
        assertThat(four).isEqualTo(one);
        assertThat(one).hasSize(60);
        assertThat(Province.json(one.get(5)).get("input").asText()).isEqualTo("in-5");
        assertThat(s1.total()).isEqualTo(60);
        assertThat(s4.valid()).isEqualTo(s1.valid());
        long garbage = 6; // i = 0, 11, ..., 55
        long suspendedNotGarbage = 0;
        for (int i = 0; i < 60; i++) {
            if (i % 7 == 0 && i % 11 != 0) {
                suspendedNotGarbage++;
            }
        }
        assertThat(s1.errorCodes().get("MALFORMED")).isEqualTo(garbage);
        assertThat(s1.errorCodes().get("SUSPENDED")).isEqualTo(suspendedNotGarbage);
        assertThat(s1.valid()).isEqualTo(60 - garbage - suspendedNotGarbage);
        assertThat(s1.exitCode()).isEqualTo(1);
        assertThat(suspendedNotGarbage).isPositive();
    }

    @Test
    void workersVerifyOnAPoolWhileTheCallingThreadHandsOutInputsAndWritesLines() {
        Province p = new Province(dir);
        List<BatchInput> inputs = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            inputs.add(BatchInput.text(p.present(p.issueCard()), "c" + i, 0));
        }
        Set<String> callers = Collections.newSetFromMap(new ConcurrentHashMap<>());
        Set<String> workers = Collections.newSetFromMap(new ConcurrentHashMap<>());
        Iterator<BatchInput> it = inputs.iterator();
        try (VerifyEngine v = VerifyEngine.open(p.offline().toArray(String[]::new))) {
            new BatchVerifier(v, 3).run(new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return it.hasNext();
                }

                @Override
                public BatchInput next() {
                    callers.add(Thread.currentThread().getName());
                    return it.next();
                }
            }, inputs.size(), line -> {
                callers.add(Thread.currentThread().getName());
                Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                        .filter(n -> n.startsWith("zwfw-verify-")).forEach(workers::add);
            }, null);
        }
        assertThat(callers).containsExactly(Thread.currentThread().getName());
        assertThat(workers).containsExactlyInAnyOrder("zwfw-verify-1", "zwfw-verify-2", "zwfw-verify-3");
    }

    @Test
    void theBytesInFlightStayWithinOneBoundForTheWholeRunWhateverTheThreadCount() throws Exception {
        long bound = 256 * 1024;
        List<BatchInput> inputs = new ArrayList<>();
        byte[] content = "not a credential ".repeat(2000).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (int i = 0; i < 200; i++) {
            Path f = java.nio.file.Files.write(dir.resolve("in-" + i), content);
            inputs.add(i % 2 == 0 ? BatchInput.file(f, f.toString(), 0)
                    : BatchInput.text(new String(content, java.nio.charset.StandardCharsets.UTF_8), "t" + i, 0));
        }
        // one input larger than the bound still runs, alone
        Path big = java.nio.file.Files.write(dir.resolve("big"), new byte[(int) bound * 2]);
        inputs.add(BatchInput.file(big, big.toString(), 0));
        List<String> lines = new ArrayList<>();
        try (VerifyEngine v = VerifyEngine.open()) {
            BatchVerifier batch = new BatchVerifier(v, 64, bound);
            BatchSummary s = batch.run(inputs.iterator(), inputs.size(), lines::add, null);
            assertThat(s.total()).isEqualTo(201);
            assertThat(s.errorCodes().get("MALFORMED")).isEqualTo(201);
            assertThat(batch.peakBytesInFlight()).isPositive().isLessThanOrEqualTo(bound);
        }
        assertThat(lines).hasSize(201);
    }

    @Test
    void openRefusesBadOptionsWithAnException() {
        assertThatThrownBy(() -> VerifyEngine.open("--require-key-binding")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--aud");
        assertThatThrownBy(() -> VerifyEngine.open("--bogus")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BatchVerifier(VerifyEngine.open(), 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void closedVerifierRefusesWork() {
        VerifyEngine v = VerifyEngine.open();
        v.close();
        v.close();
        assertThatThrownBy(() -> v.verify("x")).isInstanceOf(IllegalStateException.class);
    }
}
