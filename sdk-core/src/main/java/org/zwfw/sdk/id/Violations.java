package org.zwfw.sdk.id;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Collects violations and details during one check. The validators take a {@code Violations} that
 * is {@code null} on the {@code isValid} path: they then stop at the first failure and build no
 * message, which keeps that path allocation-free.
 */
final class Violations {

    private final IdentifierKind kind;
    private final List<IdentifierViolation> violations = new ArrayList<>(2);
    private final Map<String, String> details = new LinkedHashMap<>();

    Violations(IdentifierKind kind) {
        this.kind = kind;
    }

    void fail(IdentifierRule rule, String message) {
        violations.add(new IdentifierViolation(rule, message));
    }

    void detail(String key, String value) {
        details.put(key, value);
    }

    boolean hasViolations() {
        return !violations.isEmpty();
    }

    IdentifierCheck toCheck() {
        return new IdentifierCheck(kind, violations.isEmpty(), violations, details);
    }

    InvalidIdentifierException toException() {
        return new InvalidIdentifierException(kind, violations);
    }

    /**
     * Describes one character for a message: {@code 'A'} for printable ASCII, with a hint for the
     * full-width forms Chinese input methods produce, and the code point for anything else.
     */
    static String describe(char c) {
        if (c > 0x20 && c < 0x7f) {
            return "'" + c + "'";
        }
        String code = String.format(Locale.ROOT, "U+%04X", (int) c);
        if (c >= 0xFF01 && c <= 0xFF5E) {
            return "full-width '" + c + "' (" + code + "; use the ASCII character)";
        }
        if (Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSurrogate(c)) {
            return code;
        }
        return "'" + c + "' (" + code + ")";
    }

    /** "position 5 is 'a'" plus "(3 positions in all)" when more than one failed. */
    static String positions(int firstIndex, char c, int count, String expected) {
        return "position " + (firstIndex + 1) + " is " + describe(c) + ", expected " + expected
                + (count > 1 ? " (" + count + " positions in all)" : "");
    }
}
