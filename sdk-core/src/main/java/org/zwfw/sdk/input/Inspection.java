package org.zwfw.sdk.input;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.zwfw.sdk.internal.sdjwt.Disclosure;
import org.zwfw.sdk.credential.SdHashAlgorithm;
import org.zwfw.sdk.crypto.ParsedJws;
import org.zwfw.sdk.crypto.VerificationPolicy;
import org.zwfw.sdk.internal.Json;
import org.zwfw.sdk.internal.JsonException;
import org.zwfw.sdk.id.ClaimMasking;
import org.zwfw.sdk.id.MaskingPolicy;
import org.zwfw.sdk.status.StatusList;
import org.zwfw.sdk.verify.VerificationResult;

/**
 * Decodes an input without verifying anything (what {@code zwfw inspect} shows): header and
 * payload of each JWS, each SD-JWT disclosure, the key-binding JWT, a status list's entries.
 * Personal data is masked unless asked otherwise. The result always says it is not verified.
 * Decoding is as strict as verification: an ambiguous input (duplicate member names) or a number
 * out of range is reported, never shown as one reader would guess it. Stateless and thread-safe.
 */
public final class Inspection {

    /** The warning carried by every result, first in JSON and on the first line for people. */
    public static final String WARNING = "NOT VERIFIED: decoded only; no signature, issuer, time or status was checked,"
            + " so nothing here can be trusted. Use 'zwfw verify' to verify it.";

    private final boolean showPii;
    private final Map<String, Object> out = new LinkedHashMap<>();
    private final List<String> errors = new ArrayList<>();

    private Inspection(boolean showPii) {
        this.showPii = showPii;
        out.put("verified", false);
        out.put("warning", WARNING);
    }

    /** Longest input decoded: the largest length limit of any kind. */
    private static final int MAX_CHARS = VerificationPolicy.MAX_LENGTH_LIMIT;

    /**
     * Decodes an input.
     *
     * @param input   the text, never {@code null}
     * @param showPii whether personal data is shown unmasked
     * @return the decoded input as a JSON object ({@code verified: false}, {@code warning},
     *         {@code kind}, the decoded parts); {@code errors} lists what could not be decoded
     */
    public static Map<String, Object> inspect(String input, boolean showPii) {
        Inspection i = new Inspection(showPii);
        i.run(input);
        return i.out;
    }

    private void run(String input) {
        InputDetector.Detection d = InputDetector.detect(input);
        out.put("kind", d.kind().jsonName());
        String text = d.text();
        switch (d.kind()) {
            case ECERT:
                sdJwt(text);
                break;
            case TRUST_LIST:
                if (d.local()) {
                    out.put("form", "local");
                    localPayload(text);
                } else {
                    out.put("form", "signed");
                    jws("", text, false);
                }
                break;
            case STATUS_LIST:
                jws("", text, false).ifPresent(this::statusList);
                break;
            case SSC_QR:
                jws("", text.startsWith(InputDetector.QR_PREFIX) ? text.substring(InputDetector.QR_PREFIX.length()) : text,
                        true);
                break;
            case RNAT:
            case ID_TOKEN:
                jws("", text, true);
                break;
            default:
                errors.add(d.code() + ": " + d.problem() + ambiguity(d.problem()));
                if (d.typ() != null) {
                    jws("", text, true);
                }
        }
        out.put("errors", errors);
    }

    /**
     * Decodes a JWS into {@code <prefix>header} and {@code <prefix>payload}; the payload is masked
     * when it may hold personal data (tokens about people; not trust lists or status lists).
     */
    private Optional<Map<String, Object>> jws(String prefix, String compact, boolean personal) {
        ParsedJws jws = ParsedJws.parse(compact, MAX_CHARS, VerificationPolicy.DEFAULT_MAX_JSON_DEPTH, true);
        if (jws.problem().isPresent()) {
            errors.add(jws.problem().get().code() + ": " + (prefix.isEmpty() ? "" : prefix + "JWT: ")
                    + jws.problem().get().message() + ambiguity(jws.problem().get().message()));
            if (jws.claims().isEmpty()) {
                return Optional.empty();
            }
        }
        Map<String, Object> claims = jws.claims().orElseThrow();
        out.put(prefix + "header", jws.header().parameters());
        out.put(prefix + "payload", personal ? mask(claims) : claims);
        return Optional.of(claims);
    }

    /** A local trust list, read as strictly as it is verified. */
    private void localPayload(String text) {
        try {
            out.put("payload", Json.parseObject(text, InputDetector.ROUTING_DEPTH));
        } catch (JsonException e) {
            out.put("payload", null);
            errors.add((e.tooLarge() ? "TOO_LARGE" : "MALFORMED") + ": " + e.getMessage() + ambiguity(e.getMessage()));
        }
    }

    /** Says why a duplicate member name is not shown: any value shown would be one reader's guess. */
    private static String ambiguity(String message) {
        return message.contains("duplicate member name")
                ? " (the input is ambiguous: readers may take either value, so none is shown)" : "";
    }

    private void statusList(Map<String, Object> claims) {
        VerificationResult<StatusList> list = StatusList.fromClaim(claims.get("status_list"));
        if (list.isValid()) {
            out.put("status_list", StatusListInput.describe(list.value().orElseThrow()));
        } else {
            list.errors().forEach(f -> errors.add(f.code() + ": status_list: " + f.message()));
        }
    }

    private void sdJwt(String text) {
        int first = text.indexOf('~');
        int last = text.lastIndexOf('~');
        Optional<Map<String, Object>> issuerJwt = jws("", first < 0 ? text : text.substring(0, first), true);
        List<Disclosure> disclosures = new ArrayList<>();
        List<Map<String, Object>> shown = new ArrayList<>();
        if (first >= 0) {
            String middle = first == last ? "" : text.substring(first + 1, last);
            int i = 0;
            for (String part : middle.isEmpty() ? new String[0] : middle.split("~", -1)) {
                try {
                    disclosures.add(Disclosure.parse(part));
                } catch (IllegalArgumentException e) {
                    errors.add("DISCLOSURE_INVALID: disclosure " + i + ": " + e.getMessage());
                    disclosures.add(null);
                }
                i++;
            }
        }
        Map<String, Object> claims = issuerJwt.orElse(Map.of());
        Optional<SdHashAlgorithm> alg = Optional.ofNullable(claims.get("_sd_alg")).map(String::valueOf)
                .map(SdHashAlgorithm::fromJsonName).orElse(Optional.of(SdHashAlgorithm.SHA_256));
        Map<String, String> parents = parents(claims, disclosures, alg.orElse(null));
        boolean organisationHolder = "001".equals(claims.get("holder_code_type"));
        for (Disclosure d : disclosures) {
            if (d != null && d.name().filter("holder_code_type"::equals).isPresent() && "001".equals(d.value())) {
                organisationHolder = true;
            }
        }
        for (Disclosure d : disclosures) {
            Map<String, Object> m = new LinkedHashMap<>();
            if (d == null) {
                m.put("error", "does not decode");
                shown.add(m);
                continue;
            }
            String digest = alg.map(d::digest).orElse(null);
            m.put("digest", digest);
            if (d.name().isPresent()) {
                String name = d.name().get();
                m.put("name", name);
                m.put("value", showPii ? d.value() : ClaimMasking.member(name, d.value(), organisationHolder,
                        MaskingPolicy.DEFAULT));
            } else {
                String parent = digest == null ? null : parents.get(digest);
                m.put("array_element_of", parent);
                m.put("value", showPii ? d.value() : parent != null
                        ? ClaimMasking.member(parent, d.value(), organisationHolder, MaskingPolicy.DEFAULT)
                        : ClaimMasking.member(null, d.value(), false, MaskingPolicy.DEFAULT));
            }
            shown.add(m);
        }
        out.put("disclosures", shown);
        if (first >= 0 && last + 1 < text.length()) {
            jws("key_binding_", text.substring(last + 1), true);
        } else {
            out.put("key_binding_header", null);
            out.put("key_binding_payload", null);
        }
    }

    /** For each array-element digest ({@code {"...": d}}), the name of the array claim holding it. */
    private static Map<String, String> parents(Map<String, Object> payload, List<Disclosure> disclosures,
            SdHashAlgorithm alg) {
        Map<String, String> parents = new HashMap<>();
        if (alg == null) {
            return parents;
        }
        collect(null, payload, parents, 0);
        for (Disclosure d : disclosures) {
            if (d != null) {
                collect(d.name().orElse(null), d.value(), parents, 0);
            }
        }
        return parents;
    }

    private static void collect(String name, Object value, Map<String, String> parents, int depth) {
        if (depth > 64) {
            return;
        }
        if (value instanceof Map) {
            for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                collect(String.valueOf(e.getKey()), e.getValue(), parents, depth + 1);
            }
        } else if (value instanceof List) {
            for (Object item : (List<?>) value) {
                if (item instanceof Map && ((Map<?, ?>) item).size() == 1 && ((Map<?, ?>) item).get("...") instanceof String
                        && name != null) {
                    parents.put((String) ((Map<?, ?>) item).get("..."), name);
                } else {
                    collect(name, item, parents, depth + 1);
                }
            }
        }
    }

    private Map<String, Object> mask(Map<String, Object> claims) {
        return showPii ? claims : ClaimMasking.mask(claims, MaskingPolicy.DEFAULT);
    }
}
