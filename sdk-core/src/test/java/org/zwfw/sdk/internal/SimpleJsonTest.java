package org.zwfw.sdk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The fast path must never accept what Jackson refuses, and must build exactly what Jackson builds
 * (types, values, member order) for what it accepts: checked on random JSON and random damage to it.
 */
class SimpleJsonTest {

    private static final String[] STRINGS = {"", "a", "alg", "ES256", "dc+sd-jwt", "张三", "食品经营许可证", "\uD83D\uDE00",
        "with space", "tab\\there", "quote\\\"", "back\\\\slash", "\\u00e9", "slash/", "\u007f", "é", "x".repeat(70)};
    private static final String[] NUMBERS = {"0", "-0", "1", "-1", "42", "1777708800", "999999999999999999",
        "-999999999999999999", "1000000000000000000", "9223372036854775807", "-9223372036854775808",
        "9223372036854775808", "12345678901234567890123", "1.5", "-0.0", "1e3", "1E-3", "2.5e+10", "01", "-01", "00",
        "0.0000001"};
    private static final String[] WHITESPACE = {"", "", "", " ", "\n", "\r\n", "\t", "  "};
    private static final String DAMAGE = "{}[],:\"\\ \t\n1-0.eEtfnul/*'x\u00e9\u5f20";

    @Test
    void agreesWithJacksonOnRandomJsonAndRandomDamage() {
        Random r = new Random(20261128);
        int handled = 0;
        int valid = 0;
        for (int i = 0; i < 30_000; i++) {
            StringBuilder sb = new StringBuilder();
            value(r, sb, 0);
            String text = sb.toString();
            if (r.nextInt(3) == 0) {
                text = damage(r, text);
            }
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            if (Utf8.problem(bytes) != null) {
                continue; // refused before either parser runs
            }
            int maxDepth = 1 + r.nextInt(6);
            Object fast = SimpleJson.parse(bytes, maxDepth);
            Object full;
            try {
                full = Json.parseWithJackson(bytes, maxDepth);
                valid++;
            } catch (JsonException e) {
                assertThat(fast).as("accepted what Jackson refuses (%s): %s", e.getMessage(), text)
                        .isSameAs(SimpleJson.UNHANDLED);
                continue;
            }
            if (fast != SimpleJson.UNHANDLED) {
                handled++;
                assertThat(describe(fast)).as(text).isEqualTo(describe(full));
            }
        }
        // the test means something only if both outcomes occur often
        assertThat(valid).isGreaterThan(10_000);
        assertThat(handled).isGreaterThan(valid / 4).isLessThan(valid);
    }

    @Test
    void takesTheUsualTokenPartsAndLeavesTheRestToJackson() {
        assertThat(SimpleJson.parse(bytes("{\"alg\":\"ES256\",\"kid\":\"k-1\",\"typ\":\"dc+sd-jwt\"}"), 16))
                .isEqualTo(Map.of("alg", "ES256", "kid", "k-1", "typ", "dc+sd-jwt"));
        assertThat(SimpleJson.parse(bytes("[\"salt\", \"holder_name\", \"张三\"]"), 16))
                .isEqualTo(List.of("salt", "holder_name", "张三"));
        assertThat(SimpleJson.parse(bytes("{\"iat\":1777708800,\"n\":-0,\"a\":[true,false,null,{}]}"), 16))
                .isEqualTo(Json.parseWithJackson(bytes("{\"iat\":1777708800,\"n\":-0,\"a\":[true,false,null,{}]}"), 16));
        for (String other : new String[] {"{\"a\":1,\"a\":2}", "{\"a\":\"\\n\"}", "[1.5]", "[1e3]", "[01]",
            "[12345678901234567890]", "[[[]]]", "{\"a\":1,}", "[1 2]", "", " ", "{} {}", "tru", "nulll", "[-]",
            "{\"" + "n".repeat(SimpleJson.MAX_NAME_BYTES + 1) + "\":1}"}) {
            assertThat(SimpleJson.parse(bytes(other), 2)).as(other).isSameAs(SimpleJson.UNHANDLED);
        }
    }

    @Test
    void findsTheEndOfAStringAndAnyEscapeAtEveryPosition() {
        String[] specials = {"\\n", "\\\"", "\u00e9", "\u5f20", "\u007f", "\"", "\t"};
        for (int len = 0; len < 40; len++) {
            for (int at = 0; at <= len; at++) {
                for (String special : specials) {
                    String body = "a".repeat(at) + special + "b".repeat(len - at);
                    for (String text : new String[] {"[\"" + body + "\"]", "{\"" + body + "\":1}", "\"" + body + "\"  "}) {
                        byte[] bytes = bytes(text);
                        if (Utf8.problem(bytes) != null) {
                            continue;
                        }
                        Object fast = SimpleJson.parse(bytes, 4);
                        Object full;
                        try {
                            full = Json.parseWithJackson(bytes, 4);
                        } catch (JsonException e) {
                            assertThat(fast).as(text).isSameAs(SimpleJson.UNHANDLED);
                            continue;
                        }
                        if (fast != SimpleJson.UNHANDLED) {
                            assertThat(describe(fast)).as(text).isEqualTo(describe(full));
                        }
                    }
                }
                String plain = "{\"" + "k".repeat(len) + "\":\"" + "v".repeat(at) + "\"}";
                assertThat(SimpleJson.parse(bytes(plain), 4)).as(plain).isEqualTo(Json.parseWithJackson(bytes(plain), 4));
            }
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static void value(Random r, StringBuilder sb, int depth) {
        int kind = r.nextInt(depth > 4 ? 6 : 9);
        ws(r, sb);
        switch (kind) {
            case 0:
            case 1:
                sb.append('"').append(STRINGS[r.nextInt(STRINGS.length)]).append('"');
                break;
            case 2:
            case 3:
                sb.append(NUMBERS[r.nextInt(NUMBERS.length)]);
                break;
            case 4:
                sb.append(new String[] {"true", "false", "null"}[r.nextInt(3)]);
                break;
            case 5:
                sb.append('"').append(STRINGS[r.nextInt(STRINGS.length)]).append(STRINGS[r.nextInt(STRINGS.length)])
                        .append('"');
                break;
            case 6:
            case 7: {
                sb.append('{');
                int members = r.nextInt(5);
                for (int i = 0; i < members; i++) {
                    if (i > 0) {
                        sb.append(',');
                    }
                    ws(r, sb);
                    // few names, so that duplicates occur
                    sb.append('"').append(r.nextInt(4) == 0 ? STRINGS[r.nextInt(STRINGS.length)]
                            : "k" + r.nextInt(6)).append('"');
                    ws(r, sb);
                    sb.append(':');
                    value(r, sb, depth + 1);
                }
                ws(r, sb);
                sb.append('}');
                break;
            }
            default: {
                sb.append('[');
                int elements = r.nextInt(5);
                for (int i = 0; i < elements; i++) {
                    if (i > 0) {
                        sb.append(',');
                    }
                    value(r, sb, depth + 1);
                }
                ws(r, sb);
                sb.append(']');
            }
        }
        ws(r, sb);
    }

    private static void ws(Random r, StringBuilder sb) {
        sb.append(WHITESPACE[r.nextInt(WHITESPACE.length)]);
    }

    private static String damage(Random r, String text) {
        StringBuilder sb = new StringBuilder(text);
        int edits = 1 + r.nextInt(3);
        for (int k = 0; k < edits; k++) {
            int at = sb.length() == 0 ? 0 : r.nextInt(sb.length() + 1);
            char c = DAMAGE.charAt(r.nextInt(DAMAGE.length()));
            switch (r.nextInt(3)) {
                case 0:
                    sb.insert(at, c);
                    break;
                case 1:
                    if (at < sb.length()) {
                        sb.deleteCharAt(at);
                    }
                    break;
                default:
                    if (at < sb.length()) {
                        sb.setCharAt(at, c);
                    }
            }
        }
        return sb.toString();
    }

    /** Type, value and member order, recursively. */
    private static String describe(Object v) {
        if (v instanceof Map) {
            StringBuilder sb = new StringBuilder(v.getClass().getSimpleName()).append('{');
            for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                sb.append(describe(e.getKey())).append('=').append(describe(e.getValue())).append(',');
            }
            return sb.append('}').toString();
        }
        if (v instanceof List) {
            StringBuilder sb = new StringBuilder(v.getClass().getSimpleName()).append('[');
            for (Object o : (List<?>) v) {
                sb.append(describe(o)).append(',');
            }
            return sb.append(']').toString();
        }
        return v == null ? "null" : v.getClass().getSimpleName() + ":" + v;
    }
}
