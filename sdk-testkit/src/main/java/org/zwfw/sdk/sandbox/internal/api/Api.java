package org.zwfw.sdk.sandbox.internal.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zwfw.sdk.crypto.IssuerKeys;
import org.zwfw.sdk.crypto.KeySet;
import org.zwfw.sdk.httpsig.RequestMessage;
import org.zwfw.sdk.httpsig.RequestVerifier;
import org.zwfw.sdk.replay.InMemoryReplayStore;
import org.zwfw.sdk.sandbox.RegisteredApp;
import org.zwfw.sdk.sandbox.SandboxIssuer;
import org.zwfw.sdk.sandbox.internal.IssuerEndpoints;
import org.zwfw.sdk.sandbox.internal.IssuerRuntime;
import org.zwfw.sdk.sandbox.internal.Problem;
import org.zwfw.sdk.sandbox.internal.Response;
import org.zwfw.sdk.sandbox.internal.Router;
import org.zwfw.sdk.sandbox.internal.StateDirectory;
import org.zwfw.sdk.sandbox.internal.StrictJson;
import org.zwfw.sdk.sandbox.internal.TrustListPublisher;
import org.zwfw.sdk.sandbox.internal.oidc.Provider;
import org.zwfw.sdk.verify.OutcomeCode;

/**
 * The service-network API of the sandbox while it runs: the 30 operations of
 * {@code spec/openapi/zwfw-api.yaml} behind the {@link Gate}, the state they share, webhooks, the
 * case scheduler and the administrative routes outside {@code /v1} ({@code spec/sandbox.md} §11).
 * Thread-safe.
 */
public final class Api implements AutoCloseable {

    /** Largest body of an upload: 10 MiB. */
    public static final int MAX_UPLOAD = Uploads.MAX_BYTES;
    /** Largest body of a case submission. */
    public static final int MAX_SUBMISSION = 256 * 1024;
    /** Largest body of the other operations' requests. */
    public static final int MAX_SMALL = 16 * 1024;

    /**
     * How the API runs.
     *
     * @param webhookTimeScale the factor applied to the webhook retry delays (1 in production; 0.001 turns
     *                         minutes into tens of milliseconds)
     * @param caseStep         how often every open case moves one step on, or {@code null} for never
     * @param rateLimit        requests a second per application
     */
    public record Settings(double webhookTimeScale, Duration caseStep, int rateLimit) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(Api.class);

    private final List<Operation> operations;
    private final Gate gate;
    private final Cases cases;
    private final Faults faults = new Faults();
    private final PlatformKeys keys;
    private final Webhooks webhooks;
    private final ScheduledExecutorService scheduler;

    private Api(URI base, Clock clock, StateDirectory dir, Map<SandboxIssuer, IssuerRuntime> issuers,
            TrustListPublisher trustList, KeySet anchorKeys, Provider provider, Settings settings) {
        String b = base.toString();
        Function<String, Optional<RegisteredApp>> apps = id -> provider.apps().stream()
                .filter(a -> a.clientId().equals(id)).findFirst();
        this.keys = PlatformKeys.open(dir);
        ApiState state = ApiState.open(dir);
        this.webhooks = new Webhooks(apps, keys, clock, settings.webhookTimeScale());
        Pages pages = new Pages();
        Consents consents = new Consents(provider, clock);
        Wallet wallet = new Wallet(state, issuers);
        Ecerts ecerts = new Ecerts(b, issuers, state, wallet, consents, provider, webhooks, clock);
        Uploads uploads = new Uploads(state, b, clock);
        this.cases = new Cases(state, uploads, ecerts, consents, provider, pages, webhooks, clock, b);
        Appointments appointments = new Appointments(state, cases, clock, b);
        Items items = new Items(pages, clock);
        Map<String, KeySet> appKeys = new java.util.LinkedHashMap<>();
        for (RegisteredApp a : provider.apps()) {
            a.apiKeys().ifPresent(k -> appKeys.put(a.clientId(), k));
        }
        RequestVerifier verifier = RequestVerifier.builder().clock(clock)
                .authorities(List.of(RequestMessage.authority(base.getScheme(), base.getRawAuthority())))
                .appKeys(IssuerKeys.of(appKeys)).replayStore(new InMemoryReplayStore(1_000_000, clock)).build();
        this.gate = new Gate(base, verifier, apps, keys, faults, new RateLimits(settings.rateLimit()),
                new Idempotency(state), clock);
        String jwks = IssuerEndpoints.JWKS_MEDIA_TYPE;
        this.operations = List.of(
                get("searchServiceItems", "/v1/service-items", items::search),
                get("getServiceItem", "/v1/service-items/{item_code}", items::get),
                create("createUpload", "/v1/uploads", MAX_UPLOAD, uploads::create),
                create("submitCase", "/v1/cases", MAX_SUBMISSION, cases::submit),
                get("listCases", "/v1/cases", cases::list),
                get("getCase", "/v1/cases/{case_id}", cases::get),
                post("withdrawCase", "/v1/cases/{case_id}/withdraw", cases::withdraw),
                get("listServiceHalls", "/v1/service-halls", items::halls),
                get("listFreeSlots", "/v1/service-halls/{hall_id}/slots", appointments::slots),
                create("bookAppointment", "/v1/appointments", MAX_SMALL, appointments::book),
                get("getAppointment", "/v1/appointments/{appointment_id}", appointments::get),
                post("cancelAppointment", "/v1/appointments/{appointment_id}/cancel", appointments::cancel),
                get("listIssuers", "/v1/issuers", ecerts::listIssuers),
                get("getIssuerKeys", "/v1/issuers/{issuer}/keys", ecerts::issuerKeys),
                create("issueCredential", "/v1/issuers/{issuer}/credentials", IssuerEndpoints.MAX_ISSUANCE_BODY,
                        ecerts::issue),
                get("getStatusList", "/v1/issuers/{issuer}/status-lists/{list_id}", ecerts::statusList),
                get("getStatusEntry", "/v1/issuers/{issuer}/status-lists/{list_id}/entries/{idx}",
                        ecerts::statusEntry),
                post("changeStatus", "/v1/issuers/{issuer}/status-lists/{list_id}/entries/{idx}",
                        ecerts::changeStatus),
                create("useCredential", "/v1/ecert-uses", MAX_SMALL, ecerts::use),
                get("getCredentialUse", "/v1/ecert-uses/{use_id}", ecerts::getUse),
                get("getTrustList", "/v1/trust-list", c -> Response.text(200, "application/trustlist+jwt",
                        trustList.current())),
                get("getTrustAnchorKeys", "/v1/trust-anchor/keys", c -> new Response(200, jwks,
                        StrictJson.write(anchorKeys.toJwks()), Map.of())),
                planned("issueSscCard", "POST", "/v1/ssc/cards", true),
                planned("getSscCard", "GET", "/v1/ssc/cards/{card_ref}", false),
                planned("suspendSscCard", "POST", "/v1/ssc/cards/{card_ref}/suspend", false),
                planned("resumeSscCard", "POST", "/v1/ssc/cards/{card_ref}/resume", false),
                planned("cancelSscCard", "POST", "/v1/ssc/cards/{card_ref}/cancel", false),
                planned("createSscQrCode", "POST", "/v1/ssc/cards/{card_ref}/qr-codes", true),
                planned("verifySscQrCode", "POST", "/v1/ssc/qr-verifications", false),
                get("getPlatformKeys", "/v1/platform/keys", c -> new Response(200, jwks,
                        StrictJson.write(keys.publicKeys().toJwks()), Map.of())));
        if (settings.caseStep() != null) {
            scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "zwfw-sandbox-cases");
                t.setDaemon(true);
                return t;
            });
            long ms = Math.max(1, settings.caseStep().toMillis());
            scheduler.scheduleWithFixedDelay(this::stepAll, ms, ms, TimeUnit.MILLISECONDS);
        } else {
            scheduler = null;
        }
    }

    /**
     * @return the API, its state loaded from the directory when one is given
     */
    public static Api start(URI base, Clock clock, StateDirectory dir, Map<SandboxIssuer, IssuerRuntime> issuers,
            TrustListPublisher trustList, KeySet anchorKeys, Provider provider, Settings settings) {
        return new Api(base, clock, dir, issuers, trustList, anchorKeys, provider, settings);
    }

    private static Operation get(String id, String template, Operation.Body body) {
        return new Operation(id, "GET", template, 0, false, false, body);
    }

    private static Operation post(String id, String template, Operation.Body body) {
        return new Operation(id, "POST", template, MAX_SMALL, false, false, body);
    }

    private static Operation create(String id, String template, int max, Operation.Body body) {
        return new Operation(id, "POST", template, max, true, false, body);
    }

    private static Operation planned(String id, String method, String template, boolean creating) {
        return new Operation(id, method, template, method.equals("GET") ? 0 : MAX_SMALL, false, true, c -> {
            throw new IllegalStateException("planned");
        });
    }

    /** @param router where the operations and the administrative routes are registered */
    public void register(Router router) {
        router.gate(gate);
        Router.Options api = new Router.Options(true, false, false);
        for (Operation op : operations) {
            router.add(op.method, op.template, op.maxBody, api, op);
        }
        router.post("/sandbox/cases/{case_id}/advance", 1024, r -> {
            String to = null;
            if (r.hasBody()) {
                JsonNode body = r.jsonObject();
                for (Map.Entry<String, JsonNode> m : body.properties()) {
                    if (!m.getKey().equals("to") || !m.getValue().isTextual()) {
                        throw Problem.invalidRequest(OutcomeCode.INVALID_CLAIM, "/to", "the body is {} or"
                                + " {\"to\": STATUS}").exception();
                    }
                    to = m.getValue().textValue();
                }
            }
            try {
                return Response.json(200, Map.of("case_id", r.pathParam("case_id"), "status",
                        advance(r.pathParam("case_id"), to)));
            } catch (IllegalArgumentException e) {
                throw Problem.http(404, "no such case").exception();
            } catch (IllegalStateException e) {
                throw Problem.of(409, Problem.STATUS_FINAL, "The case cannot move so", e.getMessage(), null)
                        .exception();
            }
        });
        router.post("/sandbox/faults", 1024, r -> {
            faults.add(fault(r.jsonObject()));
            return Response.json(200, Map.of("pending", true));
        });
        router.post("/sandbox/faults/clear", 1024, r -> {
            faults.clear();
            return Response.json(200, Map.of("pending", false));
        });
    }

    private static Faults.Fault fault(JsonNode n) {
        for (Map.Entry<String, JsonNode> m : n.properties()) {
            if (!Set.of("kind", "operation", "times", "status", "millis", "retry_after").contains(m.getKey())) {
                throw Problem.invalidRequest(OutcomeCode.INVALID_CLAIM, null, "unknown member "
                        + StrictJson.quote(m.getKey())).exception();
            }
        }
        try {
            Faults.Kind kind = Faults.Kind.valueOf(n.path("kind").asText("").toUpperCase(java.util.Locale.ROOT));
            String op = n.hasNonNull("operation") ? n.get("operation").asText() : null;
            int times = n.path("times").asInt(1);
            Duration delay = kind == Faults.Kind.RATE_LIMITED ? Duration.ofSeconds(n.path("retry_after").asInt(1))
                    : Duration.ofMillis(n.path("millis").asLong(0));
            Faults.Fault f = new Faults.Fault(kind, op, times, n.path("status").asInt(503), delay);
            new Faults().add(f);
            return f;
        } catch (IllegalArgumentException e) {
            throw Problem.invalidRequest(OutcomeCode.INVALID_CLAIM, null, "a fault is {\"kind\": latency|status|"
                    + "rate_limited|drop|drop_response, \"operation\"?, \"times\"?, \"status\"?, \"millis\"?,"
                    + " \"retry_after\"?}: " + e.getMessage()).exception();
        }
    }

    private void stepAll() {
        try {
            for (String id : cases.open()) {
                try {
                    cases.advance(id, null);
                } catch (RuntimeException e) {
                    LOG.debug("a scheduled case step failed: {}", e.getClass().getSimpleName());
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("the case scheduler failed", e);
        }
    }

    /**
     * Moves a case one step on, or to a given next state.
     *
     * @param caseId the case
     * @param to     the next state, or {@code null} for the usual one (towards approval)
     * @return the new status
     * @throws IllegalArgumentException for an unknown case
     * @throws IllegalStateException    when the case is final or cannot move to {@code to}
     */
    public String advance(String caseId, String to) {
        return cases.advance(caseId, to);
    }

    /** @return the injected faults */
    public Faults faults() {
        return faults;
    }

    /** @return the platform's public signing keys */
    public KeySet platformKeys() {
        return keys.publicKeys();
    }

    /** @return webhook events delivered (answered 2xx) so far */
    public long webhooksDelivered() {
        return webhooks.delivered();
    }

    /** @return webhook events given up (after every retry, or on 410) so far */
    public long webhooksDropped() {
        return webhooks.dropped();
    }

    @Override
    public void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        webhooks.close();
    }

}
