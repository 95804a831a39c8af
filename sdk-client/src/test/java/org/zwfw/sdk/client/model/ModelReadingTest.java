package org.zwfw.sdk.client.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** How the records read: required members, unknown members, open sets, times. */
class ModelReadingTest {

    private static ObjectNode example(String name) {
        return (ObjectNode) Models.DOC.at("/components/examples/" + name + "/value").deepCopy();
    }

    @Test
    void aMissingRequiredMemberIsAnErrorNamingIt() {
        ObjectNode c = example("PensionCaseSubmitted");
        c.remove("item_name");
        assertThatThrownBy(() -> Models.MAPPER.treeToValue(c, Case.class))
                .isInstanceOf(JsonMappingException.class).hasMessageContaining("'item_name'");
        ObjectNode nulled = example("PensionCaseSubmitted");
        nulled.putNull("case_id");
        assertThatThrownBy(() -> Models.MAPPER.treeToValue(nulled, Case.class))
                .isInstanceOf(JsonMappingException.class).hasMessageContaining("missing required member 'case_id'");
        ObjectNode nested = example("PensionCaseSubmitted");
        ((ObjectNode) nested.get("department")).remove("region_code");
        assertThatThrownBy(() -> Models.MAPPER.treeToValue(nested, Case.class)).hasMessageContaining("'region_code'");
        assertThatThrownBy(() -> new Upload(null, "application/pdf", 1, "00", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("missing required member 'upload_id'");
    }

    @Test
    void unknownMembersOfAnswersAreIgnoredAndOfRequestsRefused() throws Exception {
        ObjectNode c = example("PensionCaseSubmitted");
        c.put("added_later", 1);
        ((ObjectNode) c.get("applicant")).put("also_new", "x");
        assertThat(Models.MAPPER.treeToValue(c, Case.class).caseId()).isEqualTo("case_7Q2M9X4K1P8D3RZT");
        ObjectNode s = example("PensionSubmission");
        s.put("added_later", 1);
        assertThatThrownBy(() -> Models.MAPPER.treeToValue(s, CaseSubmission.class)).hasMessageContaining("added_later");
    }

    @Test
    void aCaseStatusAddedLaterReadsAsUnknown() throws Exception {
        ObjectNode c = example("PensionCaseSubmitted");
        c.put("status", "SUSPENDED_FOR_CORRECTION");
        assertThat(Models.MAPPER.treeToValue(c, Case.class).status()).isEqualTo(CaseStatus.UNKNOWN);
        assertThat(CaseStatus.of("UNKNOWN")).isEqualTo(CaseStatus.UNKNOWN);
        assertThat(CaseStatus.of("IN_REVIEW")).isEqualTo(CaseStatus.IN_REVIEW);
    }

    @Test
    void aProblemCodeAddedLaterIsKept() throws Exception {
        ObjectNode p = (ObjectNode) Models.DOC.at("/components/responses/Problem/content/application~1problem+json/example").deepCopy();
        p.put("code", "QUOTA_EXHAUSTED");
        Problem problem = Models.MAPPER.treeToValue(p, Problem.class);
        assertThat(problem.code().value()).isEqualTo("QUOTA_EXHAUSTED");
        assertThat(problem.code().isKnown()).isFalse();
        assertThat(Models.MAPPER.valueToTree(problem).get("code").asText()).isEqualTo("QUOTA_EXHAUSTED");
        assertThat(ProblemCode.of("RATE_LIMITED")).isEqualTo(ProblemCode.RATE_LIMITED);
        assertThat(ProblemCode.RATE_LIMITED.isKnown()).isTrue();
    }

    @Test
    void timesKeepTheirOffset() throws Exception {
        Case c = Models.MAPPER.treeToValue(example("PensionCaseSubmitted"), Case.class);
        assertThat(c.submittedAt().getOffset()).isEqualTo(ZoneOffset.ofHours(8));
        JsonNode written = Models.MAPPER.valueToTree(c);
        assertThat(written.get("submitted_at").asText()).isEqualTo("2026-03-02T10:15:01+08:00");
    }

    @Test
    void sealedTypesReadByTheirTypeOrMembers() throws Exception {
        CaseSubmission s = Models.MAPPER.treeToValue(example("PensionSubmission"), CaseSubmission.class);
        assertThat(s.applicant()).isInstanceOf(PersonApplicant.class);
        assertThat(s.form()).isInstanceOf(PensionRetirementForm.class);
        assertThat(s.materials()).hasExactlyElementsOfTypes(EcertMaterial.class, EcertMaterial.class, UploadMaterial.class);
        JsonNode event = Models.DOC.at("/webhooks/case-status-changed/post/requestBody/content/application~1json/example");
        WebhookEvent e = Models.MAPPER.treeToValue(event, WebhookEvent.class);
        assertThat(e).isInstanceOfSatisfying(CaseStatusChangedEvent.class,
                c -> assertThat(c.data().status()).isEqualTo(CaseStatus.IN_REVIEW));
    }

    @Test
    void exactlyOneWayOfNamingAnEcertificate() {
        assertThatThrownBy(() -> new EcertMaterial("M001", null, null, null, "cause"))
                .hasMessageContaining("exactly one of license_id, license_type_code or vct");
        assertThatThrownBy(() -> new EcertUseRequest("1.2", "T", null, "cause", "a.b.c", null, null, null))
                .hasMessageContaining("2 given");
        assertThatThrownBy(() -> new PensionPayment(PaymentMethod.BANK_ACCOUNT, "bank", null))
                .hasMessage("missing required member 'account_number'");
        assertThatThrownBy(() -> new PersonApplicant("n", "001", "x", "p")).hasMessageContaining("'id_type'");
    }
}
