package org.zwfw.sdk.sandbox.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.zwfw.sdk.verify.OutcomeCode;

class StrictJsonTest {

    private static Problem problemOf(String json) {
        try {
            StrictJson.parseObject(json.getBytes(StandardCharsets.UTF_8));
        } catch (ProblemException e) {
            return e.problem();
        }
        throw new AssertionError("accepted: " + json);
    }

    @Test
    void parsesAnObject() {
        assertThat(StrictJson.parseObject("{\"a\": [1, \"b\"]}".getBytes(StandardCharsets.UTF_8)).at("/a/1").asText())
                .isEqualTo("b");
    }

    @Test
    void refusesWhatIsNotOneStrictObject() {
        for (String bad : List.of("", "  ", "[]", "\"x\"", "{\"a\": 1,}", "{\"a\": 1} x", "{\"a\": 1, \"a\": 2}",
                "{'a': 1}", "{\"a\": NaN}", "\uFEFF{}")) {
            Problem p = problemOf(bad);
            assertThat(p.status()).isEqualTo(400);
            assertThat(p.code()).as(bad).isEqualTo(OutcomeCode.MALFORMED);
        }
    }

    @Test
    void limitsAreTooLarge() {
        assertThat(problemOf("{\"a\": " + "[".repeat(StrictJson.MAX_DEPTH + 1) + "]".repeat(StrictJson.MAX_DEPTH + 1)
                + "}").code()).isEqualTo(OutcomeCode.TOO_LARGE);
        assertThat(problemOf("{\"a\": \"" + "x".repeat(StrictJson.MAX_STRING + 1) + "\"}").code())
                .isEqualTo(OutcomeCode.TOO_LARGE);
        assertThat(problemOf("{\"a\": " + "9".repeat(StrictJson.MAX_NUMBER + 1) + "}").code())
                .isEqualTo(OutcomeCode.TOO_LARGE);
    }

    @Test
    void messagesGiveThePositionNotTheText() {
        Problem p = problemOf("{\"name\": 11010519491231002X}");
        assertThat(p.errors().get(0).detail()).contains("line 1").doesNotContain("11010519491231002X");
    }

    @Test
    void refusesInvalidUtf8() {
        assertThatThrownBy(() -> StrictJson.parseObject(new byte[] {'{', '"', (byte) 0xC3, '"', '}'}))
                .isInstanceOf(ProblemException.class);
    }

    @Test
    void quotesUntrustedTextSafely() {
        assertThat(StrictJson.quote("name")).isEqualTo("'name'");
        assertThat(StrictJson.quote("a'b\n张")).isEqualTo("'a\\u0027b\\u000a\\u5f20'");
        assertThat(StrictJson.quote("x".repeat(100))).hasSize(64 + 2 + 3).endsWith("'...");
    }

    @Test
    void writesIndentedJsonWithAFinalLineBreak() {
        String s = new String(StrictJson.write(Map.of("a", 1)), StandardCharsets.UTF_8);
        assertThat(s).startsWith("{").endsWith("}\n").contains("\"a\" : 1");
        assertThat(StrictJson.writeCompact(Map.of("a", 1))).isEqualTo("{\"a\":1}");
    }
}
