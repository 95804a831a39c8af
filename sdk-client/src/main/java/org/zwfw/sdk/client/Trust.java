package org.zwfw.sdk.client;

import java.util.concurrent.CompletableFuture;
import org.zwfw.sdk.client.model.JwkSet;

/**
 * The trust list and its anchor's keys: {@code /v1/trust-list}, {@code /v1/trust-anchor/keys}.
 * A verifier trusts the list because its signature verifies with the anchor key it pins from its
 * own configuration ({@code TrustListVerifier}), never because the platform signed this answer.
 */
public final class Trust {

    private static final String TRUST_LIST_TYPE = "application/trustlist+jwt";
    private static final ApiRequest LIST = ApiRequest.get("/v1/trust-list", null).withAccept("application/trustlist+jwt");
    private static final ApiRequest ANCHOR_KEYS = ApiRequest.get("/v1/trust-anchor/keys", null).withAccept("application/jwk-set+json");

    private final ApiClient client;

    Trust(ApiClient client) {
        this.client = client;
    }

    /** @return the current trust list ({@code getTrustList}), compact JWS of type {@code trustlist+jwt}, not yet verified */
    public String trustList() {
        return Answers.compactJws(client.send(LIST), TRUST_LIST_TYPE, LIST);
    }

    /** @return the current trust list, not yet verified */
    public CompletableFuture<String> trustListAsync() {
        return Answers.compactJwsAsync(client, LIST, TRUST_LIST_TYPE);
    }

    /**
     * @return the anchor's public keys ({@code getTrustAnchorKeys}); pinning them from here is trust
     *         on first use: production verifiers compare them with the province's published anchor
     */
    public JwkSet anchorKeys() {
        return client.call(ANCHOR_KEYS, JwkSet.class);
    }

    /** @return the anchor's public keys */
    public CompletableFuture<JwkSet> anchorKeysAsync() {
        return client.callAsync(ANCHOR_KEYS, JwkSet.class);
    }
}
