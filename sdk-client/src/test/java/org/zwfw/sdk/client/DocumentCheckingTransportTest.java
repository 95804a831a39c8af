package org.zwfw.sdk.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The checking transport finds an answer the document does not allow (so the sandbox tests' silence means something). */
class DocumentCheckingTransportTest {

    @Test
    void anAnswerOutsideTheDocumentIsReported() throws Exception {
        try (ScriptedPlatform platform = new ScriptedPlatform();
                DocumentCheckingTransport t = new DocumentCheckingTransport(SandboxFixture.DOC)) {
            platform.then(ScriptedPlatform.Answer.json(200, "{\"case_id\":\"case_7Q2M9X4K1P8D3RZT\"}"));
            platform.then(ScriptedPlatform.Answer.json(200, "{\"keys\":[]}"));
            try (ApiClient api = platform.client().transport(t).build()) {
                assertThatThrownBy(() -> api.cases().get("case_7Q2M9X4K1P8D3RZT")).isInstanceOf(ApiDecodingException.class);
                assertThat(t.violations).isNotEmpty().allMatch(v -> v.startsWith("answer 200 to GET /v1/cases/case_7Q2M9X4K1P8D3RZT"))
                        .anyMatch(v -> v.contains("required"));
                t.violations.clear();
                api.platform().keys();
                assertThat(t.violations).isNotEmpty(); // application/json where the document says application/jwk-set+json
            }
        }
    }
}
