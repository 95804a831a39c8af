package org.zwfw.sdk.sandbox.internal.api;

import java.util.List;
import org.zwfw.sdk.sandbox.internal.Problem;
import org.zwfw.sdk.sandbox.internal.ProblemException;

/**
 * The problem details of the API document: its types ({@code urn:zwfw:problem:...}) and codes
 * (schema {@code ProblemCode}). Details never repeat a submitted value.
 */
final class ApiProblems {

    static final String INVALID_REQUEST = "urn:zwfw:problem:invalid-request";
    static final String SIGNATURE = "urn:zwfw:problem:signature";
    static final String FORBIDDEN = "urn:zwfw:problem:forbidden";
    static final String STATE_CONFLICT = "urn:zwfw:problem:state-conflict";
    static final String IDEMPOTENCY = "urn:zwfw:problem:idempotency";
    static final String RATE_LIMITED = "urn:zwfw:problem:rate-limited";

    private ApiProblems() {
    }

    static ProblemException invalid(List<Problem.Item> faults) {
        return Problem.invalidRequest(faults).withType(INVALID_REQUEST).exception();
    }

    static ProblemException invalid(String code, String pointer, String detail) {
        return invalid(List.of(new Problem.Item(code, pointer, detail)));
    }

    static ProblemException notFound(String detail) {
        return Problem.http(404, detail).withCode("NOT_FOUND").exception();
    }

    static ProblemException conflict(String code, String title, String detail) {
        return Problem.api(409, STATE_CONFLICT, title, detail, code, List.of()).exception();
    }

    static ProblemException unprocessable(String code, String title, List<Problem.Item> faults) {
        String detail = faults.size() == 1 ? faults.get(0).detail() : faults.size() + " problems; see errors";
        return Problem.api(422, INVALID_REQUEST, title, detail, code, faults.size() > Problem.MAX_LISTED_FAULTS
                ? faults.subList(0, Problem.MAX_LISTED_FAULTS) : faults).exception();
    }

    static ProblemException forbidden(String code, String title, String detail, List<Problem.Item> errors) {
        return Problem.api(403, FORBIDDEN, title, detail, code, errors).exception();
    }

    static Problem signature(int status, String code, String detail) {
        return Problem.api(status, SIGNATURE, "The request signature was refused", detail, code, List.of());
    }

    static Problem rateLimited(long seconds, String detail) {
        return Problem.api(429, RATE_LIMITED, "Too many requests", detail, "RATE_LIMITED", List.of())
                .withHeader("Retry-After", Long.toString(seconds));
    }

    /**
     * A problem the router or a shared part found, given the API's type and a code where it had
     * none: every problem of the API has a {@code code}.
     */
    static Problem forApi(Problem p) {
        Problem out = p;
        if (Problem.INVALID_REQUEST.equals(p.type())) {
            out = out.withType(INVALID_REQUEST);
        } else if (Problem.STATUS_FINAL.equals(p.type())) {
            out = out.withType(STATE_CONFLICT);
        } else if (Problem.STATUS_LIST_FULL.equals(p.type())) {
            out = out.withType(Problem.ABOUT_BLANK).withCode("STATUS_LIST_FULL");
        }
        if (out.codeName() == null) {
            out = out.withCode(defaultCode(p.status()));
        }
        return out;
    }

    private static String defaultCode(int status) {
        switch (status) {
            case 400: return "MALFORMED";
            case 401: return "SIGNATURE_MISSING";
            case 403: return "PERMISSION_DENIED";
            case 404: return "NOT_FOUND";
            case 405: return "METHOD_NOT_ALLOWED";
            case 409: return "STATE_CONFLICT";
            case 413: case 414: case 431: return "TOO_LARGE";
            case 415: return "UNSUPPORTED_MEDIA_TYPE";
            case 421: return "AUDIENCE_MISMATCH";
            case 429: return "RATE_LIMITED";
            case 501: return "NOT_IMPLEMENTED";
            case 503: return "UNAVAILABLE";
            default: return status >= 500 ? "INTERNAL_ERROR" : "MALFORMED";
        }
    }
}
