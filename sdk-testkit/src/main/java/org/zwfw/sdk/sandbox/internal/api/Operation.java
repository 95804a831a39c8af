package org.zwfw.sdk.sandbox.internal.api;

import java.util.Objects;
import org.zwfw.sdk.sandbox.internal.Request;
import org.zwfw.sdk.sandbox.internal.Response;
import org.zwfw.sdk.sandbox.internal.Router;

/**
 * One operation of the API document, registered on the router below {@code /v1}. The router hands
 * it to the {@link Gate}, which runs it only for a verified, permitted request; called directly it
 * refuses.
 */
final class Operation implements Router.Handler {

    /** What an operation does with a verified call. */
    @FunctionalInterface
    interface Body {
        Response apply(Call call);
    }

    final String id;
    final String method;
    final String template;
    final int maxBody;
    final boolean creating;
    final boolean planned;
    final Body body;

    Operation(String id, String method, String template, int maxBody, boolean creating, boolean planned, Body body) {
        this.id = id;
        this.method = method;
        this.template = template;
        this.maxBody = maxBody;
        this.creating = creating;
        this.planned = planned;
        this.body = Objects.requireNonNull(body, "body");
    }

    @Override
    public Response handle(Request request) {
        throw new IllegalStateException(id + " runs behind the API gate only");
    }

    @Override
    public String toString() {
        return "Operation[" + id + "]";
    }
}
