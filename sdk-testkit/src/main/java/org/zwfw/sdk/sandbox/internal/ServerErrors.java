package org.zwfw.sdk.sandbox.internal;

import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.zwfw.sdk.verify.OutcomeCode;

/**
 * The answers of the server library itself, to requests that never reach the {@link Router}
 * (a request line or header that is not HTTP/1.1, a header over the size limit, a missing or
 * repeated {@code Host}, a bad {@code Content-Length} or chunk): problem details like every other
 * answer, with an outcome code where one fits, in the sandbox's own words (the library's reason
 * texts are not passed on).
 */
public final class ServerErrors extends ErrorHandler {

    /** The largest request line and header accepted, in bytes; larger ones are answered 431. */
    public static final int MAX_HEADER_BYTES = 8192;

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
            Callback callback) {
        String requestId = UUID.randomUUID().toString();
        Problem p = problem(code, message);
        response.setStatus(code);
        HttpFields.Mutable h = response.getHeaders();
        h.put("Content-Type", Problem.MEDIA_TYPE);
        Router.securityHeaders(h, requestId);
        byte[] body = StrictJson.write(p.toJson(requestId));
        h.put("Content-Length", Integer.toString(body.length));
        response.write(true, request.getMethod().equals("HEAD") ? null : ByteBuffer.wrap(body), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        String requestId = UUID.randomUUID().toString();
        fields.put("Content-Type", Problem.MEDIA_TYPE);
        Router.securityHeaders(fields, requestId);
        return ByteBuffer.wrap(StrictJson.write(problem(status, reason).toJson(requestId)));
    }

    /**
     * @param status the status the library chose
     * @param reason its reason text, only to recognise a {@code Host} fault
     * @return the problem to answer
     */
    static Problem problem(int status, String reason) {
        String r = reason == null ? "" : reason.toLowerCase(Locale.ROOT);
        switch (status) {
            case 400:
                return Problem.http(400, r.contains("host")
                        ? "a request carries exactly one Host header, naming the sandbox"
                        : "the request is not well-formed HTTP/1.1 (request line, header syntax, Content-Length or"
                                + " chunked encoding)").withCode(OutcomeCode.MALFORMED);
            case 408:
                return Problem.http(408, "the request was not sent in time");
            case 413:
                return Problem.http(413, "the request is too large").withCode(OutcomeCode.TOO_LARGE);
            case 414:
                return Problem.http(414, "the request target is longer than the server accepts")
                        .withCode(OutcomeCode.TOO_LARGE);
            case 431:
                return Problem.http(431, "the request header is larger than " + MAX_HEADER_BYTES / 1024 + " KiB")
                        .withCode(OutcomeCode.TOO_LARGE);
            case 505:
                return Problem.http(505, "the sandbox speaks HTTP/1.1 (and HTTP/1.0)");
            default:
                return status >= 500 ? Problem.http(status, "unexpected failure in the sandbox; see its log")
                        : Problem.http(status, "the request was refused by the HTTP layer");
        }
    }
}
