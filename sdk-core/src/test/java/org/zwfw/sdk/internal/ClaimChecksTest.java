package org.zwfw.sdk.internal;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.zwfw.sdk.verify.OutcomeCode;
import org.zwfw.sdk.verify.VerificationResult;
import static org.assertj.core.api.Assertions.assertThat;

class ClaimChecksTest {

    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    private static final Duration SKEW = Duration.ofSeconds(60);

    private static VerificationResult<Object> times(Map<String, Object> claims, boolean iat, boolean exp) {
        Findings f = new Findings();
        ClaimChecks.times(claims, NOW, SKEW, iat, exp, f);
        return f.result(new Object());
    }

    @Test
    void expNbfIatWithSkew() {
        long now = NOW.getEpochSecond();
        assertThat(times(Map.of("exp", now - 61), false, false).errorCodes()).containsExactly(OutcomeCode.EXPIRED);
        assertThat(times(Map.of("exp", now - 59), false, false).isValid()).isTrue();
        assertThat(times(Map.of("nbf", now + 61), false, false).errorCodes()).containsExactly(OutcomeCode.NOT_YET_VALID);
        assertThat(times(Map.of("iat", now + 61), false, false).errorCodes()).containsExactly(OutcomeCode.ISSUED_IN_FUTURE);
        assertThat(times(Map.of("iat", now), true, true).errorCodes()).containsExactly(OutcomeCode.MISSING_CLAIM);
    }

    /** Decision (spec/algorithms.md §8): RFC 7519 allows fractional NumericDates; the profile refuses them. */
    @Test
    void fractionalNumericDatesAreRefusedWithTheReason() {
        for (String d : new String[] {"1767225600.5", "1767225600.0", "1.7672256E9"}) {
            VerificationResult<Object> r = times(Map.of("exp", new java.math.BigDecimal(d)), false, false);
            assertThat(r.errorCodes()).as(d).containsExactly(OutcomeCode.INVALID_CLAIM);
            assertThat(r.errors().get(0).message()).contains("RFC 7519 allows fractions");
        }
    }

    @Test
    void wrongTypesAreInvalidNotAbsent() {
        assertThat(times(Map.of("exp", "tomorrow"), false, true).errorCodes()).containsExactly(OutcomeCode.INVALID_CLAIM);
        assertThat(times(Map.of("exp", new java.math.BigDecimal("1.5")), false, false).errorCodes())
                .containsExactly(OutcomeCode.INVALID_CLAIM);
        assertThat(times(Map.of("exp", -1L), false, false).errorCodes()).containsExactly(OutcomeCode.INVALID_CLAIM);
        assertThat(times(Map.of("exp", BigInteger.TEN.pow(30)), false, false).errorCodes())
                .containsExactly(OutcomeCode.INVALID_CLAIM);
        Map<String, Object> nul = new HashMap<>();
        nul.put("exp", null);
        assertThat(times(nul, false, false).errorCodes()).containsExactly(OutcomeCode.INVALID_CLAIM);
    }

    @Test
    void strings() {
        Findings f = new Findings();
        assertThat(ClaimChecks.string(Map.of("iss", "x"), "iss", true, f)).contains("x");
        assertThat(ClaimChecks.string(Map.of("iss", 1), "iss", true, f)).isEmpty();
        assertThat(ClaimChecks.string(Map.of(), "iss", true, f)).isEmpty();
        assertThat(f.failure().errorCodes()).containsExactlyInAnyOrder(OutcomeCode.INVALID_CLAIM, OutcomeCode.MISSING_CLAIM);
    }
}
