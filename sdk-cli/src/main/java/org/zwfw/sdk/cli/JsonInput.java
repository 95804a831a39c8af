package org.zwfw.sdk.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/** Lenient JSON reading for routing decisions only; verifiers parse strictly themselves. */
final class JsonInput {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonInput() {
    }

    /** @return the JSON object, or {@code null} when the text is not one */
    static Map<String, Object> object(String text) {
        try {
            return MAPPER.readValue(text, new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
