package org.zwfw.sdk.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StatusTest {

    @Test
    void valuesAreTheDraftsStatusTypes() {
        assertThat(Status.VALID.value()).isZero();
        assertThat(Status.INVALID.value()).isEqualTo(1);
        assertThat(Status.SUSPENDED.value()).isEqualTo(2);
    }

    @Test
    void definedValuesMapToTheirConstant() {
        for (Status s : Status.values()) {
            assertThat(Status.fromValue(s.value())).isSameAs(s);
            assertThat(Status.isDefined(s.value())).isTrue();
        }
    }

    @Test
    void undefinedValuesFailClosedToInvalid() {
        for (int v = 3; v <= 255; v++) {
            assertThat(Status.fromValue(v)).as("value %d", v).isEqualTo(Status.INVALID);
            assertThat(Status.isDefined(v)).isFalse();
        }
        assertThat(Status.isDefined(-1)).isFalse();
    }

    @Test
    void valuesOutsideAByteAreProgrammingErrors() {
        assertThatThrownBy(() -> Status.fromValue(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Status.fromValue(256)).isInstanceOf(IllegalArgumentException.class);
    }
}
