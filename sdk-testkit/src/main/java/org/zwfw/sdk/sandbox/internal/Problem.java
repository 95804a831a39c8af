package org.zwfw.sdk.sandbox.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.zwfw.sdk.verify.OutcomeCode;

/**
 * An RFC 9457 problem details document ({@code application/problem+json}) with the members of
 * contract §8: {@code type}, {@code title}, {@code status}, {@code detail}, {@code code} (a stable
 * outcome code of {@code spec/errors.md}, only where one fits) and {@code request_id}; and, for
 * requests with several faults, {@code errors}: one object per fault with its {@code code}, a
 * JSON {@code pointer} into the request body when the fault has a place there, and a
 * {@code detail}.
 *
 * <p>Details never repeat submitted values (they may be personal data); they name the member and
 * the rule it breaks. Immutable.
 */
public final class Problem {

    /** The media type of problem details, RFC 9457 §3. */
    public static final String MEDIA_TYPE = "application/problem+json";

    /** {@code type} of a plain HTTP failure: the status code says it all (RFC 9457 §4.2.1). */
    public static final String ABOUT_BLANK = "about:blank";
    /** {@code type} of a request body that breaks the endpoint's rules (400). */
    public static final String INVALID_REQUEST = "urn:zwfw:sandbox:problem:invalid-request";
    /** {@code type} of a status change refused because INVALID (revoked) is final (409). */
    public static final String STATUS_FINAL = "urn:zwfw:sandbox:problem:status-final";
    /** {@code type} of an issuance refused because the issuer's status list is full (503). */
    public static final String STATUS_LIST_FULL = "urn:zwfw:sandbox:problem:status-list-full";

    /**
     * Most faults listed in {@code errors}: a body of a few kilobytes of unknown members would
     * otherwise be answered with megabytes of problem details.
     */
    public static final int MAX_LISTED_FAULTS = 100;

    /**
     * One fault of a request.
     *
     * @param codeName an outcome code of errors.md or a problem code of the API document, never {@code null}
     * @param pointer  a JSON pointer into the request body, or {@code null}
     * @param detail   what is wrong, without the submitted value
     */
    public record Item(String codeName, String pointer, String detail) {
        /** Checks the members. */
        public Item {
            Objects.requireNonNull(codeName, "codeName");
            Objects.requireNonNull(detail, "detail");
        }

        /**
         * @param code    the outcome code, never {@code null}
         * @param pointer a JSON pointer into the request body, or {@code null}
         * @param detail  what is wrong, without the submitted value
         */
        public Item(OutcomeCode code, String pointer, String detail) {
            this(code.name(), pointer, detail);
        }
    }

    private final int status;
    private final String type;
    private final String title;
    private final String detail;
    private final String code;
    private final List<Item> errors;
    private final Map<String, String> headers;

    private Problem(int status, String type, String title, String detail, String code, List<Item> errors,
            Map<String, String> headers) {
        this.status = status;
        this.type = type;
        this.title = title;
        this.detail = detail;
        this.code = code;
        this.errors = List.copyOf(errors);
        this.headers = Map.copyOf(headers);
    }

    /**
     * A plain HTTP failure: type {@code about:blank}, the status's reason phrase as title.
     *
     * @param status the HTTP status
     * @param detail what went wrong, for people
     * @return the problem
     */
    public static Problem http(int status, String detail) {
        return new Problem(status, ABOUT_BLANK, reason(status), detail, null, List.of(), Map.of());
    }

    /**
     * A request with one or more faults (400), typed {@link #INVALID_REQUEST}; its {@code code} is
     * the first fault's, and {@code errors} lists the first {@link #MAX_LISTED_FAULTS}.
     *
     * @param faults the faults, at least one, in the order they should be read
     * @return the problem
     */
    public static Problem invalidRequest(List<Item> faults) {
        if (faults.isEmpty()) {
            throw new IllegalArgumentException("an invalid request has at least one fault");
        }
        String detail = faults.size() == 1 ? faults.get(0).detail()
                : faults.size() > MAX_LISTED_FAULTS ? faults.size() + " problems with the request; errors lists the"
                        + " first " + MAX_LISTED_FAULTS
                : faults.size() + " problems with the request; see errors";
        List<Item> listed = faults.size() > MAX_LISTED_FAULTS ? faults.subList(0, MAX_LISTED_FAULTS) : faults;
        return new Problem(400, INVALID_REQUEST, "The request is invalid", detail, faults.get(0).codeName(), listed,
                Map.of());
    }

    /**
     * A request with one fault (400).
     *
     * @param code    the fault's outcome code
     * @param pointer where in the body, or {@code null}
     * @param detail  what is wrong
     * @return the problem
     */
    public static Problem invalidRequest(OutcomeCode code, String pointer, String detail) {
        return invalidRequest(List.of(new Item(code, pointer, detail)));
    }

    /**
     * A problem of a type other than {@code about:blank}.
     *
     * @param status the HTTP status
     * @param type   the type URI
     * @param title  the type's short summary
     * @param detail this occurrence
     * @param code   the outcome code, or {@code null}
     * @return the problem
     */
    public static Problem of(int status, String type, String title, String detail, OutcomeCode code) {
        return new Problem(status, type, title, detail, code == null ? null : code.name(), List.of(), Map.of());
    }

    /**
     * A problem with a code of the service-network API document ({@code ProblemCode}), which
     * holds codes beyond the verifiers' outcome codes.
     *
     * @param status the HTTP status
     * @param type   the type URI
     * @param title  the type's short summary
     * @param detail this occurrence
     * @param code   the problem code, such as {@code STATE_CONFLICT}
     * @param errors the faults to list, possibly none
     * @return the problem
     */
    public static Problem api(int status, String type, String title, String detail, String code, List<Item> errors) {
        return new Problem(status, type, title, detail, Objects.requireNonNull(code, "code"), errors, Map.of());
    }

    /**
     * @param outcome the stable code for this problem
     * @return this problem with a {@code code}
     */
    public Problem withCode(OutcomeCode outcome) {
        return new Problem(status, type, title, detail, outcome.name(), errors, headers);
    }

    /**
     * @param codeName a problem code of the API document
     * @return this problem with that {@code code}
     */
    public Problem withCode(String codeName) {
        return new Problem(status, type, title, detail, codeName, errors, headers);
    }

    /**
     * @param typeUri another type
     * @return this problem with that {@code type} (the API names its types {@code urn:zwfw:problem:...})
     */
    public Problem withType(String typeUri) {
        return new Problem(status, typeUri, title, detail, code, errors, headers);
    }

    /** @return the {@code type} */
    public String type() {
        return type;
    }

    /** @return the {@code detail} */
    public String detail() {
        return detail;
    }

    /**
     * @param name  a response header (such as {@code Allow})
     * @param value its value
     * @return this problem sent with the header
     */
    public Problem withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new Problem(status, type, title, detail, code, errors, h);
    }

    /** @return the HTTP status */
    public int status() {
        return status;
    }

    /** @return the {@code code} when it is an outcome code of errors.md, or {@code null} */
    public OutcomeCode code() {
        if (code == null) {
            return null;
        }
        for (OutcomeCode c : OutcomeCode.values()) {
            if (c.name().equals(code)) {
                return c;
            }
        }
        return null;
    }

    /** @return the {@code code} as written, or {@code null} */
    public String codeName() {
        return code;
    }

    /** @return the faults listed in {@code errors} */
    public List<Item> errors() {
        return errors;
    }

    /** @return extra response headers */
    public Map<String, String> headers() {
        return headers;
    }

    /**
     * @param requestId the request's ID
     * @return the JSON members, in the order of RFC 9457 then the extensions
     */
    public Map<String, Object> toJson(String requestId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type);
        m.put("title", title);
        m.put("status", status);
        m.put("detail", detail);
        if (code != null) {
            m.put("code", code);
        }
        m.put("request_id", requestId);
        if (!errors.isEmpty()) {
            List<Map<String, Object>> list = new ArrayList<>();
            for (Item e : errors) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("code", e.codeName());
                if (e.pointer() != null) {
                    item.put("pointer", e.pointer());
                }
                item.put("detail", e.detail());
                list.add(item);
            }
            m.put("errors", list);
        }
        return m;
    }

    /** @return this problem as an exception for a handler to throw */
    public ProblemException exception() {
        return new ProblemException(this);
    }

    /**
     * @param status an HTTP status
     * @return its reason phrase (RFC 9110 §15)
     */
    public static String reason(int status) {
        switch (status) {
            case 400: return "Bad Request";
            case 401: return "Unauthorized";
            case 404: return "Not Found";
            case 405: return "Method Not Allowed";
            case 408: return "Request Timeout";
            case 403: return "Forbidden";
            case 409: return "Conflict";
            case 410: return "Gone";
            case 413: return "Content Too Large";
            case 414: return "URI Too Long";
            case 415: return "Unsupported Media Type";
            case 421: return "Misdirected Request";
            case 422: return "Unprocessable Content";
            case 429: return "Too Many Requests";
            case 431: return "Request Header Fields Too Large";
            case 500: return "Internal Server Error";
            case 501: return "Not Implemented";
            case 502: return "Bad Gateway";
            case 503: return "Service Unavailable";
            case 505: return "HTTP Version Not Supported";
            default: return "HTTP " + status;
        }
    }

    @Override
    public String toString() {
        return "Problem[" + status + ", " + type + (code == null ? "" : ", " + code) + "]";
    }
}
