package org.zwfw.sdk.client.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.zwfw.sdk.sandbox.internal.openapi.DocumentExample;

/** No record's toString() shows personal data, a token or a credential in full. */
class ModelMaskingTest {

    /** Values of the document's examples that must never be shown. */
    private static final List<String> SECRETS = List.of("王建国", "330102196504120017", "13905712345", "张三",
            "330106198503121231", "9Zk2pQ0sVbT4xYc7Lm1NwE3rHd6Jf8Ga", "示例路88号", "eyJhbGciOiJTR0RfU00zX1NNMiIsImtpZCI6InJuYXQtMSIs",
            "eyJhbGciOiJTR0RfU00zX1NNMiIsImtpZCI6Im1yLTEi", "eyJhbGciOiJTR0RfU00zX1NNMiIsImtpZCI6ImRZNDla");

    @Test
    void everyExampleReadIntoItsRecordIsShownMasked() throws Exception {
        int shown = 0;
        for (DocumentExample e : Models.DOC.examples()) {
            Class<?> model = e.schemaName() == null ? null : Models.forSchema(e.schemaName());
            if (model == null) {
                continue;
            }
            String text = Models.MAPPER.treeToValue(e.value(), model).toString();
            for (String secret : SECRETS) {
                assertThat(text).as(e.where()).doesNotContain(secret);
            }
            shown++;
        }
        assertThat(shown).isGreaterThanOrEqualTo(25);
    }

    @Test
    void personalValuesAreMaskedAsSdkCoreMasksThem() {
        PersonApplicant p = new PersonApplicant("王建国", "330102196504120017", "13905712345");
        assertThat(p.toString()).contains("王**", "33**************17", "139****2345");
        OrganizationApplicant o = new OrganizationApplicant("示例有限公司", "91330106MA2G000133", "李四", "13800001111");
        assertThat(o.toString()).contains("示例有限公司", "91330106MA2G000133", "李*", "138****1111").doesNotContain("李四");
        PensionPayment pay = new PensionPayment(PaymentMethod.BANK_ACCOUNT, "示例银行", "6222020200112233445");
        assertThat(pay.toString()).contains("***************3445").doesNotContain("6222020200112233445");
        PensionRetirementForm form = new PensionRetirementForm("330100", RetirementType.NORMAL, YearMonth.of(2025, 8),
                YearMonth.of(1992, 7), 396, 0, null, false, pay, "示例路88号", new Declaration(true, "2025-01"));
        assertThat(form.toString()).doesNotContain("示例路88号", "6222020200112233445");
        GenericForm generic = new GenericForm(Map.of("id_number", "330102196504120017", "phone", "13905712345"));
        assertThat(generic.toString()).doesNotContain("330102196504120017", "13905712345");
        IssuanceRequest issue = new IssuanceRequest(Map.of("holder_name", "张三", "social_security_number", "330106198503121231"),
                null, null);
        assertThat(issue.toString()).doesNotContain("张三", "330106198503121231");
        assertThat(new HolderConsent("aaa.bbb.ccc").toString()).doesNotContain("aaa.bbb.ccc").contains("11 characters");
        MaskedApplicant leaked = new MaskedApplicant(ApplicantKind.PERSON, "王建国", "111", "330102196504120017",
                "13905712345", null, null);
        assertThat(leaked.toString()).doesNotContain("王建国", "330102196504120017", "13905712345");
    }
}
