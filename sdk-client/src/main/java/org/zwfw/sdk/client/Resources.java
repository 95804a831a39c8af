package org.zwfw.sdk.client;

/**
 * The typed operations of the API, grouped as the document's tags group them. Each operation has
 * a synchronous form and an {@code ...Async} form returning a {@code CompletableFuture}; lists
 * come as a {@link Paged} that fetches page after page as it is iterated.
 */
public final class Resources {

    private final Cases cases;

    Resources(ApiClient client) {
        this.cases = new Cases(client);
    }

    /** @return cases (办件): submit, get, list by applicant, withdraw */
    public Cases cases() {
        return cases;
    }
}
