package org.zwfw.sdk.id;

/**
 * The sex encoded in digit 17 of a resident ID number (odd = male, even = female, GB 11643-1999).
 *
 * <p>Immutable and thread-safe.
 */
public enum Sex {
    /** Digit 17 is odd. */
    MALE("male"),
    /** Digit 17 is even. */
    FEMALE("female");

    private final String jsonName;

    Sex(String jsonName) {
        this.jsonName = jsonName;
    }

    /**
     * Returns the stable name used in {@link IdentifierCheck#details()} and JSON output.
     *
     * @return {@code male} or {@code female}; never {@code null}
     */
    public String jsonName() {
        return jsonName;
    }
}
