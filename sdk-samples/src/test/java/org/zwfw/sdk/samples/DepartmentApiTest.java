package org.zwfw.sdk.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import org.junit.jupiter.api.Test;
import org.zwfw.sdk.client.WebhookVerifier;
import org.zwfw.sdk.client.model.WebhookEvent;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.crypto.KeySet;
import org.zwfw.sdk.crypto.SigningKey;
import org.zwfw.sdk.httpsig.HttpFields;
import org.zwfw.sdk.httpsig.MessageSigner;
import org.zwfw.sdk.httpsig.RequestMessage;
import org.zwfw.sdk.sandbox.Sandbox;

/** The department's API sample against the sandbox, as a user would run it. */
class DepartmentApiTest {

    @Test
    void theSampleCallsTheSandboxWithVerifiedAnswers() {
        try (Sandbox sandbox = Sandbox.builder().start()) {
            PrintStream old = System.out;
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
            try {
                DepartmentApi.main(new String[] {sandbox.baseUri().toString(), Sandbox.DEFAULT_API_APP,
                    sandbox.defaultAppKey(Sandbox.DEFAULT_API_APP, JwsAlgorithm.ES256).toPrivateJwkJson(),
                    sandbox.platformKeys().toJson()});
            } finally {
                System.setOut(old);
            }
            assertThat(buf.toString(StandardCharsets.UTF_8)).contains("330100-SB-YL-0007").contains("404 NOT_FOUND");
        }
    }

    @Test
    void aWebhookIsTakenOnceAndAForgedOneRefused() {
        SigningKey platform = SigningKey.generate(JwsAlgorithm.ES256);
        platform = platform.withKeyId(platform.verificationKey().thumbprint());
        URI url = URI.create("https://hooks.department.example/zwfw");
        WebhookVerifier hooks = WebhookVerifier.builder().url(url).appId("dept-app")
                .platformKeys(KeySet.of(platform.verificationKey())).build();
        String event = "{\"id\":\"evt_01J0SAMPLE\",\"type\":\"case.status_changed\",\"created_at\":\"2026-12-07T09:00:00+08:00\","
                + "\"app_id\":\"dept-app\",\"data\":{\"case_id\":\"case_7Q2M9X4K1P8D3RZT\",\"item_code\":\"330100-SB-YL-0007\","
                + "\"previous_status\":\"SUBMITTED\",\"status\":\"ACCEPTED\",\"changed_at\":\"2026-12-07T09:00:00+08:00\"}}";
        RequestMessage delivery = MessageSigner.of(platform).signWebhook(RequestMessage.of("POST", url,
                HttpFields.of("content-type", "application/json", "x-zwfw-app-id", "dept-app"),
                event.getBytes(StandardCharsets.UTF_8)), Instant.now(), MessageSigner.newNonce()).message();
        BlockingQueue<WebhookEvent> queue = DepartmentApi.queue();
        assertThat(DepartmentApi.onWebhook(hooks, delivery, queue)).isEqualTo(204);
        assertThat(DepartmentApi.onWebhook(hooks, delivery, queue)).isEqualTo(401);
        assertThat(queue).hasSize(1);
    }
}
