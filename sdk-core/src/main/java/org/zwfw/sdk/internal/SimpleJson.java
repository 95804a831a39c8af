package org.zwfw.sdk.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fast path of {@link Json#parse}: reads the plain subset of JSON that tokens, disclosures and
 * keys are made of (objects, arrays, strings without escapes, integers of at most 18 digits,
 * {@code true}, {@code false}, {@code null}) into exactly the values the full parser builds, and
 * gives up on anything else: an escape, a fraction or exponent, a longer integer, a duplicate
 * member name, nesting deeper than allowed, and every syntax error. {@link Json} then parses the
 * same bytes with Jackson, which accepts or reports them as it always has; so this class decides
 * nothing, it only saves the parser's set-up and copying on the common case.
 *
 * <p>The bytes must have passed {@link Utf8#problem} (strict UTF-8, no control characters other
 * than tab, line feed and carriage return), which this class relies on when it decodes a string.
 * Recursion is bounded by the depth limit (at most 64 in the SDK). Stateless between calls;
 * thread-safe.
 */
final class SimpleJson {

    /** Returned when the input is outside the subset, or not JSON at all: parse it fully. */
    static final Object UNHANDLED = new Object();

    /**
     * Larger inputs go to the full parser, which enforces the string length limit; below this no
     * string can reach it.
     */
    static final int MAX_INPUT_BYTES = 1 << 20;

    /** Longer member names go to the full parser, which enforces the name length limit. */
    static final int MAX_NAME_BYTES = 1024;

    /** Most decimal digits read here: every such integer fits a {@code long}. */
    private static final int MAX_DIGITS = 18;

    /** Thrown (preallocated, without stack trace) to leave the subset. */
    private static final class Unhandled extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unhandled() {
            super(null, null, false, false);
        }
    }

    private static final Unhandled UNHANDLED_INPUT = new Unhandled();

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long SPACES = 0x2020202020202020L;
    private static final long QUOTES = 0x2222222222222222L;
    private static final long BACKSLASHES = 0x5C5C5C5C5C5C5C5CL;

    /**
     * Member names seen before, so that the same name ({@code alg}, {@code iat}, {@code _sd}...)
     * is one String with its hash computed once rather than a new one per token. Direct-mapped
     * by a hash of the bytes, replaced on a miss; entries are immutable, so unsynchronised reads
     * see either a whole entry or none. Only short ASCII names are kept.
     */
    private static final Name[] NAMES = new Name[256];
    private static final int MAX_CACHED_NAME = 32;

    private static final class Name {
        final byte[] bytes;
        final String text;

        Name(byte[] bytes, String text) {
            this.bytes = bytes;
            this.text = text;
        }
    }

    private final byte[] b;
    private final int n;
    private final int maxDepth;
    private int pos;

    private SimpleJson(byte[] bytes, int maxDepth) {
        this.b = bytes;
        this.n = bytes.length;
        this.maxDepth = maxDepth;
    }

    /**
     * @param bytes    strict UTF-8 (checked by {@link Utf8#problem})
     * @param maxDepth the nesting limit, as for {@link Json#parse}
     * @return the value, or {@link #UNHANDLED}
     */
    static Object parse(byte[] bytes, int maxDepth) {
        if (bytes.length > MAX_INPUT_BYTES) {
            return UNHANDLED;
        }
        SimpleJson p = new SimpleJson(bytes, maxDepth);
        try {
            p.skipWhitespace();
            Object value = p.value(1);
            p.skipWhitespace();
            return p.pos == p.n ? value : UNHANDLED;
        } catch (Unhandled | IndexOutOfBoundsException e) {
            return UNHANDLED;
        }
    }

    private static Unhandled unhandled() {
        return UNHANDLED_INPUT;
    }

    private void skipWhitespace() {
        while (pos < n) {
            byte c = b[pos];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return;
            }
            pos++;
        }
    }

    /** A value starting at {@code pos}; {@code depth} is the depth a container here would have. */
    private Object value(int depth) {
        if (pos >= n) {
            throw unhandled();
        }
        byte c = b[pos];
        switch (c) {
            case '{':
                return object(depth);
            case '[':
                return array(depth);
            case '"':
                return string(Integer.MAX_VALUE);
            case 't':
                literal("true");
                return Boolean.TRUE;
            case 'f':
                literal("false");
                return Boolean.FALSE;
            case 'n':
                literal("null");
                return null;
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return integer();
                }
                throw unhandled();
        }
    }

    private Map<String, Object> object(int depth) {
        if (depth > maxDepth) {
            throw unhandled();
        }
        pos++;
        Map<String, Object> m = new LinkedHashMap<>();
        skipWhitespace();
        if (pos < n && b[pos] == '}') {
            pos++;
            return m;
        }
        while (true) {
            if (pos >= n || b[pos] != '"') {
                throw unhandled();
            }
            String name = name();
            skipWhitespace();
            if (pos >= n || b[pos] != ':') {
                throw unhandled();
            }
            pos++;
            skipWhitespace();
            Object v = value(depth + 1);
            int size = m.size();
            m.put(name, v);
            if (m.size() == size) {
                throw unhandled(); // duplicate name: the full parser reports it with its position
            }
            skipWhitespace();
            if (pos >= n) {
                throw unhandled();
            }
            byte c = b[pos++];
            if (c == '}') {
                return m;
            }
            if (c != ',') {
                throw unhandled();
            }
            skipWhitespace();
        }
    }

    private List<Object> array(int depth) {
        if (depth > maxDepth) {
            throw unhandled();
        }
        pos++;
        List<Object> list = new ArrayList<>();
        skipWhitespace();
        if (pos < n && b[pos] == ']') {
            pos++;
            return list;
        }
        while (true) {
            list.add(value(depth + 1));
            skipWhitespace();
            if (pos >= n) {
                throw unhandled();
            }
            byte c = b[pos++];
            if (c == ']') {
                return list;
            }
            if (c != ',') {
                throw unhandled();
            }
            skipWhitespace();
        }
    }

    /** A string without escapes starting at the quote at {@code pos}. */
    private String string(int maxBytes) {
        int start = pos + 1;
        int i = start;
        boolean ascii = true;
        // Eight bytes at a time while all are printable ASCII other than '"' and '\\': a quote or
        // backslash makes a zero byte in q or s, which (v - ONES) & ~v & HIGH_BITS detects; a byte
        // outside 0x20..0x7F is detected as in Utf8. The loop below decides on the rest.
        while (i + 8 <= n) {
            long w = (long) LONGS.get(b, i);
            long q = w ^ QUOTES;
            long s = w ^ BACKSLASHES;
            long stop = ((q - ONES) & ~q) | ((s - ONES) & ~s) | w | (w - SPACES);
            if ((stop & HIGH_BITS) != 0) {
                break;
            }
            i += 8;
        }
        while (true) {
            if (i >= n) {
                throw unhandled();
            }
            byte c = b[i];
            if (c == '"') {
                break;
            }
            if (c == '\\' || (c >= 0 && c < 0x20)) {
                throw unhandled();
            }
            if (c < 0) {
                ascii = false;
            }
            i++;
        }
        int len = i - start;
        if (len > maxBytes) {
            throw unhandled();
        }
        pos = i + 1;
        // A quote never occurs inside a multi-byte sequence, so the bytes between quotes are
        // whole UTF-8 sequences, valid because the input passed Utf8.problem.
        return new String(b, start, len, ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
    }

    /** A member name: a string, taken from the name cache when it is a short ASCII one seen before. */
    private String name() {
        int start = pos + 1;
        int i = start;
        int h = 0;
        int limit = Math.min(n, start + MAX_CACHED_NAME);
        while (i < limit) {
            byte c = b[i];
            if (c == '"') {
                break;
            }
            if (c < 0x20 || c == '\\') {
                return string(MAX_NAME_BYTES); // non-ASCII, control or escape: the general path decides
            }
            h = 31 * h + c;
            i++;
        }
        if (i == limit) {
            return string(MAX_NAME_BYTES); // longer than cached names, or unterminated
        }
        int slot = (h ^ (h >>> 8)) & (NAMES.length - 1);
        Name cached = NAMES[slot];
        pos = i + 1;
        if (cached != null && Arrays.equals(cached.bytes, 0, cached.bytes.length, b, start, i)) {
            return cached.text;
        }
        byte[] bytes = Arrays.copyOfRange(b, start, i);
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        NAMES[slot] = new Name(bytes, text);
        return text;
    }

    private void literal(String word) {
        int len = word.length();
        if (pos + len > n) {
            throw unhandled();
        }
        for (int k = 0; k < len; k++) {
            if (b[pos + k] != word.charAt(k)) {
                throw unhandled();
            }
        }
        pos += len;
    }

    /** An integer: optional minus, then 0 or a digit 1-9 followed by digits; at most 18 digits. */
    private Long integer() {
        boolean negative = b[pos] == '-';
        if (negative) {
            pos++;
        }
        int start = pos;
        long v = 0;
        while (pos < n) {
            int d = b[pos] - '0';
            if (d < 0 || d > 9) {
                break;
            }
            v = v * 10 + d;
            pos++;
            if (pos - start > MAX_DIGITS) {
                throw unhandled();
            }
        }
        int digits = pos - start;
        if (digits == 0 || (digits > 1 && b[start] == '0')) {
            throw unhandled(); // no digit, or a leading zero
        }
        if (pos < n && (b[pos] == '.' || b[pos] == 'e' || b[pos] == 'E')) {
            throw unhandled(); // not an integer: the full parser decides its type
        }
        return negative ? -v : v;
    }
}
