package org.zwfw.sdk.httpsig;

import java.util.List;
import java.util.Set;
import org.zwfw.sdk.internal.Texts;
import org.zwfw.sdk.verify.OutcomeCode;

/**
 * Builds the signature base of RFC 9421 §2.5 under the rules of {@code spec/api-signing.md} §5:
 * each component's identifier, {@code ": "}, its value and a line feed, then the
 * {@code @signature-params} line.
 */
final class SignatureBase {

    /** Fields of which a message may carry one line only when they are covered (D8). */
    static final Set<String> SINGLE_LINE = Set.of("content-type", "content-digest", "idempotency-key",
            "x-zwfw-app-id", "retry-after");

    private SignatureBase() {
    }

    /**
     * @param components      the covered components, in order
     * @param signatureParams the serialized inner list with parameters
     * @param request         the request signed, or the request a response answers
     * @param response        the response signed, or {@code null} when a request is signed
     * @param label           the label whose {@code Signature} member {@code "signature";req;key=} names
     * @return the base
     * @throws Refusal ({@code MALFORMED}) when a component has no value in these messages
     */
    static String build(List<Component> components, String signatureParams, RequestMessage request,
                        ResponseMessage response) throws Refusal {
        StringBuilder sb = new StringBuilder(512);
        for (Component c : components) {
            String value = value(c, request, response);
            for (int i = 0; i < value.length(); i++) {
                char ch = value.charAt(i);
                if (ch < 0x20 || ch > 0x7e) {
                    throw new Refusal(OutcomeCode.MALFORMED, "the value of covered component " + c.identifier()
                            + " holds a character outside printable ASCII");
                }
            }
            sb.append(c.identifier()).append(": ").append(value).append('\n');
        }
        return sb.append("\"@signature-params\": ").append(signatureParams).toString();
    }

    private static String value(Component c, RequestMessage request, ResponseMessage response) throws Refusal {
        boolean fromRequest = response == null || c.isReq();
        if (c.isReq() && response == null) {
            throw new Refusal(OutcomeCode.MALFORMED, "component " + c.identifier() + " has no request to refer to");
        }
        if (c.isDerived()) {
            switch (c.name()) {
                case "@method":
                    return fromRequest ? request.method() : misplaced(c);
                case "@authority":
                    return fromRequest ? request.authority() : misplaced(c);
                case "@path":
                    return fromRequest ? request.path() : misplaced(c);
                case "@query":
                    if (!fromRequest) {
                        return misplaced(c);
                    }
                    if (request.query() == null) {
                        throw new Refusal(OutcomeCode.MALFORMED, "@query is covered but the target has no query");
                    }
                    return "?" + request.query();
                case "@status":
                    return fromRequest ? misplaced(c) : Integer.toString(response.status());
                default:
                    throw new Refusal(OutcomeCode.MALFORMED, "derived component " + Texts.quote(c.name(), 40)
                            + " is not one this profile knows");
            }
        }
        HttpFields fields = fromRequest ? request.fields() : response.fields();
        Object key = c.params().get("key");
        if (key != null) {
            return memberOf(c, fields, key);
        }
        List<String> lines = fields.values(c.name());
        if (lines.isEmpty()) {
            throw new Refusal(OutcomeCode.MALFORMED, "covered field " + Texts.quote(c.name(), 40)
                    + " is absent from the " + (fromRequest ? "request" : "response"));
        }
        if (lines.size() > 1 && SINGLE_LINE.contains(c.name())) {
            throw new Refusal(OutcomeCode.MALFORMED, "covered field " + c.name() + " appears on " + lines.size()
                    + " lines; this profile allows one");
        }
        StringBuilder sb = new StringBuilder();
        for (String line : lines) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(trim(line));
        }
        return sb.toString();
    }

    private static String memberOf(Component c, HttpFields fields, Object key) throws Refusal {
        if (!(key instanceof String label)) {
            throw new Refusal(OutcomeCode.MALFORMED, "the key parameter of " + c.identifier() + " is not a string");
        }
        List<String> lines = fields.values(c.name());
        if (lines.isEmpty()) {
            throw new Refusal(OutcomeCode.MALFORMED, "covered field " + c.name() + " is absent from the request");
        }
        StructuredFields.Member found = null;
        try {
            for (StructuredFields.Member m : StructuredFields.parseDictionary(String.join(", ", lines))) {
                if (m.key().equals(label)) {
                    if (found != null) {
                        throw new Refusal(OutcomeCode.MALFORMED, "the " + c.name() + " field has member "
                                + Texts.quote(label, 40) + " twice");
                    }
                    found = m;
                }
            }
        } catch (IllegalArgumentException e) {
            throw new Refusal(OutcomeCode.MALFORMED, "the " + c.name() + " field is not a dictionary: " + e.getMessage());
        }
        if (found == null) {
            throw new Refusal(OutcomeCode.MALFORMED, "the " + c.name() + " field has no member " + Texts.quote(label, 40));
        }
        return StructuredFields.serialize(found.value());
    }

    private static String misplaced(Component c) throws Refusal {
        throw new Refusal(OutcomeCode.MALFORMED, "component " + c.identifier() + " does not belong in this message");
    }

    static String trim(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && (s.charAt(from) == ' ' || s.charAt(from) == '\t')) {
            from++;
        }
        while (to > from && (s.charAt(to - 1) == ' ' || s.charAt(to - 1) == '\t')) {
            to--;
        }
        return s.substring(from, to);
    }
}
