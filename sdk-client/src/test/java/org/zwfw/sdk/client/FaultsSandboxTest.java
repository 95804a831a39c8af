package org.zwfw.sdk.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zwfw.sdk.client.model.Case;
import org.zwfw.sdk.client.model.CaseStatus;
import org.zwfw.sdk.client.model.CaseSubmission;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.sandbox.ApiFault;
import org.zwfw.sdk.sandbox.internal.SampleData;

/**
 * Retries, the retry budget and the timeouts end to end: faults injected through the sandbox's own
 * test hooks (latency, 5xx, 429 with Retry-After, connections dropped before or after the
 * operation ran), the typed operations of the client against them. Every answer is checked
 * against the document.
 */
class FaultsSandboxTest {

    static SandboxFixture fx;
    static final String USCC = SampleData.DEMO_CATERING_USCC;

    @BeforeAll
    static void start() {
        fx = new SandboxFixture();
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @AfterEach
    void clear() {
        fx.sandbox.clearFaults();
        List<String> v = List.copyOf(fx.transport.violations);
        fx.transport.violations.clear();
        assertThat(v).isEmpty();
    }

    private static ApiClient client(RetryPolicy policy, Duration perAttempt, Duration total) {
        return fx.client(JwsAlgorithm.ES256).retryPolicy(policy).timeouts(perAttempt, total).build();
    }

    private static final RetryPolicy QUICK = new RetryPolicy(3, Duration.ofMillis(20), Duration.ofMillis(100),
            Duration.ofSeconds(2));

    private static CaseSubmission submission(ApiClient api) {
        String upload = api.uploads().create("application/pdf", ResourcesSandboxTest.PDF, null).uploadId();
        return ResourcesSandboxTest.generic(upload, USCC);
    }

    private static long casesWithId(ApiClient api, String caseId) {
        return api.cases().list(CaseQuery.ofOrganisation(USCC), 100).stream().filter(c -> c.caseId().equals(caseId))
                .count();
    }

    @Test
    void a503IsRetriedUntilTheReadSucceedsAndA500IsNot() {
        try (ApiClient api = client(QUICK, Duration.ofSeconds(5), Duration.ofSeconds(10))) {
            fx.sandbox.injectFault(ApiFault.status(503).operation("listIssuers").times(2));
            int from = fx.exchanges.size();
            assertThat(api.issuers().list().issuers()).isNotEmpty();
            assertThat(fx.outcomes(from, "/v1/issuers")).containsExactly("UNAVAILABLE", "UNAVAILABLE", "OK");

            fx.sandbox.injectFault(ApiFault.status(500).operation("getServiceItem"));
            assertThatThrownBy(() -> api.serviceItems().get("330100-SB-YL-0007"))
                    .isInstanceOfSatisfying(ApiProblemException.class, e -> {
                        assertThat(e.status()).isEqualTo(500);
                        assertThat(e.attempts()).isEqualTo(1);
                    });
            assertThat(api.serviceItems().get("330100-SB-YL-0007").itemCode()).isEqualTo("330100-SB-YL-0007");
        }
    }

    @Test
    void attemptsAreBoundedByThePolicy() {
        try (ApiClient api = client(QUICK, Duration.ofSeconds(5), Duration.ofSeconds(10))) {
            fx.sandbox.injectFault(ApiFault.status(503).operation("getTrustList").times(5));
            assertThatThrownBy(() -> api.trust().trustListAsync().join()).cause()
                    .isInstanceOfSatisfying(ApiProblemException.class, e -> {
                        assertThat(e.status()).isEqualTo(503);
                        assertThat(e.attempts()).isEqualTo(3);
                    });
        }
    }

    @Test
    void a429IsRetriedAfterItsRetryAfterAndACreatingCallMakesOneCase() {
        try (ApiClient api = client(QUICK, Duration.ofSeconds(5), Duration.ofSeconds(10))) {
            CaseSubmission s = submission(api);
            fx.sandbox.injectFault(ApiFault.rateLimited(Duration.ofSeconds(1)).operation("submitCase"));
            long start = System.nanoTime();
            Case c = api.cases().submit(s, null);
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertThat(ms).isGreaterThanOrEqualTo(1000);
            assertThat(casesWithId(api, c.caseId())).isEqualTo(1);
        }
    }

    @Test
    void aRetryAfterLongerThanThePolicyWaitsIsReportedAtOnce() {
        try (ApiClient api = client(QUICK, Duration.ofSeconds(5), Duration.ofSeconds(10))) {
            fx.sandbox.injectFault(ApiFault.rateLimited(Duration.ofSeconds(5)).operation("getPlatformKeys"));
            long start = System.nanoTime();
            assertThatThrownBy(() -> api.platform().keys()).isInstanceOfSatisfying(ApiProblemException.class, e -> {
                assertThat(e.status()).isEqualTo(429);
                assertThat(e.code()).isEqualTo("RATE_LIMITED");
                assertThat(e.attempts()).isEqualTo(1);
            });
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1000);
        }
    }

    @Test
    void aDroppedConnectionIsRetriedForARead() {
        try (ApiClient api = client(QUICK, Duration.ofSeconds(5), Duration.ofSeconds(10))) {
            fx.sandbox.injectFault(ApiFault.drop().operation("listServiceHalls").times(2));
            int from = fx.exchanges.size();
            assertThat(api.serviceHalls().list("330100", null, 10).stream().toList()).isNotEmpty();
            // java.net.http resends a GET once by itself when the connection closes: one drop may be spent there
            assertThat(fx.outcomes(from, "/v1/service-halls")).contains("TRANSPORT").endsWith("OK");
        }
    }

    @Test
    void aLostAnswerToASubmissionIsRecoveredByTheRetryWithTheSameKeyAndMakesOneCase() {
        try (ApiClient api = client(QUICK, Duration.ofSeconds(5), Duration.ofSeconds(10))) {
            CaseSubmission s = submission(api);
            fx.sandbox.injectFault(ApiFault.dropResponse().operation("submitCase"));
            int from = fx.exchanges.size();
            Case c = api.cases().submit(s, null);
            assertThat(fx.outcomes(from, "/v1/cases")).containsExactly("TRANSPORT", "OK");
            assertThat(casesWithId(api, c.caseId())).isEqualTo(1);
            assertThat(api.cases().list(CaseQuery.ofOrganisation(USCC), 100).stream()
                    .filter(x -> x.submittedAt().equals(c.submittedAt())).count()).isEqualTo(1);
        }
    }

    @Test
    void aLostAnswerToAWithdrawalIsRetriedSinceWithdrawingAgainChangesNothing() {
        try (ApiClient api = client(QUICK, Duration.ofSeconds(5), Duration.ofSeconds(10))) {
            Case c = api.cases().submit(submission(api), null);
            fx.sandbox.injectFault(ApiFault.dropResponse().operation("withdrawCase"));
            assertThat(api.cases().withdraw(c.caseId(), "撤回").status()).isEqualTo(CaseStatus.WITHDRAWN);
        }
    }

    @Test
    void aSlowAttemptEndsAtItsTimeoutAndTheRetryAnswers() {
        try (ApiClient api = client(QUICK, Duration.ofMillis(400), Duration.ofSeconds(10))) {
            fx.sandbox.injectFault(ApiFault.latency(Duration.ofMillis(1500)).operation("listIssuers"));
            int from = fx.exchanges.size();
            long start = System.nanoTime();
            assertThat(api.issuers().listAsync().join().issuers()).isNotEmpty();
            assertThat(fx.outcomes(from, "/v1/issuers")).containsExactly("TIMEOUT", "OK");
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1500);
        }
    }

    @Test
    void theTotalTimeoutEndsACallWhoseEveryAttemptIsSlow() {
        try (ApiClient api = client(new RetryPolicy(10, Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofSeconds(1)),
                Duration.ofMillis(300), Duration.ofMillis(800))) {
            fx.sandbox.injectFault(ApiFault.latency(Duration.ofMillis(2000)).operation("getTrustAnchorKeys").times(10));
            long start = System.nanoTime();
            assertThatThrownBy(() -> api.trust().anchorKeys()).isInstanceOfSatisfying(ApiTransportException.class, e -> {
                assertThat(e.isTimeout()).isTrue();
                assertThat(e.attempts()).isBetween(2, 3);
            });
            assertThat((System.nanoTime() - start) / 1_000_000).isBetween(700L, 1500L);
        }
    }

    @Test
    void theRetryBudgetStopsRetriesDuringAnOutage() {
        RetryBudget budget = new RetryBudget(0.01, 2);
        try (ApiClient api = fx.client(JwsAlgorithm.ES256).retryPolicy(QUICK).retryBudget(budget).build()) {
            fx.sandbox.injectFault(ApiFault.status(503).operation("listIssuers").times(20));
            int from = fx.exchanges.size();
            for (int i = 0; i < 3; i++) {
                assertThatThrownBy(() -> api.issuers().list()).isInstanceOf(ApiProblemException.class);
            }
            // 3 attempts for the first call (2 retries from the reserve), then 1 each: the budget is spent
            assertThat(fx.outcomes(from, "/v1/issuers")).hasSize(5).containsOnly("UNAVAILABLE");
            assertThat(budget.available()).isZero();
        }
    }

    @Test
    void aSubmissionWhoseFirstAttemptTimedOutIsAnsweredOnceTheFirstFinishes() {
        // the sandbox spends the latency while the operation runs, its idempotency record taken:
        // a retry meanwhile is 409 IDEMPOTENCY_KEY_IN_USE ("retry later"), the one after it the first answer
        // the first retry comes at most 300 + 400 ms after the start, while the operation still runs
        // (1000 ms): at least one 409 is certain, and ten attempts leave room for the rest
        try (ApiClient api = client(new RetryPolicy(10, Duration.ofMillis(400), Duration.ofMillis(400), Duration.ofSeconds(1)),
                Duration.ofMillis(300), Duration.ofSeconds(8))) {
            CaseSubmission s = submission(api);
            fx.sandbox.injectFault(ApiFault.latency(Duration.ofMillis(1000)).operation("submitCase"));
            int from = fx.exchanges.size();
            String key = UUID.randomUUID().toString();
            Case c = api.cases().submit(s, key);
            List<String> outcomes = fx.outcomes(from, "/v1/cases");
            assertThat(outcomes.get(0)).isEqualTo("TIMEOUT");
            assertThat(outcomes.get(outcomes.size() - 1)).isEqualTo("OK");
            assertThat(outcomes.subList(1, outcomes.size() - 1)).containsOnly("IDEMPOTENCY_KEY_IN_USE");
            assertThat(casesWithId(api, c.caseId())).isEqualTo(1);
            assertThat(api.cases().submit(s, key).caseId()).isEqualTo(c.caseId());
        }
    }
}
