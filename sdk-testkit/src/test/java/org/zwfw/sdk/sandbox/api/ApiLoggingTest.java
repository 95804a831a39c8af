package org.zwfw.sdk.sandbox.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.sandbox.Sandbox;
import org.zwfw.sdk.sandbox.TestCitizen;
import org.zwfw.sdk.testkit.TestClock;

/**
 * The sandbox's log (SLF4J at DEBUG; the test binding writes {@code target/sandbox-tests.log})
 * across a full case submission with e-certificate materials, a refused one, an appointment and
 * an e-certificate use: operations and statuses, never the test citizens' ID numbers, names or
 * phone numbers, nor the consent tokens.
 */
class ApiLoggingTest {

    private static final Path LOG = Path.of("target", "sandbox-tests.log");

    @Test
    void theApiLogsNoPersonalData() throws IOException {
        LoggerFactory.getLogger(ApiLoggingTest.class).warn("ApiLoggingTest starts");
        long start = Files.size(LOG);
        TestClock clock = TestClock.atNow();
        TestCitizen who = TestCitizen.L3;
        String consent;
        try (Sandbox sandbox = Sandbox.builder().clock(clock).start()) {
            ApiClient c = new ApiClient(sandbox, "sandbox-service", sandbox.defaultAppKey("sandbox-service",
                    JwsAlgorithm.SGD_SM3_SM2), clock);
            String upload = c.send("POST", "/v1/uploads", "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII),
                    "application/pdf", UUID.randomUUID().toString(), m -> m).json().path("upload_id").asText();
            consent = sandbox.openIdProvider().consentToken(who, "sandbox-service");
            Map<String, Object> body = ApiCasesTest.pension(who, upload, consent);
            @SuppressWarnings("unchecked")
            Map<String, Object> form = (Map<String, Object>) body.get("form");
            form.put("requested_start_month", "2030-01");
            ApiClient.Reply refused = c.create("/v1/cases", body, UUID.randomUUID().toString());
            assertThat(refused.status()).as("too young in 2030: conditions not met").isEqualTo(422);
            form.put("requested_start_month", "2038-04");
            ApiClient.Reply kase = c.create("/v1/cases", body, UUID.randomUUID().toString());
            assertThat(kase.status()).as(new String(kase.body(), StandardCharsets.UTF_8)).isEqualTo(201);
            String id = kase.json().path("case_id").asText();
            sandbox.advanceCase(id);
            c.get("/v1/cases/" + id);
            c.get("/v1/cases?applicant_ref=" + kase.json().at("/applicant/applicant_ref").asText());

            String useConsent = sandbox.openIdProvider().consentToken(who, "sandbox-service");
            ApiClient.Reply use = c.create("/v1/ecert-uses", Map.of("vct", "urn:zwfw:vct:social-security-card:1",
                    "use_cause", "核验社保卡。", "consent_token", useConsent), UUID.randomUUID().toString());
            assertThat(use.status()).as(new String(use.body(), StandardCharsets.UTF_8)).isEqualTo(201);
            c.get("/v1/ecert-uses/" + use.json().path("use_id").asText());
            ApiClient.Reply bad = c.create("/v1/ecert-uses", Map.of("vct", "urn:zwfw:vct:social-security-card:1",
                    "use_cause", "核验社保卡。", "consent_token", useConsent), UUID.randomUUID().toString());
            assertThat(bad.status()).as("the consent is spent").isEqualTo(403);
            ApiClient.Reply malformed = c.create("/v1/appointments", Map.of("applicant", Map.of("kind", "PERSON",
                    "name", who.displayName(), "id_type", "111", "id_number", who.residentId() + "9", "phone",
                    who.mobile())), UUID.randomUUID().toString());
            assertThat(malformed.status()).isEqualTo(400);
        }
        String log;
        try (InputStream in = Files.newInputStream(LOG)) {
            in.skipNBytes(start);
            log = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(log).contains("POST /v1/cases -> 201", "POST /v1/cases -> 422", "POST /v1/ecert-uses -> 201",
                "GET /v1/ecert-uses/{use_id} -> 200");
        for (TestCitizen t : TestCitizen.values()) {
            assertThat(log).doesNotContain(t.residentId(), t.displayName(), t.mobile(), t.residentId().substring(0, 6)
                    + t.residentId().substring(6, 14));
        }
        assertThat(log).doesNotContain(consent, "孙*", "138****");
    }
}
