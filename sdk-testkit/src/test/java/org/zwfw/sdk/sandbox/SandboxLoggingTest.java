package org.zwfw.sdk.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.zwfw.sdk.sandbox.internal.SampleData;

/**
 * The sandbox logs one line per request (SLF4J, DEBUG; the test binding writes to standard
 * error) naming the route template and the status, never paths, bodies or claim values.
 */
class SandboxLoggingTest {

    @Test
    void logsRoutesAndStatusesButNoPersonalData() {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.err;
        String cardNumber;
        try (Sandbox sandbox = Sandbox.builder().start()) {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            try {
                ObjectNode request = (ObjectNode) Http.get(sandbox.samplesUri(SandboxIssuer.SOCIAL_SECURITY)).json()
                        .at("/samples/0/request");
                cardNumber = request.at("/claims/card_number").asText();
                JsonNode issued = Http.postJson(sandbox.credentialsUri(SandboxIssuer.SOCIAL_SECURITY), request).json();
                Http.get(java.net.URI.create(issued.get("status_entry").asText()));
                ((ObjectNode) request.get("claims")).put("social_security_number", BadRequestsTest.BAD_ID);
                Http.postJson(sandbox.credentialsUri(SandboxIssuer.SOCIAL_SECURITY), request);
                Http.postJson(sandbox.credentialsUri(SandboxIssuer.SOCIAL_SECURITY), "{\"claims\": "
                        + SampleData.ZHANG_SAN_ID + "}");
                Http.get(java.net.URI.create(sandbox.baseUri() + "/issuers/" + SampleData.LI_SI_ID));
            } finally {
                System.setErr(original);
            }
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertThat(log).contains("POST /issuers/{issuer}/credentials -> 201")
                .contains("GET /issuers/{issuer}/status-lists/1/entries/{idx} -> 200")
                .contains("POST /issuers/{issuer}/credentials -> 400")
                .contains("GET (no route) -> 404");
        assertThat(log).doesNotContain(SampleData.ZHANG_SAN_ID, SampleData.LI_SI_ID, BadRequestsTest.BAD_ID, "张三",
                cardNumber);
    }
}
