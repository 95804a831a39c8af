package org.zwfw.sdk.client;

import java.util.concurrent.CompletableFuture;
import org.zwfw.sdk.client.model.JwkSet;

/** The platform's own signing keys ({@code getPlatformKeys}, {@code /v1/platform/keys}). */
public final class Platform {

    private static final ApiRequest KEYS = ApiRequest.get("/v1/platform/keys", null).withAccept("application/jwk-set+json");

    private final ApiClient client;

    Platform(ApiClient client) {
        this.client = client;
    }

    /**
     * @return the keys the platform signs answers and webhooks with. This answer is itself
     *         verified with the keys the client already has; to pin keys, get them out of band
     */
    public JwkSet keys() {
        return client.call(KEYS, JwkSet.class);
    }

    /** @return the platform's keys */
    public CompletableFuture<JwkSet> keysAsync() {
        return client.callAsync(KEYS, JwkSet.class);
    }
}
