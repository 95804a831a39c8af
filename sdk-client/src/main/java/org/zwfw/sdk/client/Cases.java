package org.zwfw.sdk.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.zwfw.sdk.client.model.Case;
import org.zwfw.sdk.client.model.CasePage;
import org.zwfw.sdk.client.model.CaseSubmission;

/** Cases (办件): {@code /v1/cases}. */
public final class Cases {

    private final ApiClient client;

    Cases(ApiClient client) {
        this.client = client;
    }

    /**
     * Submits a case ({@code submitCase}); retried only with its {@code Idempotency-Key}, so a
     * retried submission never makes a second case.
     *
     * @param submission     the application
     * @param idempotencyKey the key (keep it with the submission to retry it yourself later), or
     *                       {@code null} for one made by the client for this call
     * @return the case as created
     */
    public Case submit(CaseSubmission submission, String idempotencyKey) {
        return client.call(submitRequest(submission, idempotencyKey), Case.class);
    }

    /**
     * @param submission     the application
     * @param idempotencyKey the key, or {@code null}
     * @return the case as created
     */
    public CompletableFuture<Case> submitAsync(CaseSubmission submission, String idempotencyKey) {
        return client.callAsync(submitRequest(submission, idempotencyKey), Case.class);
    }

    private ApiRequest submitRequest(CaseSubmission submission, String idempotencyKey) {
        ApiRequest r = ApiRequest.post("/v1/cases", client.json(Objects.requireNonNull(submission, "submission")),
                RetryMode.IDEMPOTENCY_KEY);
        return idempotencyKey == null ? r : r.withIdempotencyKey(idempotencyKey);
    }

    /**
     * @param caseId the case ID
     * @return the case ({@code getCase})
     */
    public Case get(String caseId) {
        return client.call(ApiRequest.get("/v1/cases/" + segment(caseId), null), Case.class);
    }

    /**
     * @param caseId the case ID
     * @return the case
     */
    public CompletableFuture<Case> getAsync(String caseId) {
        return client.callAsync(ApiRequest.get("/v1/cases/" + segment(caseId), null), Case.class);
    }

    /**
     * Lists an applicant's cases ({@code listCases}), newest first, fetched page by page as iterated.
     *
     * @param applicantRef the applicant's pairwise reference (the {@code sub} the platform gives this application)
     * @param pageSize     items per page, 1 to 100
     * @return the cases
     */
    public Paged<Case> list(String applicantRef, int pageSize) {
        Objects.requireNonNull(applicantRef, "applicantRef");
        if (pageSize < 1 || pageSize > 100) {
            throw new IllegalArgumentException("pageSize must be 1 to 100");
        }
        return new Paged<>(token -> client.call(ApiRequest.get("/v1/cases", ApiRequest.query(
                ApiRequest.param("applicant_ref", applicantRef), ApiRequest.param("page_size", pageSize),
                ApiRequest.param("page_token", token))), CasePage.class));
    }

    /**
     * Withdraws a case ({@code withdrawCase}); withdrawing again changes nothing, so it is retried.
     *
     * @param caseId the case ID
     * @param reason why, for the case's history
     * @return the case, now {@code WITHDRAWN}
     */
    public Case withdraw(String caseId, String reason) {
        return client.call(ApiRequest.post("/v1/cases/" + segment(caseId) + "/withdraw",
                client.json(Map.of("reason", Objects.requireNonNull(reason, "reason"))), RetryMode.IDEMPOTENT), Case.class);
    }

    static String segment(String id) {
        Objects.requireNonNull(id, "id");
        if (id.isEmpty() || id.length() > 128) {
            throw new IllegalArgumentException("an ID is 1 to 128 characters");
        }
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
