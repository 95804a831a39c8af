package org.zwfw.sdk.sandbox.internal.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Checks of responses and request bodies against spec/openapi/zwfw-api.yaml. */
class ApiDocumentTest {

    private static final ApiDocument DOC = ApiDocument.load();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode example(String name) {
        return (ObjectNode) DOC.at("/components/examples/" + name + "/value").deepCopy();
    }

    private static byte[] bytes(JsonNode node) {
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aConformingResponseHasNoViolation() {
        assertThat(DOC.checkResponse("GET", "/v1/cases/case_7Q2M9X4K1P8D3RZT", 200, "application/json; charset=utf-8",
                bytes(example("PensionCaseInReview")))).isEmpty();
    }

    @Test
    void aMissingRequiredMemberIsNamed() {
        ObjectNode c = example("PensionCaseInReview");
        c.remove("history");
        assertThat(DOC.checkResponse("GET", "/v1/cases/case_7Q2M9X4K1P8D3RZT", 200, "application/json", bytes(c)))
                .singleElement().asString().contains("GET /v1/cases/{case_id} 200").contains("history").contains("required");
    }

    @Test
    void referencedSchemasAreFollowedAndTheViolationPlaceIsNamedWithoutTheValue() {
        ObjectNode c = example("PensionCaseInReview");
        ((ObjectNode) c.get("department")).put("code", "NOT-A-USCC-SECRET");
        List<String> v = DOC.checkResponse("GET", "/v1/cases/case_7Q2M9X4K1P8D3RZT", 200, "application/json", bytes(c));
        assertThat(v).isNotEmpty().allSatisfy(s -> assertThat(s).contains("/department/code").doesNotContain("SECRET"));
    }

    @Test
    void formatsAreAsserted() {
        ObjectNode c = example("PensionCaseInReview");
        c.put("submitted_at", "2026-03-02 at ten");
        assertThat(DOC.checkResponse("GET", "/v1/cases/case_7Q2M9X4K1P8D3RZT", 200, "application/json", bytes(c)))
                .anySatisfy(s -> assertThat(s).contains("/submitted_at").contains("format"));
    }

    @Test
    void anUndeclaredStatusIsCheckedAgainstDefaultAsAProblem() {
        byte[] problem = bytes(DOC.at("/components/responses/Problem/content/application~1problem+json/example"));
        assertThat(DOC.checkResponse("GET", "/v1/cases/case_7Q2M9X4K1P8D3RZT", 500, "application/problem+json", problem)).isEmpty();
        assertThat(DOC.checkResponse("GET", "/v1/cases/case_7Q2M9X4K1P8D3RZT", 500, "application/json", problem))
                .singleElement().asString().contains("application/json is not one the document declares");
        assertThat(DOC.checkResponse("GET", "/v1/cases/case_7Q2M9X4K1P8D3RZT", 502, "application/problem+json",
                bytes(example("PensionCaseInReview")))).anySatisfy(s -> assertThat(s).contains("default").contains("request_id"));
    }

    @Test
    void pathsMethodsAndBodiesThatTheDocumentDoesNotDeclareAreViolations() {
        assertThat(DOC.checkResponse("GET", "/v1/nothing", 200, "application/json", new byte[0]))
                .singleElement().asString().contains("no path");
        assertThat(DOC.checkResponse("DELETE", "/v1/cases/case_7Q2M9X4K1P8D3RZT", 200, "application/json", new byte[0]))
                .singleElement().asString().contains("no DELETE");
        assertThat(DOC.checkResponse("GET", "/v1/cases/case_7Q2M9X4K1P8D3RZT", 200, "application/json",
                "{\"a\":1,\"a\":2}".getBytes(StandardCharsets.UTF_8))).singleElement().asString().contains("not one well-formed");
    }

    @Test
    void theConcreteTemplateWinsAndQueriesAreIgnored() {
        byte[] verification = bytes(DOC.at("/paths/~1v1~1ssc~1qr-verifications/post/responses/200/content/application~1json/examples/valid/value"));
        assertThat(DOC.checkResponse("POST", "/v1/ssc/qr-verifications?x=1", 200, "application/json", verification)).isEmpty();
        assertThat(Paths.match(DOC.root().path("paths"), "/v1/cases/case_7Q2M9X4K1P8D3RZT/withdraw"))
                .isEqualTo("/v1/cases/{case_id}/withdraw");
        assertThat(Paths.match(DOC.root().path("paths"), "/v1/cases//withdraw")).isNull();
    }

    @Test
    void aTextBodyIsValidatedAsAString() {
        assertThat(DOC.checkResponse("GET", "/v1/trust-list", 200, "application/trustlist+jwt",
                "eyJh.eyJz.c2ln".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(DOC.checkResponse("GET", "/v1/trust-list", 200, "application/trustlist+jwt",
                "eyJh.eyJz.c2ln\n".getBytes(StandardCharsets.UTF_8))).singleElement().asString().contains("pattern");
    }

    @Test
    void requestBodiesAreChecked() {
        ObjectNode submission = example("PensionSubmission");
        assertThat(DOC.checkRequest("POST", "/v1/cases", "application/json", bytes(submission))).isEmpty();
        submission.put("surplus", true);
        assertThat(DOC.checkRequest("POST", "/v1/cases", "application/json", bytes(submission)))
                .anySatisfy(s -> assertThat(s).contains("POST /v1/cases request").contains("surplus"));
        assertThat(DOC.checkRequest("POST", "/v1/cases", null, new byte[0])).singleElement().asString().contains("required");
        assertThat(DOC.checkRequest("GET", "/v1/cases/case_7Q2M9X4K1P8D3RZT", "application/json", bytes(submission)))
                .singleElement().asString().contains("takes no body");
    }

    @Test
    void oneOfWithADiscriminatorPicksTheForm() throws Exception {
        ObjectNode submission = example("PensionSubmission");
        ((ObjectNode) submission.get("form")).remove("payment");
        assertThat(DOC.validate("/components/schemas/CaseSubmission", submission))
                .anySatisfy(s -> assertThat(s).contains("/form").contains("payment"));
        JsonNode generic = JSON.readTree("{\"form_type\":\"generic\",\"fields\":{\"a\":\"b\"}}");
        assertThat(DOC.validate("/components/schemas/CaseForm", generic)).isEmpty();
    }
}
