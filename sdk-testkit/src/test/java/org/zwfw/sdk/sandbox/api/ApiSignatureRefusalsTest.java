package org.zwfw.sdk.sandbox.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.crypto.SigningKey;
import org.zwfw.sdk.httpsig.HttpFields;
import org.zwfw.sdk.httpsig.MessageSigner;
import org.zwfw.sdk.httpsig.RequestMessage;
import org.zwfw.sdk.sandbox.Sandbox;
import org.zwfw.sdk.testkit.TestClock;

/**
 * Each refusal of spec/api-signing.md §6, one test each: a signed problem answer with status and
 * code, and nothing done.
 */
class ApiSignatureRefusalsTest {

    static Sandbox sandbox;
    static TestClock clock;
    static ApiClient client;

    @BeforeAll
    static void start() {
        clock = TestClock.atNow();
        sandbox = Sandbox.builder().clock(clock).start();
        client = new ApiClient(sandbox, "sandbox-service", sandbox.defaultAppKey("sandbox-service", JwsAlgorithm.ES256),
                clock);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static void refused(ApiClient.Reply r, int status, String code) {
        assertThat(r.status()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(status);
        assertThat(r.code()).isEqualTo(code);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.header("X-Request-Id")).isEqualTo(r.json().path("request_id").asText());
        assertThat(r.header("Signature")).as("every answer is signed").isNotNull();
    }

    @Test
    void aRequestSignedWellIsAnswered() {
        ApiClient.Reply r = client.get("/v1/issuers");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.verified()).as(r.refusal()).isTrue();
    }

    @Test
    void everyAlgorithmSignsAndIsAnsweredInKind() {
        for (JwsAlgorithm alg : new JwsAlgorithm[] {JwsAlgorithm.EDDSA, JwsAlgorithm.SGD_SM3_SM2}) {
            ApiClient c = new ApiClient(sandbox, "sandbox-service", sandbox.defaultAppKey("sandbox-service", alg), clock);
            ApiClient.Reply r = c.post("/v1/cases/case_0000000000000000/withdraw", Map.of("reason", "x"));
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.verified()).as(alg + ": " + r.refusal()).isTrue();
            assertThat(r.header("Signature-Input")).contains(c.signer.algorithm());
        }
    }

    @Test
    void anUnsignedRequestIsSignatureMissing() {
        refused(client.get("/v1/issuers").status() == 200 ? client.sendSigned(client.sign("GET", "/v1/issuers", null,
                null, null, clock.instant(), MessageSigner.newNonce()), m -> m.withFields(m.fields().without("signature")
                .without("signature-input"))) : null, 401, "SIGNATURE_MISSING");
    }

    @Test
    void aStaleCreatedIsExpired() {
        refused(client.sendSigned(client.sign("GET", "/v1/issuers", null, null, null,
                clock.instant().minus(Duration.ofSeconds(301)), MessageSigner.newNonce()), m -> m), 401, "EXPIRED");
    }

    @Test
    void aCreatedFarAheadIsIssuedInFuture() {
        refused(client.sendSigned(client.sign("GET", "/v1/issuers", null, null, null,
                clock.instant().plus(Duration.ofSeconds(301)), MessageSigner.newNonce()), m -> m), 401,
                "ISSUED_IN_FUTURE");
    }

    @Test
    void aReusedNonceIsReplayed() {
        RequestMessage signed = client.sign("GET", "/v1/issuers", null, null, null, clock.instant(),
                MessageSigner.newNonce());
        assertThat(client.sendSigned(signed, m -> m).status()).isEqualTo(200);
        refused(client.sendSigned(signed, m -> m), 401, "REPLAYED");
    }

    @Test
    void aChangedBodyIsDigestMismatch() {
        RequestMessage signed = client.sign("POST", "/v1/cases/case_0000000000000000/withdraw",
                "{\"reason\":\"a\"}".getBytes(StandardCharsets.UTF_8), "application/json", null, clock.instant(),
                MessageSigner.newNonce());
        refused(client.sendSigned(signed, m -> new RequestMessage(m.method(), m.authority(), m.path(), m.query(),
                m.fields(), "{\"reason\":\"b\"}".getBytes(StandardCharsets.UTF_8))), 401, "DIGEST_MISMATCH");
    }

    @Test
    void anUnknownAppIsUnknownApp() {
        ApiClient stranger = new ApiClient(sandbox, "no-such-app", SigningKey.generate(JwsAlgorithm.ES256), clock);
        refused(stranger.get("/v1/issuers"), 401, "UNKNOWN_APP");
    }

    @Test
    void anAppWithoutApiKeysIsUnknownApp() {
        ApiClient nativeApp = new ApiClient(sandbox, "sandbox-native", SigningKey.generate(JwsAlgorithm.ES256), clock);
        refused(nativeApp.get("/v1/issuers"), 401, "UNKNOWN_APP");
    }

    @Test
    void anotherKeyIsUnknownKey() {
        ApiClient wrong = new ApiClient(sandbox, "sandbox-service", SigningKey.generate(JwsAlgorithm.ES256), clock);
        refused(wrong.get("/v1/issuers"), 401, "UNKNOWN_KEY");
    }

    @Test
    void anUncoveredQueryIsComponentNotCovered() {
        RequestMessage signed = client.sign("GET", "/v1/issuers", null, null, null, clock.instant(),
                MessageSigner.newNonce());
        refused(client.sendSigned(signed, m -> new RequestMessage(m.method(), m.authority(), m.path(), "x=1",
                m.fields(), null)), 401, "COMPONENT_NOT_COVERED");
    }

    @Test
    void anUncoveredIdempotencyKeyIsComponentNotCovered() {
        RequestMessage signed = client.sign("POST", "/v1/uploads", "%PDF-1.4".getBytes(StandardCharsets.US_ASCII),
                "application/pdf", null, clock.instant(), MessageSigner.newNonce());
        refused(client.sendSigned(signed, m -> m.withFields(m.fields().with("idempotency-key",
                "\"0123456789abcdef0123\""))), 401, "COMPONENT_NOT_COVERED");
    }

    @Test
    void anotherAuthorityIsAudienceMismatch() {
        // signed for localhost:<port>, which the server answers (loopback) but which is not the platform's authority
        RequestMessage r = RequestMessage.of("GET", java.net.URI.create("http://localhost:" + sandbox.port()
                + "/v1/issuers"), HttpFields.of("x-zwfw-app-id", "sandbox-service"), null);
        RequestMessage signed = client.signer.signRequest(r, clock.instant(), MessageSigner.newNonce()).message();
        refused(client.sendSigned(signed, m -> m), 401, "AUDIENCE_MISMATCH");
    }

    @Test
    void aForgedSignatureIsSignatureInvalid() {
        RequestMessage signed = client.sign("GET", "/v1/issuers", null, null, null, clock.instant(),
                MessageSigner.newNonce());
        String sig = signed.fields().first("signature").orElseThrow();
        char c = sig.charAt(10);
        String forged = sig.substring(0, 10) + (c == 'A' ? 'B' : 'A') + sig.substring(11);
        refused(client.sendSigned(signed, m -> m.withFields(m.fields().replace("signature", forged))), 401,
                "SIGNATURE_INVALID");
    }

    @Test
    void aWrongTagIsWrongType() {
        RequestMessage signed = client.sign("GET", "/v1/issuers", null, null, null, clock.instant(),
                MessageSigner.newNonce());
        String input = signed.fields().first("signature-input").orElseThrow().replace("tag=\"zwfw\"",
                "tag=\"other\"");
        refused(client.sendSigned(signed, m -> m.withFields(m.fields().replace("signature-input", input))), 401,
                "WRONG_TYPE");
    }

    @Test
    void aMissingParameterIsMissingClaim() {
        RequestMessage signed = client.sign("GET", "/v1/issuers", null, null, null, clock.instant(),
                MessageSigner.newNonce());
        String input = signed.fields().first("signature-input").orElseThrow().replaceAll(";nonce=\"[^\"]*\"", "");
        refused(client.sendSigned(signed, m -> m.withFields(m.fields().replace("signature-input", input))), 401,
                "MISSING_CLAIM");
    }

    @Test
    void aDepartmentOnlyOperationIsPermissionDeniedForAnotherApp() {
        ApiClient web = new ApiClient(sandbox, "sandbox-web", sandbox.defaultAppKey("sandbox-web", JwsAlgorithm.ES256),
                clock);
        ApiClient.Reply r = web.create("/v1/issuers/social-security/credentials", Map.of("claims", Map.of()),
                java.util.UUID.randomUUID().toString());
        refused(r, 403, "PERMISSION_DENIED");
        assertThat(r.verified()).isTrue();
    }
}
