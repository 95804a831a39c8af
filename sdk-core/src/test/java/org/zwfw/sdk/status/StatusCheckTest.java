package org.zwfw.sdk.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.zwfw.sdk.verify.Finding;
import org.zwfw.sdk.verify.OutcomeCode;

class StatusCheckTest {

    private static final StatusReference REF = new StatusReference(URI.create("https://a.example/status/1"), 7);

    @Test
    void establishedStatusCarriesItsValue() {
        StatusCheck c = StatusCheck.established(REF, 2);
        assertThat(c.isEstablished()).isTrue();
        assertThat(c.status()).contains(Status.SUSPENDED);
        assertThat(c.value()).hasValue(2);
        assertThat(c.errors()).isEmpty();
        assertThat(c.warnings()).isEmpty();
        assertThat(c.reference()).isEqualTo(REF);
        assertThat(c.toString()).isEqualTo("StatusCheck[https://a.example/status/1#7: SUSPENDED]");
    }

    @Test
    void undefinedValueIsInvalidWithAWarning() {
        StatusCheck c = StatusCheck.established(REF, 3);
        assertThat(c.status()).contains(Status.INVALID);
        assertThat(c.value()).hasValue(3);
        assertThat(c.errors()).isEmpty();
        assertThat(c.warnings()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(OutcomeCode.REVOKED);
            assertThat(f.message()).contains("value 3").contains("fail closed");
        });
        assertThat(c.toString()).contains("INVALID (value 3)");
    }

    @Test
    void unavailableStatusCarriesItsReasons() {
        StatusCheck c = StatusCheck.unavailable(REF, List.of(new Finding(OutcomeCode.EXPIRED, "old"),
                new Finding(OutcomeCode.INVALID_CLAIM, "sub")));
        assertThat(c.isEstablished()).isFalse();
        assertThat(c.status()).isEmpty();
        assertThat(c.value()).isEmpty();
        assertThat(c.errorCodes()).containsExactlyInAnyOrder(OutcomeCode.EXPIRED, OutcomeCode.INVALID_CLAIM);
        assertThat(c.toString()).contains("unavailable").contains("EXPIRED");
    }

    @Test
    void unavailableNeedsAReason() {
        assertThatThrownBy(() -> StatusCheck.unavailable(REF, List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void equalityFollowsTheOutcome() {
        assertThat(StatusCheck.established(REF, 1)).isEqualTo(StatusCheck.established(REF, 1))
                .hasSameHashCodeAs(StatusCheck.established(REF, 1));
        assertThat(StatusCheck.established(REF, 1)).isNotEqualTo(StatusCheck.established(REF, 3));
    }
}
