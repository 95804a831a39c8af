package org.zwfw.sdk.sandbox.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.crypto.KeySet;
import org.zwfw.sdk.httpsig.HttpFields;
import org.zwfw.sdk.httpsig.RequestMessage;
import org.zwfw.sdk.httpsig.WebhookSignatures;
import org.zwfw.sdk.replay.InMemoryReplayStore;
import org.zwfw.sdk.sandbox.ApiFault;
import org.zwfw.sdk.sandbox.RegisteredApp;
import org.zwfw.sdk.sandbox.Sandbox;
import org.zwfw.sdk.crypto.SigningKey;
import org.zwfw.sdk.testkit.TestClock;

/** Webhooks, the lifecycle on command and schedule, fault hooks, idempotency races and the state directory. */
class ApiHooksTest {

    /** A receiver that answers with the statuses given, in turn, then 204; it verifies each delivery. */
    static final class Receiver implements AutoCloseable {
        final HttpServer server;
        final List<String> bodies = new CopyOnWriteArrayList<>();
        final List<String> verdicts = new CopyOnWriteArrayList<>();
        final List<String> nonces = new CopyOnWriteArrayList<>();
        final AtomicInteger calls = new AtomicInteger();

        Receiver(int... statuses) throws Exception {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/hooks", x -> {
                byte[] body = x.getRequestBody().readAllBytes();
                int n = calls.getAndIncrement();
                bodies.add(new String(body, StandardCharsets.UTF_8));
                java.util.Map<String, java.util.List<String>> h = new java.util.LinkedHashMap<>(x.getRequestHeaders());
                nonces.add(String.valueOf(h.get("Signature-input")));
                verdicts.add(verify(h, body));
                int status = n < statuses.length ? statuses[n] : 204;
                x.sendResponseHeaders(status, -1);
                x.close();
            });
            server.start();
        }

        KeySet platformKeys;
        TestClock clock;

        String verify(java.util.Map<String, java.util.List<String>> headers, byte[] body) {
            RequestMessage m = RequestMessage.of("POST", java.net.URI.create(url()), HttpFields.of(headers), body);
            var r = WebhookSignatures.builder().clock(clock).url(java.net.URI.create(url())).appId("hooked")
                    .platformKeys(platformKeys).replayStore(new InMemoryReplayStore()).build().verify(m);
            return r.isValid() ? "ok" : r.errors().get(0).code().name();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    static void await(java.util.function.BooleanSupplier done) throws InterruptedException {
        for (int i = 0; i < 500 && !done.getAsBoolean(); i++) {
            Thread.sleep(10);
        }
        assertThat(done.getAsBoolean()).isTrue();
    }

    private static Sandbox hooked(Receiver receiver, SigningKey key, TestClock clock, Path state) {
        RegisteredApp app = RegisteredApp.builder("hooked").redirectUris("http://127.0.0.1/callback")
                .clientSecretBasic("0123456789abcdef0123").apiKeys(KeySet.of(key.verificationKey()))
                .webhookUrl(receiver.url()).issuerDepartments("social-security").build();
        Sandbox.Builder b = Sandbox.builder().clock(clock).apps(List.of(app)).webhookTimeScale(0.0001);
        if (state != null) {
            b.stateDirectory(state);
        }
        Sandbox s = b.start();
        receiver.platformKeys = s.platformKeys();
        receiver.clock = clock;
        return s;
    }

    private static String upload(ApiClient c, String key) {
        return c.send("POST", "/v1/uploads", "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII), "application/pdf", key,
                m -> m).json().path("upload_id").asText();
    }

    private static Map<String, Object> generic(String uploadId) {
        return Map.of("item_code", "330100-BDC-CX-0009", "handling_mode", "FULLY_ONLINE", "applicant", Map.of("kind",
                "ORGANIZATION", "name", "示例餐饮管理有限公司", "id_type", "001", "id_number",
                org.zwfw.sdk.sandbox.internal.SampleData.DEMO_CATERING_USCC, "contact_name", "李四", "phone",
                "13900000000"), "form", Map.of("form_type", "generic", "fields", Map.of("area", 120)),
                "materials", List.of(Map.of("material_code", "M001", "upload_id", uploadId)));
    }

    @Test
    void caseChangesAreDeliveredSignedRetriedAndStoppedBy410() throws Exception {
        TestClock clock = TestClock.atNow();
        SigningKey key = SigningKey.generate(JwsAlgorithm.SGD_SM3_SM2);
        try (Receiver receiver = new Receiver(500, 503); Sandbox sandbox = hooked(receiver, key, clock, null)) {
            ApiClient c = new ApiClient(sandbox, "hooked", key, clock);
            ApiClient.Reply r = c.create("/v1/cases", generic(upload(c, UUID.randomUUID().toString())),
                    UUID.randomUUID().toString());
            assertThat(r.status()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(201);
            String id = r.json().path("case_id").asText();
            sandbox.advanceCase(id);
            await(() -> sandbox.webhooksDelivered() == 1);
            assertThat(receiver.calls.get()).as("two failures, then delivered").isEqualTo(3);
            assertThat(receiver.verdicts).containsOnly("ok");
            assertThat(receiver.nonces).doesNotHaveDuplicates();
            assertThat(receiver.bodies.get(2)).contains("\"case.status_changed\"").contains("\"ACCEPTED\"");
            assertThat(receiver.bodies).extracting(b -> b.replaceAll(".*\"id\":\"(evt_[0-9A-Z]{16})\".*", "$1"))
                    .containsOnly(receiver.bodies.get(0).replaceAll(".*\"id\":\"(evt_[0-9A-Z]{16})\".*", "$1"));
        }
        try (Receiver gone = new Receiver(410); Sandbox sandbox = hooked(gone, key, clock, null)) {
            ApiClient c = new ApiClient(sandbox, "hooked", key, clock);
            String id = c.create("/v1/cases", generic(upload(c, UUID.randomUUID().toString())),
                    UUID.randomUUID().toString()).json().path("case_id").asText();
            sandbox.advanceCase(id);
            await(() -> sandbox.webhooksDropped() == 1);
            sandbox.advanceCase(id);
            Thread.sleep(100);
            assertThat(gone.calls.get()).as("410 stops deliveries to the URL").isEqualTo(1);
        }
    }

    @Test
    void casesMoveOnASchedule() throws Exception {
        TestClock clock = TestClock.atNow();
        SigningKey key = SigningKey.generate(JwsAlgorithm.ES256);
        try (Receiver receiver = new Receiver()) {
            RegisteredApp app = RegisteredApp.builder("hooked").redirectUris("http://127.0.0.1/callback")
                    .publicClient().apiKeys(KeySet.of(key.verificationKey())).webhookUrl(receiver.url()).build();
            try (Sandbox sandbox = Sandbox.builder().clock(clock).apps(List.of(app)).caseStep(Duration.ofMillis(20))
                    .start()) {
                receiver.platformKeys = sandbox.platformKeys();
                receiver.clock = clock;
                ApiClient c = new ApiClient(sandbox, "hooked", key, clock);
                String id = c.create("/v1/cases", generic(upload(c, UUID.randomUUID().toString())),
                        UUID.randomUUID().toString()).json().path("case_id").asText();
                await(() -> c.get("/v1/cases/" + id).json().path("status").asText().equals("COMPLETED"));
                assertThat(c.get("/v1/cases/" + id).json().path("history").findValuesAsText("status"))
                        .containsExactly("SUBMITTED", "ACCEPTED", "IN_REVIEW", "APPROVED", "COMPLETED");
                await(() -> sandbox.webhooksDelivered() == 4);
                assertThatThrownBy(() -> sandbox.advanceCase(id)).isInstanceOf(IllegalStateException.class);
            }
        }
    }

    @Test
    void faultsAreInjectedIntoTheNextMatchingCalls() {
        TestClock clock = TestClock.atNow();
        try (Sandbox sandbox = Sandbox.builder().clock(clock).start()) {
            ApiClient c = new ApiClient(sandbox, "sandbox-service", sandbox.defaultAppKey("sandbox-service",
                    JwsAlgorithm.ES256), clock);
            sandbox.injectFault(ApiFault.status(503).operation("listIssuers").times(2));
            sandbox.injectFault(ApiFault.rateLimited(Duration.ofSeconds(7)).operation("getServiceItem"));
            ApiClient.Reply a = c.get("/v1/issuers");
            assertThat(a.status()).isEqualTo(503);
            assertThat(a.verified()).isTrue();
            assertThat(c.get("/v1/issuers").status()).isEqualTo(503);
            assertThat(c.get("/v1/issuers").status()).isEqualTo(200);
            ApiClient.Reply limited = c.get("/v1/service-items/330100-SB-YL-0007");
            assertThat(limited.status()).isEqualTo(429);
            assertThat(limited.header("Retry-After")).isEqualTo("7");
            assertThat(limited.verified()).as("Retry-After is covered").isTrue();
            sandbox.injectFault(ApiFault.latency(Duration.ofMillis(300)).operation("listIssuers"));
            long t = System.nanoTime();
            assertThat(c.get("/v1/issuers").status()).isEqualTo(200);
            assertThat((System.nanoTime() - t) / 1_000_000).isGreaterThanOrEqualTo(300);
            // times 2: the JDK client sends a GET once more after a connection closed without an answer
            sandbox.injectFault(ApiFault.drop().operation("listIssuers").times(2));
            assertThatThrownBy(() -> c.get("/v1/issuers")).isInstanceOf(UncheckedIOException.class);
            assertThat(c.get("/v1/issuers").status()).isEqualTo(200);
        }
    }

    @Test
    void aLostAnswerIsRecoveredByRetryingWithTheSameKeyAndRacesMakeOneCase() throws Exception {
        TestClock clock = TestClock.atNow();
        try (Sandbox sandbox = Sandbox.builder().clock(clock).start()) {
            ApiClient c = new ApiClient(sandbox, "sandbox-service", sandbox.defaultAppKey("sandbox-service",
                    JwsAlgorithm.ES256), clock);
            String k = UUID.randomUUID().toString();
            Map<String, Object> body = generic(upload(c, UUID.randomUUID().toString()));
            sandbox.injectFault(ApiFault.dropResponse().operation("submitCase"));
            assertThatThrownBy(() -> c.create("/v1/cases", body, k)).isInstanceOf(UncheckedIOException.class);
            ApiClient.Reply retry = c.create("/v1/cases", body, k);
            assertThat(retry.status()).isEqualTo(201);
            String ref = "uscc:";
            ApiClient.Reply list = c.get("/v1/cases?applicant_uscc="
                    + org.zwfw.sdk.sandbox.internal.SampleData.DEMO_CATERING_USCC);
            assertThat(list.json().path("items")).hasSize(1);
            assertThat(ref).isNotEmpty();

            // two submits with one key at once: one case
            Map<String, Object> second = generic(upload(c, UUID.randomUUID().toString()));
            String k2 = UUID.randomUUID().toString();
            sandbox.injectFault(ApiFault.latency(Duration.ofMillis(300)).operation("submitCase"));
            var f1 = java.util.concurrent.CompletableFuture.supplyAsync(() -> c.create("/v1/cases", second, k2));
            Thread.sleep(100);
            ApiClient.Reply other = c.create("/v1/cases", second, k2);
            ApiClient.Reply first = f1.get();
            assertThat(List.of(first.status(), other.status())).containsExactlyInAnyOrder(201, 409);
            assertThat(other.code()).isEqualTo("IDEMPOTENCY_KEY_IN_USE");
            assertThat(other.header("Retry-After")).as("when to retry, covered by the signature").isEqualTo("1");
            assertThat(other.verified()).isTrue();
            assertThat(c.get("/v1/cases?applicant_uscc=" + org.zwfw.sdk.sandbox.internal.SampleData.DEMO_CATERING_USCC)
                    .json().path("items")).hasSize(2);
        }
    }

    private static final String PAGED = "/v1/service-items?region_code=330000&page_size=1";

    @Test
    void casesAndIdempotencyRecordsSurviveARestart(@TempDir Path dir) throws Exception {
        TestClock clock = TestClock.atNow();
        SigningKey key;
        String id;
        String k = UUID.randomUUID().toString();
        Map<String, Object> body;
        String token;
        try (Sandbox sandbox = Sandbox.builder().clock(clock).stateDirectory(dir).start()) {
            key = sandbox.defaultAppKey("sandbox-service", JwsAlgorithm.ES256);
            ApiClient c = new ApiClient(sandbox, "sandbox-service", key, clock);
            body = generic(upload(c, UUID.randomUUID().toString()));
            id = c.create("/v1/cases", body, k).json().path("case_id").asText();
            sandbox.advanceCase(id);
            token = c.get(PAGED).json().path("next_page_token").asText();
            assertThat(token).isNotEmpty();
        }
        try (Sandbox sandbox = Sandbox.builder().clock(clock).stateDirectory(dir).start()) {
            assertThat(sandbox.defaultAppKey("sandbox-service", JwsAlgorithm.ES256).keyId()).isEqualTo(key.keyId());
            ApiClient c = new ApiClient(sandbox, "sandbox-service", key, clock);
            assertThat(c.get("/v1/cases/" + id).json().path("status").asText()).isEqualTo("ACCEPTED");
            assertThat(c.create("/v1/cases", body, k).json().path("case_id").asText()).isEqualTo(id);
            ApiClient.Reply next = c.get(PAGED + "&page_token=" + token);
            assertThat(next.status()).as("a page token survives a restart with a state directory").isEqualTo(200);
        }
    }
}
