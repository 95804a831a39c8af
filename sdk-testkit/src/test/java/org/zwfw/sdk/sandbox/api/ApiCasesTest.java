package org.zwfw.sdk.sandbox.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.sandbox.Sandbox;
import org.zwfw.sdk.sandbox.TestCitizen;
import org.zwfw.sdk.testkit.TestClock;

/** Service items, uploads and cases over real HTTP, every request signed and every answer verified. */
class ApiCasesTest {

    static Sandbox sandbox;
    static TestClock clock;
    static ApiClient service;

    @BeforeAll
    static void start() {
        clock = TestClock.atNow();
        // a higher rate limit than the default 50/s: this class is not about rate limits
        // (ApiEcertsTest tests the real limit), and on a fast JVM its calls outrun a burst of 100
        sandbox = Sandbox.builder().clock(clock).apiRateLimit(1_000).start();
        service = new ApiClient(sandbox, "sandbox-service", sandbox.defaultAppKey("sandbox-service", JwsAlgorithm.ES256),
                clock);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    static String key() {
        return UUID.randomUUID().toString();
    }

    @Test
    void platformKeysAnswerAnUnsignedRequestWithOneKeyPerAlgorithm() {
        ApiClient.Reply r = service.sendSigned(service.sign("GET", "/v1/platform/keys", null, null, null,
                clock.instant(), org.zwfw.sdk.httpsig.MessageSigner.newNonce()),
                m -> m.withFields(m.fields().without("signature").without("signature-input")));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("application/jwk-set+json");
        assertThat(r.header("Signature")).isNotNull();
        assertThat(r.header("X-Request-Id")).isNotNull();
        List<String> algs = r.json().path("keys").findValuesAsText("alg");
        assertThat(algs).containsExactlyInAnyOrder("ES256", "EdDSA", "SGD_SM3_SM2");
    }

    @Test
    void searchesAndReadsServiceItems() {
        ApiClient.Reply r = service.get("/v1/service-items?region_code=330100&page_size=2");
        assertThat(r.verified()).as(r.refusal()).isTrue();
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("items")).hasSize(2);
        String next = r.json().path("next_page_token").asText();
        ApiClient.Reply second = service.get("/v1/service-items?region_code=330100&page_size=2&page_token=" + next);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().path("items").get(0).path("item_code").asText())
                .isNotEqualTo(r.json().path("items").get(0).path("item_code").asText());
        ApiClient.Reply other = service.get("/v1/service-items?region_code=330200&page_token=" + next);
        assertThat(other.status()).isEqualTo(400);
        assertThat(other.code()).isEqualTo("PAGE_TOKEN_INVALID");

        ApiClient.Reply pension = service.get("/v1/service-items?keyword=%E5%85%BB%E8%80%81&handling_mode=FULLY_ONLINE");
        assertThat(pension.json().path("items").findValuesAsText("item_code")).contains("330100-SB-YL-0007");
        ApiClient.Reply item = service.get("/v1/service-items/330100-SB-YL-0007");
        assertThat(item.verified()).isTrue();
        assertThat(item.json().path("form_type").asText()).isEqualTo("pension-retirement-claim");
        assertThat(item.json().path("materials").get(0).path("satisfied_by").path("license_type_codes")).hasSize(1);
        assertThat(service.get("/v1/service-items").code()).isEqualTo("MISSING_CLAIM");
        assertThat(service.get("/v1/service-items/330100-XX-0000").status()).isEqualTo(404);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> pension(TestCitizen who, String uploadId, String consent) {
        Map<String, Object> body = org.zwfw.sdk.sandbox.ExampleClaims.pensionClaim(who, uploadId, consent);
        ((Map<String, Object>) body.get("form")).put("requested_start_month", "2030-08");
        return body;
    }

    static String sandboxIdCardType() {
        return org.zwfw.sdk.sandbox.SandboxIssuer.LICENSING.uscc() + "201";
    }

    String upload() {
        byte[] pdf = "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        ApiClient.Reply r = service.send("POST", "/v1/uploads", pdf, "application/pdf", key(), m -> m);
        assertThat(r.status()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(201);
        assertThat(r.verified()).isTrue();
        return r.json().path("upload_id").asText();
    }

    @Test
    void aPensionClaimIsSubmittedReadListedAndFollowedThroughItsLifecycle() {
        ApiClient.Reply r = service.create("/v1/cases", laterPension(), key());
        assertThat(r.status()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(201);
        assertThat(r.verified()).as(r.refusal()).isTrue();
        JsonNode kase = r.json();
        String id = kase.path("case_id").asText();
        assertThat(id).matches("case_[0-9A-Z]{16}");
        assertThat(r.header("Location")).endsWith("/v1/cases/" + id);
        assertThat(kase.path("status").asText()).isEqualTo("SUBMITTED");
        assertThat(kase.path("applicant").path("name_masked").asText()).isEqualTo("孙*");
        assertThat(kase.path("applicant").path("id_number_masked").asText()).doesNotContain("0105197803");
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).doesNotContain(TestCitizen.L3.residentId());
        assertThat(kase.path("materials").findValuesAsText("source")).containsExactly("ECERT", "ECERT", "UPLOAD");

        String ref = kase.path("applicant").path("applicant_ref").asText();
        ApiClient.Reply list = service.get("/v1/cases?applicant_ref=" + ref);
        assertThat(list.json().path("items").findValuesAsText("case_id")).contains(id);

        assertThat(sandbox.advanceCase(id)).isEqualTo("ACCEPTED");
        assertThat(sandbox.advanceCase(id)).isEqualTo("IN_REVIEW");
        ApiClient.Reply read = service.get("/v1/cases/" + id);
        assertThat(read.json().path("status").asText()).isEqualTo("IN_REVIEW");
        assertThat(read.json().path("history").findValuesAsText("status")).containsExactly("SUBMITTED", "ACCEPTED",
                "IN_REVIEW");
        assertThat(read.json().path("due_date").asText()).isNotEmpty();

        ApiClient.Reply withdrawn = service.post("/v1/cases/" + id + "/withdraw", Map.of("reason", "改为窗口办理"));
        assertThat(withdrawn.json().path("status").asText()).isEqualTo("WITHDRAWN");
        ApiClient.Reply again = service.post("/v1/cases/" + id + "/withdraw", Map.of("reason", "改为窗口办理"));
        assertThat(again.status()).isEqualTo(200);
    }

    /**
     * A pension claim of 孙三 (L3) with his consent and an upload: born in 1978, he reaches the
     * normal retirement age in 2038, so the claim asks for a month then.
     */
    private Map<String, Object> laterPension() {
        String consent = sandbox.openIdProvider().consentToken(TestCitizen.L3, "sandbox-service");
        Map<String, Object> body = pension(TestCitizen.L3, upload(), consent);
        @SuppressWarnings("unchecked")
        Map<String, Object> form = (Map<String, Object>) body.get("form");
        form.put("requested_start_month", "2038-04");
        return body;
    }

    @Test
    void casesSubmittedInTheSameSecondAreListedNewestFirst() {
        // the test clock stands still: both cases have the same submitted_at
        List<String> ids = new java.util.ArrayList<>();
        String ref = null;
        for (int i = 0; i < 2; i++) {
            ApiClient.Reply r = service.create("/v1/cases", laterPension(), key());
            assertThat(r.status()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(201);
            ids.add(r.json().path("case_id").asText());
            ref = r.json().path("applicant").path("applicant_ref").asText();
        }
        List<String> listed = service.get("/v1/cases?applicant_ref=" + ref).json().path("items").findValuesAsText(
                "case_id");
        assertThat(listed.indexOf(ids.get(1))).isLessThan(listed.indexOf(ids.get(0))).isNotNegative();
    }

    @Test
    void aRefusedSubmissionCreatesNothingAndSpendsNothing() {
        String upload = upload();
        String consent = sandbox.openIdProvider().consentToken(TestCitizen.L4, "sandbox-service");
        Map<String, Object> body = pension(TestCitizen.L4, upload, consent);
        @SuppressWarnings("unchecked")
        Map<String, Object> form = (Map<String, Object>) body.get("form");
        form.put("contribution_months", 100);
        form.put("deemed_contribution_months", 10);
        ApiClient.Reply r = service.create("/v1/cases", body, key());
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.code()).isEqualTo("CONDITIONS_NOT_MET");
        assertThat(r.json().path("errors").findValuesAsText("code")).containsOnly("CONDITIONS_NOT_MET");
        assertThat(r.json().path("errors").findValuesAsText("pointer")).contains("/form/contribution_months");
        assertThat(r.verified()).isTrue();
        // the same upload and consent still work: nothing was consumed
        form.put("contribution_months", 400);
        form.put("requested_start_month", "2027-01");
        ApiClient.Reply ok = service.create("/v1/cases", body, key());
        assertThat(ok.status()).as(new String(ok.body(), StandardCharsets.UTF_8)).isEqualTo(201);
        // and now they are spent
        ApiClient.Reply twice = service.create("/v1/cases", body, key());
        assertThat(twice.status()).isIn(400, 403);
    }

    @Test
    void thePensionFormIsValidatedFaultByFault() {
        Map<String, Object> body = pension(TestCitizen.L4, "upl_0000000000000000", "a.b.c");
        @SuppressWarnings("unchecked")
        Map<String, Object> form = (Map<String, Object>) body.get("form");
        form.remove("payment");
        form.put("retirement_type", "EARLY");
        form.put("declaration", Map.of("accepted", false, "text_version", "2025-01"));
        ApiClient.Reply r = service.create("/v1/cases", body, key());
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("errors").findValuesAsText("pointer")).contains("/form/payment",
                "/form/retirement_type", "/form/declaration/accepted");
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).doesNotContain(TestCitizen.L4.residentId());
    }

    @Test
    void idempotencyKeysReplayRefuseReuseAndAreRequired() {
        Map<String, Object> appointment = null;
        String k = key();
        byte[] pdf = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
        ApiClient.Reply first = service.send("POST", "/v1/uploads", pdf, "application/pdf", k, m -> m);
        ApiClient.Reply retry = service.send("POST", "/v1/uploads", pdf, "application/pdf", k, m -> m);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.verified()).as("the replayed answer is signed for the retry").isTrue();
        assertThat(retry.json().path("upload_id").asText()).isEqualTo(first.json().path("upload_id").asText());
        assertThat(retry.header("X-Request-Id")).isNotEqualTo(first.header("X-Request-Id"));
        ApiClient.Reply other = service.send("POST", "/v1/uploads", "%PDF-2.0\n".getBytes(StandardCharsets.US_ASCII),
                "application/pdf", k, m -> m);
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        ApiClient.Reply none = service.send("POST", "/v1/uploads", pdf, "application/pdf", null, m -> m);
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.code()).isEqualTo("IDEMPOTENCY_KEY_MISSING");
        assertThat(appointment).isNull();
    }

    @Test
    void pageTokensWorkWhateverCharactersTheirMacHas() {
        // a token's MAC may contain '_' or '-'; fifty first pages cover both many times over
        for (int i = 0; i < 50; i++) {
            ApiClient.Reply r = service.get("/v1/service-items?region_code=330000&page_size=1&keyword=%E4%BF%9D");
            String next = r.json().path("next_page_token").asText();
            assertThat(service.get("/v1/service-items?region_code=330000&page_size=1&keyword=%E4%BF%9D&page_token="
                    + next).body()).asString(java.nio.charset.StandardCharsets.UTF_8).as(next).contains("\"items\"");
        }
    }

    @Test
    void plannedOperationsAnswerNotImplemented() {
        ApiClient.Reply r = service.get("/v1/ssc/cards/ssc_0000000000000000");
        assertThat(r.status()).isEqualTo(501);
        assertThat(r.code()).isEqualTo("NOT_IMPLEMENTED");
        assertThat(r.verified()).isTrue();
    }

    @Test
    void unknownPathsAreSignedProblems() {
        ApiClient.Reply r = service.get("/v1/nothing-here");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.code()).isEqualTo("NOT_FOUND");
        assertThat(r.verified()).as(r.refusal()).isTrue();
    }
}
