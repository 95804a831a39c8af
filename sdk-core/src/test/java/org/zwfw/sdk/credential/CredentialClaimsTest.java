package org.zwfw.sdk.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.zwfw.sdk.verify.Finding;
import org.zwfw.sdk.verify.OutcomeCode;

class CredentialClaimsTest {

    static CredentialClaims.Builder license() {
        return CredentialClaims.builder(CredentialType.LICENSE)
                .put("license_id", "1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.001.U")
                .put("license_name", "食品经营许可证")
                .put("license_type_code", "11100000000013338W011")
                .put("issuing_authority", "湖南省市场监督管理局")
                .put("issuing_authority_code", "11430000006122244L")
                .put("issue_date", LocalDate.of(2023, 3, 1))
                .put("valid_from", LocalDate.of(2023, 3, 1))
                .put("valid_until", LocalDate.of(2028, 2, 28))
                .put("holder_name", "某某餐饮有限公司")
                .put("holder_code", "91110000600037341L")
                .put("holder_code_type", "001")
                .put("jurisdiction_code", "430000");
    }

    @Test
    void realExamplesBuild() {
        CredentialClaims c = license().build();
        assertThat(c.values()).containsEntry("issue_date", "2023-03-01").hasSize(12);
        assertThat(c.values().keySet()).containsSubsequence("license_id", "license_name", "holder_code_type");
        CredentialClaims ssc = CredentialClaims.builder(CredentialType.SOCIAL_SECURITY_CARD).put("sign_no", "S-1")
                .put("card_number", "A1234567").put("issuing_region_code", "330100").put("holder_name", "张三")
                .put("social_security_number", "11010519491231002X").put("issue_date", "2024-05-01").build();
        assertThat(ssc.type().vct()).isEqualTo("urn:zwfw:vct:social-security-card:1");
    }

    @Test
    void reportsEveryProblemWithItsCode() {
        assertThatThrownBy(() -> license()
                .put("license_id", "1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.001.V")
                .put("holder_code_type", "111")
                .put("valid_from", "2029-01-01")
                .build()).isInstanceOfSatisfying(InvalidCredentialException.class, e -> {
                    assertThat(e.problems()).extracting(Finding::code).containsExactlyInAnyOrder(
                            OutcomeCode.CHECKSUM_INVALID, OutcomeCode.INVALID_CLAIM, OutcomeCode.INVALID_CLAIM);
                    assertThat(e.getMessage()).contains("license_id", "holder_code", "valid_from")
                            .doesNotContain("91110000600037341L");
                });
    }

    @Test
    void requiredClaimsAndKnownNames() {
        assertThatThrownBy(() -> CredentialClaims.builder(CredentialType.SOCIAL_SECURITY_CARD).put("sign_no", "x").build())
                .isInstanceOfSatisfying(InvalidCredentialException.class, e -> assertThat(e.problems())
                        .extracting(Finding::code).containsOnly(OutcomeCode.MISSING_CLAIM));
        assertThatThrownBy(() -> CredentialClaims.builder(CredentialType.LICENSE).put("password", "x"))
                .hasMessageContaining("no claim 'password'");
    }

    @Test
    void residentIdNumbersAreChecked() {
        assertThat(CredentialClaims.check(CredentialType.SOCIAL_SECURITY_CARD,
                Map.of("social_security_number", "110105194912310021"), false))
                .extracting(Finding::code).containsExactly(OutcomeCode.CHECKSUM_INVALID);
        assertThat(CredentialClaims.check(CredentialType.LICENSE, Map.of("holder_code", "11010519491231002X",
                "holder_code_type", "111"), false)).isEmpty();
        assertThat(CredentialClaims.check(CredentialType.LICENSE, Map.of("issue_date", "2023-02-30"), false))
                .extracting(Finding::code).containsExactly(OutcomeCode.INVALID_CLAIM);
        assertThat(CredentialClaims.check(CredentialType.LICENSE, Map.of("issue_date", 20230201), false))
                .extracting(Finding::code).containsExactly(OutcomeCode.INVALID_CLAIM);
    }

    @Test
    void typesByVct() {
        assertThat(CredentialType.fromVct("urn:zwfw:vct:business-license:1")).contains(CredentialType.BUSINESS_LICENSE);
        assertThat(CredentialType.fromVct("urn:other")).isEmpty();
        assertThat(CredentialType.BUSINESS_LICENSE.claimNames()).contains("license_id", "uscc", "business_scope");
        assertThat(CredentialType.NEVER_DISCLOSABLE).contains("exp", "cnf", "status");
    }
}
