package org.zwfw.sdk.client;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.zwfw.sdk.client.model.EcertUse;
import org.zwfw.sdk.client.model.EcertUseRequest;

/**
 * Uses of e-certificates with the holder's consent (用证): {@code /v1/ecert-uses}. The consent is
 * a real-name auth token of the platform's identity service whose audience is this application;
 * it is single use, and a use is auditable by its {@code use_id}.
 */
public final class EcertUses {

    private final ApiClient client;

    EcertUses(ApiClient client) {
        this.client = client;
    }

    /**
     * Uses one of the holder's e-certificates for a stated purpose ({@code useCredential});
     * retried only with its {@code Idempotency-Key}. A refused consent is
     * {@code 403 CONSENT_INVALID}; a revoked, suspended or expired e-certificate
     * {@code 422 LICENSE_UNAVAILABLE}.
     *
     * @param request        which e-certificate, the use cause, the consent token, what to disclose
     * @param idempotencyKey the key, or {@code null} for one made by the client for this call
     * @return the use, with a copy of the credential valid at most an hour (handed out once)
     */
    public EcertUse use(EcertUseRequest request, String idempotencyKey) {
        return client.call(useRequest(request, idempotencyKey), EcertUse.class);
    }

    /**
     * @param request        the use
     * @param idempotencyKey the key, or {@code null}
     * @return the use
     */
    public CompletableFuture<EcertUse> useAsync(EcertUseRequest request, String idempotencyKey) {
        return client.callAsync(useRequest(request, idempotencyKey), EcertUse.class);
    }

    private ApiRequest useRequest(EcertUseRequest request, String idempotencyKey) {
        return new ApiRequest("POST", "/v1/ecert-uses", null, "application/json",
                client.json(Objects.requireNonNull(request, "request")), RetryMode.IDEMPOTENCY_KEY, idempotencyKey);
    }

    /**
     * @param useId the use's ID
     * @return the audit record of a use this application made ({@code getCredentialUse}), without the credential
     */
    public EcertUse get(String useId) {
        return client.call(ApiRequest.get("/v1/ecert-uses/" + ApiRequest.segment(useId), null), EcertUse.class);
    }

    /**
     * @param useId the use's ID
     * @return the audit record
     */
    public CompletableFuture<EcertUse> getAsync(String useId) {
        return client.callAsync(ApiRequest.get("/v1/ecert-uses/" + ApiRequest.segment(useId), null), EcertUse.class);
    }
}
