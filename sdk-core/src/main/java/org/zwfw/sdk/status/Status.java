package org.zwfw.sdk.status;

/**
 * The status of a referenced token (an e-certificate, a QR code) as its issuer's status list
 * gives it (draft-ietf-oauth-status-list, "Status Types").
 *
 * <p>Only the three values defined by the draft and used by this profile have a constant. Every
 * other value a list may hold (3, the draft's application-specific value, and 4..255 in lists of
 * 4 or 8 bits) is <em>not understood</em> by this SDK and {@link #fromValue(int)} maps it to
 * {@link #INVALID}: a status that cannot be interpreted never lets a credential pass (fail closed;
 * decision recorded in {@code spec/status-list.md} §4).
 *
 * <p>Thread-safe (an enum).
 */
public enum Status {
    /** 0x00: valid. */
    VALID(0),
    /** 0x01: revoked, deregistered, cancelled. Final: an issuer of this SDK never lifts it. */
    INVALID(1),
    /** 0x02: temporarily invalid (for example a card reported lost); reversible. */
    SUSPENDED(2);

    private static final Status[] BY_VALUE = {VALID, INVALID, SUSPENDED};

    private final int value;

    Status(int value) {
        this.value = value;
    }

    /** @return the value written into a status list: 0, 1 or 2 */
    public int value() {
        return value;
    }

    /**
     * Interprets a value read from a status list, failing closed.
     *
     * @param value a status value, 0..255
     * @return the status; {@link #INVALID} for every value other than 0, 1 and 2
     * @throws IllegalArgumentException if {@code value} is outside 0..255
     */
    public static Status fromValue(int value) {
        if (value < 0 || value > 255) {
            throw new IllegalArgumentException("a status value is 0..255, not " + value);
        }
        return value < BY_VALUE.length ? BY_VALUE[value] : INVALID;
    }

    /**
     * @param value a status value
     * @return whether the value is one of the three this SDK understands (0, 1, 2); for others
     *         {@link #fromValue(int)} fails closed
     */
    public static boolean isDefined(int value) {
        return value >= 0 && value < BY_VALUE.length;
    }
}
