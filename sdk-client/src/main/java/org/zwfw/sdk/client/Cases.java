package org.zwfw.sdk.client;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.zwfw.sdk.client.model.Case;
import org.zwfw.sdk.client.model.CasePage;
import org.zwfw.sdk.client.model.CaseSubmission;
import org.zwfw.sdk.client.model.WithdrawRequest;

/** Cases (办件): {@code /v1/cases}. Materials that are files are uploaded first with {@link Uploads}. */
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
        return client.call(getRequest(caseId), Case.class);
    }

    /**
     * @param caseId the case ID
     * @return the case
     */
    public CompletableFuture<Case> getAsync(String caseId) {
        return client.callAsync(getRequest(caseId), Case.class);
    }

    private static ApiRequest getRequest(String caseId) {
        return ApiRequest.get("/v1/cases/" + ApiRequest.segment(caseId), null);
    }

    /**
     * Lists a person's cases ({@code listCases}), newest first, fetched page by page as iterated.
     *
     * @param applicantRef the applicant's pairwise reference (the {@code sub} the platform gives this application)
     * @param pageSize     items per page, 1 to 100
     * @return the cases
     */
    public Paged<Case> list(String applicantRef, int pageSize) {
        return list(CaseQuery.ofPerson(applicantRef), pageSize);
    }

    /**
     * Lists an applicant's cases ({@code listCases}), newest first, fetched page by page as iterated.
     *
     * @param query    whose cases, and which
     * @param pageSize items per page, 1 to 100
     * @return the cases
     */
    public Paged<Case> list(CaseQuery query, int pageSize) {
        Objects.requireNonNull(query, "query");
        Answers.pageSize(pageSize);
        return new Paged<>(token -> client.call(listRequest(query, pageSize, token), CasePage.class));
    }

    /**
     * One page of a list, for callers that keep the page token themselves.
     *
     * @param query     whose cases, and which
     * @param pageSize  items per page, 1 to 100
     * @param pageToken the previous page's {@code next_page_token}, or {@code null} for the first page
     * @return the page
     */
    public CompletableFuture<CasePage> listPageAsync(CaseQuery query, int pageSize, String pageToken) {
        Objects.requireNonNull(query, "query");
        Answers.pageSize(pageSize);
        return client.callAsync(listRequest(query, pageSize, pageToken), CasePage.class);
    }

    private static ApiRequest listRequest(CaseQuery query, int pageSize, String token) {
        String[] q = query.params();
        return ApiRequest.get("/v1/cases", ApiRequest.query(q[0], q[1], q[2], q[3], ApiRequest.param("page_size", pageSize),
                ApiRequest.param("page_token", token)));
    }

    /**
     * Withdraws a case ({@code withdrawCase}); withdrawing again changes nothing, so it is retried.
     *
     * @param caseId the case ID
     * @param reason why, for the case's history
     * @return the case, now {@code WITHDRAWN}
     */
    public Case withdraw(String caseId, String reason) {
        return client.call(withdrawRequest(caseId, reason), Case.class);
    }

    /**
     * @param caseId the case ID
     * @param reason why
     * @return the case, now {@code WITHDRAWN}
     */
    public CompletableFuture<Case> withdrawAsync(String caseId, String reason) {
        return client.callAsync(withdrawRequest(caseId, reason), Case.class);
    }

    private ApiRequest withdrawRequest(String caseId, String reason) {
        return ApiRequest.post("/v1/cases/" + ApiRequest.segment(caseId) + "/withdraw",
                client.json(new WithdrawRequest(Objects.requireNonNull(reason, "reason"))), RetryMode.IDEMPOTENT);
    }
}
