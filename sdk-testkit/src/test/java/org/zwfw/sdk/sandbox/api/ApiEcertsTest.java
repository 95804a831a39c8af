package org.zwfw.sdk.sandbox.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.crypto.KeySet;
import org.zwfw.sdk.crypto.SigningKey;
import org.zwfw.sdk.sandbox.RegisteredApp;
import org.zwfw.sdk.sandbox.Sandbox;
import org.zwfw.sdk.sandbox.SandboxIssuer;
import org.zwfw.sdk.sandbox.TestCitizen;
import org.zwfw.sdk.sandbox.internal.SampleData;
import org.zwfw.sdk.testkit.TestClock;
import org.zwfw.sdk.trust.TrustListVerifier;

/**
 * E-certificates over real HTTP: issuance by an authorised department (403 for another app),
 * status lists and entries, status changes announced by {@code ecert.status_changed}, uses with
 * the holder's consent (refused once revoked), the trust list, anchor and issuer keys; and the
 * real rate limit.
 */
class ApiEcertsTest {

    static Sandbox sandbox;
    static TestClock clock;
    static ApiHooksTest.Receiver receiver;
    static ApiClient dept;
    static ApiClient other;

    @BeforeAll
    static void start() throws Exception {
        clock = TestClock.atNow();
        receiver = new ApiHooksTest.Receiver();
        SigningKey deptKey = SigningKey.generate(JwsAlgorithm.ES256);
        SigningKey otherKey = SigningKey.generate(JwsAlgorithm.SGD_SM3_SM2);
        RegisteredApp licensing = RegisteredApp.builder("hooked").redirectUris("http://127.0.0.1/callback")
                .clientSecretBasic("0123456789abcdef0123").apiKeys(KeySet.of(deptKey.verificationKey()))
                .webhookUrl(receiver.url()).issuerDepartments("licensing").build();
        RegisteredApp bank = RegisteredApp.builder("bank").redirectUris("http://127.0.0.1/callback")
                .clientSecretBasic("0123456789abcdef0123").apiKeys(KeySet.of(otherKey.verificationKey())).build();
        sandbox = Sandbox.builder().clock(clock).apps(List.of(licensing, bank)).webhookTimeScale(0.0001).start();
        receiver.platformKeys = sandbox.platformKeys();
        receiver.clock = clock;
        dept = new ApiClient(sandbox, "hooked", deptKey, clock);
        other = new ApiClient(sandbox, "bank", otherKey, clock);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
        receiver.close();
    }

    static String text(ApiClient.Reply r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    static Map<String, Object> sample(SandboxIssuer issuer) {
        return SampleData.samples(issuer, LocalDate.now(clock)).get(0).toRequest();
    }

    @Test
    void anAuthorisedDepartmentIssuesAndChangesStatusesAnotherAppIsRefused() throws Exception {
        ApiClient.Reply issued = dept.create("/v1/issuers/licensing/credentials", sample(SandboxIssuer.LICENSING),
                UUID.randomUUID().toString());
        assertThat(issued.status()).as(text(issued)).isEqualTo(201);
        assertThat(issued.verified()).as(issued.refusal()).isTrue();
        JsonNode body = issued.json();
        assertThat(body.path("issuer").asText()).isEqualTo(SandboxIssuer.LICENSING.id());
        int idx = body.at("/status/status_list/idx").asInt();
        String entry = "/v1/issuers/licensing/status-lists/1/entries/" + idx;
        assertThat(issued.header("Location")).endsWith(entry);

        ApiClient.Reply refused = other.create("/v1/issuers/licensing/credentials", sample(SandboxIssuer.LICENSING),
                UUID.randomUUID().toString());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("PERMISSION_DENIED");
        assertThat(refused.verified()).isTrue();
        assertThat(dept.create("/v1/issuers/social-security/credentials", sample(SandboxIssuer.SOCIAL_SECURITY),
                UUID.randomUUID().toString()).status()).as("not its issuer").isEqualTo(403);

        ApiClient.Reply list = other.get("/v1/issuers/licensing/status-lists/1");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.header("Content-Type")).startsWith("application/statuslist+jwt");
        assertThat(other.get("/v1/issuers/licensing/status-lists/2").status()).isEqualTo(404);

        assertThat(dept.get(entry).json().path("status").asText()).isEqualTo("VALID");
        assertThat(other.get(entry).status()).as("entries are the department's").isEqualTo(403);
        assertThat(dept.get("/v1/issuers/licensing/status-lists/1/entries/007").status()).isEqualTo(404);

        int before = receiver.bodies.size();
        ApiClient.Reply suspended = dept.post(entry, Map.of("status", "SUSPENDED", "reason_code", "05"));
        assertThat(suspended.status()).as(text(suspended)).isEqualTo(200);
        assertThat(suspended.json().path("previous_status").asText()).isEqualTo("VALID");
        assertThat(suspended.json().path("status").asText()).isEqualTo("SUSPENDED");
        assertThat(other.post(entry, Map.of("status", "VALID")).status()).isEqualTo(403);
        ApiHooksTest.await(() -> receiver.bodies.size() > before);
        String event = receiver.bodies.get(before);
        assertThat(event).contains("\"ecert.status_changed\"").contains("\"SUSPENDED\"").contains("\"idx\":" + idx);
        assertThat(receiver.verdicts.get(before)).isEqualTo("ok");
        assertThat(dept.post(entry, Map.of("status", "INVALID")).json().path("status").asText()).isEqualTo("INVALID");
        ApiClient.Reply back = dept.post(entry, Map.of("status", "VALID"));
        assertThat(back.status()).as("revocation is final").isEqualTo(409);
        assertThat(dept.post(entry, Map.of("status", "GONE")).code()).isEqualTo("INVALID_CLAIM");
    }

    @Test
    void aHolderConsentsToAUseWhichIsRefusedOnceRevoked() throws Exception {
        TestCitizen holder = TestCitizen.L3;
        String type = SandboxIssuer.LICENSING.uscc() + "201";
        Map<String, Object> ask = Map.of("license_type_code", type, "use_cause", "核验申请人身份。",
                "consent_token", sandbox.openIdProvider().consentToken(holder, "bank"), "disclose",
                List.of("holder_name"));
        ApiClient.Reply use = other.create("/v1/ecert-uses", ask, UUID.randomUUID().toString());
        assertThat(use.status()).as(text(use)).isEqualTo(201);
        assertThat(use.verified()).isTrue();
        String useId = use.json().path("use_id").asText();
        assertThat(use.json().path("disclosed").toString()).isEqualTo("[\"holder_name\"]");
        assertThat(use.json().path("credential").asText()).contains("~");
        assertThat(text(use)).doesNotContain(holder.residentId());
        ApiClient.Reply read = other.get("/v1/ecert-uses/" + useId);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().has("credential")).as("the copy is given once").isFalse();
        assertThat(dept.get("/v1/ecert-uses/" + useId).status()).as("another app's use").isEqualTo(404);

        ApiClient.Reply spent = other.create("/v1/ecert-uses", ask, UUID.randomUUID().toString());
        assertThat(spent.status()).as("a consent is single use").isEqualTo(403);
        assertThat(spent.code()).isEqualTo("CONSENT_INVALID");

        // the department revokes the holder's e-license; the use's holder (bank) is told too
        int idx = statusIndex(use.json().path("credential").asText());
        int before = receiver.bodies.size();
        assertThat(dept.post("/v1/issuers/licensing/status-lists/1/entries/" + idx, Map.of("status", "INVALID"))
                .status()).isEqualTo(200);
        ApiHooksTest.await(() -> receiver.bodies.size() > before);
        ApiClient.Reply refused = other.create("/v1/ecert-uses", Map.of("license_type_code", type, "use_cause",
                "核验申请人身份。", "consent_token", sandbox.openIdProvider().consentToken(holder, "bank")),
                UUID.randomUUID().toString());
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("LICENSE_UNAVAILABLE");
        assertThat(refused.json().path("errors").findValuesAsText("code")).containsExactly("REVOKED");
        assertThat(refused.verified()).isTrue();
    }

    private static int statusIndex(String sdJwt) throws Exception {
        String jwt = sdJwt.substring(0, sdJwt.indexOf('~'));
        JsonNode payload = ApiClient.JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
        return payload.at("/status/status_list/idx").asInt();
    }

    @Test
    void theTrustListAndTheKeysAreServedSigned() {
        ApiClient.Reply trust = other.get("/v1/trust-list");
        assertThat(trust.status()).isEqualTo(200);
        assertThat(trust.verified()).isTrue();
        assertThat(trust.header("Content-Type")).startsWith("application/trustlist+jwt");
        ApiClient.Reply anchor = other.get("/v1/trust-anchor/keys");
        KeySet anchorKeys = KeySet.parse(text(anchor));
        assertThat(TrustListVerifier.builder(anchorKeys).clock(clock).build().verify(text(trust)).isValid())
                .as("the trust list verifies with the anchor keys the API serves").isTrue();
        ApiClient.Reply issuers = other.get("/v1/issuers");
        assertThat(issuers.json().path("issuers").findValuesAsText("slug")).containsExactlyInAnyOrder(
                "market-regulation", "licensing", "social-security");
        ApiClient.Reply keys = other.get("/v1/issuers/social-security/keys");
        assertThat(keys.status()).isEqualTo(200);
        assertThat(keys.header("Content-Type")).startsWith("application/jwk-set+json");
        assertThat(keys.json().path("keys").get(0).has("d")).isFalse();
        assertThat(other.get("/v1/issuers/nobody/keys").status()).isEqualTo(404);
    }

    @Test
    void theRealRateLimitAnswers429WithACoveredRetryAfterThenAcceptsAgain() throws Exception {
        TestClock c = TestClock.atNow();
        try (Sandbox limited = Sandbox.builder().clock(c).apiRateLimit(1).start()) {
            ApiClient web = new ApiClient(limited, "sandbox-web", limited.defaultAppKey("sandbox-web",
                    JwsAlgorithm.ES256), c);
            ApiClient.Reply r = null;
            int accepted = 0;
            for (int i = 0; i < 4; i++) {
                r = web.get("/v1/issuers");
                if (r.status() != 200) {
                    break;
                }
                accepted++;
            }
            assertThat(accepted).as("a burst of twice the rate").isBetween(2, 3);
            assertThat(r.status()).isEqualTo(429);
            assertThat(r.code()).isEqualTo("RATE_LIMITED");
            assertThat(r.verified()).as("Retry-After is covered by the signature").isTrue();
            long wait = Long.parseLong(r.header("Retry-After"));
            assertThat(wait).isBetween(1L, 2L);
            ApiClient.Reply service = new ApiClient(limited, "sandbox-service", limited.defaultAppKey("sandbox-service",
                    JwsAlgorithm.ES256), c).get("/v1/issuers");
            assertThat(service.status()).as("the limit is per application").isEqualTo(200);
            Thread.sleep(Duration.ofSeconds(wait).toMillis());
            assertThat(web.get("/v1/issuers").status()).isEqualTo(200);
        }
    }
}
