package org.zwfw.sdk.trust;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.zwfw.sdk.crypto.AliasPolicy;
import org.zwfw.sdk.crypto.KeyFormatException;
import org.zwfw.sdk.crypto.KeySet;
import org.zwfw.sdk.id.IdentifierCheck;
import org.zwfw.sdk.id.UnifiedSocialCreditCode;
import org.zwfw.sdk.internal.Json;
import org.zwfw.sdk.internal.NumericDates;
import org.zwfw.sdk.internal.Texts;

/**
 * Reads the {@code issuers} array of a trust list with the strict rules of
 * {@code spec/trust-list.md} §3, collecting every problem (each naming {@code issuers[i].member})
 * rather than stopping at the first. Stateless.
 */
final class EntryCodec {

    private EntryCodec() {
    }

    /** The entries and the problems found; the entries are meaningful only when there is no problem. */
    record Parsed(List<TrustedIssuer> entries, List<String> problems) {
    }

    static Parsed parse(Object issuers) {
        List<String> problems = new ArrayList<>();
        List<TrustedIssuer> entries = new ArrayList<>();
        if (!(issuers instanceof List)) {
            problems.add("issuers: must be an array, found " + NumericDates.aType(issuers));
            return new Parsed(entries, problems);
        }
        Map<String, Integer> firstIndex = new HashMap<>();
        int i = 0;
        for (Object e : (List<?>) issuers) {
            String at = "issuers[" + i + "]";
            if (!(e instanceof Map)) {
                problems.add(at + ": must be an object, found " + NumericDates.aType(e));
            } else {
                @SuppressWarnings("unchecked")
                Map<String, Object> m = (Map<String, Object>) e;
                TrustedIssuer entry = entry(at, m, problems);
                Object id = m.get("id");
                if (id instanceof String && !((String) id).isEmpty()) {
                    Integer before = firstIndex.putIfAbsent((String) id, i);
                    if (before != null) {
                        problems.add(at + ".id: " + Texts.quote((String) id) + " is already the id of issuers["
                                + before + "]; ids must be unique");
                        entry = null;
                    }
                }
                if (entry != null) {
                    entries.add(entry);
                }
            }
            i++;
        }
        return new Parsed(entries, problems);
    }

    private static TrustedIssuer entry(String at, Map<String, Object> m, List<String> problems) {
        int before = problems.size();
        String id = string(at, m, "id", problems);
        String name = string(at, m, "name", problems);
        UnifiedSocialCreditCode uscc = uscc(at, m, problems);
        KeySet keys = keys(at, m, problems);
        List<String> types = types(at, m, problems);
        Instant from = date(at, m, "valid_from", problems);
        Instant until = date(at, m, "valid_until", problems);
        if (from != null && until != null && !from.isBefore(until)) {
            problems.add(at + ".valid_from: " + from.getEpochSecond() + " is not before valid_until "
                    + until.getEpochSecond());
        }
        if (problems.size() > before) {
            return null;
        }
        return TrustedIssuer.builder(id).name(name).uscc(uscc).keys(keys).types(types).validFrom(from)
                .validUntil(until).build();
    }

    private static String string(String at, Map<String, Object> m, String member, List<String> problems) {
        if (!m.containsKey(member)) {
            problems.add(at + "." + member + ": missing");
            return null;
        }
        Object v = m.get(member);
        if (!(v instanceof String)) {
            problems.add(at + "." + member + ": must be a string, found " + NumericDates.aType(v));
            return null;
        }
        if (((String) v).isEmpty()) {
            problems.add(at + "." + member + ": must not be empty");
            return null;
        }
        return (String) v;
    }

    private static UnifiedSocialCreditCode uscc(String at, Map<String, Object> m, List<String> problems) {
        String s = string(at, m, "uscc", problems);
        if (s == null) {
            return null;
        }
        IdentifierCheck check = UnifiedSocialCreditCode.check(s);
        if (!check.valid()) {
            // A USCC is public registration data, but the value may be anything here: quote it.
            problems.add(at + ".uscc: " + Texts.quote(s, 24) + " is not a valid unified social credit code: "
                    + check.violations());
            return null;
        }
        return UnifiedSocialCreditCode.parse(s);
    }

    private static KeySet keys(String at, Map<String, Object> m, List<String> problems) {
        if (!m.containsKey("jwks")) {
            problems.add(at + ".jwks: missing");
            return null;
        }
        Object v = m.get("jwks");
        if (!(v instanceof Map)) {
            problems.add(at + ".jwks: must be a JWK Set object, found " + NumericDates.aType(v));
            return null;
        }
        try {
            @SuppressWarnings("unchecked")
            Map<String, ?> jwks = (Map<String, ?>) v;
            return KeySet.fromJwks(jwks, AliasPolicy.STRICT);
        } catch (KeyFormatException e) {
            problems.add(at + ".jwks: " + e.getMessage());
            return null;
        }
    }

    private static List<String> types(String at, Map<String, Object> m, List<String> problems) {
        if (!m.containsKey("types")) {
            problems.add(at + ".types: missing");
            return null;
        }
        Object v = m.get("types");
        if (!(v instanceof List)) {
            problems.add(at + ".types: must be an array of strings, found " + NumericDates.aType(v));
            return null;
        }
        List<?> list = (List<?>) v;
        if (list.isEmpty()) {
            problems.add(at + ".types: must not be empty");
            return null;
        }
        Set<String> out = new LinkedHashSet<>();
        boolean ok = true;
        for (int j = 0; j < list.size(); j++) {
            Object t = list.get(j);
            if (!(t instanceof String)) {
                problems.add(at + ".types[" + j + "]: must be a string, found " + NumericDates.aType(t));
                ok = false;
            } else if (((String) t).isEmpty()) {
                problems.add(at + ".types[" + j + "]: must not be empty");
                ok = false;
            } else if (!out.add((String) t)) {
                problems.add(at + ".types[" + j + "]: " + Texts.quote((String) t) + " is listed twice");
                ok = false;
            }
        }
        return ok ? new ArrayList<>(out) : null;
    }

    private static Instant date(String at, Map<String, Object> m, String member, List<String> problems) {
        if (!m.containsKey(member)) {
            return null;
        }
        Object v = m.get(member);
        Instant t = NumericDates.parse(v);
        if (t == null) {
            problems.add(at + "." + member + ": must be a NumericDate, found " + NumericDates.describe(v));
        }
        return t;
    }

    /** @return the JSON type of a parsed value with its article, for messages: "an array", "a string", "null" */

}
