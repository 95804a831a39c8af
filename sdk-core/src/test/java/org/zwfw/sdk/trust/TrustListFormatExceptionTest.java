package org.zwfw.sdk.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrustListFormatExceptionTest {

    @Test
    void listsEveryProblemAndJoinsThemInTheMessage() {
        TrustListFormatException e = new TrustListFormatException(List.of("issuers[0].id: missing",
                "issuers[1].uscc: bad"));
        assertThat(e.problems()).containsExactly("issuers[0].id: missing", "issuers[1].uscc: bad");
        assertThat(e).hasMessage("trust list rejected: issuers[0].id: missing; issuers[1].uscc: bad")
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void boundsTheMessageButKeepsEveryProblem() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            many.add("issuers[" + i + "].id: missing");
        }
        TrustListFormatException e = new TrustListFormatException(many);
        assertThat(e.problems()).hasSize(25);
        assertThat(e.getMessage()).contains("issuers[19].id").doesNotContain("issuers[20].id")
                .endsWith("and 5 more problem(s)");
    }

    @Test
    void needsAtLeastOneProblem() {
        assertThatThrownBy(() -> new TrustListFormatException(List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eachProblemOfARealLocalListCarriesItsOutcomeCode() {
        assertThat(codes("[1]")).containsExactly(org.zwfw.sdk.verify.OutcomeCode.MALFORMED);
        assertThat(codes("{}")).containsExactly(org.zwfw.sdk.verify.OutcomeCode.MISSING_CLAIM);
        assertThat(codes("{\"issuers\":[{\"id\":1}]}")).isNotEmpty()
                .containsOnly(org.zwfw.sdk.verify.OutcomeCode.INVALID_CLAIM);
        assertThat(codes(" ".repeat(TrustList.MAX_LOCAL_LENGTH + 1)))
                .containsExactly(org.zwfw.sdk.verify.OutcomeCode.TOO_LARGE);
    }

    private static List<org.zwfw.sdk.verify.OutcomeCode> codes(String json) {
        try {
            TrustList.parseLocal(json);
            throw new AssertionError("accepted " + json);
        } catch (TrustListFormatException e) {
            return e.findings().stream().map(org.zwfw.sdk.verify.Finding::code).toList();
        }
    }
}
