package org.zwfw.sdk.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.zwfw.sdk.crypto.SigningKey;
import org.zwfw.sdk.httpsig.HttpFields;
import org.zwfw.sdk.httpsig.MessageSigner;
import org.zwfw.sdk.httpsig.RequestMessage;
import org.zwfw.sdk.httpsig.ResponseMessage;
import org.zwfw.sdk.httpsig.ResponseVerifier;
import org.zwfw.sdk.httpsig.Signed;
import org.zwfw.sdk.httpsig.VerifiedResponse;
import org.zwfw.sdk.sandbox.Sandbox;
import org.zwfw.sdk.verify.VerificationResult;

/**
 * A test client of the sandbox's API: requests signed by the SDK's {@link MessageSigner}, sent
 * with {@code java.net.http}, every answer verified by {@link ResponseVerifier} against the
 * platform keys before it is returned.
 */
final class ApiClient {

    static final ObjectMapper JSON = new ObjectMapper();
    /** Every answer of a path the document declares is checked against it (the testkit's OpenAPI validator). */
    static final org.zwfw.sdk.sandbox.internal.openapi.ApiDocument DOCUMENT =
            org.zwfw.sdk.sandbox.internal.openapi.ApiDocument.load();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    record Reply(int status, byte[] body, Map<String, List<String>> headers, boolean verified, String refusal) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String code() {
            return json().path("code").asText();
        }

        String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }
    }

    final Sandbox sandbox;
    final String appId;
    final MessageSigner signer;
    final Clock clock;

    ApiClient(Sandbox sandbox, String appId, SigningKey key, Clock clock) {
        this.sandbox = sandbox;
        this.appId = appId;
        this.signer = MessageSigner.of(key);
        this.clock = clock;
    }

    /**
     * A signed read. java.net.http sends a GET again by itself, with the same headers, when the
     * server closed the kept-alive connection under it (the short read deadlines of some tests
     * close idle connections): the sandbox then refuses the nonce it has just seen, 401 REPLAYED.
     * As the SDK's ApiClient does, such a read is signed anew once.
     */
    Reply get(String pathAndQuery) {
        Reply r = send("GET", pathAndQuery, null, null, null, UnaryOperator.identity());
        if (r.status() == 401 && r.code().equals("REPLAYED")) {
            r = send("GET", pathAndQuery, null, null, null, UnaryOperator.identity());
        }
        return r;
    }

    Reply post(String path, Object json) {
        return send("POST", path, bytes(json), "application/json", null, UnaryOperator.identity());
    }

    Reply create(String path, Object json, String idempotencyKey) {
        return send("POST", path, bytes(json), "application/json", idempotencyKey, UnaryOperator.identity());
    }

    static byte[] bytes(Object json) {
        try {
            return json instanceof byte[] ? (byte[]) json : json instanceof String
                    ? ((String) json).getBytes(java.nio.charset.StandardCharsets.UTF_8) : JSON.writeValueAsBytes(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Signs and sends a request; {@code tamper} may change the signed request before it is sent. */
    Reply send(String method, String pathAndQuery, byte[] body, String contentType, String idempotencyKey,
            UnaryOperator<RequestMessage> tamper) {
        return sendSigned(sign(method, pathAndQuery, body, contentType, idempotencyKey, clock.instant(),
                MessageSigner.newNonce()), tamper);
    }

    RequestMessage sign(String method, String pathAndQuery, byte[] body, String contentType, String idempotencyKey,
            Instant created, String nonce) {
        URI uri = URI.create(sandbox.baseUri() + pathAndQuery);
        HttpFields f = HttpFields.of("x-zwfw-app-id", appId);
        if (contentType != null) {
            f = f.with("content-type", contentType);
        }
        if (idempotencyKey != null) {
            f = f.with("idempotency-key", "\"" + idempotencyKey + "\"");
        }
        Signed<RequestMessage> s = signer.signRequest(RequestMessage.of(method, uri, f, body), created, nonce);
        return s.message();
    }

    Reply sendSigned(RequestMessage signed, UnaryOperator<RequestMessage> tamper) {
        RequestMessage m = tamper.apply(signed);
        URI uri = URI.create("http://" + m.authority() + m.path()
                + (m.query() == null ? "" : "?" + m.query()));
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20));
        for (Map.Entry<String, String> line : m.fields().lines()) {
            b.header(line.getKey(), line.getValue());
        }
        byte[] content = m.content();
        b.method(m.method(), content == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(content));
        try {
            HttpResponse<byte[]> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            Map<String, List<String>> headers = new LinkedHashMap<>(r.headers().map());
            List<String> pairs = new ArrayList<>();
            headers.forEach((k, vs) -> vs.forEach(v -> {
                pairs.add(k);
                pairs.add(v);
            }));
            ResponseMessage response = new ResponseMessage(r.statusCode(), HttpFields.of(headers), r.body());
            VerificationResult<VerifiedResponse> v = ResponseVerifier.builder().clock(clock)
                    .platformKeys(sandbox.platformKeys()).build().verify(response, m);
            String ct = r.headers().firstValue("Content-Type").orElse(null);
            List<String> violations = DOCUMENT.checkResponse(m.method(), m.path(), r.statusCode(), ct, r.body());
            violations.removeIf(x -> x.endsWith("no path of the document matches"));
            if (!violations.isEmpty()) {
                throw new AssertionError("the answer does not conform to zwfw-api.yaml: " + violations);
            }
            // a header over the HTTP layer's limit is refused before it is parsed: unsigned (sandbox.md §11.1)
            for (String h : r.statusCode() == 431 ? List.of("X-Request-Id")
                    : List.of("X-Request-Id", "Content-Digest", "Signature", "Signature-Input")) {
                if (r.headers().firstValue(h).isEmpty()) {
                    throw new AssertionError("the answer lacks " + h);
                }
            }
            return new Reply(r.statusCode(), r.body(), headers, v.isValid(),
                    v.isValid() ? null : v.errors().get(0).code().name());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
