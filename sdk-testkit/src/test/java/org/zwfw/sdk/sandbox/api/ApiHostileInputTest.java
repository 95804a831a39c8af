package org.zwfw.sdk.sandbox.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.httpsig.RequestMessage;
import org.zwfw.sdk.sandbox.Sandbox;
import org.zwfw.sdk.sandbox.ShortDeadlines;
import org.zwfw.sdk.sandbox.internal.SampleData;
import org.zwfw.sdk.testkit.TestClock;

/**
 * Hostile input on {@code /v1}: each refused with the documented status and problem code in a
 * signed answer that conforms to the document ({@link ApiClient} checks both), and nothing
 * half-created after any of them: the applicant used throughout has no case afterwards.
 */
class ApiHostileInputTest {

    static final String USCC = SampleData.DEMO_TECH_USCC;
    static Sandbox sandbox;
    static TestClock clock;
    static ApiClient service;

    @BeforeAll
    static void start() {
        clock = TestClock.atNow();
        sandbox = ShortDeadlines.readDeadlines(Sandbox.builder().clock(clock), Duration.ofSeconds(1),
                Duration.ofSeconds(1)).start();
        service = new ApiClient(sandbox, "sandbox-service", sandbox.defaultAppKey("sandbox-service", JwsAlgorithm.ES256),
                clock);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @AfterEach
    void nothingWasCreated() {
        ApiClient.Reply cases = service.get("/v1/cases?applicant_uscc=" + USCC);
        assertThat(cases.status()).as(new String(cases.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(cases.json().path("items")).as("no case half-created").isEmpty();
    }

    static String submission() {
        return "{\"item_code\":\"330100-BDC-CX-0009\",\"handling_mode\":\"FULLY_ONLINE\",\"applicant\":{\"kind\":"
                + "\"ORGANIZATION\",\"name\":\"示例科技有限公司\",\"id_type\":\"001\",\"id_number\":\"" + USCC + "\","
                + "\"contact_name\":\"李四\",\"phone\":\"13900000000\"},\"form\":{\"form_type\":\"generic\",\"fields\":"
                + "{}},\"materials\":[]}";
    }

    private static ApiClient.Reply submit(byte[] body, String contentType, UnaryOperator<RequestMessage> tamper) {
        return service.send("POST", "/v1/cases", body, contentType, UUID.randomUUID().toString(), tamper);
    }

    private static void refused(ApiClient.Reply r, int status, String code) {
        assertThat(r.status()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(status);
        assertThat(r.code()).isEqualTo(code);
        assertThat(r.verified()).as("the refusal is signed and bound: %s", r.refusal()).isTrue();
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void anEmptyPostBody() {
        refused(submit(new byte[0], "application/json", UnaryOperator.identity()), 400, "MALFORMED");
        refused(service.send("POST", "/v1/cases", null, null, UUID.randomUUID().toString(), UnaryOperator.identity()),
                400, "MALFORMED");
    }

    @Test
    void aBodyThatIsNotUtf8() {
        byte[] binary = {'{', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', ':', '1', '}'};
        refused(submit(binary, "application/json", UnaryOperator.identity()), 400, "MALFORMED");
    }

    @Test
    void aBodyOverTheRoutesLimit() {
        byte[] big = ("{\"reason\":\"" + "x".repeat(Api16K.SMALL + 10) + "\"}").getBytes(StandardCharsets.US_ASCII);
        refused(service.send("POST", "/v1/appointments", big, "application/json", UUID.randomUUID().toString(),
                UnaryOperator.identity()), 413, "TOO_LARGE");
        byte[] huge = new byte[300 * 1024];
        java.util.Arrays.fill(huge, (byte) ' ');
        refused(submit(huge, "application/json", UnaryOperator.identity()), 413, "TOO_LARGE");
    }

    @Test
    void deeplyNestedJson() {
        refused(submit("[".repeat(100_000).getBytes(StandardCharsets.US_ASCII), "application/json",
                UnaryOperator.identity()), 400, "TOO_LARGE");
    }

    @Test
    void aHugeHeader() {
        ApiClient.Reply r = service.send("GET", "/v1/issuers", null, null, null,
                m -> m.withFields(m.fields().with("x-padding", "p".repeat(64 * 1024))));
        assertThat(r.status()).isEqualTo(431);
        assertThat(r.code()).isEqualTo("TOO_LARGE");
        assertThat(r.header("X-Request-Id")).isNotNull();
        // refused by the HTTP layer before the request is parsed: nothing to bind an answer to, so
        // it is unsigned (spec/sandbox.md §11.1) and a client reports a failed check
        assertThat(r.header("Signature")).isNull();
        assertThat(r.verified()).isFalse();
    }

    @Test
    void unknownAndDuplicateMembers() {
        String unknown = submission().replaceFirst("\\{", "{\"surprise\":true,");
        refused(submit(unknown.getBytes(StandardCharsets.UTF_8), "application/json", UnaryOperator.identity()), 400,
                "INVALID_CLAIM");
        String duplicate = submission().replaceFirst("\\{", "{\"item_code\":\"330100-SB-YL-0007\",");
        refused(submit(duplicate.getBytes(StandardCharsets.UTF_8), "application/json", UnaryOperator.identity()), 400,
                "MALFORMED");
    }

    @Test
    void aGetWithABody() {
        refused(service.send("GET", "/v1/issuers", "{}".getBytes(StandardCharsets.US_ASCII), "application/json", null,
                UnaryOperator.identity()), 400, "MALFORMED");
    }

    @Test
    void aWrongContentType() {
        refused(submit(submission().getBytes(StandardCharsets.UTF_8), "text/plain", UnaryOperator.identity()), 415,
                "UNSUPPORTED_MEDIA_TYPE");
        refused(submit(submission().getBytes(StandardCharsets.UTF_8), "application/json; charset=gb18030",
                UnaryOperator.identity()), 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void aContentEncoding() {
        refused(service.send("POST", "/v1/cases", submission().getBytes(StandardCharsets.UTF_8), "application/json",
                UUID.randomUUID().toString(), m -> m.withFields(m.fields().with("content-encoding", "gzip"))), 415,
                "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void aSlowBodyIsCutOffByTheReadDeadline() throws Exception {
        byte[] body = submission().getBytes(StandardCharsets.UTF_8);
        RequestMessage m = service.sign("POST", "/v1/cases", body, "application/json", UUID.randomUUID().toString(),
                clock.instant(), org.zwfw.sdk.httpsig.MessageSigner.newNonce());
        StringBuilder head = new StringBuilder("POST /v1/cases HTTP/1.1\r\nHost: " + m.authority() + "\r\n");
        m.fields().lines().forEach(l -> head.append(l.getKey()).append(": ").append(l.getValue()).append("\r\n"));
        head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        try (Socket s = new Socket("127.0.0.1", sandbox.port())) {
            s.setSoTimeout(200);
            OutputStream out = s.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            out.write(body, 0, 10);
            out.flush();
            long start = System.nanoTime();
            boolean closed = false;
            int sent = 10;
            InputStream in = s.getInputStream();
            while (!closed && System.nanoTime() - start < Duration.ofSeconds(10).toNanos()) {
                try {
                    closed = in.read() < 0;
                } catch (SocketTimeoutException stillOpen) {
                    if (sent < body.length - 1) {
                        out.write(body[sent++]); // a byte now and then, never the last one
                        out.flush();
                    }
                } catch (java.io.IOException reset) {
                    closed = true;
                }
            }
            assertThat(closed).as("the connection is closed at the body deadline").isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }

    /** The small-body limit, as a literal so that the test does not read it from the code it checks. */
    private static final class Api16K {
        static final int SMALL = 16 * 1024;
    }
}
