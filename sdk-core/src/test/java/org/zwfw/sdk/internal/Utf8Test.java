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

    @Test
    void agreesWithAByteByByteReference() {
        java.util.Random r = new java.util.Random(11);
        int[][] pieces = {{'a'}, {'Z'}, {' '}, {0x7F}, {'\t'}, {'\n'}, {'\r'}, {0}, {0x1F}, {0xC3, 0xA9}, {0xE5, 0xBC, 0xA0},
            {0xF0, 0x9F, 0x98, 0x80}, {0xC0, 0xAF}, {0xED, 0xA0, 0x80}, {0xE4, 0xB8}, {0x80}, {0xFF}, {0xEF, 0xBB, 0xBF}};
        for (int n = 0; n < 20000; n++) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            int parts = r.nextInt(40);
            for (int i = 0; i < parts; i++) {
                // mostly printable ASCII, as in real JSON, so that long runs take the fast path
                int[] p = r.nextInt(10) < 8 ? pieces[r.nextInt(3)] : pieces[r.nextInt(pieces.length)];
                for (int v : p) {
                    out.write(v);
                }
            }
            byte[] bytes = out.toByteArray();
            assertThat(Utf8.problem(bytes)).as(java.util.Arrays.toString(bytes)).isEqualTo(reference(bytes));
        }
    }

    @Test
    void agreesWithTheReferenceOnRandomBytesOfEveryValue() {
        // the JDK's decoder decides and the scan names: they must refuse exactly the same bytes
        java.util.Random r = new java.util.Random(23);
        int[][] pieces = {{0xF4, 0x8F, 0xBF, 0xBF}, {0xF4, 0x90, 0x80, 0x80}, {0xF0, 0x80, 0x80, 0x80},
            {0xF0, 0x90, 0x80, 0x80}, {0xE0, 0x80, 0xAF}, {0xE0, 0xA0, 0x80}, {0xED, 0x9F, 0xBF}, {0xEE, 0x80, 0x80},
            {0xC1, 0xBF}, {0xC2, 0x80}, {0xF5, 0x80, 0x80, 0x80}, {0xEF, 0xBF, 0xBF}, {0xEF, 0xBB, 0xBF}};
        for (int n = 0; n < 20000; n++) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            int parts = r.nextInt(12);
            for (int i = 0; i < parts; i++) {
                if (r.nextBoolean()) {
                    for (int v : pieces[r.nextInt(pieces.length)]) {
                        out.write(v);
                    }
                } else {
                    out.write(r.nextInt(3) == 0 ? r.nextInt(256) : 0x20 + r.nextInt(0x60));
                }
            }
            byte[] bytes = out.toByteArray();
            assertThat(Utf8.problem(bytes)).as(java.util.Arrays.toString(bytes)).isEqualTo(reference(bytes));
        }
    }

    @Test
    void findsAProblemInAnyPositionOfALongAsciiRun() {
        for (int len = 1; len < 40; len++) {
            for (int at = 0; at < len; at++) {
                byte[] bytes = new byte[len];
                java.util.Arrays.fill(bytes, (byte) 'a');
                bytes[at] = 1;
                assertThat(Utf8.problem(bytes)).isEqualTo(String.format("control character U+0001 at offset %d", at));
                bytes[at] = (byte) 0x80;
                assertThat(Utf8.problem(bytes)).isEqualTo(String.format("invalid UTF-8 lead byte 0x80 at offset %d", at));
            }
        }
    }

    /** The byte-by-byte check as it was before the word-at-a-time fast path. */
    private static String reference(byte[] bytes) {
        int n = bytes.length;
        if (n >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            return "byte-order mark at offset 0 is not allowed";
        }
        int i = 0;
        while (i < n) {
            int b = bytes[i];
            if (b >= 0) {
                if (b < 0x20 && b != '\t' && b != '\n' && b != '\r') {
                    return String.format("control character U+%04X at offset %d", b, i);
                }
                i++;
                continue;
            }
            b &= 0xFF;
            int need;
            int min;
            int cp;
            if (b >= 0xC2 && b <= 0xDF) {
                need = 1;
                min = 0x80;
                cp = b & 0x1F;
            } else if (b >= 0xE0 && b <= 0xEF) {
                need = 2;
                min = 0x800;
                cp = b & 0x0F;
            } else if (b >= 0xF0 && b <= 0xF4) {
                need = 3;
                min = 0x10000;
                cp = b & 0x07;
            } else {
                return String.format("invalid UTF-8 lead byte 0x%02X at offset %d", b, i);
            }
            if (i + need >= n) {
                return "truncated UTF-8 sequence at offset " + i;
            }
            for (int k = 1; k <= need; k++) {
                int c = bytes[i + k] & 0xFF;
                if ((c & 0xC0) != 0x80) {
                    return String.format("invalid UTF-8 continuation byte 0x%02X at offset %d", c, i + k);
                }
                cp = (cp << 6) | (c & 0x3F);
            }
            if (cp < min) {
                return "overlong UTF-8 encoding at offset " + i;
            }
            if (cp >= 0xD800 && cp <= 0xDFFF) {
                return "UTF-8 encoded surrogate at offset " + i;
            }
            if (cp > 0x10FFFF) {
                return "code point above U+10FFFF at offset " + i;
            }
            i += need + 1;
        }
        return null;
    }
}
