package org.zwfw.sdk.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IdentifierCheckTest {

    private static final IdentifierViolation LENGTH = new IdentifierViolation(IdentifierRule.LENGTH, "length");
    private static final IdentifierViolation CHECK = new IdentifierViolation(IdentifierRule.CHECK_CHARACTER, "c");

    @Test
    void copiesItsCollectionsAndKeepsDetailOrder() {
        List<IdentifierViolation> violations = new ArrayList<>(List.of(LENGTH));
        Map<String, String> details = new LinkedHashMap<>();
        details.put("z", "1");
        details.put("a", "2");

        IdentifierCheck check = new IdentifierCheck(IdentifierKind.USCC, false, violations, details);
        violations.clear();
        details.clear();

        assertThat(check.violations()).containsExactly(LENGTH);
        assertThat(check.details()).containsExactly(Map.entry("z", "1"), Map.entry("a", "2"));
        assertThatThrownBy(() -> check.details().put("b", "3")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void validMustAgreeWithViolations() {
        assertThatThrownBy(() -> new IdentifierCheck(IdentifierKind.USCC, true, List.of(LENGTH), Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IdentifierCheck(IdentifierKind.USCC, false, List.of(), Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsNulls() {
        Map<String, String> nullValue = new HashMap<>();
        nullValue.put("k", null);

        assertThatThrownBy(() -> new IdentifierCheck(null, true, List.of(), Map.of()))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new IdentifierCheck(IdentifierKind.USCC, true, List.of(), nullValue))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void rulesAndChecksumFlagSummariseTheViolations() {
        IdentifierCheck check = new IdentifierCheck(IdentifierKind.ORG_CODE, false, List.of(LENGTH, CHECK, LENGTH),
                Map.of());

        assertThat(check.rules()).containsExactly(IdentifierRule.LENGTH, IdentifierRule.CHECK_CHARACTER);
        assertThat(check.hasChecksumFailure()).isTrue();
        assertThat(new IdentifierCheck(IdentifierKind.ORG_CODE, false, List.of(LENGTH), Map.of())
                .hasChecksumFailure()).isFalse();
    }

    @Test
    void toStringHidesResidentIdDetailsButShowsPublicOnes() {
        IdentifierCheck resident = ResidentIdNumber.check(ResidentIdNumberTest.EXAMPLE,
                ResidentIdNumberTest.NEW_YEAR_2026);
        IdentifierCheck uscc = UnifiedSocialCreditCode.check(UnifiedSocialCreditCodeTest.EXAMPLE);

        assertThat(resident.toString()).contains("birth_date").doesNotContain("1949").doesNotContain("110105");
        assertThat(uscc.toString()).contains("division_code=110000").contains("organization_code=600037341");
    }
}
