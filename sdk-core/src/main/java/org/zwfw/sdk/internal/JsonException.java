package org.zwfw.sdk.internal;

/**
 * Input that is not acceptable strict JSON. {@link #tooLarge()} tells a limit violation (size,
 * nesting) from a syntax error. Messages name the problem and its position, never the content.
 */
public final class JsonException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final boolean tooLarge;

    JsonException(String message, boolean tooLarge) {
        super(message);
        this.tooLarge = tooLarge;
    }

    /** @return whether a size or nesting limit was exceeded (rather than a syntax error) */
    public boolean tooLarge() {
        return tooLarge;
    }
}
