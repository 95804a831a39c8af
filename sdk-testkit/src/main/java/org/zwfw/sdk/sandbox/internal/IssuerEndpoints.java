package org.zwfw.sdk.sandbox.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.zwfw.sdk.credential.issuer.CredentialIssuer;
import org.zwfw.sdk.credential.issuer.IssuedCredential;
import org.zwfw.sdk.sandbox.SandboxIssuer;
import org.zwfw.sdk.status.Status;
import org.zwfw.sdk.status.StatusListToken;
import org.zwfw.sdk.status.StatusReference;
import org.zwfw.sdk.verify.OutcomeCode;

/**
 * The issuer endpoints of the sandbox ({@code spec/sandbox.md} §4): JWKS, status list, issuance,
 * samples and status changes, for every issuer under {@code /issuers/{issuer}/}.
 */
public final class IssuerEndpoints {

    /** The media type of an SD-JWT VC (draft-ietf-oauth-sd-jwt-vc). */
    public static final String SD_JWT_VC_MEDIA_TYPE = "application/dc+sd-jwt";
    /** The media type of a JWK Set, RFC 7517 §8.5.1. */
    public static final String JWKS_MEDIA_TYPE = "application/jwk-set+json";
    /** Largest issuance body: a business scope of 8,192 CJK characters as {@code \\uXXXX} escapes fits. */
    public static final int MAX_ISSUANCE_BODY = 128 * 1024;
    /** Largest status-change body. */
    public static final int MAX_STATUS_BODY = 1024;
    /** Largest body of a sample issuance (a holder JWK). */
    public static final int MAX_SAMPLE_BODY = 16 * 1024;

    private final String base;
    private final Map<SandboxIssuer, IssuerRuntime> issuers;
    private final Clock clock;

    /**
     * @param base    the base URL, without a final slash
     * @param issuers the running issuers
     * @param clock   the sandbox's clock
     */
    public IssuerEndpoints(String base, Map<SandboxIssuer, IssuerRuntime> issuers, Clock clock) {
        this.base = base;
        this.issuers = Map.copyOf(issuers);
        this.clock = clock;
    }

    /**
     * @param router the router to add the routes to
     */
    public void register(Router router) {
        router.get("/issuers/{issuer}/jwks.json", r -> new Response(200, JWKS_MEDIA_TYPE,
                StrictJson.write(issuer(r).keys().toJwks()), Map.of()));
        router.get("/issuers/{issuer}/status-lists/1", r -> Response.text(200, StatusListToken.MEDIA_TYPE,
                issuer(r).statusListToken()));
        router.get("/issuers/{issuer}/status-lists/1/entries/{idx}", this::entry);
        router.post("/issuers/{issuer}/status-lists/1/entries/{idx}", MAX_STATUS_BODY, this::changeStatus);
        router.post("/issuers/{issuer}/credentials", MAX_ISSUANCE_BODY, r -> {
            IssuerRuntime issuer = issuer(r);
            JsonNode body = r.jsonObject();
            return issue(r, issuer, IssuanceRequest.parse(body, issuer.issuer().credentialType(), clock.instant()));
        });
        router.get("/issuers/{issuer}/samples", this::samples);
        router.post("/issuers/{issuer}/samples/{sample}", MAX_SAMPLE_BODY, this::issueSample);
    }

    /** @return the URL of a path below the base */
    private String url(String path) {
        return base + path;
    }

    /**
     * @param issuer an issuer
     * @return the URL template of its status entries, with {@code {idx}}
     */
    public String entryTemplate(SandboxIssuer issuer) {
        return url("/issuers/" + issuer.slug() + "/status-lists/1/entries/{idx}");
    }

    private IssuerRuntime issuer(Request r) {
        String slug = r.pathParam("issuer");
        return SandboxIssuer.fromSlug(slug).map(issuers::get).orElseThrow(() -> Problem.http(404, "no issuer "
                + StrictJson.quote(slug) + "; the issuers are market-regulation, licensing and social-security")
                .exception());
    }

    private static int index(Request r) {
        String idx = r.pathParam("idx");
        if (!idx.matches("0|[1-9][0-9]{0,8}")) {
            throw Problem.http(404, "a status index is a decimal number without leading zeros").exception();
        }
        return Integer.parseInt(idx);
    }

    private Response entry(Request r) {
        IssuerRuntime issuer = issuer(r);
        int idx = index(r);
        return Response.json(200, entryJson(issuer, idx, issuer.status(idx), null));
    }

    private Response changeStatus(Request r) {
        IssuerRuntime issuer = issuer(r);
        int idx = index(r);
        JsonNode body = r.jsonObject();
        List<Problem.Item> faults = new ArrayList<>();
        for (Map.Entry<String, JsonNode> m : body.properties()) {
            if (!m.getKey().equals("status")) {
                faults.add(new Problem.Item(OutcomeCode.INVALID_CLAIM, null, "unknown member "
                        + StrictJson.quote(m.getKey()) + "; the only member is status"));
            }
        }
        JsonNode s = body.get("status");
        Status status = null;
        if (s == null) {
            faults.add(new Problem.Item(OutcomeCode.MISSING_CLAIM, "/status", "status is required: VALID, INVALID"
                    + " or SUSPENDED"));
        } else if (!s.isTextual() || !List.of("VALID", "INVALID", "SUSPENDED").contains(s.textValue())) {
            faults.add(new Problem.Item(OutcomeCode.INVALID_CLAIM, "/status", "status must be VALID (reinstate),"
                    + " INVALID (revoke, final) or SUSPENDED (suspend)"));
        } else {
            status = Status.valueOf(s.textValue());
        }
        if (!faults.isEmpty()) {
            throw Problem.invalidRequest(faults).exception();
        }
        Status previous = issuer.setStatus(idx, status);
        return Response.json(200, entryJson(issuer, idx, status, previous));
    }

    private Map<String, Object> entryJson(IssuerRuntime issuer, int idx, Status status, Status previous) {
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

    private Response samples(Request r) {
        IssuerRuntime issuer = issuer(r);
        List<Map<String, Object>> list = new ArrayList<>();
        for (SampleData.Sample s : SampleData.samples(issuer.issuer(), today())) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", s.name());
            m.put("description", s.description());
            m.put("issue", url("/issuers/" + issuer.issuer().slug() + "/samples/" + s.name()));
            m.put("request", s.toRequest());
            list.add(m);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("issuer", issuer.issuer().id());
        doc.put("vct", issuer.issuer().credentialType().vct());
        doc.put("credentials", url("/issuers/" + issuer.issuer().slug() + "/credentials"));
        doc.put("samples", list);
        return Response.json(200, doc);
    }

    private Response issueSample(Request r) {
        IssuerRuntime issuer = issuer(r);
        String name = r.pathParam("sample");
        SampleData.Sample sample = SampleData.sample(issuer.issuer(), name, today()).orElseThrow(() -> Problem.http(404,
                "no sample " + StrictJson.quote(name) + " for " + issuer.issuer().slug() + "; GET "
                        + url("/issuers/" + issuer.issuer().slug() + "/samples") + " lists them").exception());
        ObjectNode request = (ObjectNode) StrictJson.toTree(sample.toRequest());
        if (r.hasBody()) {
            JsonNode body = r.jsonObject();
            List<Problem.Item> faults = new ArrayList<>();
            for (Map.Entry<String, JsonNode> m : body.properties()) {
                if (!m.getKey().equals("holder_jwk")) {
                    faults.add(new Problem.Item(OutcomeCode.INVALID_CLAIM, null, "unknown member "
                            + StrictJson.quote(m.getKey()) + "; a sample takes only holder_jwk"));
                }
            }
            if (!faults.isEmpty()) {
                throw Problem.invalidRequest(faults).exception();
            }
            if (body.has("holder_jwk")) {
                request.set("holder_jwk", body.get("holder_jwk"));
            }
        }
        return issue(r, issuer, IssuanceRequest.parse(request, issuer.issuer().credentialType(), clock.instant()));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), CredentialIssuer.CLAIM_ZONE);
    }

    private Response issue(Request r, IssuerRuntime issuer, IssuanceRequest request) {
        IssuedCredential issued = issuer.issue(request);
        StatusReference ref = issued.statusReference().orElseThrow();
        String entry = entryTemplate(issuer.issuer()).replace("{idx}", Integer.toString(ref.idx()));
        return issued(issuer, issued, request.holderKey() != null, entry, r.header("Accept"));
    }

    /**
     * The answer to an issuance, here and in the API ({@code issueCredential}): the SD-JWT VC alone
     * when {@code Accept} asks for it, else the JSON object with its status reference.
     *
     * @param issuer      the issuer
     * @param issued      what it issued
     * @param holderBound whether the credential is bound to a holder key
     * @param entry       the URL of its status entry ({@code Location})
     * @param accept      the request's {@code Accept}
     * @return the {@code 201} answer
     */
    public static Response issued(IssuerRuntime issuer, IssuedCredential issued, boolean holderBound, String entry,
                                  Optional<String> accept) {
        if (accept.map(a -> a.contains(SD_JWT_VC_MEDIA_TYPE)).orElse(false)) {
            return Response.text(201, SD_JWT_VC_MEDIA_TYPE, issued.compact()).withHeader("Location", entry);
        }
        StatusReference ref = issued.statusReference().orElseThrow();
        Map<String, Object> statusList = new LinkedHashMap<>();
        statusList.put("idx", ref.idx());
        statusList.put("uri", ref.uri().toString());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("credential", issued.compact());
        m.put("issuer", issuer.issuer().id());
        m.put("vct", issued.type().vct());
        m.put("iat", issued.issuedAt().getEpochSecond());
        m.put("exp", issued.expiresAt().getEpochSecond());
        m.put("holder_bound", holderBound);
        m.put("status", Map.of("status_list", statusList));
        m.put("status_entry", entry);
        return Response.json(201, m).withHeader("Location", entry);
    }
}
