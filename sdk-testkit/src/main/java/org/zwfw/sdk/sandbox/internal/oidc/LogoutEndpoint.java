package org.zwfw.sdk.sandbox.internal.oidc;

import java.util.LinkedHashMap;
import java.util.Map;
import org.zwfw.sdk.sandbox.RegisteredApp;
import org.zwfw.sdk.sandbox.internal.FormParams;
import org.zwfw.sdk.sandbox.internal.Problem;
import org.zwfw.sdk.sandbox.internal.Request;
import org.zwfw.sdk.sandbox.internal.Response;

/**
 * {@code GET /oidc/logout} (OpenID Connect RP-Initiated Logout, {@code spec/sandbox.md} §10.4):
 * ends the session named by {@code id_token_hint} (an ID token of this provider, expired or not),
 * delivers back-channel logout tokens to the apps that received tokens in it, then redirects to a
 * registered {@code post_logout_redirect_uri} or answers a page. Without a hint no session is
 * known (the sandbox keeps no cookies), so none ends.
 */
final class LogoutEndpoint {

    private static final String[] SINGLE = {"id_token_hint", "client_id", "post_logout_redirect_uri", "state"};

    private final Provider provider;

    LogoutEndpoint(Provider provider) {
        this.provider = provider;
    }

    private static Problem refused(String detail) {
        return Problem.of(400, AuthorizeEndpoint.INVALID_AUTHORIZATION_REQUEST.replace("authorization", "logout"),
                "The logout request is invalid", detail, null);
    }

    Response get(Request r) {
        String hint;
        String clientId;
        String redirect;
        String state;
        try {
            FormParams q = r.query();
            q.requireSingle(SINGLE);
            hint = q.single("id_token_hint").orElse(null);
            clientId = q.single("client_id").orElse(null);
            redirect = q.single("post_logout_redirect_uri").orElse(null);
            state = q.single("state").orElse(null);
        } catch (FormParams.FormException e) {
            throw refused(e.getMessage()).exception();
        }
        Map<String, Object> claims = null;
        if (hint != null) {
            claims = provider.ownIdToken(hint).orElseThrow(() -> refused("id_token_hint is not an ID token of this"
                    + " provider").exception());
        }
        if (clientId == null && claims != null && claims.get("aud") instanceof String) {
            clientId = (String) claims.get("aud");
        } else if (clientId != null && claims != null && !clientId.equals(claims.get("aud"))) {
            throw refused("client_id differs from the audience of id_token_hint").exception();
        }
        RegisteredApp app = null;
        if (clientId != null) {
            String id = clientId;
            app = provider.app(id).orElseThrow(() -> refused("client_id is not a registered client").exception());
        }
        String target = null;
        if (redirect != null) {
            if (app == null) {
                throw refused("post_logout_redirect_uri needs client_id or id_token_hint").exception();
            }
            target = Redirects.match(redirect, app.postLogoutRedirectUris()).orElseThrow(() -> refused(
                    "post_logout_redirect_uri is not registered for this client").exception());
        }
        if (claims != null && claims.get("sid") instanceof String) {
            Grants.Session s = provider.sessions.get((String) claims.get("sid"));
            if (s != null && !s.ended()) {
                provider.end(s);
            }
        }
        if (target != null) {
            Map<String, String> p = new LinkedHashMap<>();
            p.put("state", state);
            return new Response(302, null, new byte[0], Map.of("Location", Redirects.with(target, p)));
        }
        String page = "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>已退出</title></head>"
                + "<body><h1>示例省统一身份认证平台（沙箱）</h1><p>You are logged out.</p></body></html>\n";
        return Response.text(200, "text/html; charset=utf-8", page).withHeader("Content-Security-Policy",
                "default-src 'none'");
    }

    @Override
    public String toString() {
        return "LogoutEndpoint[" + provider.issuer + "]";
    }
}
