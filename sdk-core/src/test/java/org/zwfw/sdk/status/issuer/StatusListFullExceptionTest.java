package org.zwfw.sdk.status.issuer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.zwfw.sdk.status.issuer.StatusListFullException;

class StatusListFullExceptionTest {

    @Test
    void namesTheCapacityAndWhatToDo() {
        StatusListFullException e = new StatusListFullException(10_000);
        assertThat(e.capacity()).isEqualTo(10_000);
        assertThat(e).isInstanceOf(IllegalStateException.class).hasMessageContaining("10000")
                .hasMessageContaining("new list");
    }
}
