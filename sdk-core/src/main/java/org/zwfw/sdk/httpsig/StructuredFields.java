package org.zwfw.sdk.httpsig;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The part of Structured Field Values (RFC 9651, which replaced RFC 8941) that HTTP Message
 * Signatures need: parsing a dictionary, and serializing items, inner lists and parameters
 * (§4.1). Dates and display strings are not accepted. A parse failure is an
 * {@link IllegalArgumentException} whose message says what and where.
 */
final class StructuredFields {

    /** A token (RFC 9651 §3.3.4), kept apart from a string. */
    record Token(String text) {
    }

    /** A byte sequence (RFC 9651 §3.3.5). */
    record Bytes(byte[] value) {
        Bytes {
            value = value.clone();
        }

        @Override
        public byte[] value() {
            return value.clone();
        }
    }

    /** An item or an inner list with its parameters; {@code value} is a bare item or a {@code List<Item>}. */
    record Item(Object value, Map<String, Object> params) {
        Item {
            params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
        }

        boolean isInnerList() {
            return value instanceof List;
        }

        @SuppressWarnings("unchecked")
        List<Item> items() {
            return (List<Item>) value;
        }
    }

    /** A dictionary member, in the order received; duplicates are kept for the caller to judge. */
    record Member(String key, Item value) {
    }

    private final String text;
    private int pos;

    private StructuredFields(String text) {
        this.text = text;
    }

    /**
     * Parses a dictionary (RFC 9651 §4.2.2). Unlike the RFC, a key given twice is kept twice, so
     * that a caller can refuse it instead of letting the last one win.
     */
    static List<Member> parseDictionary(String text) {
        StructuredFields p = new StructuredFields(text);
        p.skipSpaces();
        List<Member> members = new ArrayList<>();
        while (!p.atEnd()) {
            String key = p.key();
            Item value;
            if (!p.atEnd() && p.peek() == '=') {
                p.pos++;
                value = p.itemOrInnerList();
            } else {
                value = new Item(Boolean.TRUE, p.params());
            }
            members.add(new Member(key, value));
            p.skipOws();
            if (p.atEnd()) {
                break;
            }
            p.expect(',');
            p.skipOws();
            if (p.atEnd()) {
                throw p.fail("a dictionary may not end with a comma");
            }
        }
        return members;
    }

    /** Parses one item with its parameters (RFC 9651 §4.2.3), as a whole field value. */
    static Item parseItem(String text) {
        StructuredFields p = new StructuredFields(text);
        p.skipSpaces();
        Item item = p.item();
        p.skipSpaces();
        if (!p.atEnd()) {
            throw p.fail("unexpected text after the item");
        }
        return item;
    }

    private Item itemOrInnerList() {
        if (!atEnd() && peek() == '(') {
            pos++;
            List<Item> items = new ArrayList<>();
            while (true) {
                skipSpaces();
                if (atEnd()) {
                    throw fail("an inner list is not closed");
                }
                if (peek() == ')') {
                    pos++;
                    return new Item(List.copyOf(items), params());
                }
                items.add(item());
                if (atEnd() || (peek() != ' ' && peek() != ')')) {
                    throw fail("items of an inner list are separated by a space");
                }
            }
        }
        return item();
    }

    private Item item() {
        Object bare = bareItem();
        return new Item(bare, params());
    }

    private Map<String, Object> params() {
        Map<String, Object> params = new LinkedHashMap<>();
        while (!atEnd() && peek() == ';') {
            pos++;
            skipSpaces();
            String key = key();
            Object value = Boolean.TRUE;
            if (!atEnd() && peek() == '=') {
                pos++;
                value = bareItem();
            }
            params.put(key, value);
        }
        return params;
    }

    private String key() {
        int start = pos;
        if (atEnd() || !(isLcAlpha(peek()) || peek() == '*')) {
            throw fail("a key starts with a lower-case letter or *");
        }
        pos++;
        while (!atEnd() && (isLcAlpha(peek()) || isDigit(peek()) || "_-.*".indexOf(peek()) >= 0)) {
            pos++;
        }
        return text.substring(start, pos);
    }

    private Object bareItem() {
        if (atEnd()) {
            throw fail("an item is missing");
        }
        char c = peek();
        if (c == '-' || isDigit(c)) {
            return number();
        }
        if (c == '"') {
            return string();
        }
        if (c == '*' || isAlpha(c)) {
            return token();
        }
        if (c == ':') {
            return bytes();
        }
        if (c == '?') {
            return bool();
        }
        throw fail("no item starts with this character");
    }

    private Object number() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        int digitsStart = pos;
        int dot = -1;
        while (!atEnd() && (isDigit(peek()) || (peek() == '.' && dot < 0))) {
            if (peek() == '.') {
                dot = pos;
            }
            pos++;
        }
        if (pos == digitsStart || !isDigit(text.charAt(digitsStart))) {
            throw fail("a number needs a digit");
        }
        String num = text.substring(start, pos);
        if (dot < 0) {
            if (pos - digitsStart > 15) {
                throw fail("an integer has at most 15 digits");
            }
            return Long.parseLong(num);
        }
        int intDigits = dot - digitsStart;
        int fracDigits = pos - dot - 1;
        if (intDigits > 12 || fracDigits < 1 || fracDigits > 3) {
            throw fail("a decimal has at most 12 integer and 1 to 3 fraction digits");
        }
        return new BigDecimal(num);
    }

    private String string() {
        pos++;
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (atEnd()) {
                throw fail("a string is not closed");
            }
            char c = text.charAt(pos++);
            if (c == '\\') {
                if (atEnd() || (peek() != '"' && peek() != '\\')) {
                    throw fail("a string escapes only \" and \\");
                }
                sb.append(text.charAt(pos++));
            } else if (c == '"') {
                return sb.toString();
            } else if (c < 0x20 || c > 0x7e) {
                throw fail("a string holds printable ASCII only");
            } else {
                sb.append(c);
            }
        }
    }

    private Token token() {
        int start = pos;
        pos++;
        while (!atEnd() && (isTchar(peek()) || peek() == ':' || peek() == '/')) {
            pos++;
        }
        return new Token(text.substring(start, pos));
    }

    private Bytes bytes() {
        pos++;
        int start = pos;
        while (!atEnd() && peek() != ':') {
            char c = peek();
            if (!(isAlpha(c) || isDigit(c) || c == '+' || c == '/' || c == '=')) {
                throw fail("a byte sequence holds base64 characters only");
            }
            pos++;
        }
        if (atEnd()) {
            throw fail("a byte sequence is not closed");
        }
        String b64 = text.substring(start, pos);
        pos++;
        try {
            return new Bytes(Base64.getDecoder().decode(b64));
        } catch (IllegalArgumentException e) {
            throw fail("a byte sequence is not valid base64");
        }
    }

    private Boolean bool() {
        pos++;
        if (!atEnd() && (peek() == '0' || peek() == '1')) {
            return text.charAt(pos++) == '1';
        }
        throw fail("a boolean is ?0 or ?1");
    }

    // ---- serialization (RFC 9651 §4.1) ----

    static String serialize(Item item) {
        StringBuilder sb = new StringBuilder();
        if (item.isInnerList()) {
            sb.append('(');
            List<Item> items = item.items();
            for (int i = 0; i < items.size(); i++) {
                if (i > 0) {
                    sb.append(' ');
                }
                sb.append(serialize(items.get(i)));
            }
            sb.append(')');
        } else {
            sb.append(bare(item.value()));
        }
        item.params().forEach((k, v) -> {
            sb.append(';').append(k);
            if (!Boolean.TRUE.equals(v)) {
                sb.append('=').append(bare(v));
            }
        });
        return sb.toString();
    }

    static String bare(Object v) {
        if (v instanceof Long || v instanceof Integer) {
            return v.toString();
        }
        if (v instanceof BigDecimal d) {
            BigDecimal r = d.setScale(Math.min(3, Math.max(1, d.scale())), java.math.RoundingMode.HALF_EVEN);
            return r.stripTrailingZeros().scale() <= 0 ? r.setScale(1).toPlainString() : r.stripTrailingZeros().toPlainString();
        }
        if (v instanceof String s) {
            return quote(s);
        }
        if (v instanceof Token t) {
            return t.text();
        }
        if (v instanceof Bytes b) {
            return ":" + Base64.getEncoder().encodeToString(b.value()) + ":";
        }
        if (v instanceof Boolean b) {
            return b ? "?1" : "?0";
        }
        throw new IllegalArgumentException("not a structured-field item: " + v.getClass().getSimpleName());
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                throw new IllegalArgumentException("a structured-field string holds printable ASCII only");
            }
            if (c == '"' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.append('"').toString();
    }

    // ---- characters ----

    private boolean atEnd() {
        return pos >= text.length();
    }

    private char peek() {
        return text.charAt(pos);
    }

    private void expect(char c) {
        if (atEnd() || peek() != c) {
            throw fail("expected '" + c + "'");
        }
        pos++;
    }

    private void skipSpaces() {
        while (!atEnd() && peek() == ' ') {
            pos++;
        }
    }

    private void skipOws() {
        while (!atEnd() && (peek() == ' ' || peek() == '\t')) {
            pos++;
        }
    }

    private IllegalArgumentException fail(String what) {
        return new IllegalArgumentException(what + " (at character " + pos + ")");
    }

    private static boolean isLcAlpha(char c) {
        return c >= 'a' && c <= 'z';
    }

    private static boolean isAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isTchar(char c) {
        return isAlpha(c) || isDigit(c) || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }
}
