package org.zwfw.sdk.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IdentifierViolationTest {

    @Test
    void toStringNamesTheRuleAndMessage() {
        IdentifierViolation violation = new IdentifierViolation(IdentifierRule.LENGTH, "length is 3, expected 18");

        assertThat(violation).hasToString("LENGTH: length is 3, expected 18");
    }

    @Test
    void rejectsNull() {
        assertThatThrownBy(() -> new IdentifierViolation(null, "m")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new IdentifierViolation(IdentifierRule.LENGTH, null))
                .isInstanceOf(NullPointerException.class);
    }
}
