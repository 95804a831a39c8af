package org.zwfw.sdk.internal;

import com.fasterxml.jackson.core.ErrorReportConfiguration;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Strict JSON for everything the SDK reads from outside: UTF-8 only (checked before parsing),
 * duplicate member names rejected, nesting depth bounded, one value with nothing after it.
 *
 * <p>Read by Jackson's streaming parser. A hand-written parser for the plain subset of tokens and
 * disclosures used to run first; {@code sdk-bench}'s {@code ParsingBenchmark} found it saved
 * about 2% of an ES256 token verification and under 2% of a presentation's (together with the
 * hand-written base64url and UTF-8 speed-ups), below the 3% that would justify a second parser,
 * so it was removed ({@code sdk-bench/README.md}).
 *
 * <p>Duplicate member names are detected while the object is built (one hash lookup per member,
 * no extra set). Values map to {@code Map<String,Object>} (insertion-ordered), {@code List<Object>},
 * {@code String}, {@code Long} or {@code BigInteger} for integers, {@code BigDecimal} for other
 * numbers, {@code Boolean} and {@code null}. The builder is iterative, so attacker input cannot
 * drive recursion. Thread-safe.
 */
public final class Json {

    /** Default maximum nesting depth of objects and arrays. */
    public static final int DEFAULT_MAX_DEPTH = 32;

    /** Hard cap on any JSON string value or member name, in characters. */
    static final int MAX_STRING_LENGTH = 1 << 20;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            // Messages must never repeat input text: it may be a private key or personal data.
            .errorReportConfiguration(ErrorReportConfiguration.builder().maxErrorTokenLength(0)
                    .maxRawContentLength(0).build())
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(JsonMessages.MAX_NESTING)
                    .maxStringLength(MAX_STRING_LENGTH)
                    .maxNumberLength(JsonMessages.MAX_NUMBER_CHARS)
                    .maxNameLength(JsonMessages.MAX_NAME_CHARS)
                    .build())
            .build();

    private static final ObjectMapper WRITER = new ObjectMapper(FACTORY)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private Json() {
    }

    /**
     * Parses a JSON object.
     *
     * @param bytes    UTF-8 bytes
     * @param maxDepth maximum nesting depth (the top-level object counts as 1)
     * @return the members, in document order
     * @throws JsonException if the bytes are not one strict JSON object within the limits
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parseObject(byte[] bytes, int maxDepth) {
        Object value = parse(bytes, maxDepth);
        if (!(value instanceof Map)) {
            throw new JsonException("expected a JSON object, found " + typeName(value), false);
        }
        return (Map<String, Object>) value;
    }

    /**
     * Parses a JSON object from text.
     *
     * @param text     the JSON text
     * @param maxDepth maximum nesting depth
     * @return the members, in document order
     * @throws JsonException if the text is not one strict JSON object within the limits
     */
    public static Map<String, Object> parseObject(String text, int maxDepth) {
        return parseObject(text.getBytes(StandardCharsets.UTF_8), maxDepth);
    }

    /**
     * Parses any JSON value.
     *
     * @param bytes    UTF-8 bytes
     * @param maxDepth maximum nesting depth
     * @return the value
     * @throws JsonException if the bytes are not one strict JSON value within the limits
     */
    public static Object parse(byte[] bytes, int maxDepth) {
        String utf8Problem = Utf8.problem(bytes);
        if (utf8Problem != null) {
            throw new JsonException("not strict UTF-8 JSON: " + utf8Problem, false);
        }
        return read(bytes, maxDepth);
    }

    /** Jackson's parser, building the values above; the bytes are strict UTF-8. */
    private static Object read(byte[] bytes, int maxDepth) {
        try (JsonParser p = FACTORY.createParser(bytes)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new JsonException("empty JSON input", false);
            }
            Object value = readValue(p, first, maxDepth);
            if (p.nextToken() != null) {
                throw new JsonException("data after the JSON value at " + where(p), false);
            }
            return value;
        } catch (StreamConstraintsException e) {
            throw new JsonException(JsonMessages.limit(e.getOriginalMessage(), maxDepth), true);
        } catch (JsonProcessingException e) {
            throw new JsonException("invalid JSON: " + JsonMessages.syntax(e.getOriginalMessage()) + " at " + where(e),
                    false);
        } catch (IOException e) {
            throw new JsonException("unreadable JSON", false);
        }
    }

    private static Object readValue(JsonParser p, JsonToken first, int maxDepth) throws IOException {
        if (first != JsonToken.START_OBJECT && first != JsonToken.START_ARRAY) {
            return scalar(p, first);
        }
        ArrayDeque<Object> stack = new ArrayDeque<>();
        Object root = open(first);
        stack.push(root);
        checkDepth(stack.size(), maxDepth, p);
        String pendingName = null;
        while (true) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new JsonException("truncated JSON", false);
            }
            if (t == JsonToken.FIELD_NAME) {
                pendingName = p.currentName();
                continue;
            }
            if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                stack.pop();
                if (stack.isEmpty()) {
                    return root;
                }
                continue;
            }
            boolean container = t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY;
            Object value = container ? open(t) : scalar(p, t);
            Object top = stack.peek();
            if (top instanceof Map) {
                if (!put(top, pendingName, value)) {
                    throw new JsonException("duplicate member name " + Texts.quote(pendingName) + " at " + where(p),
                            false);
                }
            } else {
                add(top, value);
            }
            if (container) {
                stack.push(value);
                checkDepth(stack.size(), maxDepth, p);
            }
        }
    }

    private static void checkDepth(int depth, int maxDepth, JsonParser p) {
        if (depth > maxDepth) {
            throw new JsonException("JSON nesting deeper than " + maxDepth + " at " + where(p), true);
        }
    }

    private static Object open(JsonToken t) {
        return t == JsonToken.START_OBJECT ? new LinkedHashMap<String, Object>() : new ArrayList<>();
    }

    /** Adds a member; {@code false} when the name is already present (RFC 8259 §4 leaves that open; we refuse). */
    @SuppressWarnings("unchecked")
    private static boolean put(Object map, String name, Object value) {
        Map<String, Object> m = (Map<String, Object>) map;
        int size = m.size();
        m.put(name, value);
        return m.size() != size;
    }

    @SuppressWarnings("unchecked")
    private static void add(Object list, Object value) {
        ((List<Object>) list).add(value);
    }

    private static Object scalar(JsonParser p, JsonToken t) throws IOException {
        switch (t) {
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT:
                try {
                    return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                            ? p.getBigIntegerValue() : (Object) p.getLongValue();
                } catch (NumberFormatException | ArithmeticException e) {
                    throw new JsonException("integer out of range at " + where(p), false);
                }
            case VALUE_NUMBER_FLOAT:
                return decimal(p);
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new JsonException("unexpected JSON token " + t + " at " + where(p), false);
        }
    }

    /** Largest decimal exponent accepted; beyond it a number is refused rather than kept. */
    static final int MAX_DECIMAL_EXPONENT = 1000;

    private static BigDecimal decimal(JsonParser p) throws IOException {
        BigDecimal d;
        try {
            d = p.getDecimalValue();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new JsonException("number out of range at " + where(p), false);
        }
        // 1e999999999 is a valid BigDecimal, but any later conversion of it to an integer would
        // take practically forever; no claim of this profile needs such a number.
        if (Math.abs((long) d.precision() - d.scale()) > MAX_DECIMAL_EXPONENT) {
            throw new JsonException("number exponent beyond " + MAX_DECIMAL_EXPONENT + " at " + where(p), false);
        }
        return d;
    }

    private static String where(JsonParser p) {
        return "line " + p.currentLocation().getLineNr() + ", column " + p.currentLocation().getColumnNr();
    }

    private static String where(JsonProcessingException e) {
        return e.getLocation() == null ? "unknown position"
                : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    }

    /**
     * Names the JSON type of a parsed value, for messages.
     *
     * @param value a value produced by this class
     * @return {@code object}, {@code array}, {@code string}, {@code number}, {@code boolean} or {@code null}
     */
    public static String typeName(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Map) {
            return "object";
        }
        if (value instanceof List) {
            return "array";
        }
        if (value instanceof String) {
            return "string";
        }
        if (value instanceof Boolean) {
            return "boolean";
        }
        return "number";
    }

    /**
     * Serializes maps, lists, strings, numbers, booleans and {@code null} to compact JSON.
     *
     * @param value the value
     * @return UTF-8 JSON bytes
     */
    public static byte[] write(Object value) {
        try {
            return WRITER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("value cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Serializes to compact JSON text.
     *
     * @param value the value
     * @return the JSON text
     */
    public static String writeString(Object value) {
        return new String(write(value), StandardCharsets.UTF_8);
    }

    /**
     * Serializes to indented JSON text, for people.
     *
     * @param value the value
     * @return the JSON text
     */
    public static String writePretty(Object value) {
        try {
            return WRITER.writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("value cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
