package org.zwfw.sdk.client;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.zwfw.sdk.client.model.IssuanceRequest;
import org.zwfw.sdk.client.model.IssuedCredential;
import org.zwfw.sdk.client.model.IssuerList;
import org.zwfw.sdk.client.model.JwkSet;
import org.zwfw.sdk.client.model.StatusChange;
import org.zwfw.sdk.client.model.StatusEntry;

/**
 * E-certificate issuers (电子证照): {@code /v1/issuers}: who issues what, their keys, issuing, the
 * status lists and the status of one issued index (revoke, suspend, resume). Issuing and status
 * changes are for applications registered as an issuer's authorised departments.
 *
 * <p>What this returns is what the platform said, signed by the platform; it makes no
 * credential or key trusted. A verifier takes issuer keys from the trust list only
 * ({@code TrustListKeys}) and checks status lists with {@code StatusChecker}.
 */
public final class Issuers {

    private final ApiClient client;

    Issuers(ApiClient client) {
        this.client = client;
    }

    /** @return the issuers this platform runs, with what each signs ({@code listIssuers}) */
    public IssuerList list() {
        return client.call(ApiRequest.get("/v1/issuers", null), IssuerList.class);
    }

    /** @return the issuers */
    public CompletableFuture<IssuerList> listAsync() {
        return client.callAsync(ApiRequest.get("/v1/issuers", null), IssuerList.class);
    }

    /**
     * @param issuer the issuer's slug ({@code social-security})
     * @return its public keys, for information ({@code getIssuerKeys})
     */
    public JwkSet keys(String issuer) {
        return client.call(keysRequest(issuer), JwkSet.class);
    }

    /**
     * @param issuer the issuer's slug
     * @return its public keys
     */
    public CompletableFuture<JwkSet> keysAsync(String issuer) {
        return client.callAsync(keysRequest(issuer), JwkSet.class);
    }

    private static ApiRequest keysRequest(String issuer) {
        return ApiRequest.get("/v1/issuers/" + ApiRequest.segment(issuer) + "/keys", null).withAccept("application/jwk-set+json");
    }

    /**
     * Issues an e-certificate of the issuer's type with a fresh status index ({@code issueCredential});
     * retried only with its {@code Idempotency-Key}, so a retry issues once. The answer is the JSON
     * form (the credential with its status reference); the document's compact
     * {@code application/dc+sd-jwt} form is its {@code credential} member.
     *
     * @param issuer         the issuer's slug
     * @param request        the claims (every value a string), optionally the holder's key
     * @param idempotencyKey the key, or {@code null} for one made by the client for this call
     * @return the issued credential
     */
    public IssuedCredential issue(String issuer, IssuanceRequest request, String idempotencyKey) {
        return client.call(issueRequest(issuer, request, idempotencyKey), IssuedCredential.class);
    }

    /**
     * @param issuer         the issuer's slug
     * @param request        the claims
     * @param idempotencyKey the key, or {@code null}
     * @return the issued credential
     */
    public CompletableFuture<IssuedCredential> issueAsync(String issuer, IssuanceRequest request, String idempotencyKey) {
        return client.callAsync(issueRequest(issuer, request, idempotencyKey), IssuedCredential.class);
    }

    private ApiRequest issueRequest(String issuer, IssuanceRequest request, String idempotencyKey) {
        return new ApiRequest("POST", "/v1/issuers/" + ApiRequest.segment(issuer) + "/credentials", null, "application/json",
                client.json(Objects.requireNonNull(request, "request")), RetryMode.IDEMPOTENCY_KEY, idempotencyKey);
    }

    /**
     * @param issuer the issuer's slug
     * @param listId the status list's ID within the issuer ({@code 1} in the sandbox)
     * @return the status list token ({@code getStatusList}), compact JWS of type
     *         {@code statuslist+jwt}, to check with {@code StatusChecker} like the public one
     */
    public String statusList(String issuer, String listId) {
        ApiRequest r = statusListRequest(issuer, listId);
        return Answers.compactJws(client.send(r), STATUS_LIST_TYPE, r);
    }

    /**
     * @param issuer the issuer's slug
     * @param listId the status list's ID
     * @return the status list token
     */
    public CompletableFuture<String> statusListAsync(String issuer, String listId) {
        return Answers.compactJwsAsync(client, statusListRequest(issuer, listId), STATUS_LIST_TYPE);
    }

    private static final String STATUS_LIST_TYPE = "application/statuslist+jwt";

    private static ApiRequest statusListRequest(String issuer, String listId) {
        return ApiRequest.get("/v1/issuers/" + ApiRequest.segment(issuer) + "/status-lists/" + ApiRequest.segment(listId), null)
                .withAccept("application/statuslist+jwt");
    }

    /**
     * @param issuer the issuer's slug
     * @param listId the status list's ID
     * @param idx    a status index the issuer gave to a credential
     * @return its status ({@code getStatusEntry})
     */
    public StatusEntry statusEntry(String issuer, String listId, int idx) {
        return client.call(ApiRequest.get(entryPath(issuer, listId, idx), null), StatusEntry.class);
    }

    /**
     * @param issuer the issuer's slug
     * @param listId the status list's ID
     * @param idx    a status index
     * @return its status
     */
    public CompletableFuture<StatusEntry> statusEntryAsync(String issuer, String listId, int idx) {
        return client.callAsync(ApiRequest.get(entryPath(issuer, listId, idx), null), StatusEntry.class);
    }

    /**
     * Sets the status of an issued index ({@code changeStatus}): {@code INVALID} revokes (final),
     * {@code SUSPENDED} suspends, {@code VALID} resumes a suspended one. Setting the current status
     * again changes nothing, so it is retried. Out of {@code INVALID} is {@code 409 REVOKED}.
     *
     * @param issuer the issuer's slug
     * @param listId the status list's ID
     * @param idx    a status index the issuer gave
     * @param change the new status and, for audit, a reason code
     * @return the entry after the change
     */
    public StatusEntry changeStatus(String issuer, String listId, int idx, StatusChange change) {
        return client.call(changeRequest(issuer, listId, idx, change), StatusEntry.class);
    }

    /**
     * @param issuer the issuer's slug
     * @param listId the status list's ID
     * @param idx    a status index
     * @param change the new status
     * @return the entry after the change
     */
    public CompletableFuture<StatusEntry> changeStatusAsync(String issuer, String listId, int idx, StatusChange change) {
        return client.callAsync(changeRequest(issuer, listId, idx, change), StatusEntry.class);
    }

    private ApiRequest changeRequest(String issuer, String listId, int idx, StatusChange change) {
        return ApiRequest.post(entryPath(issuer, listId, idx), client.json(Objects.requireNonNull(change, "change")),
                RetryMode.IDEMPOTENT);
    }

    private static String entryPath(String issuer, String listId, int idx) {
        if (idx < 0) {
            throw new IllegalArgumentException("a status index is 0 or more");
        }
        return "/v1/issuers/" + ApiRequest.segment(issuer) + "/status-lists/" + ApiRequest.segment(listId) + "/entries/" + idx;
    }
}
