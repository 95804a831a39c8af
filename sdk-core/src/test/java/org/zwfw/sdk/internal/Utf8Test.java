package org.zwfw.sdk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8Test {

    private static byte[] b(int... v) {
        byte[] out = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (byte) v[i];
        }
        return out;
    }

    @Test
    void acceptsWellFormedTextIncludingSupplementaryCharacters() {
        assertThat(Utf8.problem("{\"name\":\"张三\",\"x\":\"\uD840\uDC0B\"}\n\t".getBytes(StandardCharsets.UTF_8))).isNull();
    }

    @Test
    void rejectsOverlongSurrogatesOutOfRangeTruncatedAndBom() {
        assertThat(Utf8.problem(b(0xC0, 0xAF))).contains("lead byte");
        assertThat(Utf8.problem(b(0xE0, 0x80, 0xAF))).contains("overlong");
        assertThat(Utf8.problem(b(0xED, 0xA0, 0x80))).contains("surrogate");
        assertThat(Utf8.problem(b(0xF4, 0x90, 0x80, 0x80))).contains("above U+10FFFF");
        assertThat(Utf8.problem(b(0xE4, 0xB8))).contains("truncated");
        assertThat(Utf8.problem(b(0xE4, 0x41, 0x41))).contains("continuation");
        assertThat(Utf8.problem(b(0xEF, 0xBB, 0xBF, '{', '}'))).contains("byte-order mark");
        assertThat(Utf8.problem(b('{', 0, '}'))).contains("control character");
    }
}
