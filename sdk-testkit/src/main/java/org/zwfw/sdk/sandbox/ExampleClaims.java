package org.zwfw.sdk.sandbox;

import java.time.LocalDate;
import org.zwfw.sdk.credential.CredentialClaims;
import org.zwfw.sdk.credential.CredentialType;

/**
 * Fixed example claims for tests and benchmarks outside the sandbox: the e-license example of the
 * domain notes, a food business permit (its e-license identifier, issuer code and holder USCC are
 * the real worked examples, with valid check characters). Fictitious company; no personal data.
 */
public final class ExampleClaims {

    private ExampleClaims() {
    }

    /**
     * @return a food business permit ({@code urn:zwfw:vct:license:1}), every field of
     *         {@code spec/ecert.md} §7.1 set, valid from 2023-03-01 to 2028-02-28
     */
    public static CredentialClaims license() {
        return CredentialClaims.builder(CredentialType.LICENSE)
                .put("license_id", "1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.001.U")
                .put("license_name", "食品经营许可证")
                .put("license_type_code", "11100000000013338W011")
                .put("license_number", "JY14301050012345")
                .put("issuing_authority", "湖南省市场监督管理局")
                .put("issuing_authority_code", "11430000006122244L")
                .put("issue_date", LocalDate.of(2023, 3, 1))
                .put("valid_from", LocalDate.of(2023, 3, 1))
                .put("valid_until", LocalDate.of(2028, 2, 28))
                .put("holder_name", "某某餐饮有限公司")
                .put("holder_code", "91110000600037341L")
                .put("holder_code_type", "001")
                .put("jurisdiction_code", "430000")
                .build();
    }
}
