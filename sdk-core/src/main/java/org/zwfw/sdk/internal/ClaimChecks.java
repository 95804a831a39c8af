package org.zwfw.sdk.internal;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.zwfw.sdk.verify.OutcomeCode;

/**
 * Checks of JWT claims shared by every token verifier (RFC 7519 §4.1, RFC 8725 §3.10): typed
 * access that reports a claim of the wrong type as {@code INVALID_CLAIM} (never as absent), and
 * the time claims against an injected validation time with a bounded skew. Stateless and
 * thread-safe.
 */
public final class ClaimChecks {

    /** Largest NumericDate accepted: 9999-12-31T23:59:59Z. */
    public static final long MAX_NUMERIC_DATE = 253_402_300_799L;

    private ClaimChecks() {
    }

    /**
     * Reads a string claim.
     *
     * @param claims   the claims
     * @param name     the claim name
     * @param required whether absence is an error ({@code MISSING_CLAIM})
     * @param f        where problems are reported
     * @return the value, empty when absent or of the wrong type ({@code INVALID_CLAIM})
     */
    public static Optional<String> string(Map<String, ?> claims, String name, boolean required, Findings f) {
        Object v = claims.get(name);
        if (v == null) {
            if (claims.containsKey(name)) {
                f.error(OutcomeCode.INVALID_CLAIM, "claim '" + name + "' is null");
            } else if (required) {
                f.error(OutcomeCode.MISSING_CLAIM, "claim '" + name + "' is required");
            }
            return Optional.empty();
        }
        if (!(v instanceof String)) {
            f.error(OutcomeCode.INVALID_CLAIM, "claim '" + name + "' must be a string");
            return Optional.empty();
        }
        return Optional.of((String) v);
    }

    /**
     * Reads a NumericDate claim: an integer number of seconds in [0, {@link #MAX_NUMERIC_DATE}].
     *
     * @param claims   the claims
     * @param name     the claim name
     * @param required whether absence is an error ({@code MISSING_CLAIM})
     * @param f        where problems are reported
     * @return the instant, empty when absent or invalid ({@code INVALID_CLAIM})
     */
    public static Optional<Instant> numericDate(Map<String, ?> claims, String name, boolean required, Findings f) {
        Object v = claims.get(name);
        if (v == null) {
            if (claims.containsKey(name)) {
                f.error(OutcomeCode.INVALID_CLAIM, "claim '" + name + "' is null");
            } else if (required) {
                f.error(OutcomeCode.MISSING_CLAIM, "claim '" + name + "' is required");
            }
            return Optional.empty();
        }
        if (!(v instanceof Long || v instanceof Integer || v instanceof BigInteger)) {
            f.error(OutcomeCode.INVALID_CLAIM, "claim '" + name + "' must be an integer NumericDate"
                    + (v instanceof java.math.BigDecimal ? " (RFC 7519 allows fractions of a second; this profile"
                            + " does not, so that no two verifiers round a time differently)" : ""));
            return Optional.empty();
        }
        BigInteger b = v instanceof BigInteger ? (BigInteger) v : BigInteger.valueOf(((Number) v).longValue());
        if (b.signum() < 0 || b.compareTo(BigInteger.valueOf(MAX_NUMERIC_DATE)) > 0) {
            f.error(OutcomeCode.INVALID_CLAIM, "claim '" + name + "' is outside the NumericDate range");
            return Optional.empty();
        }
        return Optional.of(Instant.ofEpochSecond(b.longValue()));
    }

    /**
     * Checks {@code iat}, {@code nbf} and {@code exp}: {@code EXPIRED} when {@code now ≥ exp + skew},
     * {@code NOT_YET_VALID} when {@code now < nbf − skew}, {@code ISSUED_IN_FUTURE} when
     * {@code iat > now + skew}.
     *
     * @param claims      the claims
     * @param now         the validation time
     * @param skew        the allowed clock difference
     * @param iatRequired whether {@code iat} must be present
     * @param expRequired whether {@code exp} must be present
     * @param f           where problems are reported
     */
    public static void times(Map<String, ?> claims, Instant now, Duration skew, boolean iatRequired,
            boolean expRequired, Findings f) {
        numericDate(claims, "exp", expRequired, f).ifPresent(exp -> {
            if (!now.isBefore(exp.plus(skew))) {
                f.error(OutcomeCode.EXPIRED, "expired at " + exp + " (validation time " + now + ", skew " + skew + ")");
            }
        });
        numericDate(claims, "nbf", false, f).ifPresent(nbf -> {
            if (now.isBefore(nbf.minus(skew))) {
                f.error(OutcomeCode.NOT_YET_VALID, "not valid before " + nbf + " (validation time " + now + ")");
            }
        });
        numericDate(claims, "iat", iatRequired, f).ifPresent(iat -> {
            if (iat.isAfter(now.plus(skew))) {
                f.error(OutcomeCode.ISSUED_IN_FUTURE, "issued at " + iat + ", after the validation time " + now);
            }
        });
    }
}
