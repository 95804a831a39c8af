package org.zwfw.sdk.internal.sdjwt;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.zwfw.sdk.internal.Findings;
import org.zwfw.sdk.internal.Texts;
import org.zwfw.sdk.verify.OutcomeCode;
import org.zwfw.sdk.credential.ClaimPath;
import org.zwfw.sdk.credential.SdHashAlgorithm;

/**
 * Replaces embedded digests by the claims their disclosures carry: RFC 9901 §7.1 step 3 to 5.
 * Object members come from {@code _sd} digests (3-element disclosures), array elements from
 * {@code {"...": digest}} (2-element disclosures), recursively, so a disclosed value may itself
 * hold digests. Unmatched digests (undisclosed claims, decoys) are dropped. Every problem is
 * reported; processing goes on where it can, so all of them show.
 */
public final class SdProcessor {

    /** Nesting limit across objects, arrays and disclosures inside disclosures. */
    public static final int MAX_DEPTH = 32;

    /** What processing produced. */
    public record Result(Map<String, Object> claims, Map<ClaimPath, Disclosure> disclosedAt) {
    }

    private final Map<String, Disclosure> byDigest = new HashMap<>();
    private final Set<String> seenDigests = new HashSet<>(32);
    /**
     * How many disclosures a digest referenced. A digest is looked up only when first seen, so a
     * disclosure is referenced exactly when its digest is among {@link #seenDigests}.
     */
    private int referenced;
    private final Map<ClaimPath, Disclosure> disclosedAt = new LinkedHashMap<>();
    private final Findings findings;

    private SdProcessor(Findings findings) {
        this.findings = findings;
    }

    /**
     * @param payload     the issuer-signed JWT's claims (not modified)
     * @param disclosures the disclosures presented
     * @param alg         the {@code _sd_alg}
     * @param findings    where problems are reported (DISCLOSURE_INVALID, DISCLOSURE_DUPLICATE, TOO_LARGE)
     * @return the processed claims, without {@code _sd}, {@code ...} and {@code _sd_alg}
     */
    public static Result process(Map<String, Object> payload, List<Disclosure> disclosures, SdHashAlgorithm alg,
            Findings findings) {
        SdProcessor p = new SdProcessor(findings);
        for (Disclosure d : disclosures) {
            if (p.byDigest.putIfAbsent(d.digest(alg), d) != null) {
                findings.error(OutcomeCode.DISCLOSURE_DUPLICATE, "the same disclosure (" + describe(d)
                        + ") is presented twice");
            }
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> claims = (Map<String, Object>) p.walk(payload, null, 0);
        claims.remove("_sd_alg");
        if (p.referenced < p.byDigest.size()) {
            for (Map.Entry<String, Disclosure> e : p.byDigest.entrySet()) {
                if (!p.seenDigests.contains(e.getKey())) {
                    findings.error(OutcomeCode.DISCLOSURE_INVALID, "disclosure " + describe(e.getValue())
                            + " is not referenced by any digest of the issuer-signed JWT or of another disclosure");
                }
            }
        }
        return new Result(claims, p.disclosedAt);
    }

    private static String describe(Disclosure d) {
        return d.name().map(n -> "of claim " + Texts.quote(n)).orElse("of an array element");
    }

    private Object walk(Object node, ClaimPath path, int depth) {
        if (depth > MAX_DEPTH) {
            findings.error(OutcomeCode.TOO_LARGE, "selectively disclosable claims nest deeper than " + MAX_DEPTH);
            return null;
        }
        if (node instanceof Map) {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) node;
            return walkObject(map, path, depth);
        }
        if (node instanceof List) {
            return walkArray((List<?>) node, path, depth);
        }
        return node;
    }

    /** Whether {@link #walk} would return {@code node} itself: a scalar within the depth limit. */
    private static boolean plainScalar(Object node, int depth) {
        return depth <= MAX_DEPTH && !(node instanceof Map) && !(node instanceof List);
    }

    private Map<String, Object> walkObject(Map<String, Object> map, ClaimPath path, int depth) {
        Object sd = map.get("_sd");
        int expected = map.size() + (sd instanceof List ? ((List<?>) sd).size() : 0);
        Map<String, Object> out = new LinkedHashMap<>(expected + expected / 3 + 1);
        // forEach rather than entrySet: a read-only view passes it straight to the map, without a
        // wrapper per entry
        map.forEach((name, value) -> {
            if (!name.equals("_sd")) {
                if (plainScalar(value, depth + 1)) {
                    out.put(name, value);
                } else {
                    ClaimPath child = path == null ? ClaimPath.of(name) : path.child(name);
                    out.put(name, walk(value, child, depth + 1));
                }
            }
        });
        if (sd == null && !map.containsKey("_sd")) {
            return out;
        }
        if (!(sd instanceof List)) {
            findings.error(OutcomeCode.DISCLOSURE_INVALID, "'_sd' " + where(path) + " is not an array of digests");
            return out;
        }
        for (Object digest : (List<?>) sd) {
            if (!(digest instanceof String)) {
                findings.error(OutcomeCode.DISCLOSURE_INVALID, "'_sd' " + where(path) + " holds a non-string digest");
                continue;
            }
            if (!firstSighting((String) digest)) {
                continue;
            }
            Disclosure d = byDigest.get(digest);
            if (d == null) {
                continue;
            }
            referenced++;
            if (d.isArrayElement()) {
                findings.error(OutcomeCode.DISCLOSURE_INVALID, "an array-element disclosure (2 elements) is referenced"
                        + " from '_sd' " + where(path) + ", which needs [salt, name, value]");
                continue;
            }
            String name = d.name().orElseThrow();
            if (out.containsKey(name)) {
                findings.error(OutcomeCode.DISCLOSURE_INVALID, "disclosed claim " + Texts.quote(name)
                        + " already exists " + where(path));
                continue;
            }
            ClaimPath child = path == null ? ClaimPath.of(name) : path.child(name);
            disclosedAt.put(child, d);
            out.put(name, walk(d.value(), child, depth + 1));
        }
        return out;
    }

    private List<Object> walkArray(List<?> list, ClaimPath path, int depth) {
        List<Object> out = new ArrayList<>(list.size());
        for (Object element : list) {
            if (element instanceof Map && ((Map<?, ?>) element).containsKey("...")) {
                Map<?, ?> placeholder = (Map<?, ?>) element;
                Object digest = placeholder.get("...");
                if (placeholder.size() != 1 || !(digest instanceof String)) {
                    findings.error(OutcomeCode.DISCLOSURE_INVALID, "array element " + where(path)
                            + " has a '...' member but is not {\"...\": digest}");
                    continue;
                }
                if (!firstSighting((String) digest)) {
                    continue;
                }
                Disclosure d = byDigest.get(digest);
                if (d == null) {
                    continue;
                }
                referenced++;
                if (!d.isArrayElement()) {
                    findings.error(OutcomeCode.DISCLOSURE_INVALID, "an object-member disclosure (3 elements) is"
                            + " referenced from an array element " + where(path) + ", which needs [salt, value]");
                    continue;
                }
                ClaimPath child = path.child(out.size());
                disclosedAt.put(child, d);
                out.add(walk(d.value(), child, depth + 1));
            } else if (plainScalar(element, depth + 1)) {
                out.add(element);
            } else {
                out.add(walk(element, path.child(out.size()), depth + 1));
            }
        }
        return out;
    }

    /** RFC 9901 §7.1 step 4: a digest may appear only once, disclosed or not. */
    private boolean firstSighting(String digest) {
        if (!seenDigests.add(digest)) {
            findings.error(OutcomeCode.DISCLOSURE_DUPLICATE, "digest " + Texts.quote(digest, 16)
                    + " appears more than once in the issuer-signed JWT or its disclosures");
            return false;
        }
        return true;
    }

    private static String where(ClaimPath path) {
        return path == null ? "at the top level" : "in " + Texts.quote(path.toString());
    }
}
