package org.zwfw.sdk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    private static Map<String, Object> obj(String json, int depth) {
        return Json.parseObject(json.getBytes(StandardCharsets.UTF_8), depth);
    }

    @Test
    void mapsJsonToPlainJavaTypesInDocumentOrder() {
        Map<String, Object> m = obj("{\"b\":1,\"a\":[true,null,\"x\",1.5,123456789012345678901234567890],\"c\":{}}", 4);
        assertThat(m.keySet()).containsExactly("b", "a", "c");
        assertThat(m.get("b")).isEqualTo(1L);
        @SuppressWarnings("unchecked")
        List<Object> a = (List<Object>) m.get("a");
        assertThat(a).containsExactly(true, null, "x", new BigDecimal("1.5"),
                new BigInteger("123456789012345678901234567890"));
        assertThat(m.get("c")).isEqualTo(Map.of());
    }

    @Test
    void rejectsDuplicateMembersAtAnyDepth() {
        assertThatThrownBy(() -> obj("{\"a\":1,\"a\":2}", 4)).isInstanceOf(JsonException.class)
                .hasMessageContaining("duplicate member name");
        assertThatThrownBy(() -> obj("{\"x\":{\"a\":1,\"a\":2}}", 4)).isInstanceOf(JsonException.class);
    }

    @Test
    void boundsNestingDepthAsTooLarge() {
        String deep = "{\"a\":" + "[".repeat(10) + "]".repeat(10) + "}";
        assertThat(obj(deep, 11)).containsKey("a");
        assertThatThrownBy(() -> obj(deep, 10)).isInstanceOfSatisfying(JsonException.class,
                e -> assertThat(e.tooLarge()).isTrue());
        String veryDeep = "[".repeat(100_000) + "]".repeat(100_000);
        assertThatThrownBy(() -> Json.parse(veryDeep.getBytes(StandardCharsets.UTF_8), 32))
                .isInstanceOfSatisfying(JsonException.class, e -> assertThat(e.tooLarge()).isTrue());
    }

    @Test
    void rejectsTrailingDataCommentsAndNonJson() {
        assertThatThrownBy(() -> obj("{} {}", 4)).hasMessageContaining("after the JSON value");
        assertThatThrownBy(() -> obj("{/*c*/}", 4)).isInstanceOf(JsonException.class);
        assertThatThrownBy(() -> obj("{'a':1}", 4)).isInstanceOf(JsonException.class);
        assertThatThrownBy(() -> obj("[1]", 4)).hasMessageContaining("expected a JSON object");
        assertThatThrownBy(() -> obj("", 4)).hasMessageContaining("empty");
        assertThatThrownBy(() -> obj("{\"a\":NaN}", 4)).isInstanceOf(JsonException.class);
        assertThatThrownBy(() -> obj("{\"a\":01}", 4)).isInstanceOf(JsonException.class);
    }

    @Test
    void messagesDoNotEchoContent() {
        assertThatThrownBy(() -> obj("{\"secret-110105194912310021\":", 4))
                .isInstanceOf(JsonException.class).message().doesNotContain("110105194912310021");
    }

    @Test
    void writesCompactJson() {
        assertThat(Json.writeString(Map.of("a", List.of(1, "x")))).isEqualTo("{\"a\":[1,\"x\"]}");
    }

    @Test
    void numbersOutOfRangeAreSyntaxErrorsNotCrashes() {
        // JDK 17's BigDecimal refuses this exponent; JDK 21+ accepts it (scale Integer.MIN_VALUE)
        // and the exponent bound refuses it instead. Either way a JsonException that says why.
        assertThatThrownBy(() -> obj("{\"x\":1E+2147483648}", 4)).isInstanceOf(JsonException.class)
                .message().containsAnyOf("out of range", "exponent beyond");
        assertThatThrownBy(() -> obj("{\"x\":0.0e-2147483648}", 4)).isInstanceOf(JsonException.class);
        assertThatThrownBy(() -> obj("{\"x\":1e999999999}", 4)).isInstanceOf(JsonException.class)
                .hasMessageContaining("exponent");
        assertThat(obj("{\"x\":1.5e300}", 4)).containsKey("x");
        assertThatThrownBy(() -> obj("{\"x\":" + "9".repeat(200) + "}", 4)).isInstanceOf(JsonException.class);
    }

    @Test
    void syntaxErrorMessagesDoNotRepeatTheOffendingToken() {
        assertThatThrownBy(() -> obj("{\"d\":umQE3sOUrkq9TpLKhs}", 4)).isInstanceOf(JsonException.class)
                .message().doesNotContain("umQE3s");
    }

    @Test
    void limitsAndSyntaxErrorsAreReportedInTheSdksOwnWords() {
        String[] inputs = {
            "{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}",
            "{\"a\":1" + "0".repeat(5000) + "}",
            "{\"a\":-" + "1".repeat(200) + "}",
            "{\"a\":1." + "1".repeat(2000) + "}",
            "{\"" + "n".repeat(5000) + "\":1}",
            "{\"a\":\"\u0001\"}",
            "{\"a\":1,}",
            "{\"a\" 1}",
            "{\"a\":tru}",
            "{\"a\":[1}",
            "{\"a\":\"\\q\"}",
            "{\"a\":",
        };
        for (String in : inputs) {
            assertThatThrownBy(() -> obj(in, 1000)).isInstanceOfSatisfying(JsonException.class, e -> {
                assertThat(e.getMessage()).doesNotContainIgnoringCase("StreamReadConstraints")
                        .doesNotContainIgnoringCase("jackson").doesNotContain("`").doesNotContain("Source")
                        .doesNotContainIgnoringCase("exception").doesNotContain("(code");
            });
        }
        assertThatThrownBy(() -> obj(inputs[0], 1000)).isInstanceOfSatisfying(JsonException.class, e -> {
            assertThat(e.tooLarge()).isTrue();
            assertThat(e.getMessage()).isEqualTo("JSON nesting deeper than 256");
        });
        assertThatThrownBy(() -> obj(inputs[1], 1000)).isInstanceOfSatisfying(JsonException.class, e -> {
            assertThat(e.tooLarge()).isTrue();
            assertThat(e.getMessage()).isEqualTo("a JSON number longer than 100 characters");
        });
        assertThatThrownBy(() -> obj(inputs[4], 1000)).hasMessage("a JSON member name longer than 4096 characters");
        assertThatThrownBy(() -> obj(inputs[7], 1000)).hasMessageStartingWith("invalid JSON: ")
                .hasMessageContaining("line 1, column");
    }
}
