package org.zwfw.sdk.verify;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.zwfw.sdk.internal.Findings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerificationResultTest {

    @Test
    void validResultCarriesValueAndWarnings() throws Exception {
        Finding w = new Finding(OutcomeCode.STATUS_UNAVAILABLE, "status list not reachable");
        VerificationResult<String> r = VerificationResult.valid("v", List.of(w));
        assertThat(r.isValid()).isTrue();
        assertThat(r.value()).contains("v");
        assertThat(r.orElseThrow()).isEqualTo("v");
        assertThat(r.warnings()).containsExactly(w);
        assertThat(r.errorCodes()).isEmpty();
        assertThat(r.toString()).doesNotContain("v,");
    }

    @Test
    void invalidResultKeepsEveryErrorAndThrowsWithAll() {
        VerificationResult<String> r = new Findings().error(OutcomeCode.EXPIRED, "expired at 10")
                .error(OutcomeCode.SIGNATURE_INVALID, "bad signature").result(null);
        assertThat(r.isValid()).isFalse();
        assertThat(r.value()).isEmpty();
        assertThat(r.errorCodes()).containsExactlyInAnyOrder(OutcomeCode.EXPIRED, OutcomeCode.SIGNATURE_INVALID);
        assertThat(r.hasError(OutcomeCode.EXPIRED)).isTrue();
        assertThat(r.hasError(OutcomeCode.REVOKED)).isFalse();
        assertThatThrownBy(r::orElseThrow).isInstanceOfSatisfying(VerificationException.class, e -> {
            assertThat(e.result()).isSameAs(r);
            assertThat(e.getMessage()).contains("EXPIRED", "SIGNATURE_INVALID");
        });
        VerificationResult<Integer> typed = r.asInvalid();
        assertThat(typed.errors()).isEqualTo(r.errors());
    }

    @Test
    void invalidNeedsAnError() {
        assertThatThrownBy(() -> VerificationResult.invalid(List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VerificationResult.valid("x", List.of()).asInvalid())
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new Findings().failure()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new VerificationException(VerificationResult.valid("x", List.of())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void findingsCollectsAndMerges() {
        Findings f = new Findings().warn(OutcomeCode.STATUS_UNAVAILABLE, "w");
        assertThat(f.hasErrors()).isFalse();
        f.addAll(VerificationResult.invalid(OutcomeCode.REPLAYED, "seen"));
        assertThat(f.hasError(OutcomeCode.REPLAYED)).isTrue();
        VerificationResult<Object> r = f.failure();
        assertThat(r.warnings()).extracting(Finding::code).containsExactly(OutcomeCode.STATUS_UNAVAILABLE);
        assertThat(new Finding(OutcomeCode.MALFORMED, "m").toString()).isEqualTo("MALFORMED: m");
        assertThatThrownBy(() -> new Finding(null, "m")).isInstanceOf(NullPointerException.class);
    }

    @Test
    void aResultIsOneOfTwoRecordsThatAPatternReachesWithoutOptional() {
        VerificationResult<String> ok = VerificationResult.valid("110101199003074514", List.of());
        VerificationResult<String> bad = VerificationResult.invalid(OutcomeCode.EXPIRED, "expired at 2026-01-01T00:00:00Z");
        String seen = ok instanceof VerificationResult.Valid<String> v ? v.verified() : null;
        assertThat(seen).isEqualTo("110101199003074514");
        assertThat(bad).isInstanceOf(VerificationResult.Invalid.class);
        assertThat(((VerificationResult.Invalid<String>) bad).errors()).extracting(Finding::code)
                .containsExactly(OutcomeCode.EXPIRED);
        assertThat(VerificationResult.class.isSealed()).isTrue();
        assertThat(VerificationResult.class.getPermittedSubclasses()).hasSize(2);
        // records: equal by content; toString never prints the value (personal data)
        assertThat(VerificationResult.valid("x", List.of())).isEqualTo(VerificationResult.valid("x", List.of()));
        assertThat(ok.toString()).doesNotContain("110101199003074514");
        assertThat(bad.<Integer>asInvalid().errorCodes()).containsExactly(OutcomeCode.EXPIRED);
    }
}
