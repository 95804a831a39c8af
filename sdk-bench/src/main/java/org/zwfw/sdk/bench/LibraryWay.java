package org.zwfw.sdk.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * The library way of the three strict decodings a verification does, as the baseline of
 * {@link ParsingBenchmark}: what the SDK's hand-written code would be replaced by, with the same
 * strictness (not the same messages: only whether the input is accepted matters here).
 *
 * <ul>
 *   <li>base64url: {@code java.util.Base64}'s URL decoder on the segment, plus the two checks it
 *       does not make: no padding and canonical trailing bits (RFC 7515 §2);</li>
 *   <li>UTF-8: a {@link CharsetDecoder} with {@link CodingErrorAction#REPORT}, plus the checks the
 *       SDK adds for JSON: no byte-order mark, no C0 control character other than tab, line feed
 *       and carriage return;</li>
 *   <li>JSON: Jackson's {@link ObjectMapper} into maps and lists with duplicate member names
 *       refused ({@link JsonParser.Feature#STRICT_DUPLICATE_DETECTION}), nesting bounded
 *       ({@link StreamReadConstraints}) and integers as {@code Long}, as the SDK keeps them.</li>
 * </ul>
 * Each instance keeps its decoder; one per thread.
 */
final class LibraryWay {

    private static final Base64.Decoder URL = Base64.getUrlDecoder();

    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ObjectMapper json;

    LibraryWay(int maxDepth) {
        JsonFactory f = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(maxDepth).build()).build();
        json = new ObjectMapper(f).enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.USE_LONG_FOR_INTS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** Strict base64url of {@code ascii[from, to)}. */
    byte[] base64url(byte[] ascii, int from, int to) {
        int len = to - from;
        if (len > 0 && ascii[to - 1] == '=') {
            throw new IllegalArgumentException("padding");
        }
        byte[] out = URL.decode(from == 0 && to == ascii.length ? ascii : Arrays.copyOfRange(ascii, from, to));
        int rem = len & 3;
        if (rem == 2 && (value(ascii[to - 1]) & 0x0F) != 0 || rem == 3 && (value(ascii[to - 1]) & 0x03) != 0) {
            throw new IllegalArgumentException("non-canonical trailing bits");
        }
        return out;
    }

    private static int value(byte c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        return c == '-' ? 62 : 63;
    }

    /** Strict UTF-8 for JSON; {@code true} when the bytes are acceptable. */
    boolean utf8(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            return false;
        }
        CharBuffer chars;
        try {
            chars = utf8.reset().decode(ByteBuffer.wrap(bytes));
        } catch (CharacterCodingException e) {
            return false;
        }
        for (int i = 0, n = chars.length(); i < n; i++) {
            char c = chars.get(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return false;
            }
        }
        return true;
    }

    /** Strict JSON (any value) from UTF-8 bytes already checked. */
    Object json(byte[] bytes) {
        try {
            return json.readValue(bytes, Object.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("not strict JSON", e);
        }
    }
}
