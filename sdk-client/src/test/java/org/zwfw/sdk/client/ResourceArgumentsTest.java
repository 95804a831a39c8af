package org.zwfw.sdk.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.zwfw.sdk.client.model.CaseStatus;
import org.zwfw.sdk.client.model.HandlingMode;

/** What the resources check before anything is sent, and how they read answers that are tokens. */
class ResourceArgumentsTest {

    private final ScriptedPlatform platform;

    ResourceArgumentsTest() throws Exception {
        platform = new ScriptedPlatform();
    }

    @AfterEach
    void stop() {
        platform.close();
    }

    @Test
    void anUploadOverTheOperationsLimitOrOfAnotherTypeIsRefusedBeforeSending() {
        try (ApiClient api = platform.client().build()) {
            Uploads u = api.uploads();
            assertThatThrownBy(() -> u.create("application/pdf", new byte[Uploads.MAX_BYTES + 1], null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("10 MiB");
            assertThatThrownBy(() -> u.createAsync("application/pdf", new byte[Uploads.MAX_BYTES + 1], null))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> u.create("application/pdf", new byte[0], null)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> u.create("text/html", new byte[] {1}, null)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("application/pdf");
            assertThatThrownBy(() -> u.create("APPLICATION/PDF", new byte[] {1}, null)).isInstanceOf(IllegalArgumentException.class);
            assertThat(platform.calls()).isZero();
        }
    }

    @Test
    void anUploadAtTheLimitGoesAsItIsWithItsMediaType() {
        platform.then(ScriptedPlatform.Answer.json(201, "{}"));
        byte[] file = new byte[Uploads.MAX_BYTES];
        file[0] = '%';
        try (ApiClient api = platform.client().build()) {
            assertThatThrownBy(() -> api.uploads().create("image/png", file, "upload-key-0000000001"))
                    .isInstanceOf(ApiDecodingException.class);
        }
        assertThat(platform.requests.get(0).content()).isEqualTo(file);
        assertThat(platform.requests.get(0).fields().first("content-type")).contains("image/png");
        assertThat(platform.requests.get(0).fields().first("idempotency-key")).contains("\"upload-key-0000000001\"");
        assertThat(ScriptedPlatform.codes(platform.received)).containsExactly("OK");
    }

    @Test
    void idsStayOneSegment() {
        assertThat(ApiRequest.segment("case_7Q2M9X4K1P8D3RZT")).isEqualTo("case_7Q2M9X4K1P8D3RZT");
        assertThat(ApiRequest.segment("a/b?c#d e")).isEqualTo("a%2Fb%3Fc%23d%20e");
        assertThat(ApiRequest.segment("事项")).isEqualTo("%E4%BA%8B%E9%A1%B9");
        for (String bad : List.of("", ".", "..", "x".repeat(129))) {
            assertThatThrownBy(() -> ApiRequest.segment(bad)).isInstanceOf(IllegalArgumentException.class);
        }
        platform.then(ScriptedPlatform.Answer.json(200, "{}"));
        try (ApiClient api = platform.client().build()) {
            assertThatThrownBy(() -> api.cases().get("../platform/keys")).isInstanceOf(IllegalArgumentException.class);
            assertThat(platform.calls()).isZero();
            assertThatThrownBy(() -> api.cases().get("x/withdraw")).isInstanceOf(ApiDecodingException.class);
        }
        assertThat(platform.requests.get(0).path()).isEqualTo("/v1/cases/x%2Fwithdraw");
    }

    @Test
    void listParametersAreCommaJoinedWithEachValueEncoded() {
        assertThat(ApiRequest.listParam("status", List.of(CaseStatus.SUBMITTED, CaseStatus.ACCEPTED)))
                .isEqualTo("status=SUBMITTED,ACCEPTED");
        assertThat(ApiRequest.listParam("k", List.of("a,b", "c d"))).isEqualTo("k=a%2Cb,c%20d");
        assertThat(ApiRequest.listParam("k", List.of())).isEmpty();
        assertThat(ApiRequest.listParam("k", null)).isEmpty();
    }

    @Test
    void searchFiltersAreCheckedAndImmutable() {
        ServiceItemSearch s = ServiceItemSearch.forKeyword("养老");
        ServiceItemSearch t = s.withRegion("330100").withHandlingModes(HandlingMode.NO_VISIT);
        assertThat(s.regionCode()).isNull();
        assertThat(s.handlingModes()).isEmpty();
        assertThat(t.regionCode()).isEqualTo("330100");
        assertThat(t.handlingModes()).containsExactly(HandlingMode.NO_VISIT);
        assertThat(t).isEqualTo(ServiceItemSearch.inRegion("330100").withKeyword("养老").withHandlingModes(HandlingMode.NO_VISIT));
        assertThat(t.toString()).doesNotContain("养老");
        assertThatThrownBy(() -> ServiceItemSearch.inRegion("033010")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ServiceItemSearch.forKeyword(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ServiceItemSearch.forKeyword("字".repeat(65))).isInstanceOf(IllegalArgumentException.class);
        assertThat(ServiceItemSearch.forKeyword("字".repeat(64)).keyword()).hasSize(64);
        assertThatThrownBy(() -> ServiceItemSearch.byDepartment("12330100MB000011")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> t.handlingModes().add(HandlingMode.MOBILE)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void caseQueriesNameOneApplicantAndNeverAskForUnknown() {
        CaseQuery q = CaseQuery.ofOrganisation("91330106MA2G000133").withStatuses(CaseStatus.APPROVED);
        assertThat(q.applicantRef()).isNull();
        assertThat(q.toString()).doesNotContain("91330106MA2G000133");
        assertThatThrownBy(() -> q.withStatuses(CaseStatus.UNKNOWN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CaseQuery.ofPerson("short")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> q.withItemCode("x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pageSizesAndDatesAreCheckedBeforeSending() {
        try (ApiClient api = platform.client().build()) {
            assertThatThrownBy(() -> api.cases().list(CaseQuery.ofPerson("9Zk2pQ0sVbT4xYc7Lm1NwE3rHd6Jf8Ga"), 101))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> api.serviceItems().search(ServiceItemSearch.inRegion("330100"), 0))
                    .isInstanceOf(IllegalArgumentException.class);
            LocalDate d = LocalDate.of(2026, 3, 9);
            assertThatThrownBy(() -> api.serviceHalls().freeSlots("hall_330102000001", "330100-SB-YL-0007", d,
                    d.plusDays(15))).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> api.serviceHalls().freeSlots("hall_330102000001", "330100-SB-YL-0007", d,
                    d.minusDays(1))).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> api.issuers().statusEntry("social-security", "1", -1))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(platform.calls()).isZero();
    }

    @Test
    void tokenAnswersAreReadOnlyWithTheirMediaTypeAndAsOneCompactJws() {
        String jws = "eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln";
        platform.then(new ScriptedPlatform.Answer(200, "application/trustlist+jwt", jws, java.util.Map.of(), 0, false,
                m -> m, true));
        platform.then(ScriptedPlatform.Answer.json(200, "\"" + jws + "\""));
        platform.then(new ScriptedPlatform.Answer(200, "application/statuslist+jwt", jws + "\n<x>", java.util.Map.of(), 0,
                false, m -> m, true));
        try (ApiClient api = platform.client().build()) {
            assertThat(api.trust().trustList()).isEqualTo(jws);
            assertThatThrownBy(() -> api.trust().trustList()).isInstanceOfSatisfying(ApiDecodingException.class,
                    e -> assertThat(e.getMessage()).contains("application/json").contains("trustlist+jwt"));
            assertThatThrownBy(() -> api.issuers().statusList("social-security", "1"))
                    .isInstanceOf(ApiDecodingException.class).hasMessageContaining("compact JWS");
        }
    }
}
