package org.zwfw.sdk.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 validation (RFC 3629): no overlong forms, no surrogates, nothing above U+10FFFF,
 * no byte-order mark, and no C0 control characters other than tab, line feed and carriage return
 * (none of which JSON allows unescaped inside strings). Stateless and thread-safe.
 *
 * <p>The validation is the JDK's UTF-8 decoder with {@link CodingErrorAction#REPORT}, which refuses
 * exactly the malformed forms above, plus the check for the byte-order mark and control bytes.
 * Only when either refuses does the byte-by-byte scan here run, to name the first problem and its
 * offset in the SDK's words. (A hand-written scan of eight bytes at a time used to do the
 * validation; in {@code sdk-bench}'s {@code ParsingBenchmark} the JDK's way cost under 0.5% of a
 * verification, so it was removed: {@code sdk-bench/README.md}.)
 */
public final class Utf8 {

    /** One decoder per thread: a {@link CharsetDecoder} is not thread-safe. */
    private static final ThreadLocal<CharsetDecoder> DECODER = ThreadLocal.withInitial(() ->
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT));

    private Utf8() {
    }

    /**
     * Checks {@code bytes}.
     *
     * @param bytes the bytes to check
     * @return {@code null} when valid, otherwise a message naming the problem and its offset
     */
    public static String problem(byte[] bytes) {
        return acceptable(bytes) ? null : explain(bytes);
    }

    /** The JDK's strict decoding, no byte-order mark, no control byte other than tab, LF and CR. */
    private static boolean acceptable(byte[] bytes) {
        int n = bytes.length;
        if (n >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            return false;
        }
        for (byte b : bytes) {
            if (b >= 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r') {
                return false;
            }
        }
        try {
            DECODER.get().reset().decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** The first problem of bytes found unacceptable, byte by byte, in the order they occur. */
    private static String explain(byte[] bytes) {
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
        // not reached while the JDK's decoder refuses exactly what this scan does; refused all the same
        return "invalid UTF-8";
    }
}
