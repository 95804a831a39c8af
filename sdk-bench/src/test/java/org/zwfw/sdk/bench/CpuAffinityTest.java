package org.zwfw.sdk.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** Reading the kernel's CPU lists, and when the client JVM is warned that it shares the sandbox's CPU. */
class CpuAffinityTest {

    @Test
    void readsKernelCpuLists() {
        assertThat(CpuAffinity.parseList("0")).containsExactly(0);
        assertThat(CpuAffinity.parseList("0-1\n")).containsExactly(0, 1);
        assertThat(CpuAffinity.parseList("0-2,5,7-8")).containsExactly(0, 1, 2, 5, 7, 8);
        for (String bad : new String[] {"", "1-", "-1", "2-1", "a"}) {
            assertThatThrownBy(() -> CpuAffinity.parseList(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void warnsUnlessTheClientIsOnOneOtherCpu() {
        assertThat(CpuAffinity.warning(Set.of(0), 1)).isEmpty();
        assertThat(CpuAffinity.warning(Set.of(0, 1), 1)).hasValueSatisfying(w -> assertThat(w).contains("taskset -c"));
        assertThat(CpuAffinity.warning(Set.of(1), 1)).isPresent();
        assertThat(CpuAffinity.warning(Set.of(0, 2), 1)).isPresent();
        assertThat(CpuAffinity.warning(Set.of(), 1)).isPresent();
    }

    @Test
    void thisProcessRunsOnSomeOnlineCpu() {
        if (CpuAffinity.online().isEmpty()) {
            return; // not Linux
        }
        assertThat(CpuAffinity.own()).isNotEmpty().isSubsetOf(CpuAffinity.online());
    }
}
