package org.zwfw.sdk.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.zwfw.sdk.crypto.JwsAlgorithm;

/**
 * The sandbox in a JVM of its own ({@code -Dapibench.sandbox=process}), briefly: both calls are
 * answered 200 through it, a tiny paired run (one 0.2 s slice each) reports and passes, its CPU is
 * read from it, and the child is gone after close, or on its own when its input ends (the parent's
 * end). No benchmark runs here.
 */
class SandboxProcessTest {

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void callsThroughTheProcessAre200AndItIsGoneAfterClose() throws Exception {
        SandboxProcess child = SandboxProcess.start(OptionalInt.empty());
        ProcessHandle handle = child.handle();
        Path dir = child.directory();
        ApiFixture f = new ApiFixture(JwsAlgorithm.ES256, child);
        try {
            assertThat(handle.pid()).isNotEqualTo(ProcessHandle.current().pid());
            assertThat(handle.isAlive()).isTrue();
            assertThat(f.sandbox).isNull(); // nothing of the sandbox in this JVM
            f.presign(3);
            assertThat(f.sdk()).isEqualTo(200);
            for (int i = 0; i < 3; i++) {
                assertThat(f.bare()).isEqualTo(200);
            }
            f.rewindPool();
            assertThat(f.bare()).isEqualTo(401); // the same replay check as in this JVM
            assertThat(f.failures()).isEqualTo(1);
            SandboxProcess.Cpu cpu = child.cpuTime();
            assertThat(cpu.process()).isPositive();
            assertThat(cpu.sandboxThreads()).isPositive().isLessThanOrEqualTo(cpu.process());
        } catch (Throwable t) {
            f.close();
            throw t;
        }
        ApiFixture tiny = new ApiFixture(JwsAlgorithm.ES256, SandboxProcess.start(OptionalInt.empty()));
        ProcessHandle tinyHandle = tiny.process.handle();
        f.close();
        assertThat(handle.isAlive()).isFalse();
        assertThat(Files.exists(dir)).as("the key directory is deleted").isFalse();

        assertThat(ApiPairedRatio.compare(tiny, 1, 0.2, 0)).isTrue(); // closes the fixture
        assertThat(tiny.calls.get()).isPositive();
        assertThat(tinyHandle.isAlive()).isFalse();
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void theProcessEndsWhenItsInputEnds() throws Exception {
        try (SandboxProcess child = SandboxProcess.start(OptionalInt.empty())) {
            child.closeInput(); // as when the parent ends, however it ends
            assertThat(child.handle().onExit().get(20, TimeUnit.SECONDS).isAlive()).isFalse();
        }
    }

    @Test
    void theSandboxProcessIsNotCountedAsAnotherProcess() {
        MachineLoad.Sample from = new MachineLoad.Sample(0, 0, 0);
        MachineLoad.Sample to = new MachineLoad.Sample(2_000_000_000L, 500_000_000L, 1_000_000_000L);
        assertThat(MachineLoad.foreignCores(from, to)).isEqualTo(1.5);
        assertThat(MachineLoad.foreignCores(from, to, 1_000_000_000L)).isEqualTo(0.5);
    }
}
