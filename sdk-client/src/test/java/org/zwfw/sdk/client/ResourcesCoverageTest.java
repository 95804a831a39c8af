package org.zwfw.sdk.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.zwfw.sdk.client.model.AppointmentRequest;
import org.zwfw.sdk.client.model.CaseStatus;
import org.zwfw.sdk.client.model.CaseSubmission;
import org.zwfw.sdk.client.model.EcertStatus;
import org.zwfw.sdk.client.model.EcertUseRequest;
import org.zwfw.sdk.client.model.HandlingMode;
import org.zwfw.sdk.client.model.IssuanceRequest;
import org.zwfw.sdk.client.model.ModelJson;
import org.zwfw.sdk.client.model.StatusChange;
import org.zwfw.sdk.httpsig.RequestMessage;
import org.zwfw.sdk.sandbox.internal.openapi.ApiDocument;

/**
 * Every operation of the document that is not planned has a typed form that sends the document's
 * method and path with the document's retry mode, and a body the document accepts; the planned
 * ones have none. Against the scripted platform (what it answers does not matter here).
 */
class ResourcesCoverageTest {

    static final ApiDocument DOC = ApiDocument.load();
    private static final ObjectMapper MAPPER = ModelJson.newMapper();

    private final ScriptedPlatform platform;
    private final List<ApiRequest> sent = new CopyOnWriteArrayList<>();

    ResourcesCoverageTest() throws Exception {
        platform = new ScriptedPlatform();
    }

    @AfterEach
    void stop() {
        platform.close();
    }

    /** An operation of the document. */
    record Op(String id, String method, Pattern path, String retry, boolean planned) {
    }

    static List<Op> operations() {
        List<Op> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> p : DOC.root().path("paths").properties()) {
            Pattern path = Pattern.compile(p.getKey().replaceAll("\\{[a-z_]+\\}", "[^/]+"));
            for (String m : List.of("get", "post")) {
                JsonNode o = p.getValue().get(m);
                if (o != null) {
                    out.add(new Op(o.path("operationId").asText(), m.toUpperCase(Locale.ROOT), path,
                            o.path("x-zwfw-retry").asText(), o.path("x-zwfw-status").asText().equals("planned")));
                }
            }
        }
        return out;
    }

    static <T> T example(String pointer, Class<T> type) {
        try {
            return MAPPER.treeToValue(DOC.at(pointer), type);
        } catch (Exception e) {
            throw new AssertionError(pointer, e);
        }
    }

    static final String REF = "9Zk2pQ0sVbT4xYc7Lm1NwE3rHd6Jf8Ga";
    static final byte[] PDF = "%PDF-1.7\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    /** One call of every typed operation, sync form. */
    static final Map<String, Consumer<ApiClient>> SYNC = new LinkedHashMap<>();
    /** And the async form. */
    static final Map<String, Consumer<ApiClient>> ASYNC = new LinkedHashMap<>();

    static {
        CaseSubmission submission = example("/components/examples/PensionSubmission/value", CaseSubmission.class);
        AppointmentRequest booking = example("/paths/~1v1~1appointments/post/requestBody/content/application~1json/example",
                AppointmentRequest.class);
        IssuanceRequest issuance = example("/paths/~1v1~1issuers~1{issuer}~1credentials/post/requestBody/content/application~1json/example",
                IssuanceRequest.class);
        EcertUseRequest use = example("/paths/~1v1~1ecert-uses/post/requestBody/content/application~1json/example",
                EcertUseRequest.class);
        ServiceItemSearch search = ServiceItemSearch.inRegion("330100").withKeyword("养老 保险&x=1")
                .withHandlingModes(HandlingMode.MOBILE, HandlingMode.FULLY_ONLINE);
        CaseQuery query = CaseQuery.ofPerson(REF).withStatuses(CaseStatus.SUBMITTED, CaseStatus.IN_REVIEW)
                .withItemCode("330100-SB-YL-0007");
        SYNC.put("searchServiceItems", r -> r.serviceItems().search(search, 5).iterator().hasNext());
        ASYNC.put("searchServiceItems", r -> r.serviceItems().searchPageAsync(search, 5, null).join());
        SYNC.put("getServiceItem", r -> r.serviceItems().get("330100-SB-YL-0007"));
        ASYNC.put("getServiceItem", r -> r.serviceItems().getAsync("330100-SB-YL-0007").join());
        SYNC.put("createUpload", r -> r.uploads().create("application/pdf", PDF, null));
        ASYNC.put("createUpload", r -> r.uploads().createAsync("application/pdf", PDF, "upload-key-0000000001").join());
        SYNC.put("submitCase", r -> r.cases().submit(submission, null));
        ASYNC.put("submitCase", r -> r.cases().submitAsync(submission, "submit-key-0000000001").join());
        SYNC.put("listCases", r -> r.cases().list(query, 3).iterator().hasNext());
        ASYNC.put("listCases", r -> r.cases().listPageAsync(query, 3, "dG9rZW4").join());
        SYNC.put("getCase", r -> r.cases().get("case_7Q2M9X4K1P8D3RZT"));
        ASYNC.put("getCase", r -> r.cases().getAsync("case_7Q2M9X4K1P8D3RZT").join());
        SYNC.put("withdrawCase", r -> r.cases().withdraw("case_7Q2M9X4K1P8D3RZT", "在窗口办理"));
        ASYNC.put("withdrawCase", r -> r.cases().withdrawAsync("case_7Q2M9X4K1P8D3RZT", "在窗口办理").join());
        SYNC.put("listServiceHalls", r -> r.serviceHalls().list("330100", "330100-SB-YL-0007", 10).iterator().hasNext());
        ASYNC.put("listServiceHalls", r -> r.serviceHalls().listPageAsync("330100", null, 10, null).join());
        SYNC.put("listFreeSlots", r -> r.serviceHalls().freeSlots("hall_330102000001", "330100-SB-YL-0007",
                LocalDate.of(2026, 3, 9), LocalDate.of(2026, 3, 13)));
        ASYNC.put("listFreeSlots", r -> r.serviceHalls().freeSlotsAsync("hall_330102000001", "330100-SB-YL-0007", null, null)
                .join());
        SYNC.put("bookAppointment", r -> r.appointments().book(booking, null));
        ASYNC.put("bookAppointment", r -> r.appointments().bookAsync(booking, null).join());
        SYNC.put("getAppointment", r -> r.appointments().get("apt_9D4K7M2Q8W1N5XRT"));
        ASYNC.put("getAppointment", r -> r.appointments().getAsync("apt_9D4K7M2Q8W1N5XRT").join());
        SYNC.put("cancelAppointment", r -> r.appointments().cancel("apt_9D4K7M2Q8W1N5XRT", "时间冲突"));
        ASYNC.put("cancelAppointment", r -> r.appointments().cancelAsync("apt_9D4K7M2Q8W1N5XRT", "时间冲突").join());
        SYNC.put("listIssuers", r -> r.issuers().list());
        ASYNC.put("listIssuers", r -> r.issuers().listAsync().join());
        SYNC.put("getIssuerKeys", r -> r.issuers().keys("social-security"));
        ASYNC.put("getIssuerKeys", r -> r.issuers().keysAsync("social-security").join());
        SYNC.put("issueCredential", r -> r.issuers().issue("social-security", issuance, null));
        ASYNC.put("issueCredential", r -> r.issuers().issueAsync("social-security", issuance, null).join());
        SYNC.put("getStatusList", r -> r.issuers().statusList("social-security", "1"));
        ASYNC.put("getStatusList", r -> r.issuers().statusListAsync("social-security", "1").join());
        SYNC.put("getStatusEntry", r -> r.issuers().statusEntry("social-security", "1", 31032));
        ASYNC.put("getStatusEntry", r -> r.issuers().statusEntryAsync("social-security", "1", 31032).join());
        SYNC.put("changeStatus", r -> r.issuers().changeStatus("social-security", "1", 31032,
                new StatusChange(EcertStatus.INVALID, "03")));
        ASYNC.put("changeStatus", r -> r.issuers().changeStatusAsync("social-security", "1", 31032,
                new StatusChange(EcertStatus.SUSPENDED, null)).join());
        SYNC.put("useCredential", r -> r.ecertUses().use(use, null));
        ASYNC.put("useCredential", r -> r.ecertUses().useAsync(use, null).join());
        SYNC.put("getCredentialUse", r -> r.ecertUses().get("use_5B8R2N6Q1T4W9KZD"));
        ASYNC.put("getCredentialUse", r -> r.ecertUses().getAsync("use_5B8R2N6Q1T4W9KZD").join());
        SYNC.put("getTrustList", r -> r.trust().trustList());
        ASYNC.put("getTrustList", r -> r.trust().trustListAsync().join());
        SYNC.put("getTrustAnchorKeys", r -> r.trust().anchorKeys());
        ASYNC.put("getTrustAnchorKeys", r -> r.trust().anchorKeysAsync().join());
        SYNC.put("getPlatformKeys", r -> r.platform().keys());
        ASYNC.put("getPlatformKeys", r -> r.platform().keysAsync().join());
    }

    private ApiClient client() {
        return platform.client().retryPolicy(new RetryPolicy(1, java.time.Duration.ofMillis(1), java.time.Duration.ofMillis(1),
                java.time.Duration.ofSeconds(1))).interceptor(new ApiInterceptor() {
                    @Override
                    public Map<String, String> headers(ApiRequest request, int attempt) {
                        sent.add(request);
                        return Map.of();
                    }
                }).build();
    }

    @Test
    void everyOperationThatIsNotPlannedHasATypedFormAndThePlannedOnesNone() {
        TreeSet<String> notPlanned = new TreeSet<>();
        TreeSet<String> planned = new TreeSet<>();
        operations().forEach(o -> (o.planned() ? planned : notPlanned).add(o.id()));
        assertThat(new TreeSet<>(SYNC.keySet())).isEqualTo(notPlanned);
        assertThat(new TreeSet<>(ASYNC.keySet())).isEqualTo(notPlanned);
        assertThat(planned).hasSize(7).allMatch(id -> id.contains("Ssc"));
    }

    @Test
    void eachTypedFormSendsItsOperationWithTheDocumentsRetryModeAndABodyTheDocumentTakes() {
        Map<String, String> faults = new TreeMap<>();
        try (ApiClient api = client()) {
            for (Map<String, Consumer<ApiClient>> forms : List.of(SYNC, ASYNC)) {
                for (Map.Entry<String, Consumer<ApiClient>> e : forms.entrySet()) {
                    sent.clear();
                    int before = platform.requests.size();
                    try {
                        e.getValue().accept(api);
                    } catch (RuntimeException expected) {
                        // the scripted {} is no model; only the request matters here
                    }
                    Op op = operations().stream().filter(o -> o.id().equals(e.getKey())).findFirst().orElseThrow();
                    if (sent.size() != 1) {
                        faults.put(e.getKey(), sent.size() + " requests");
                        continue;
                    }
                    ApiRequest r = sent.get(0);
                    String why = "";
                    if (!r.method().equals(op.method()) || !op.path().matcher(r.path()).matches()) {
                        why += " sent " + r.method() + " " + r.path();
                    }
                    if (!r.retry().name().replace('_', '-').toLowerCase(Locale.ROOT).equals(op.retry())) {
                        why += " retry " + r.retry() + " but the document says " + op.retry();
                    }
                    if ((r.retry() == RetryMode.IDEMPOTENCY_KEY) != (r.idempotencyKey() != null
                            || platform.requests.get(before).fields().first("idempotency-key").isPresent())) {
                        why += " idempotency key";
                    }
                    RequestMessage got = platform.requests.get(before);
                    List<String> v = DOC.checkRequest(r.method(), r.path(), r.contentType(),
                            got.content() == null ? new byte[0] : got.content());
                    if (!v.isEmpty()) {
                        why += " " + v;
                    }
                    if (!why.isEmpty()) {
                        faults.put(e.getKey() + (forms == ASYNC ? "Async" : ""), why.trim());
                    }
                }
            }
        }
        assertThat(faults).isEmpty();
        assertThat(ScriptedPlatform.codes(platform.received)).containsOnly("OK");
    }

    @Test
    void queriesAreEncodedAndListsJoinedAsTheDocumentSays() {
        try (ApiClient api = client()) {
            SYNC.get("searchServiceItems").accept(api);
        } catch (RuntimeException expected) {
            // {} is no page
        }
        assertThat(platform.requests.get(0).target()).isEqualTo("/v1/service-items?region_code=330100&keyword="
                + "%E5%85%BB%E8%80%81%20%E4%BF%9D%E9%99%A9%26x%3D1&handling_mode=FULLY_ONLINE,MOBILE&page_size=5");
    }
}
