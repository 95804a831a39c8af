package org.zwfw.sdk.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.zwfw.sdk.crypto.KeySet;
import org.zwfw.sdk.sandbox.internal.IssuerEndpoints;
import org.zwfw.sdk.sandbox.internal.IssuerRuntime;
import org.zwfw.sdk.sandbox.internal.Response;
import org.zwfw.sdk.sandbox.internal.Router;
import org.zwfw.sdk.sandbox.internal.StrictJson;
import org.zwfw.sdk.sandbox.internal.TrustListPublisher;

/** The index document and the trust endpoints ({@code spec/sandbox.md} §3). */
final class PlatformEndpoints {

    private final String base;
    private final KeySet anchorKeys;
    private final TrustListPublisher trustList;
    private final Map<SandboxIssuer, IssuerRuntime> issuers;
    private final IssuerEndpoints issuerEndpoints;
    private final OpenIdProvider openId;

    PlatformEndpoints(String base, KeySet anchorKeys, TrustListPublisher trustList,
            Map<SandboxIssuer, IssuerRuntime> issuers, IssuerEndpoints issuerEndpoints, OpenIdProvider openId) {
        this.openId = openId;
        this.base = base;
        this.anchorKeys = anchorKeys;
        this.trustList = trustList;
        this.issuers = issuers;
        this.issuerEndpoints = issuerEndpoints;
    }

    void register(Router router) {
        router.get("/", r -> Response.json(200, index()));
        router.get(Sandbox.INDEX_PATH, r -> Response.json(200, index()));
        router.get(Sandbox.TRUST_LIST_PATH, r -> Response.text(200, Sandbox.TRUST_LIST_MEDIA_TYPE, trustList.current()));
        router.get(Sandbox.TRUST_ANCHOR_JWKS_PATH, r -> new Response(200, IssuerEndpoints.JWKS_MEDIA_TYPE,
                StrictJson.write(anchorKeys.toJwks()), Map.of()));
    }

    private Map<String, Object> index() {
        Map<String, Object> trust = new LinkedHashMap<>();
        trust.put("url", base + Sandbox.TRUST_LIST_PATH);
        trust.put("media_type", Sandbox.TRUST_LIST_MEDIA_TYPE);
        trust.put("iss", Sandbox.TRUST_LIST_ISSUER);
        trust.put("seq", trustList.seq());
        trust.put("anchor_jwks", base + Sandbox.TRUST_ANCHOR_JWKS_PATH);
        trust.put("anchor_alg", Sandbox.TRUST_ANCHOR_ALGORITHM.jwsName());

        List<Map<String, Object>> list = new ArrayList<>();
        for (SandboxIssuer i : SandboxIssuer.values()) {
            IssuerRuntime rt = issuers.get(i);
            String prefix = base + "/issuers/" + i.slug();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("slug", i.slug());
            m.put("id", i.id());
            m.put("name", i.displayName());
            m.put("uscc", i.uscc());
            m.put("vct", i.credentialType().vct());
            m.put("alg", i.algorithm().jwsName());
            m.put("sd_alg", rt.hashAlgorithm());
            m.put("status_list_alg", i.statusListAlgorithm().jwsName());
            m.put("jwks", prefix + "/jwks.json");
            m.put("status_list", rt.statusListUri().toString());
            m.put("status_entry", issuerEndpoints.entryTemplate(i));
            m.put("credentials", prefix + "/credentials");
            m.put("samples", prefix + "/samples");
            list.add(m);
        }

        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("service", "zwfw-sdk sandbox: a local emulator of the province platform");
        doc.put("warning", "development only: test keys and no authentication; never trust this trust anchor in"
                + " production");
        doc.put("base_url", base);
        doc.put("spec", "spec/sandbox.md");
        doc.put("trust_list", trust);
        doc.put("issuers", list);
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("issuer", openId.issuer().toString());
        op.put("discovery", openId.discoveryUri().toString());
        op.put("jwks", openId.jwksUri().toString());
        op.put("apps", openId.apps().stream().map(RegisteredApp::clientId).toList());
        List<Map<String, Object>> citizens = new ArrayList<>();
        for (TestCitizen c : openId.citizens()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("slug", c.slug());
            m.put("name", c.displayName());
            m.put("level", c.level().name());
            citizens.add(m);
        }
        op.put("citizens", citizens);
        doc.put("openid_provider", op);
        return doc;
    }
}
