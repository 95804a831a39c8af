package org.zwfw.sdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.httpsig.HttpFields;
import org.zwfw.sdk.httpsig.MessageSigner;
import org.zwfw.sdk.httpsig.RequestMessage;
import org.zwfw.sdk.httpsig.ResponseMessage;
import org.zwfw.sdk.httpsig.ResponseVerifier;
import org.zwfw.sdk.httpsig.VerifiedResponse;
import org.zwfw.sdk.sandbox.Sandbox;
import org.zwfw.sdk.sandbox.SandboxIssuer;
import org.zwfw.sdk.verify.VerificationResult;

/**
 * A user's test of their own API code: the extension hands over what calling the sandbox's API
 * takes ({@link SandboxApi}), and runs the sandbox with a case step, so cases move on their own.
 * The calls are what a user of sdk-core alone writes: {@link MessageSigner} and
 * {@link ResponseVerifier} on {@code java.net.http}.
 */
@ZwfwSandbox(caseStepMillis = 40, webhookTimeScale = 0.0001)
class ZwfwSandboxApiTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    @SandboxValue
    SandboxApi field;

    /** One signed call; the answer is verified against the platform keys before it is read. */
    private static JsonNode call(SandboxApi api, JwsAlgorithm alg, String method, String path, Object body, boolean create,
            int expected) throws Exception {
        byte[] content = body == null ? null : body instanceof byte[] ? (byte[]) body : JSON.writeValueAsBytes(body);
        HttpFields fields = HttpFields.of("x-zwfw-app-id", api.appId());
        if (content != null) {
            fields = fields.with("content-type", body instanceof byte[] ? "application/pdf" : "application/json");
        }
        if (create) {
            fields = fields.with("idempotency-key", "\"" + UUID.randomUUID() + "\"");
        }
        URI uri = URI.create(api.baseUri() + path);
        RequestMessage signed = MessageSigner.of(api.signingKey(alg)).signRequest(RequestMessage.of(method, uri,
                fields, content), Clock.systemUTC().instant(), MessageSigner.newNonce()).message();
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).method(method,
                content == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(content));
        signed.fields().lines().forEach(l -> b.header(l.getKey(), l.getValue()));
        HttpResponse<byte[]> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        VerificationResult<VerifiedResponse> v = ResponseVerifier.builder().platformKeys(api.platformKeys()).build()
                .verify(new ResponseMessage(r.statusCode(), HttpFields.of(r.headers().map()), r.body()), signed);
        assertThat(v.isValid()).as("the answer verifies: %s", v.errors()).isTrue();
        assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(expected);
        return JSON.readTree(r.body());
    }

    @Test
    void theTestGetsTheApiAndTheDefaultAppsKeys(SandboxApi api, Sandbox sandbox) throws Exception {
        assertThat(api).isEqualTo(field);
        assertThat(api.baseUri()).isEqualTo(URI.create(sandbox.baseUri() + "/v1"));
        assertThat(api.appId()).isEqualTo(Sandbox.DEFAULT_API_APP);
        assertThat(api.signingKeys()).extracting(k -> k.algorithm()).containsExactly(JwsAlgorithm.ES256,
                JwsAlgorithm.EDDSA, JwsAlgorithm.SGD_SM3_SM2);
        assertThat(api.platformKeys().keys()).hasSize(3);
        assertThat(api.toString()).doesNotContain("\"d\"");
        for (JwsAlgorithm alg : List.of(JwsAlgorithm.ES256, JwsAlgorithm.EDDSA, JwsAlgorithm.SGD_SM3_SM2)) {
            assertThat(call(api, alg, "GET", "/issuers", null, false, 200).path("issuers")).hasSize(3);
        }
    }

    @Test
    void casesMoveOnTheAnnotationsStep(SandboxApi api) throws Exception {
        String upload = call(api, JwsAlgorithm.ES256, "POST", "/uploads", "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII),
                true, 201).path("upload_id").asText();
        Map<String, Object> body = Map.of("item_code", "330100-BDC-CX-0009", "handling_mode", "FULLY_ONLINE",
                "applicant", Map.of("kind", "ORGANIZATION", "name", "示例餐饮管理有限公司", "id_type", "001",
                        "id_number", SandboxIssuer.MARKET_REGULATION.uscc(), "contact_name", "李四", "phone", "13900000000"),
                "form", Map.of("form_type", "generic", "fields", Map.of("area", 120)),
                "materials", List.of(Map.of("material_code", "M001", "upload_id", upload)));
        String id = call(api, JwsAlgorithm.SGD_SM3_SM2, "POST", "/cases", body, true, 201).path("case_id").asText();
        String status = "";
        for (int i = 0; i < 200 && !status.equals("COMPLETED"); i++) {
            Thread.sleep(20);
            status = call(api, JwsAlgorithm.EDDSA, "GET", "/cases/" + id, null, false, 200).path("status").asText();
        }
        assertThat(status).as("the case moved on its own, without advanceCase").isEqualTo("COMPLETED");
    }
}
