package org.zwfw.sdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ZwfwTest {

    @Test
    void noCommandIsAUsageError() {
        CliRunner.Result r = CliRunner.run();
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("command");
    }

    @Test
    void unknownCommandIsAUsageError() {
        CliRunner.Result r = CliRunner.run("frobnicate");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("frobnicate").doesNotContain("Exception");
    }

    @Test
    void helpAndVersionExitZero() {
        CliRunner.Result help = CliRunner.run("--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("check-id", "keys");
        assertThat(CliRunner.run("--version").exit()).isZero();
    }
}
