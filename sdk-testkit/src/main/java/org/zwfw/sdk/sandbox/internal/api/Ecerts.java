package org.zwfw.sdk.sandbox.internal.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.zwfw.sdk.credential.issuer.IssuedCredential;
import org.zwfw.sdk.rnat.AssuranceLevel;
import org.zwfw.sdk.rnat.RealNameToken;
import org.zwfw.sdk.sandbox.RegisteredApp;
import org.zwfw.sdk.sandbox.SandboxIssuer;
import org.zwfw.sdk.sandbox.TestCitizen;
import org.zwfw.sdk.sandbox.internal.IssuanceRequest;
import org.zwfw.sdk.sandbox.internal.IssuerEndpoints;
import org.zwfw.sdk.sandbox.internal.IssuerRuntime;
import org.zwfw.sdk.sandbox.internal.Problem;
import org.zwfw.sdk.sandbox.internal.Response;
import org.zwfw.sdk.sandbox.internal.StrictJson;
import org.zwfw.sdk.sandbox.internal.oidc.Provider;
import org.zwfw.sdk.status.Status;
import org.zwfw.sdk.status.StatusListToken;
import org.zwfw.sdk.status.StatusReference;

/**
 * The e-certificate operations: issuers and their keys, issuance (authorised departments only),
 * status lists and entries, status changes (each announced by {@code ecert.status_changed}), and
 * uses of a holder's e-certificate with their consent. The objects are those of the sandbox's
 * issuers; only their URLs and problem types are the API's.
 */
final class Ecerts {

    static final Duration USE_LIFETIME = Duration.ofHours(1);
    private static final Set<String> USE_MEMBERS = Set.of("license_id", "license_type_code", "vct", "use_cause",
            "consent_token", "disclose", "item_code", "case_id");

    private final String base;
    private final Map<SandboxIssuer, IssuerRuntime> issuers;
    private final ApiState state;
    private final Wallet wallet;
    private final Consents consents;
    private final Provider provider;
    private final Events events;
    private final Clock clock;

    Ecerts(String base, Map<SandboxIssuer, IssuerRuntime> issuers, ApiState state, Wallet wallet, Consents consents,
            Provider provider, Events events, Clock clock) {
        this.base = base;
        this.issuers = issuers;
        this.state = state;
        this.wallet = wallet;
        this.consents = consents;
        this.provider = provider;
        this.events = events;
        this.clock = clock;
    }

    Response listIssuers(Call c) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (SandboxIssuer i : SandboxIssuer.values()) {
            IssuerRuntime rt = issuers.get(i);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("slug", i.slug());
            m.put("id", i.id());
            m.put("name", i.displayName());
            m.put("uscc", i.uscc());
            m.put("vct", i.credentialType().vct());
            m.put("alg", i.algorithm().jwsName());
            m.put("sd_alg", rt.hashAlgorithm());
            m.put("status_list_alg", i.statusListAlgorithm().jwsName());
            m.put("status_lists", List.of(rt.statusListUri().toString()));
            list.add(m);
        }
        return Response.json(200, Map.of("issuers", list));
    }

    Response issuerKeys(Call c) {
        return new Response(200, IssuerEndpoints.JWKS_MEDIA_TYPE, StrictJson.write(issuer(c).keys().toJwks()),
                Map.of());
    }

    Response issue(Call c) {
        IssuerRuntime issuer = department(c);
        JsonNode body = c.json();
        IssuanceRequest request = IssuanceRequest.parse(body, issuer.issuer().credentialType(), clock.instant());
        IssuedCredential issued = issuer.issue(request);
        StatusReference ref = issued.statusReference().orElseThrow();
        String entry = entryUri(issuer.issuer(), ref.idx());
        return IssuerEndpoints.issued(issuer, issued, request.holderKey() != null, entry, c.request().header("Accept"));
    }

    Response statusList(Call c) {
        IssuerRuntime issuer = issuer(c);
        listId(c);
        return Response.text(200, StatusListToken.MEDIA_TYPE, issuer.statusListToken());
    }

    Response statusEntry(Call c) {
        IssuerRuntime issuer = department(c);
        listId(c);
        int idx = index(c);
        return Response.json(200, entry(issuer, idx, issuer.status(idx), null));
    }

    Response changeStatus(Call c) {
        IssuerRuntime issuer = department(c);
        listId(c);
        int idx = index(c);
        List<Problem.Item> faults = Fields.newFaults();
        Fields f = Fields.of(c.json(), "", faults, Set.of("status", "reason_code"));
        String status = f.oneOf("status", true, List.of("VALID", "INVALID", "SUSPENDED"));
        f.oneOf("reason_code", false, List.of("03", "04", "05", "07", "99"));
        if (!faults.isEmpty()) {
            throw ApiProblems.invalid(faults);
        }
        Status next = Status.valueOf(status);
        Status previous = issuer.setStatus(idx, next);
        if (previous != next) {
            announce(c.app(), issuer, idx, previous, next);
        }
        return Response.json(200, entry(issuer, idx, next, previous));
    }

    /** {@code ecert.status_changed} to the issuer's departments and to every app holding an unexpired use. */
    private void announce(RegisteredApp caller, IssuerRuntime issuer, int idx, Status previous, Status next) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("issuer", issuer.issuer().id());
        data.put("vct", issuer.issuer().credentialType().vct());
        data.put("status_list", issuer.statusListUri().toString());
        data.put("idx", idx);
        data.put("previous_status", previous.name());
        data.put("status", next.name());
        data.put("changed_at", Times.format(clock.instant()));
        Set<String> to = new LinkedHashSet<>();
        for (RegisteredApp a : provider.apps()) {
            if (a.issuerDepartments().contains(issuer.issuer().slug())) {
                to.add(a.clientId());
            }
        }
        if (caller != null) {
            to.add(caller.clientId());
        }
        long now = clock.instant().getEpochSecond();
        synchronized (state) {
            for (Map<String, Object> u : state.uses.values()) {
                @SuppressWarnings("unchecked")
                Map<String, Object> use = (Map<String, Object>) u.get("use");
                if (issuer.issuer().id().equals(use.get("issuer")) && ((Number) u.get("idx")).intValue() == idx
                        && Times.parse((String) use.get("expires_at")).getEpochSecond() > now) {
                    to.add((String) u.get("app_id"));
                }
            }
        }
        for (String app : to) {
            events.emit(app, "ecert.status_changed", data);
        }
    }

    Response use(Call c) {
        List<Problem.Item> faults = Fields.newFaults();
        Fields f = Fields.of(c.json(), "", faults, USE_MEMBERS);
        String licenseId = f.text("license_id", false, 128);
        String typeCode = f.matching("license_type_code", false, java.util.regex.Pattern.compile("[0-9A-Z]{1,64}"),
                "must be 1 to 64 of 0-9 A-Z");
        String vct = f.oneOf("vct", false, List.of("urn:zwfw:vct:license:1", "urn:zwfw:vct:business-license:1",
                "urn:zwfw:vct:social-security-card:1"));
        int named = (f.has("license_id") ? 1 : 0) + (f.has("license_type_code") ? 1 : 0) + (f.has("vct") ? 1 : 0);
        if (named != 1) {
            faults.add(new Problem.Item("INVALID_CLAIM", null, "name the e-certificate by exactly one of license_id,"
                    + " license_type_code and vct"));
        }
        String cause = f.text("use_cause", true, 200);
        String token = f.text("consent_token", true, 16384);
        String itemCode = f.text("item_code", false, 64);
        f.matching("case_id", false, java.util.regex.Pattern.compile("case_[0-9A-Z]{16}"), "must be a case ID");
        List<String> disclose = null;
        JsonNode d = f.node("disclose");
        if (d != null) {
            disclose = new ArrayList<>();
            if (!d.isArray() || d.isEmpty() || d.size() > 64) {
                f.invalid("disclose", "must be an array of 1 to 64 claim names");
            } else {
                for (JsonNode n : d) {
                    if (!n.isTextual() || disclose.contains(n.textValue())) {
                        f.invalid("disclose", "must hold distinct claim names");
                        break;
                    }
                    disclose.add(n.textValue());
                }
            }
        }
        if (!faults.isEmpty()) {
            throw ApiProblems.invalid(faults);
        }
        AssuranceLevel level = itemCode == null ? AssuranceLevel.L2 : Catalog.item(itemCode)
                .map(i -> Consents.level(i.minLevel())).orElse(AssuranceLevel.L2);
        RealNameToken consent = consents.check(token, c.appId(), level, "/consent_token");
        TestCitizen holder = provider.citizen(c.appId(), consent.subject()).orElseThrow(() -> unavailable(
                "NOT_FOUND", null, "the holder has no e-certificates on this platform"));
        Wallet.Held held = select(holder, licenseId, typeCode, vct, "");
        Set<String> names = held.issuer().credentialType().claimNames();
        if (disclose != null) {
            for (String n : disclose) {
                if (!names.contains(n)) {
                    throw ApiProblems.invalid("INVALID_CLAIM", "/disclose", StrictJson.quote(n) + " is not a claim of "
                            + held.vct());
                }
            }
        }
        synchronized (state) {
            consents.spend(consent, "/consent_token");
            Map<String, Object> use = recordUse(c.appId(), held, cause, consent.subject(), disclose, true);
            return Response.json(201, use).withHeader("Location", base + "/v1/ecert-uses/" + use.get("use_id"));
        }
    }

    Response getUse(Call c) {
        synchronized (state) {
            Map<String, Object> u = state.uses.get(c.path("use_id"));
            if (u == null || !c.appId().equals(u.get("app_id"))) {
                throw ApiProblems.notFound("no use " + StrictJson.quote(c.path("use_id")) + " for this application");
            }
            return Response.json(200, u.get("use"));
        }
    }

    /**
     * The held e-certificate a request names, usable now.
     *
     * @throws org.zwfw.sdk.sandbox.internal.ProblemException 422 LICENSE_UNAVAILABLE
     */
    Wallet.Held select(TestCitizen holder, String licenseId, String typeCode, String vct, String pointer) {
        Optional<Wallet.Held> found = wallet.of(holder).stream().filter(h -> licenseId != null
                ? licenseId.equals(h.licenseId()) : typeCode != null ? typeCode.equals(h.licenseTypeCode())
                : vct.equals(h.vct())).findFirst();
        Wallet.Held h = found.orElseThrow(() -> unavailable("NOT_FOUND", pointer, "the holder has no such"
                + " e-certificate"));
        Status s = issuers.get(h.issuer()).status(h.idx());
        if (s == Status.INVALID) {
            throw unavailable("REVOKED", pointer, "the holder's e-certificate is revoked");
        }
        if (s == Status.SUSPENDED) {
            throw unavailable("SUSPENDED", pointer, "the holder's e-certificate is suspended");
        }
        return h;
    }

    private static org.zwfw.sdk.sandbox.internal.ProblemException unavailable(String code, String pointer,
            String detail) {
        return ApiProblems.unprocessable("LICENSE_UNAVAILABLE", "The e-certificate cannot be used",
                List.of(new Problem.Item(code, pointer, detail)));
    }

    /** Records a use; the caller holds the state's lock and has checked everything. */
    Map<String, Object> recordUse(String appId, Wallet.Held held, String cause, String holderRef,
            List<String> disclose, boolean withCopy) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant exp = now.plus(USE_LIFETIME);
        List<String> names = disclose != null ? disclose : new ArrayList<>(held.claims().keySet());
        Map<String, Object> use = new LinkedHashMap<>();
        String id = Ids.next("use_");
        use.put("use_id", id);
        use.put("issuer", held.issuer().id());
        use.put("vct", held.vct());
        if (held.licenseId() != null) {
            use.put("license_id", held.licenseId());
        }
        use.put("holder_ref", holderRef);
        use.put("use_cause", cause);
        use.put("disclosed", names);
        use.put("used_at", Times.format(now));
        use.put("expires_at", Times.format(exp));
        Map<String, Object> rec = new LinkedHashMap<>();
        rec.put("app_id", appId);
        rec.put("idx", held.idx());
        rec.put("use", new LinkedHashMap<>(use));
        state.uses.put(id, rec);
        state.save();
        if (withCopy) {
            Map<String, Object> claims = new LinkedHashMap<>();
            for (String n : names) {
                if (held.claims().containsKey(n)) {
                    claims.put(n, held.claims().get(n));
                }
            }
            use.put("credential", issuers.get(held.issuer()).copy(claims, held.idx(), now, exp));
        }
        return use;
    }

    private IssuerRuntime issuer(Call c) {
        String slug = c.path("issuer");
        return SandboxIssuer.fromSlug(slug).map(issuers::get).orElseThrow(() -> ApiProblems.notFound("no issuer "
                + StrictJson.quote(slug) + "; the issuers are market-regulation, licensing and social-security"));
    }

    /** The issuer of the path, when the calling app is one of its authorised departments (403 otherwise). */
    private IssuerRuntime department(Call c) {
        IssuerRuntime issuer = issuer(c);
        if (!c.app().issuerDepartments().contains(issuer.issuer().slug())) {
            throw ApiProblems.forbidden("PERMISSION_DENIED", "The application may not do this", "this application"
                    + " is not registered as an authorised department of " + issuer.issuer().slug(), List.of());
        }
        return issuer;
    }

    private static void listId(Call c) {
        if (!c.path("list_id").equals("1")) {
            throw ApiProblems.notFound("the sandbox's issuers have one status list each, with ID 1");
        }
    }

    private static int index(Call c) {
        String idx = c.path("idx");
        if (!idx.matches("0|[1-9][0-9]{0,8}")) {
            throw ApiProblems.notFound("a status index is a decimal number without leading zeros");
        }
        return Integer.parseInt(idx);
    }

    private String entryUri(SandboxIssuer issuer, int idx) {
        return base + "/v1/issuers/" + issuer.slug() + "/status-lists/1/entries/" + idx;
    }

    private static Map<String, Object> entry(IssuerRuntime issuer, int idx, Status status, Status previous) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("issuer", issuer.issuer().id());
        m.put("status_list", issuer.statusListUri().toString());
        m.put("idx", idx);
        m.put("status", status.name());
        if (previous != null) {
            m.put("previous_status", previous.name());
        }
        return m;
    }
}
