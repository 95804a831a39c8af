package org.zwfw.sdk.sandbox.internal.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.zwfw.sdk.sandbox.RegisteredApp;
import org.zwfw.sdk.sandbox.internal.FormParams;
import org.zwfw.sdk.sandbox.internal.Request;

/**
 * A verified call of an operation: the request, the calling application (absent only for an
 * unsigned {@code GET /v1/platform/keys}) and the operation.
 */
record Call(Request request, RegisteredApp app, Operation operation) {

    String appId() {
        return app == null ? null : app.clientId();
    }

    String path(String name) {
        return request.pathParam(name);
    }

    /** The JSON object body; a POST of another type is 415. */
    JsonNode json() {
        String ct = request.header("Content-Type").orElse("");
        String[] parts = ct.split(";");
        boolean ok = parts[0].strip().equalsIgnoreCase("application/json");
        for (int i = 1; i < parts.length; i++) {
            ok &= parts[i].strip().replace(" ", "").equalsIgnoreCase("charset=utf-8");
        }
        if (!ok) {
            throw org.zwfw.sdk.sandbox.internal.Problem.http(415, "send the body as Content-Type: application/json"
                    + " (UTF-8)").withCode("UNSUPPORTED_MEDIA_TYPE").exception();
        }
        return request.jsonObject();
    }

    /** The query parameters; a query that is not well-formed is 400. */
    FormParams query() {
        try {
            return request.query();
        } catch (FormParams.FormException e) {
            throw ApiProblems.invalid("MALFORMED", null, "the query is not well-formed");
        }
    }

    /** One query parameter, at most once; unknown parameters are refused. */
    String param(FormParams q, String name) {
        try {
            return q.single(name).orElse(null);
        } catch (FormParams.FormException e) {
            throw ApiProblems.invalid("INVALID_CLAIM", null, "query parameter " + name + " appears more than once");
        }
    }

    /** Refuses query parameters the operation does not take. */
    void onlyParams(FormParams q, List<String> known) {
        for (String n : q.names()) {
            if (!known.contains(n)) {
                throw ApiProblems.invalid("INVALID_CLAIM", null, "unknown query parameter "
                        + org.zwfw.sdk.sandbox.internal.StrictJson.quote(n) + "; this operation takes " + known);
            }
        }
    }
}
