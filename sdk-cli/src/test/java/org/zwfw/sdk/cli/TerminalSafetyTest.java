package org.zwfw.sdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Input-derived text never reaches the terminal raw: ESC, BEL, other C0 and C1 controls, DEL and
 * bidirectional overrides are escaped in human output, in JSON output and in messages on
 * standard error.
 */
class TerminalSafetyTest {

    /** A value carrying a screen clear (ESC), a bell, an 8-bit CSI, DEL, RLO and an isolate. */
    static final String HOSTILE = "9111\u001b[2J\u0007\u009b31m\u007f\u202eL734\u2066";

    private static void assertNoControls(String printed) {
        assertThat(printed.codePoints().filter(c -> c != '\n' && Display.unsafe(c)).toArray())
                .as("raw control characters in %s", printed).isEmpty();
    }

    @Test
    void checkIdEscapesControlCharactersOfItsInputInHumanOutput() {
        for (List<String> args : List.of(List.of("check-id", HOSTILE), List.of("check-id", "--show-pii", HOSTILE),
                List.of("check-id", "--show-pii", "91110000600037341L", "\u001b]0;pwned\u0007"))) {
            CliRunner.Result r = CliRunner.run(args.toArray(String[]::new));
            assertThat(r.exit()).isEqualTo(1);
            assertNoControls(r.out());
            assertNoControls(r.err());
        }
        assertThat(CliRunner.run("check-id", "--show-pii", HOSTILE).out()).contains("\\u001b[2J", "\\u009b", "\\u202e",
                "\\u2066");
    }

    @Test
    void jsonOutputEscapesC1AndBidiToAndStaysTheSameString() {
        CliRunner.Result r = CliRunner.run("check-id", "--json", "--show-pii", HOSTILE);
        assertNoControls(r.out().strip());
        assertThat(r.out()).contains("\\u009b", "\\u202e", "\\u007f");
        JsonNode o = Province.json(r.out());
        assertThat(o.get("value").asText()).isEqualTo(HOSTILE);
    }

    @Test
    void messagesOnStandardErrorEscapeArguments() {
        CliRunner.Result unknown = CliRunner.run("verify", "x", "--bogus\u001b[2J\u202e");
        assertThat(unknown.exit()).isEqualTo(2);
        assertNoControls(unknown.err());
        assertThat(unknown.err()).contains("\\u001b[2J");
        CliRunner.Result missing = CliRunner.run("verify", "no-such-file\u001b]0;x\u0007");
        assertThat(missing.exit()).isEqualTo(2);
        assertNoControls(missing.err());
        assertThat(missing.err()).contains("no such file");
    }
}
