package org.zwfw.sdk.internal;

import java.math.BigInteger;
import java.time.Instant;

/** NumericDate values (RFC 7519 §2) of the trust-list profile: integer seconds in a bounded range. */
public final class NumericDates {

    /** 9999-12-31T23:59:59Z: later dates are refused rather than carried into {@link Instant} arithmetic. */
    public static final long MAX_SECONDS = 253_402_300_799L;

    /** 2^53 − 1: the largest integer every JSON implementation reads exactly (RFC 7493 §2.2). */
    public static final long MAX_SEQ = (1L << 53) - 1;

    private NumericDates() {
    }

    /**
     * @param value a parsed JSON value
     * @return the instant, or {@code null} when the value is not an integer in range
     */
    public static Instant parse(Object value) {
        Long seconds = integer(value, MAX_SECONDS);
        return seconds == null ? null : Instant.ofEpochSecond(seconds);
    }

    /**
     * @param value a parsed JSON value
     * @param max   the largest value accepted
     * @return the value when it is a JSON integer in [0, max], else {@code null}
     */
    public static Long integer(Object value, long max) {
        if (value instanceof Long) {
            long v = (Long) value;
            return v >= 0 && v <= max ? v : null;
        }
        // BigInteger is beyond long, so beyond max; decimals (1.0, 1e9), strings, booleans and null
        // are not integers.
        return null;
    }

    /** @return why a value is not a NumericDate, for messages */
    public static String describe(Object value) {
        if (value instanceof Long || value instanceof BigInteger) {
            return "an integer outside [0, " + MAX_SECONDS + "]";
        }
        if (value instanceof Number) {
            return "a number with a fraction or exponent; a NumericDate is an integer";
        }
        return aType(value) + "; a NumericDate is an integer";
    }

    /**
     * @param instant an instant with no fraction of a second
     * @return its epoch seconds
     */
    public static long seconds(Instant instant) {
        return instant.getEpochSecond();
    }

    /**
     * @param instant an instant
     * @param what    the name used in the exception message
     * @throws IllegalArgumentException when the instant has a fraction of a second or is out of range
     */
    public static void requireRepresentable(Instant instant, String what) {
        if (instant.getNano() != 0) {
            throw new IllegalArgumentException(what + " must be a whole second (a NumericDate): " + instant);
        }
        if (instant.getEpochSecond() < 0 || instant.getEpochSecond() > MAX_SECONDS) {
            throw new IllegalArgumentException(what + " is outside the NumericDate range 1970..9999: " + instant);
        }
    }

    /**
     * @param value a parsed JSON value
     * @return its JSON type with an article, for messages ("a string", "an object", "null")
     */
    public static String aType(Object value) {
        String t = Json.typeName(value);
        return t.equals("null") ? "null" : (t.equals("array") || t.equals("object") ? "an " : "a ") + t;
    }
}
