package org.zwfw.sdk.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Strict UTF-8 validation (RFC 3629): no overlong forms, no surrogates, nothing above U+10FFFF,
 * no byte-order mark, and no C0 control characters other than tab, line feed and carriage return
 * (none of which JSON allows unescaped inside strings). Stateless and thread-safe.
 */
public final class Utf8 {

    /** Eight bytes at a time, in any byte order: only whether each byte is plain ASCII matters. */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long SPACES = 0x2020202020202020L;

    private Utf8() {
    }

    /**
     * Checks {@code bytes}.
     *
     * @param bytes the bytes to check
     * @return {@code null} when valid, otherwise a message naming the problem and its offset
     */
    public static String problem(byte[] bytes) {
        int n = bytes.length;
        if (n >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            return "byte-order mark at offset 0 is not allowed";
        }
        int i = 0;
        while (i < n) {
            // Fast path: skip 8 bytes at once while all of them are in 0x20..0x7F. A byte of 0x80 or
            // more sets its high bit in w; a byte below 0x20 (and no byte above 0x7F) borrows in
            // w - SPACES and so sets a high bit there. The byte-by-byte checks below decide the rest.
            while (i + 8 <= n) {
                long w = (long) LONGS.get(bytes, i);
                if (((w | (w - SPACES)) & HIGH_BITS) != 0) {
                    break;
                }
                i += 8;
            }
            if (i >= n) {
                break;
            }
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
