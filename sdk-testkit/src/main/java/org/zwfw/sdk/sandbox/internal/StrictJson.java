package org.zwfw.sdk.sandbox.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.zwfw.sdk.verify.OutcomeCode;

/**
 * JSON for the sandbox's requests and responses. Reading is strict (security.md, "input
 * hygiene"): UTF-8 only, no byte-order mark, duplicate member names refused, nothing after the
 * value, nesting at most {@value #MAX_DEPTH} deep, strings at most {@value #MAX_STRING} characters,
 * numbers at most {@value #MAX_NUMBER} digits. Failures become problems ({@code MALFORMED} or
 * {@code TOO_LARGE}) whose detail gives the position, never the offending text. Writing is
 * indented (people read these documents with curl). Thread-safe.
 */
public final class StrictJson {

    /** Deepest nesting of arrays and objects accepted in a request. */
    public static final int MAX_DEPTH = 16;
    /** Longest string accepted in a request, in characters. */
    public static final int MAX_STRING = 16_384;
    /** Longest number accepted in a request, in characters. */
    public static final int MAX_NUMBER = 32;

    private static final ObjectMapper READER = JsonMapper.builder(JsonFactory.builder()
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
                            .maxStringLength(MAX_STRING).maxNumberLength(MAX_NUMBER).build())
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final ObjectMapper WRITER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private StrictJson() {
    }

    /**
     * Parses a request body that must be one JSON object.
     *
     * @param body the body bytes
     * @return the object
     * @throws ProblemException {@code MALFORMED} (not UTF-8, a byte-order mark, empty, not JSON,
     *                          duplicate member names, not an object) or {@code TOO_LARGE}
     *                          (nesting, string or number beyond the limits)
     */
    public static JsonNode parseObject(byte[] body) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw malformed("the body is not UTF-8");
        }
        if (text.startsWith("\uFEFF")) {
            throw malformed("the body starts with a byte-order mark; send plain UTF-8");
        }
        if (text.isBlank()) {
            throw malformed("the body is empty; a JSON object is expected");
        }
        JsonNode node;
        try {
            node = READER.readTree(text);
        } catch (StreamConstraintsException e) {
            throw Problem.invalidRequest(OutcomeCode.TOO_LARGE, null, "the JSON body exceeds a limit (nesting at most "
                    + MAX_DEPTH + " deep, strings at most " + MAX_STRING + " characters, numbers at most " + MAX_NUMBER
                    + " characters)").exception();
        } catch (JsonProcessingException e) {
            // Jackson's messages quote the offending input; only the position and kind are passed on.
            String what = e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate")
                    ? "a member name appears twice in one object" : "the body is not valid JSON";
            throw malformed(what + at(e.getLocation()));
        }
        if (node == null || !node.isObject()) {
            throw malformed("the body must be a JSON object");
        }
        return node;
    }

    /**
     * @param value maps, lists, strings, numbers and booleans
     * @return indented UTF-8 JSON with a final line break
     */
    public static byte[] write(Object value) {
        try {
            byte[] json = WRITER.writeValueAsBytes(value);
            byte[] out = new byte[json.length + 1];
            System.arraycopy(json, 0, out, 0, json.length);
            out[json.length] = '\n';
            return out;
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param value maps, lists, strings, numbers and booleans
     * @return compact JSON text
     */
    public static String writeCompact(Object value) {
        try {
            return READER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Parses trusted JSON (the sandbox's own state files) into plain Java values.
     *
     * @param text the JSON text
     * @return the tree
     * @throws IOException when it is not JSON
     */
    public static JsonNode readTrusted(String text) throws IOException {
        return READER.readTree(text);
    }

    /**
     * @param value maps, lists, strings, numbers and booleans
     * @return the value as a JSON tree
     */
    public static JsonNode toTree(Object value) {
        return READER.valueToTree(value);
    }

    /**
     * Converts an object node to plain Java values (maps, lists, strings, numbers).
     *
     * @param node an object node
     * @return a map
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> toMap(JsonNode node) {
        return READER.convertValue(node, Map.class);
    }

    /**
     * Untrusted text made safe to put in a message: quoted, control and non-ASCII characters
     * escaped, cut to 64 characters.
     *
     * @param untrusted text from a request (a member name, a path segment)
     * @return the quoted text
     */
    public static String quote(String untrusted) {
        StringBuilder sb = new StringBuilder("'");
        int n = Math.min(untrusted.length(), 64);
        for (int i = 0; i < n; i++) {
            char c = untrusted.charAt(i);
            if (c >= 0x20 && c < 0x7F && c != '\'' && c != '\\') {
                sb.append(c);
            } else {
                sb.append(String.format("\\u%04x", (int) c));
            }
        }
        return sb.append(untrusted.length() > n ? "'..." : "'").toString();
    }

    private static String at(JsonLocation loc) {
        if (loc == null || loc.getLineNr() < 1) {
            return "";
        }
        return " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")";
    }

    private static ProblemException malformed(String detail) {
        return Problem.invalidRequest(OutcomeCode.MALFORMED, null, detail).exception();
    }
}
