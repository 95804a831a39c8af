package org.zwfw.sdk.sandbox.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.zwfw.sdk.verify.OutcomeCode;

class ProblemTest {

    @Test
    void plainHttpProblemsAreAboutBlankWithTheReasonPhraseAndNoCode() {
        Map<String, Object> json = Problem.http(404, "nothing here").toJson("r-1");
        assertThat(json).containsExactly(Map.entry("type", "about:blank"), Map.entry("title", "Not Found"),
                Map.entry("status", 404), Map.entry("detail", "nothing here"), Map.entry("request_id", "r-1"));
    }

    @Test
    void invalidRequestsListEveryFaultAndTakeTheFirstCode() {
        Problem p = Problem.invalidRequest(List.of(
                new Problem.Item(OutcomeCode.CHECKSUM_INVALID, "/claims/uscc", "check character"),
                new Problem.Item(OutcomeCode.MISSING_CLAIM, null, "missing")));
        Map<String, Object> json = p.toJson("r-2");
        assertThat(json.get("type")).isEqualTo(Problem.INVALID_REQUEST);
        assertThat(json.get("code")).isEqualTo("CHECKSUM_INVALID");
        assertThat(json.get("detail")).isEqualTo("2 problems with the request; see errors");
        assertThat(json.get("errors")).isEqualTo(List.of(
                Map.of("code", "CHECKSUM_INVALID", "pointer", "/claims/uscc", "detail", "check character"),
                Map.of("code", "MISSING_CLAIM", "detail", "missing")));
        assertThatThrownBy(() -> Problem.invalidRequest(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFloodOfFaultsIsCountedButListedOnlyUpToTheLimit() {
        List<Problem.Item> faults = new java.util.ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            faults.add(new Problem.Item(OutcomeCode.INVALID_CLAIM, null, "'a" + i + "' is not a claim"));
        }
        Map<String, Object> json = Problem.invalidRequest(faults).toJson("r-3");
        assertThat(json.get("detail")).isEqualTo("5000 problems with the request; errors lists the first 100");
        assertThat((List<?>) json.get("errors")).hasSize(Problem.MAX_LISTED_FAULTS);
    }

    @Test
    void headersAndCodesAreAdded() {
        Problem p = Problem.http(405, "GET only").withHeader("Allow", "GET").withCode(OutcomeCode.TOO_LARGE);
        assertThat(p.headers()).containsEntry("Allow", "GET");
        assertThat(p.code()).isEqualTo(OutcomeCode.TOO_LARGE);
        assertThat(p.exception().problem()).isSameAs(p);
        assertThat(p.exception().getStackTrace()).isEmpty();
    }
}
