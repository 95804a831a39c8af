package org.zwfw.sdk.internal;

import java.util.Locale;

/**
 * Says what is wrong with JSON in the SDK's own words. The parser's messages name its classes
 * and settings ({@code StreamReadConstraints.getMaxNumberLength()}), which mean nothing to a
 * user of the SDK and would tie every message to one library version; so each message the
 * parser can give is mapped to a short plain sentence here, and unknown ones to a generic one.
 */
final class JsonMessages {

    /** The limits {@link Json} sets on the parser, stated in messages. */
    static final int MAX_NUMBER_CHARS = 100;
    static final int MAX_NAME_CHARS = 4096;
    static final int MAX_NESTING = 256;

    private JsonMessages() {
    }

    /**
     * @param parserMessage the parser's message for a broken limit, may be {@code null}
     * @param maxDepth      the nesting limit of this parse
     * @return the SDK's sentence for it
     */
    static String limit(String parserMessage, int maxDepth) {
        String m = parserMessage == null ? "" : parserMessage.toLowerCase(Locale.ROOT);
        if (m.contains("nesting depth")) {
            return "JSON nesting deeper than " + Math.min(maxDepth, MAX_NESTING);
        }
        if (m.contains("number value length") || m.contains("number length")) {
            return "a JSON number longer than " + MAX_NUMBER_CHARS + " characters";
        }
        if (m.contains("name length")) {
            return "a JSON member name longer than " + MAX_NAME_CHARS + " characters";
        }
        if (m.contains("string value length") || m.contains("string length")) {
            return "a JSON string longer than " + Json.MAX_STRING_LENGTH + " characters";
        }
        if (m.contains("document length")) {
            return "the JSON document is too long";
        }
        return "the JSON exceeds a size limit";
    }

    /**
     * @param parserMessage the parser's message for a syntax error, may be {@code null}
     * @return the SDK's sentence for it, without position (the caller adds it)
     */
    static String syntax(String parserMessage) {
        String m = parserMessage == null ? "" : parserMessage.toLowerCase(Locale.ROOT);
        if (m.contains("end-of-input") || m.contains("end of input")) {
            return "the text ends before the JSON value does";
        }
        if (m.contains("unquoted character") || m.contains("ctrl-char")) {
            return "a control character inside a string must be escaped";
        }
        if (m.contains("character escape")) {
            return "an invalid escape sequence in a string";
        }
        if (m.contains("close marker")) {
            return "a closing bracket that does not match the opening one";
        }
        if (m.contains("leading zero") || m.contains("numeric value") || m.contains("number")
                || m.contains("nan") || m.contains("infinity")) {
            return "an invalid number";
        }
        if (m.contains("unrecognized token")) {
            return "an unquoted word (only true, false and null are allowed)";
        }
        if (m.contains("field name") || m.contains("double-quote")) {
            return "a member name must be a string in double quotes";
        }
        if (m.contains("comma") || m.contains("separator") || m.contains("colon")) {
            return "a missing or misplaced separator (',' or ':')";
        }
        if (m.contains("unexpected character")) {
            return "an unexpected character";
        }
        if (m.contains("surrogate") || m.contains("utf")) {
            return "text that is not valid UTF-8";
        }
        return "the text is not JSON";
    }
}
