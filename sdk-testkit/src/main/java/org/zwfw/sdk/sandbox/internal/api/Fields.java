package org.zwfw.sdk.sandbox.internal.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.zwfw.sdk.id.ResidentIdNumber;
import org.zwfw.sdk.id.UnifiedSocialCreditCode;
import org.zwfw.sdk.sandbox.internal.Problem;
import org.zwfw.sdk.sandbox.internal.StrictJson;

/**
 * Reads the members of one JSON object of a request body, collecting every fault with its JSON
 * pointer ({@code MISSING_CLAIM}, {@code INVALID_CLAIM}, {@code CHECKSUM_INVALID}). Details name
 * the member and the rule, never the value. Not thread-safe.
 */
final class Fields {

    static final Pattern REGION = Pattern.compile("[1-9][0-9]{5}");
    static final Pattern YEAR_MONTH = Pattern.compile("[0-9]{4}-(0[1-9]|1[0-2])");
    static final Pattern PHONE = Pattern.compile("1[3-9][0-9]{9}");
    static final Pattern MATERIAL_CODE = Pattern.compile("[A-Z0-9]{1,16}");

    final List<Problem.Item> faults;
    private final JsonNode node;
    private final String at;

    private Fields(JsonNode node, String at, List<Problem.Item> faults) {
        this.node = node;
        this.at = at;
        this.faults = faults;
    }

    /** The members of an object at a pointer; a non-object is one fault and reads as empty. */
    static Fields of(JsonNode node, String pointer, List<Problem.Item> faults, Set<String> members) {
        Fields f = new Fields(node != null && node.isObject() ? node : null, pointer, faults);
        if (node != null && !node.isObject()) {
            faults.add(new Problem.Item("INVALID_CLAIM", pointer.isEmpty() ? "/" : pointer, name(pointer)
                    + " must be a JSON object"));
        } else if (node != null && members != null) {
            for (Map.Entry<String, JsonNode> m : node.properties()) {
                if (!members.contains(m.getKey())) {
                    faults.add(new Problem.Item("INVALID_CLAIM", pointer.isEmpty() ? null : pointer, "unknown member "
                            + StrictJson.quote(m.getKey())));
                }
            }
        }
        return f;
    }

    static List<Problem.Item> newFaults() {
        return new ArrayList<>();
    }

    boolean present() {
        return node != null;
    }

    boolean has(String member) {
        return node != null && node.has(member) && !node.get(member).isNull();
    }

    JsonNode node(String member) {
        return node == null ? null : node.get(member);
    }

    String pointer(String member) {
        return at + "/" + member;
    }

    void missing(String member) {
        faults.add(new Problem.Item("MISSING_CLAIM", pointer(member), "'" + member + "' is required"));
    }

    void invalid(String member, String rule) {
        faults.add(new Problem.Item("INVALID_CLAIM", pointer(member), "'" + member + "' " + rule));
    }

    /** A string member of 1..max characters, or {@code null} (a fault recorded when required). */
    String text(String member, boolean required, int max) {
        JsonNode v = node(member);
        if (v == null || v.isNull()) {
            if (required && node != null) {
                missing(member);
            }
            return null;
        }
        if (!v.isTextual()) {
            invalid(member, "must be a string");
            return null;
        }
        String s = v.textValue();
        int n = s.codePointCount(0, s.length());
        if (n < 1 || n > max) {
            invalid(member, "must be 1 to " + max + " characters");
            return null;
        }
        return s;
    }

    /** A string matching a pattern. */
    String matching(String member, boolean required, Pattern p, String rule) {
        String s = text(member, required, 4096);
        if (s != null && !p.matcher(s).matches()) {
            invalid(member, rule);
            return null;
        }
        return s;
    }

    /** One of the values. */
    String oneOf(String member, boolean required, List<String> values) {
        String s = text(member, required, 64);
        if (s != null && !values.contains(s)) {
            invalid(member, "must be one of " + values);
            return null;
        }
        return s;
    }

    Integer integer(String member, boolean required, int min, int max) {
        JsonNode v = node(member);
        if (v == null || v.isNull()) {
            if (required && node != null) {
                missing(member);
            }
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < min || v.intValue() > max) {
            invalid(member, "must be an integer from " + min + " to " + max);
            return null;
        }
        return v.intValue();
    }

    Boolean bool(String member, boolean required) {
        JsonNode v = node(member);
        if (v == null || v.isNull()) {
            if (required && node != null) {
                missing(member);
            }
            return null;
        }
        if (!v.isBoolean()) {
            invalid(member, "must be true or false");
            return null;
        }
        return v.booleanValue();
    }

    String residentId(String member, boolean required) {
        String s = text(member, required, 18);
        if (s == null) {
            return null;
        }
        if (!s.matches("[1-9][0-9]{16}[0-9X]")) {
            invalid(member, "must be a resident ID number of 18 characters");
            return null;
        }
        if (!ResidentIdNumber.isValid(s)) {
            faults.add(new Problem.Item("CHECKSUM_INVALID", pointer(member), "'" + member + "' fails its check"
                    + " (check character, birth date or division)"));
            return null;
        }
        return s;
    }

    String uscc(String member, boolean required) {
        String s = text(member, required, 18);
        if (s == null) {
            return null;
        }
        if (!s.matches("[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}")) {
            invalid(member, "must be a unified social credit code of 18 characters");
            return null;
        }
        if (!UnifiedSocialCreditCode.isValid(s)) {
            faults.add(new Problem.Item("CHECKSUM_INVALID", pointer(member), "'" + member + "' fails CHECK_CHARACTER"
                    + " (check character)"));
            return null;
        }
        return s;
    }

    private static String name(String pointer) {
        int i = pointer.lastIndexOf('/');
        return pointer.isEmpty() ? "the body" : "'" + pointer.substring(i + 1) + "'";
    }

    static String escape(String member) {
        return member.replace("~", "~0").replace("/", "~1");
    }
}
