package org.zwfw.sdk.sandbox;

import java.time.Duration;

/** Gives tests of other packages the builder's package-private read deadlines. */
public final class ShortDeadlines {

    private ShortDeadlines() {
    }

    /**
     * @param b      a builder
     * @param header the time for a request header
     * @param body   the time for a request body
     * @return the builder
     */
    public static Sandbox.Builder readDeadlines(Sandbox.Builder b, Duration header, Duration body) {
        return b.readDeadlines(header, body);
    }
}
