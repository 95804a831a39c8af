package org.zwfw.sdk.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * JSON on standard output: one compact object per result. Besides what JSON requires (C0
 * controls), every character {@link Display#unsafe} names (DEL, C1 controls, line separators,
 * bidirectional formatting) is written as a {@code \}{@code uXXXX} escape, so JSON printed on a
 * terminal cannot drive it; parsers read the same string. Thread-safe.
 */
final class JsonOutput {

    private static final ObjectMapper MAPPER = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    static {
        MAPPER.getFactory().setCharacterEscapes(new TerminalSafe());
    }

    private JsonOutput() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Indented JSON, lines separated by {@code \n}. */
    static String pretty(Object value) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value).replace("\r\n", "\n");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The standard escapes plus {@link Display#unsafe} characters. */
    private static final class TerminalSafe extends CharacterEscapes {

        private static final long serialVersionUID = 1L;

        private final int[] ascii;

        TerminalSafe() {
            ascii = standardAsciiEscapesForJSON();
            ascii[0x7f] = ESCAPE_CUSTOM;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return Display.unsafe(ch) ? new SerializedString(String.format("\\u%04x", ch)) : null;
        }
    }
}
