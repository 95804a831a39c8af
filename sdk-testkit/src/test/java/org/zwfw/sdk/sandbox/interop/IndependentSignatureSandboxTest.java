package org.zwfw.sdk.sandbox.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.httpsig.MessageSigner;
import org.zwfw.sdk.sandbox.Sandbox;

/**
 * The independent RFC 9421 implementation (interop/http-signatures) against the sandbox's signed
 * API over real HTTP: it signs requests with the default app's keys, the sandbox accepts them, and
 * it verifies the sandbox's answers bound to its own requests; a changed answer or one checked
 * against another request is refused. ecdsa-p256-sha256 and ed25519 (the library has no SM2).
 */
class IndependentSignatureSandboxTest {

    private static final String APP = "sandbox-service";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final Set<String> RESTRICTED = Set.of("host", "content-length");
    private static Sandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.builder().start();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    /** A request as the scripts read it (spec/api-signing.md §10.1). */
    private static ObjectNode request(String method, String target, String contentType, String idempotencyKey,
            byte[] body) {
        ObjectNode r = NodeSignatures.JSON.createObjectNode();
        r.put("method", method).put("target", target).put("scheme", sandbox.baseUri().getScheme());
        ArrayNode h = r.putArray("headers");
        h.addArray().add("host").add(sandbox.baseUri().getRawAuthority());
        if (contentType != null) {
            h.addArray().add("content-type").add(contentType);
        }
        if (idempotencyKey != null) {
            h.addArray().add("idempotency-key").add("\"" + idempotencyKey + "\"");
        }
        h.addArray().add("x-zwfw-app-id").add(APP);
        if (body != null) {
            r.put("body_base64", Base64.getEncoder().encodeToString(body));
        }
        return r;
    }

    /** Signs with Node; the request with its new fields. */
    private static ObjectNode sign(ObjectNode request, JwsAlgorithm alg) throws IOException {
        ObjectNode in = NodeSignatures.JSON.createObjectNode();
        in.set("request", request);
        in.set("private_key", NodeSignatures.JSON.readTree(sandbox.defaultAppKey(APP, alg).toPrivateJwkJson()));
        in.put("created", Instant.now().getEpochSecond()).put("nonce", MessageSigner.newNonce());
        JsonNode out = NodeSignatures.run("sign-request", in);
        ObjectNode signed = request.deepCopy();
        out.get("headers").forEach(h -> ((ArrayNode) signed.get("headers")).add(h));
        return signed;
    }

    /** Sends the request as the scripts describe it; the answer in the same form. */
    private static ObjectNode send(JsonNode request) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sandbox.baseUri().getScheme() + "://"
                + sandbox.baseUri().getRawAuthority() + request.get("target").asText())).timeout(Duration.ofSeconds(20));
        request.get("headers").forEach(h -> {
            if (!RESTRICTED.contains(h.get(0).asText())) {
                b.header(h.get(0).asText(), h.get(1).asText());
            }
        });
        byte[] body = request.has("body_base64") ? Base64.getDecoder().decode(request.get("body_base64").asText()) : null;
        b.method(request.get("method").asText(), body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            HttpResponse<byte[]> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            ObjectNode res = NodeSignatures.JSON.createObjectNode();
            res.put("status", r.statusCode());
            ArrayNode h = res.putArray("headers");
            for (Map.Entry<String, List<String>> e : r.headers().map().entrySet()) {
                e.getValue().forEach(v -> h.addArray().add(e.getKey().toLowerCase(java.util.Locale.ROOT)).add(v));
            }
            res.put("body_base64", Base64.getEncoder().encodeToString(r.body()));
            return res;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Node's verdict on an answer to a request. */
    private static JsonNode verify(JsonNode response, JsonNode request) {
        ObjectNode in = NodeSignatures.JSON.createObjectNode();
        in.set("response", response);
        in.set("request", request);
        ObjectNode ctx = in.putObject("context");
        ctx.put("time", Instant.now().toString());
        try {
            ctx.set("platform_keys", NodeSignatures.JSON.readTree(sandbox.platformKeys().toJson()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return NodeSignatures.run("verify-response", in);
    }

    private static String header(JsonNode m, String name) {
        return IndependentSignatureVectorsTest.header(m, name);
    }

    private static String body(JsonNode response) {
        return new String(Base64.getDecoder().decode(response.get("body_base64").asText()), StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @EnumSource(names = {"ES256", "EDDSA"})
    void theSandboxAcceptsItsRequestsAndItVerifiesTheAnswers(JwsAlgorithm alg) throws IOException {
        String profileAlg = alg == JwsAlgorithm.ES256 ? "ecdsa-p256-sha256" : "ed25519";
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0};
        Object[][] calls = {
            {"GET", "/v1/issuers", null, null, null, 200},
            {"GET", "/v1/service-items?region_code=330100&page_size=2", null, null, null, 200},
            {"POST", "/v1/uploads", "image/png", "upload-" + alg.name().toLowerCase(java.util.Locale.ROOT)
                    + "-0123456789", png, 201},
            {"POST", "/v1/cases/case_0000000000000000/withdraw", "application/json", null,
                "{\"reason\":\"撤回\"}".getBytes(StandardCharsets.UTF_8), 404},
        };
        for (Object[] c : calls) {
            ObjectNode sent = sign(request((String) c[0], (String) c[1], (String) c[2], (String) c[3], (byte[]) c[4]), alg);
            ObjectNode answer = send(sent);
            String as = c[0] + " " + c[1] + " " + answer.get("status") + " " + body(answer);
            assertThat(answer.get("status").asInt()).as(as).isEqualTo((int) c[5]);
            JsonNode v = verify(answer, sent);
            assertThat(v.get("codes")).as(as + " " + v).isEmpty();
            assertThat(v.get("valid").asBoolean()).as(as).isTrue();
            assertThat(header(answer, "signature-input")).as("answered in kind").contains("alg=\"" + profileAlg + "\"");
            assertThat(v.get("signature_base").asText()).contains("\"signature\";req;key=\"zwfw\": "
                    + header(sent, "signature").substring("zwfw=".length()));
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"ES256", "EDDSA"})
    void itRefusesAChangedAnswerAndOneMadeForAnotherRequest(JwsAlgorithm alg) throws IOException {
        ObjectNode first = sign(request("GET", "/v1/issuers", null, null, null), alg);
        ObjectNode answer = send(first);
        ObjectNode changed = answer.deepCopy();
        changed.put("body_base64", Base64.getEncoder().encodeToString((body(answer) + " ").getBytes(StandardCharsets.UTF_8)));
        assertThat(verify(changed, first).get("codes").toString()).isEqualTo("[\"DIGEST_MISMATCH\"]");
        ObjectNode second = sign(request("GET", "/v1/issuers", null, null, null), alg);
        assertThat(verify(answer, second).get("codes").toString()).isEqualTo("[\"SIGNATURE_INVALID\"]");
    }

    @ParameterizedTest
    @EnumSource(names = {"ES256", "EDDSA"})
    void theSandboxRefusesItsRequestChangedAfterSigningWithASignedProblemItVerifies(JwsAlgorithm alg)
            throws IOException {
        ObjectNode sent = sign(request("POST", "/v1/cases/case_0000000000000000/withdraw", "application/json", null,
                "{\"reason\":\"x\"}".getBytes(StandardCharsets.UTF_8)), alg);
        sent.put("body_base64", Base64.getEncoder().encodeToString("{\"reason\":\"y\"}".getBytes(StandardCharsets.UTF_8)));
        ObjectNode answer = send(sent);
        assertThat(answer.get("status").asInt()).as(body(answer)).isEqualTo(401);
        assertThat(NodeSignatures.JSON.readTree(body(answer)).get("code").asText()).isEqualTo("DIGEST_MISMATCH");
        JsonNode v = verify(answer, sent);
        assertThat(v.get("codes")).as(v.toString()).isEmpty();
        assertThat(v.get("valid").asBoolean()).isTrue();
    }
}
