package org.zwfw.sdk.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zwfw.sdk.client.model.Appointment;
import org.zwfw.sdk.client.model.AppointmentRequest;
import org.zwfw.sdk.client.model.AppointmentStatus;
import org.zwfw.sdk.client.model.Case;
import org.zwfw.sdk.client.model.CasePage;
import org.zwfw.sdk.client.model.CaseStatus;
import org.zwfw.sdk.client.model.CaseSubmission;
import org.zwfw.sdk.client.model.EcertStatus;
import org.zwfw.sdk.client.model.EcertUse;
import org.zwfw.sdk.client.model.EcertUseRequest;
import org.zwfw.sdk.client.model.GenericForm;
import org.zwfw.sdk.client.model.HandlingMode;
import org.zwfw.sdk.client.model.IssuanceRequest;
import org.zwfw.sdk.client.model.IssuedCredential;
import org.zwfw.sdk.client.model.Issuer;
import org.zwfw.sdk.client.model.JwkSet;
import org.zwfw.sdk.client.model.OrganizationApplicant;
import org.zwfw.sdk.client.model.PersonApplicant;
import org.zwfw.sdk.client.model.ServiceHall;
import org.zwfw.sdk.client.model.ServiceItem;
import org.zwfw.sdk.client.model.ServiceItemPage;
import org.zwfw.sdk.client.model.ServiceItemSummary;
import org.zwfw.sdk.client.model.Slot;
import org.zwfw.sdk.client.model.SlotList;
import org.zwfw.sdk.client.model.StatusChange;
import org.zwfw.sdk.client.model.StatusEntry;
import org.zwfw.sdk.client.model.Upload;
import org.zwfw.sdk.client.model.UploadMaterial;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.sandbox.TestCitizen;
import org.zwfw.sdk.sandbox.internal.SampleData;

/**
 * Every resource of the client against the real sandbox over HTTP: sync and async forms,
 * pagination, idempotent creation, lifecycles. Every request and answer is checked against the
 * OpenAPI document on the way ({@link DocumentCheckingTransport}).
 */
class ResourcesSandboxTest {

    static SandboxFixture fx;
    static ApiClient api;
    static ApiClient r;

    static final String PENSION = "330100-SB-YL-0007";
    static final String GENERIC = "330100-BDC-CX-0009";
    static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @BeforeAll
    static void start() {
        fx = new SandboxFixture();
        api = fx.client();
        r = api;
    }

    @AfterAll
    static void stop() {
        api.close();
        fx.close();
    }

    @AfterEach
    void everyRequestAndAnswerFollowedTheDocument() {
        List<String> v = List.copyOf(fx.transport.violations);
        fx.transport.violations.clear();
        assertThat(v).isEmpty();
        assertThat(fx.transport.answersChecked.get()).isPositive();
    }

    static String key() {
        return UUID.randomUUID().toString();
    }

    static CaseSubmission generic(String uploadId, String uscc) {
        return new CaseSubmission(GENERIC, HandlingMode.FULLY_ONLINE, new OrganizationApplicant("示例餐饮管理有限公司", "001",
                uscc, "李四", "13900000000"), new GenericForm(Map.of("area", 120)),
                List.of(new UploadMaterial("M001", uploadId)), null, null);
    }

    @Test
    void serviceItemsAreSearchedAcrossSeveralPagesAndRead() {
        int before = fx.exchanges.size();
        List<ServiceItemSummary> all = r.serviceItems().search(ServiceItemSearch.inRegion("330000"), 2).stream().toList();
        List<String> pages = fx.outcomes(before, "/v1/service-items");
        assertThat(pages).hasSizeGreaterThanOrEqualTo(3).containsOnly("OK");
        assertThat(all).hasSizeGreaterThan(4);
        assertThat(all.stream().map(ServiceItemSummary::itemCode).distinct()).hasSameSizeAs(all);
        List<ServiceItemSummary> one = r.serviceItems().search(ServiceItemSearch.inRegion("330000"), 100).stream().toList();
        assertThat(one).isEqualTo(all);

        ServiceItemPage first = r.serviceItems().searchPageAsync(ServiceItemSearch.forKeyword("养老")
                .withHandlingModes(HandlingMode.FULLY_ONLINE, HandlingMode.MOBILE), 20, null).join();
        assertThat(first.items()).extracting(ServiceItemSummary::itemCode).contains(PENSION);
        assertThat(first.items()).allMatch(i -> i.handlingModes().containsAll(List.of(HandlingMode.FULLY_ONLINE,
                HandlingMode.MOBILE)));

        ServiceItem item = r.serviceItems().get(PENSION);
        assertThat(item.itemCode()).isEqualTo(PENSION);
        assertThat(item.materials()).isNotEmpty();
        assertThat(r.serviceItems().getAsync(PENSION).join()).isEqualTo(item);
        assertThatThrownBy(() -> r.serviceItems().get("330100-XX-0000")).isInstanceOfSatisfying(ApiProblemException.class,
                e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    void aPageTokenOfAnotherQueryIsRefusedByThePlatform() {
        ServiceItemPage p = r.serviceItems().searchPageAsync(ServiceItemSearch.inRegion("330000"), 1, null).join();
        assertThat(p.nextPageToken()).isNotNull();
        assertThatThrownBy(() -> r.serviceItems().searchPageAsync(ServiceItemSearch.inRegion("330100"), 1,
                p.nextPageToken()).join()).isInstanceOf(CompletionException.class).cause()
                .isInstanceOfSatisfying(ApiProblemException.class, e -> assertThat(e.code()).isEqualTo("PAGE_TOKEN_INVALID"));
    }

    @Test
    void uploadsAreStoredOnceUnderOneKey() {
        String k = key();
        Upload u = r.uploads().create("application/pdf", PDF, k);
        assertThat(u.size()).isEqualTo(PDF.length);
        assertThat(u.mediaType()).isEqualTo("application/pdf");
        assertThat(r.uploads().createAsync("application/pdf", PDF, k).join().uploadId()).isEqualTo(u.uploadId());
        assertThatThrownBy(() -> r.uploads().create("application/pdf", "%PDF-2.0\n".getBytes(StandardCharsets.US_ASCII), k))
                .isInstanceOfSatisfying(ApiProblemException.class, e -> assertThat(e.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED"));
        assertThatThrownBy(() -> r.uploads().create("image/png", PDF, null))
                .isInstanceOfSatisfying(ApiProblemException.class, e -> assertThat(e.status()).isIn(415, 422));
    }

    @Test
    void theSameSubmissionUnderTheSameKeyTwiceMakesOneCase() {
        String uscc = SampleData.DEMO_CATERING_USCC;
        CaseSubmission s = generic(r.uploads().create("application/pdf", PDF, null).uploadId(), uscc);
        String k = key();
        Case first = r.cases().submit(s, k);
        Case second = r.cases().submitAsync(s, k).join();
        assertThat(second.caseId()).isEqualTo(first.caseId());
        assertThat(first.status()).isEqualTo(CaseStatus.SUBMITTED);
        long mine = r.cases().list(CaseQuery.ofOrganisation(uscc).withItemCode(GENERIC), 100).stream()
                .filter(c -> c.caseId().equals(first.caseId())).count();
        assertThat(mine).isEqualTo(1);
        assertThat(r.cases().get(first.caseId()).applicant().uscc()).isEqualTo(uscc);
    }

    @Test
    void casesAreListedNewestFirstAcrossPagesAndFilteredByStatus() {
        String uscc = SampleData.DEMO_CATERING_USCC;
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            made.add(0, r.cases().submit(generic(r.uploads().create("application/pdf", PDF, null).uploadId(), uscc), null)
                    .caseId());
        }
        fx.sandbox.advanceCase(made.get(0));
        int before = fx.exchanges.size();
        CaseQuery q = CaseQuery.ofOrganisation(uscc).withItemCode(GENERIC);
        List<String> listed = r.cases().list(q, 2).stream().map(Case::caseId).toList();
        assertThat(fx.outcomes(before, "/v1/cases").size()).isGreaterThanOrEqualTo(3);
        // newest first by submitted_at, which has whole seconds: these five share one or two
        assertThat(listed).containsAll(made);
        assertThat(listed).doesNotHaveDuplicates();

        List<String> accepted = r.cases().list(q.withStatuses(CaseStatus.ACCEPTED), 2).stream().map(Case::caseId).toList();
        assertThat(accepted).contains(made.get(0)).doesNotContain(made.get(1));

        CasePage page = r.cases().listPageAsync(q, 2, null).join();
        assertThat(page.items()).hasSize(2);
        CasePage next = r.cases().listPageAsync(q, 2, page.nextPageToken()).join();
        assertThat(next.items().get(0).caseId()).isNotEqualTo(page.items().get(0).caseId());
    }

    @Test
    void aCaseIsWithdrawnOnceAndAFinalOneCannotBe() {
        String uscc = SampleData.DEMO_CATERING_USCC;
        Case c = r.cases().submit(generic(r.uploads().create("application/pdf", PDF, null).uploadId(), uscc), null);
        Case w = r.cases().withdraw(c.caseId(), "改为窗口办理");
        assertThat(w.status()).isEqualTo(CaseStatus.WITHDRAWN);
        assertThat(r.cases().withdrawAsync(c.caseId(), "改为窗口办理").join().status()).isEqualTo(CaseStatus.WITHDRAWN);
        Case read = r.cases().getAsync(c.caseId()).join();
        assertThat(read.status()).isEqualTo(CaseStatus.WITHDRAWN);
        assertThat(read.history()).extracting(h -> h.status()).containsExactly(CaseStatus.SUBMITTED, CaseStatus.WITHDRAWN);

        Case d = r.cases().submit(generic(r.uploads().create("application/pdf", PDF, null).uploadId(), uscc), null);
        fx.sandbox.advanceCase(d.caseId(), "REJECTED");
        assertThatThrownBy(() -> r.cases().withdraw(d.caseId(), "撤回")).isInstanceOfSatisfying(ApiProblemException.class,
                e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.code()).isEqualTo("STATE_CONFLICT");
                    assertThat(e.attempts()).isEqualTo(1);
                });
        assertThatThrownBy(() -> r.cases().get("case_0000000000000000")).isInstanceOfSatisfying(ApiProblemException.class,
                e -> assertThat(e.code()).isEqualTo("NOT_FOUND"));
    }

    @Test
    void anAppointmentIsBookedReadAndCancelledAndItsPlaceFreedAgain() {
        List<ServiceHall> halls = r.serviceHalls().list("330100", PENSION, 1).stream().toList();
        assertThat(halls).extracting(ServiceHall::hallId).contains("hall_330100000001", "hall_330102000001");
        assertThat(r.serviceHalls().listPageAsync("330100", null, 100, null).join().items()).hasSizeGreaterThanOrEqualTo(
                halls.size());
        String hall = "hall_330102000001";
        SlotList slots = r.serviceHalls().freeSlots(hall, PENSION, null, null);
        assertThat(slots.slots()).isNotEmpty();
        Slot slot = slots.slots().get(0);
        TestCitizen who = TestCitizen.L2;
        AppointmentRequest booking = new AppointmentRequest(hall, PENSION, slot.slotId(), new PersonApplicant(
                who.displayName(), "111", who.residentId(), who.mobile()), null);
        String k = key();
        Appointment a = r.appointments().book(booking, k);
        assertThat(a.status()).isEqualTo(AppointmentStatus.BOOKED);
        assertThat(a.start()).isEqualTo(slot.start());
        assertThat(r.appointments().bookAsync(booking, k).join().appointmentId()).isEqualTo(a.appointmentId());
        assertThat(available(hall, slot)).isEqualTo(slot.available() - 1);
        assertThat(r.appointments().getAsync(a.appointmentId()).join().status()).isEqualTo(AppointmentStatus.BOOKED);
        assertThatThrownBy(() -> r.appointments().book(booking, null)).isInstanceOfSatisfying(ApiProblemException.class,
                e -> assertThat(e.code()).isEqualTo("STATE_CONFLICT"));

        Appointment c = r.appointments().cancel(a.appointmentId(), "时间冲突");
        assertThat(c.status()).isEqualTo(AppointmentStatus.CANCELLED);
        assertThat(c.cancelledAt()).isNotNull();
        assertThat(r.appointments().cancelAsync(a.appointmentId(), "时间冲突").join().status())
                .isEqualTo(AppointmentStatus.CANCELLED);
        assertThat(r.appointments().get(a.appointmentId()).status()).isEqualTo(AppointmentStatus.CANCELLED);
        assertThat(available(hall, slot)).isEqualTo(slot.available());
        assertThat(r.serviceHalls().freeSlotsAsync(hall, PENSION, slot.start().toLocalDate(), slot.start().toLocalDate())
                .join().slots()).isNotEmpty();
    }

    private static int available(String hall, Slot slot) {
        return r.serviceHalls().freeSlots(hall, PENSION, slot.start().toLocalDate(), slot.start().toLocalDate()).slots()
                .stream().filter(s -> s.slotId().equals(slot.slotId())).findFirst().map(Slot::available).orElse(0);
    }

    @Test
    void anECertificateIsIssuedSuspendedResumedAndRevoked() {
        List<Issuer> issuers = r.issuers().list().issuers();
        assertThat(issuers).extracting(Issuer::slug).contains("social-security", "market-regulation", "licensing");
        assertThat(r.issuers().listAsync().join()).isEqualTo(r.issuers().list());
        JwkSet keys = r.issuers().keys("social-security");
        assertThat(keys.keys()).isNotEmpty();
        assertThat(r.issuers().keysAsync("social-security").join()).isEqualTo(keys);

        Map<String, String> claims = new LinkedHashMap<>();
        claims.put("sign_no", "330100SB00000001");
        claims.put("card_number", "SB00000001");
        claims.put("issuing_region_code", "330100");
        claims.put("holder_name", "张三");
        claims.put("social_security_number", "330106198503121231");
        claims.put("sign_level", "3");
        claims.put("issue_date", "2024-11-28");
        claims.put("valid_until", "2034-11-27");
        claims.put("channel_no", "SANDBOX01");
        String k = key();
        IssuedCredential issued = r.issuers().issue("social-security", new IssuanceRequest(claims, null, null), k);
        assertThat(r.issuers().issueAsync("social-security", new IssuanceRequest(claims, null, null), k).join().credential())
                .isEqualTo(issued.credential());
        assertThat(issued.credential()).contains("~");
        assertThat(issued.toString()).doesNotContain(issued.credential());
        int idx = issued.status().statusList().idx();
        String listId = issued.statusEntry().replaceAll(".*/status-lists/([^/]+)/entries/.*", "$1");
        assertThat(issued.statusEntry()).endsWith("/entries/" + idx);

        assertThat(r.issuers().statusEntry("social-security", listId, idx).status()).isEqualTo(EcertStatus.VALID);
        StatusEntry suspended = r.issuers().changeStatus("social-security", listId, idx, new StatusChange(EcertStatus.SUSPENDED,
                null));
        assertThat(suspended.status()).isEqualTo(EcertStatus.SUSPENDED);
        assertThat(suspended.previousStatus()).isEqualTo(EcertStatus.VALID);
        assertThat(r.issuers().changeStatusAsync("social-security", listId, idx, new StatusChange(EcertStatus.SUSPENDED, null))
                .join().status()).isEqualTo(EcertStatus.SUSPENDED);
        assertThat(r.issuers().changeStatus("social-security", listId, idx, new StatusChange(EcertStatus.VALID, null))
                .status()).isEqualTo(EcertStatus.VALID);
        assertThat(r.issuers().changeStatus("social-security", listId, idx, new StatusChange(EcertStatus.INVALID, "03"))
                .status()).isEqualTo(EcertStatus.INVALID);
        assertThat(r.issuers().statusEntryAsync("social-security", listId, idx).join().status()).isEqualTo(EcertStatus.INVALID);
        assertThatThrownBy(() -> r.issuers().changeStatus("social-security", listId, idx, new StatusChange(EcertStatus.VALID,
                null))).isInstanceOfSatisfying(ApiProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.code()).isEqualTo("REVOKED");
                });

        String token = r.issuers().statusList("social-security", listId);
        assertThat(header(token)).contains("\"statuslist+jwt\"");
        assertThat(r.issuers().statusListAsync("social-security", listId).join()).contains(".");
    }

    @Test
    void anECertificateIsUsedWithTheHoldersConsentOnceAndItsRecordRead() {
        String consent = fx.sandbox.openIdProvider().consentToken(TestCitizen.L3, SandboxFixture.APP);
        EcertUseRequest req = new EcertUseRequest(null, null, "urn:zwfw:vct:social-security-card:1", "核验社保卡，办理养老保险待遇申领。",
                consent, List.of("holder_name", "card_number"), PENSION, null);
        EcertUse use = r.ecertUses().use(req, key());
        assertThat(use.vct()).isEqualTo("urn:zwfw:vct:social-security-card:1");
        assertThat(use.disclosed()).containsExactly("holder_name", "card_number");
        assertThat(use.credential()).contains("~");
        assertThat(use.expiresAt()).isBeforeOrEqualTo(use.usedAt().plusHours(1));
        assertThat(use.toString()).doesNotContain(use.credential()).doesNotContain(use.holderRef());

        EcertUse record = r.ecertUses().get(use.useId());
        assertThat(record.credential()).isNull();
        assertThat(record.useId()).isEqualTo(use.useId());
        assertThat(r.ecertUses().getAsync(use.useId()).join().useCause()).isEqualTo(use.useCause());

        // a consent is single use: the same token under a new key is refused
        assertThatThrownBy(() -> r.ecertUses().useAsync(req, key()).join()).cause()
                .isInstanceOfSatisfying(ApiProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.code()).isEqualTo("CONSENT_INVALID");
                    assertThat(e.problem().errors()).extracting(x -> x.code()).contains("REPLAYED");
                    assertThat(e.getMessage()).doesNotContain(consent);
                });
        // a consent for another application is refused
        String other = fx.sandbox.openIdProvider().consentToken(TestCitizen.L3, "sandbox-web");
        assertThatThrownBy(() -> r.ecertUses().use(new EcertUseRequest(null, null, "urn:zwfw:vct:social-security-card:1",
                "核验", other, null, null, null), null)).isInstanceOfSatisfying(ApiProblemException.class,
                e -> assertThat(e.problem().errors()).extracting(x -> x.code()).contains("AUDIENCE_MISMATCH"));
    }

    @Test
    void theTrustListAnchorKeysAndPlatformKeysAreServedSigned() {
        String list = r.trust().trustList();
        assertThat(header(list)).contains("\"trustlist+jwt\"");
        assertThat(r.trust().trustListAsync().join()).isEqualTo(list);
        JwkSet anchor = r.trust().anchorKeys();
        assertThat(anchor.keys()).extracting(m -> m.get("kid")).containsExactlyInAnyOrderElementsOf(
                fx.sandbox.trustAnchorKeys().keys().stream().map(k -> k.keyId().orElseThrow()).toList());
        assertThat(r.trust().anchorKeysAsync().join()).isEqualTo(anchor);
        for (JwsAlgorithm alg : List.of(JwsAlgorithm.ES256, JwsAlgorithm.EDDSA, JwsAlgorithm.SGD_SM3_SM2)) {
            try (ApiClient c = fx.client(alg).build()) {
                assertThat(c.platform().keys().keys()).extracting(m -> m.get("alg"))
                        .containsExactlyInAnyOrder("ES256", "EdDSA", "SGD_SM3_SM2");
                assertThat(c.platform().keysAsync().join().keys()).hasSize(3);
            }
        }
    }

    @Test
    void aPlannedESscOperationIsReachedThroughSendAndAnswersNotImplemented() {
        assertThatThrownBy(() -> api.send(ApiRequest.get("/v1/ssc/cards/" + ApiRequest.segment("ssc_4W9K2M7Q1T8D5NZB"), null)))
                .isInstanceOfSatisfying(ApiProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(501);
                    assertThat(e.code()).isEqualTo("NOT_IMPLEMENTED");
                    assertThat(e.requestId()).isPresent();
                    assertThat(e.attempts()).isEqualTo(1);
                });
        ApiRequest verify = ApiRequest.post("/v1/ssc/qr-verifications",
                "{\"qr_text\":\"x\",\"scene\":\"identity\"}".getBytes(StandardCharsets.UTF_8), RetryMode.NEVER);
        assertThatThrownBy(() -> api.sendAsync(verify).join()).cause().isInstanceOfSatisfying(ApiProblemException.class,
                e -> assertThat(e.code()).isEqualTo("NOT_IMPLEMENTED"));
    }

    private static String header(String compact) {
        return new String(Base64.getUrlDecoder().decode(compact.substring(0, compact.indexOf('.'))), StandardCharsets.UTF_8);
    }
}
