package org.zwfw.sdk.client;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.zwfw.sdk.http.HttpTransport;
import org.zwfw.sdk.sandbox.internal.openapi.ApiDocument;

/**
 * The client's default transport, with every request it sends and every answer it gets checked
 * against the OpenAPI document (the testkit's validator) before the client sees the answer.
 */
final class DocumentCheckingTransport implements HttpTransport {

    private final HttpTransport inner = HttpTransport.standard(Duration.ofSeconds(5), true);
    private final ApiDocument doc;
    final List<String> violations = new CopyOnWriteArrayList<>();
    final AtomicInteger answersChecked = new AtomicInteger();

    DocumentCheckingTransport(ApiDocument doc) {
        this.doc = doc;
    }

    @Override
    public byte[] get(URI uri, String accept, int maxBytes, Duration timeout) throws IOException {
        return inner.get(uri, accept, maxBytes, timeout);
    }

    @Override
    public Response exchange(Request request) throws IOException {
        String path = request.uri().getRawPath();
        if (path.startsWith("/v1/")) {
            String type = null;
            for (Map.Entry<String, String> h : request.headers().entrySet()) {
                if (h.getKey().equalsIgnoreCase("content-type")) {
                    type = h.getValue();
                }
            }
            List<String> v = new ArrayList<>(doc.checkRequest(request.method(), path, type, request.body()));
            v.forEach(s -> violations.add("request " + request.method() + " " + path + ": " + s));
        }
        Response r = inner.exchange(request);
        if (path.startsWith("/v1/")) {
            for (String s : doc.checkResponse(request.method(), path, r.status(), r.contentType().orElse(null), r.body())) {
                violations.add("answer " + r.status() + " to " + request.method() + " " + path + ": " + s);
            }
            answersChecked.incrementAndGet();
        }
        return r;
    }

    @Override
    public void close() {
        inner.close();
    }
}
