package org.zwfw.sdk.id;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdentifierRuleTest {

    @Test
    void exactlyTheCheckCharacterRulesAreChecksumFailures() {
        Set<IdentifierRule> checksum = EnumSet.noneOf(IdentifierRule.class);
        for (IdentifierRule rule : IdentifierRule.values()) {
            if (rule.isChecksum()) {
                checksum.add(rule);
            }
        }

        assertThat(checksum).containsExactlyInAnyOrder(IdentifierRule.CHECK_CHARACTER,
                IdentifierRule.EMBEDDED_ORG_CODE_CHECK_CHARACTER, IdentifierRule.CHECK_CHARACTER_OVER_ROOT);
    }

    @Test
    void everyRuleHasADescription() {
        for (IdentifierRule rule : IdentifierRule.values()) {
            assertThat(rule.description()).isNotBlank();
        }
    }
}
