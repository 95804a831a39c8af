package org.zwfw.sdk.id;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClaimMaskingTest {

    @Test
    void masksPersonalClaimsAtAnyDepthAndKeepsRegistrationData() {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("holder_name", "张三");
        claims.put("social_security_number", "11010519491231002X");
        claims.put("phone_number", List.of("13812345678", "13987654321"));
        claims.put("card_number", "6222021234567890");
        claims.put("address", Map.of("street", "西湖区文三路 1 号"));
        claims.put("verified_claims", Map.of("claims", Map.of("name", "李四")));
        claims.put("uscc", "91110000600037341L");
        Map<String, Object> m = ClaimMasking.mask(claims, MaskingPolicy.DEFAULT);
        assertThat(m.toString()).doesNotContain("张三", "19491231", "12345678", "87654321", "1234567890", "文三路", "李四");
        assertThat(m.get("uscc")).isEqualTo("91110000600037341L");
        assertThat(m.get("holder_name")).isEqualTo("张*");
    }

    @Test
    void masksPersonalNumbersWrittenAsJsonNumbersAndKeepsOtherNumbers() {
        Map<String, Object> m = ClaimMasking.mask(Map.of("phone_number", 13812345678L, "card_number",
                List.of(6222021234567890L), "status_idx", 42), MaskingPolicy.DEFAULT);
        assertThat(m.toString()).doesNotContain("12345678", "1234567890");
        assertThat(m.get("status_idx")).isEqualTo(42);
    }

    @Test
    void masksEveryValueOfAnArrayElementWhoseClaimIsUnknown() {
        Object shown = ClaimMasking.member(null, List.of("张三", 13812345678L, List.of("11010519491231002X")), false,
                MaskingPolicy.DEFAULT);
        assertThat(shown.toString()).doesNotContain("张三", "12345678", "19491231");
        assertThat(ClaimMasking.member(null, "张三", false, MaskingPolicy.DEFAULT)).isEqualTo("**");
    }

    @Test
    void holderCodeIsMaskedUnlessItIsAnOrganisationsUscc() {
        assertThat(ClaimMasking.mask(Map.of("holder_code", "11010519491231002X"), MaskingPolicy.DEFAULT).get("holder_code"))
                .isNotEqualTo("11010519491231002X");
        assertThat(ClaimMasking.mask(Map.of("holder_code", "11010519491231002X", "holder_code_type", "111"),
                MaskingPolicy.DEFAULT).get("holder_code")).isNotEqualTo("11010519491231002X");
        assertThat(ClaimMasking.mask(Map.of("holder_code", "91110000600037341L", "holder_code_type", "001"),
                MaskingPolicy.DEFAULT).get("holder_code")).isEqualTo("91110000600037341L");
    }
}
