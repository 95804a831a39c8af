package org.zwfw.sdk.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class InvalidIdentifierExceptionTest {

    @Test
    void carriesKindAndEveryViolation() {
        List<IdentifierViolation> violations = List.of(
                new IdentifierViolation(IdentifierRule.DIVISION_CODE_SHAPE, "positions 1-6 ..."),
                new IdentifierViolation(IdentifierRule.CHECK_CHARACTER, "check character ..."));

        InvalidIdentifierException e = new InvalidIdentifierException(IdentifierKind.RESIDENT_ID, violations);

        assertThat(e).isInstanceOf(IllegalArgumentException.class);
        assertThat(e.kind()).isEqualTo(IdentifierKind.RESIDENT_ID);
        assertThat(e.violations()).isEqualTo(violations);
        assertThat(e.getMessage()).isEqualTo(
                "invalid resident_id: DIVISION_CODE_SHAPE: positions 1-6 ...; CHECK_CHARACTER: check character ...");
    }

    @Test
    void needsAtLeastOneViolation() {
        assertThatThrownBy(() -> new InvalidIdentifierException(IdentifierKind.USCC, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .isNotInstanceOf(InvalidIdentifierException.class);
        assertThatThrownBy(() -> new InvalidIdentifierException(null, List.of()))
                .isInstanceOf(NullPointerException.class);
    }
}
