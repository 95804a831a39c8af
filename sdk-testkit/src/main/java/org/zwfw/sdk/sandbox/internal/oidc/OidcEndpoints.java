package org.zwfw.sdk.sandbox.internal.oidc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.zwfw.sdk.rnat.AssuranceLevel;
import org.zwfw.sdk.rnat.issuer.RnatGrant;
import org.zwfw.sdk.sandbox.RegisteredApp;
import org.zwfw.sdk.sandbox.TestCitizen;
import org.zwfw.sdk.sandbox.internal.IssuerEndpoints;
import org.zwfw.sdk.sandbox.internal.OAuthError;
import org.zwfw.sdk.sandbox.internal.Problem;
import org.zwfw.sdk.sandbox.internal.Request;
import org.zwfw.sdk.sandbox.internal.Response;
import org.zwfw.sdk.sandbox.internal.Router;
import org.zwfw.sdk.sandbox.internal.StrictJson;
import org.zwfw.sdk.verify.OutcomeCode;

/** The routes of the OpenID provider below {@code /oidc} ({@code spec/sandbox.md} §10.4). */
public final class OidcEndpoints {

    /** Largest token request body. */
    public static final int MAX_TOKEN_BODY = 16 * 1024;
    /** Largest login-form body. */
    public static final int MAX_LOGIN_FORM_BODY = 4 * 1024;
    /** Largest admin request body. */
    public static final int MAX_ADMIN_BODY = 1024;

    private static final Router.Options QUERY = new Router.Options(true, false, false);
    private static final Router.Options FORM = new Router.Options(false, true, false);
    private static final Router.Options OAUTH = new Router.Options(false, true, true);

    private final Provider provider;
    private final String base;

    /**
     * @param provider the provider
     * @param base     the sandbox's base URL, without a final slash
     */
    public OidcEndpoints(Provider provider, String base) {
        this.provider = provider;
        this.base = base;
    }

    private String url(String path) {
        return provider.issuer + path;
    }

    /** @param router the router to add the routes to */
    public void register(Router router) {
        String p = Provider.PATH;
        AuthorizeEndpoint authorize = new AuthorizeEndpoint(provider, p + "/authorize");
        TokenEndpoint token = new TokenEndpoint(provider, url("/token"));
        LogoutEndpoint logout = new LogoutEndpoint(provider);
        router.get(p + "/.well-known/openid-configuration", r -> Response.json(200, discovery()));
        router.get(p + "/jwks.json", r -> new Response(200, IssuerEndpoints.JWKS_MEDIA_TYPE,
                StrictJson.write(provider.jwks()), Map.of()));
        router.add("GET", p + "/authorize", 0, QUERY, authorize::get);
        router.add("POST", p + "/authorize", MAX_LOGIN_FORM_BODY, FORM, authorize::post);
        router.add("POST", p + "/token", MAX_TOKEN_BODY, OAUTH, token::handle);
        router.add("GET", p + "/userinfo", 0, OAUTH, this::userinfo);
        router.add("POST", p + "/userinfo", 0, OAUTH, this::userinfo);
        router.add("GET", p + "/logout", 0, QUERY, logout::get);
        router.post(p + "/admin/rotate-keys", MAX_ADMIN_BODY, this::rotate);
        router.post(p + "/admin/logout", MAX_ADMIN_BODY, this::adminLogout);
    }

    /** @return the discovery document (OpenID Connect Discovery §3) */
    public Map<String, Object> discovery() {
        List<String> algs = List.of("RS256", "ES256", "EdDSA", "SGD_SM3_SM2");
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("issuer", provider.issuer);
        d.put("authorization_endpoint", url("/authorize"));
        d.put("token_endpoint", url("/token"));
        d.put("userinfo_endpoint", url("/userinfo"));
        d.put("jwks_uri", url("/jwks.json"));
        d.put("end_session_endpoint", url("/logout"));
        d.put("response_types_supported", List.of("code"));
        d.put("response_modes_supported", List.of("query"));
        d.put("grant_types_supported", List.of("authorization_code", "refresh_token", TokenEndpoint.EXCHANGE));
        d.put("subject_types_supported", List.of("pairwise"));
        d.put("id_token_signing_alg_values_supported", algs);
        d.put("userinfo_signing_alg_values_supported", algs);
        d.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "private_key_jwt", "none"));
        d.put("token_endpoint_auth_signing_alg_values_supported", List.of("ES256", "SGD_SM3_SM2"));
        d.put("code_challenge_methods_supported", List.of("S256"));
        d.put("scopes_supported", List.of("openid", RnatGrant.SCOPE_MASKED, RnatGrant.SCOPE_IDENTITY,
                RnatGrant.SCOPE_ID_NUMBER));
        d.put("acr_values_supported", List.of(AssuranceLevel.L1.acr(), AssuranceLevel.L2.acr(),
                AssuranceLevel.L3.acr(), AssuranceLevel.L4.acr()));
        d.put("claims_supported", List.of("sub", "acr", "amr", "auth_time", "sid", "verified_claims"));
        d.put("prompt_values_supported", List.of("none", "login", "consent", "select_account"));
        d.put("request_parameter_supported", false);
        d.put("request_uri_parameter_supported", false);
        d.put("claims_parameter_supported", false);
        d.put("authorization_response_iss_parameter_supported", true);
        d.put("backchannel_logout_supported", true);
        d.put("backchannel_logout_session_supported", true);
        d.put("verified_claims_supported", true);
        d.put("trust_frameworks_supported", List.of("cn_zwfw"));
        d.put("claims_in_verified_claims_supported", List.of("id_number_masked", "phone_number_masked", "name",
                "birthdate", "id_number"));
        return d;
    }

    private Response userinfo(Request r) {
        try {
            List<String> auth = r.headers("Authorization");
            if (auth.isEmpty()) {
                throw new OAuthError(401, "invalid_request", "send the access token as Authorization: Bearer")
                        .withHeader("WWW-Authenticate", "Bearer realm=\"zwfw-sandbox\"");
            }
            if (auth.size() > 1 || !auth.get(0).regionMatches(true, 0, "Bearer ", 0, 7)) {
                throw OAuthError.invalidRequest("send one Authorization: Bearer header");
            }
            Grants.Token t = provider.accessTokens.get(auth.get(0).substring(7).strip());
            if (t == null || !t.live(provider.now())) {
                throw new OAuthError(401, "invalid_token", "the access token is unknown, expired or revoked")
                        .withHeader("WWW-Authenticate", "Bearer realm=\"zwfw-sandbox\", error=\"invalid_token\"");
            }
            Map<String, Object> claims = provider.userinfo(t.family());
            RegisteredApp app = t.family().app;
            if (app.userinfoSigningAlgorithm().isEmpty()) {
                return Response.json(200, claims);
            }
            Map<String, Object> signed = new LinkedHashMap<>(claims);
            signed.put("iss", provider.issuer);
            signed.put("aud", app.clientId());
            return Response.text(200, "application/jwt", provider.sign(app.userinfoSigningAlgorithm().get(),
                    "JWT", signed));
        } catch (OAuthError e) {
            return e.response();
        }
    }

    private Response rotate(Request r) {
        boolean retire = false;
        if (r.hasBody()) {
            JsonNode body = r.jsonObject();
            for (Map.Entry<String, JsonNode> m : body.properties()) {
                if (!m.getKey().equals("retire_previous")) {
                    throw Problem.invalidRequest(OutcomeCode.INVALID_CLAIM, null, "unknown member "
                            + StrictJson.quote(m.getKey()) + "; the only member is retire_previous").exception();
                }
            }
            JsonNode v = body.get("retire_previous");
            if (v != null && !v.isBoolean()) {
                throw Problem.invalidRequest(OutcomeCode.INVALID_CLAIM, "/retire_previous", "retire_previous must be"
                        + " true or false").exception();
            }
            retire = v != null && v.booleanValue();
        }
        return Response.json(200, Map.of("kids", provider.rotateKeys(retire)));
    }

    private Response adminLogout(Request r) {
        JsonNode body = r.jsonObject();
        for (Map.Entry<String, JsonNode> m : body.properties()) {
            if (!m.getKey().equals("citizen")) {
                throw Problem.invalidRequest(OutcomeCode.INVALID_CLAIM, null, "unknown member "
                        + StrictJson.quote(m.getKey()) + "; the only member is citizen").exception();
            }
        }
        JsonNode c = body.get("citizen");
        if (c == null) {
            throw Problem.invalidRequest(OutcomeCode.MISSING_CLAIM, "/citizen", "citizen is required: l1, l2, l3"
                    + " or l4").exception();
        }
        TestCitizen citizen = c.isTextual() ? TestCitizen.fromSlug(c.textValue()).orElse(null) : null;
        if (citizen == null) {
            throw Problem.invalidRequest(OutcomeCode.INVALID_CLAIM, "/citizen", "citizen must be l1, l2, l3 or l4")
                    .exception();
        }
        return Response.json(200, Map.of("sessions", provider.logout(citizen)));
    }

    @Override
    public String toString() {
        return "OidcEndpoints[" + base + "]";
    }
}
