package org.zwfw.sdk.sandbox.internal.oidc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.zwfw.sdk.rnat.issuer.RnatGrant;
import org.zwfw.sdk.sandbox.RegisteredApp;
import org.zwfw.sdk.sandbox.TestCitizen;
import org.zwfw.sdk.sandbox.internal.FormParams;
import org.zwfw.sdk.sandbox.internal.Problem;
import org.zwfw.sdk.sandbox.internal.Request;
import org.zwfw.sdk.sandbox.internal.Response;

/**
 * {@code GET} and {@code POST /oidc/authorize} ({@code spec/sandbox.md} §10.4): checks the
 * authorization request; an unknown client or an unregistered redirect URI is answered here
 * (never redirected, RFC 6749 §4.1.2.1), every other fault is redirected with {@code error},
 * {@code state} and {@code iss}; a request with {@code login_hint=sandbox:<slug>} or an app's
 * {@code auto_login} is answered at once, any other gets the login page, whose form comes back
 * as the {@code POST}.
 */
final class AuthorizeEndpoint {

    /** {@code type} of a refused authorization request that cannot be redirected. */
    static final String INVALID_AUTHORIZATION_REQUEST = "urn:zwfw:sandbox:problem:invalid-authorization-request";
    /** Longest {@code state} and {@code nonce}. */
    static final int MAX_VALUE = 1024;
    private static final Set<String> KNOWN_SCOPES = Set.of("openid", RnatGrant.SCOPE_MASKED,
            RnatGrant.SCOPE_IDENTITY, RnatGrant.SCOPE_ID_NUMBER);
    private static final String[] SINGLE = {"response_type", "scope", "state", "nonce", "code_challenge",
        "code_challenge_method", "acr_values", "max_age", "prompt", "login_hint", "response_mode", "request",
        "request_uri"};

    private final Provider provider;
    private final String formAction;

    AuthorizeEndpoint(Provider provider, String formAction) {
        this.provider = provider;
        this.formAction = formAction;
    }

    private static Problem refused(String detail) {
        return Problem.of(400, INVALID_AUTHORIZATION_REQUEST, "The authorization request is invalid", detail, null);
    }

    /** A fault redirected to the client. */
    private static final class Redirected extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String error;

        Redirected(String error, String description) {
            super(description, null, false, false);
            this.error = error;
        }
    }

    Response get(Request r) {
        FormParams q;
        String clientId;
        String redirectUri;
        try {
            q = r.query();
            clientId = q.single("client_id").orElse(null);
            redirectUri = q.single("redirect_uri").orElse(null);
        } catch (FormParams.FormException e) {
            throw refused(e.getMessage()).exception();
        }
        RegisteredApp app = provider.app(clientId).orElseThrow(() -> refused(clientId == null
                ? "client_id is required" : "client_id is not a registered client").exception());
        String redirect = Redirects.match(redirectUri, app.redirectUris()).orElseThrow(() -> refused(
                redirectUri == null ? "redirect_uri is required" : "redirect_uri is not registered for this client")
                .exception());
        String state = null;
        try {
            state = q.single("state").orElse(null);
            if (state != null && state.length() > MAX_VALUE) {
                state = null;
                throw new Redirected("invalid_request", "state is longer than " + MAX_VALUE + " characters");
            }
            Grants.AuthRequest request = check(app, redirect, state, q);
            String decision = decision(app, q);
            Set<String> prompt = prompt(q);
            if (decision != null) {
                return answer(request, decision);
            }
            if (prompt.contains("none")) {
                throw new Redirected("login_required", "prompt=none, and no login_hint=sandbox:<citizen> or"
                        + " auto_login answers the request");
            }
            String pending = Texts.randomValue(128);
            Instant now = provider.now();
            if (!provider.pending.putIfRoom(pending, new Grants.Pending(request, now.plus(Provider.PENDING_LIFETIME)),
                    p -> !now.isBefore(p.expires()))) {
                throw Problem.http(503, Provider.MAX_PENDING + " login pages are waiting for an answer; try again"
                        + " when some have expired (" + Provider.PENDING_LIFETIME.toMinutes() + " minutes)").exception();
            }
            return LoginPage.render(app.name(), pending, LoginPage.lowestAsked(request.acrValues()), formAction);
        } catch (FormParams.FormException e) {
            return redirect(redirect, error("invalid_request", e.getMessage(), state));
        } catch (Redirected e) {
            return redirect(redirect, error(e.error, e.getMessage(), state));
        }
    }

    Response post(Request r) {
        String pendingId;
        String citizen;
        try {
            FormParams f = r.form();
            pendingId = f.single("pending").orElse(null);
            citizen = f.single("citizen").orElse(null);
        } catch (FormParams.FormException e) {
            throw refused(e.getMessage()).exception();
        }
        if (pendingId == null || citizen == null) {
            throw refused("the login form sends pending and citizen").exception();
        }
        if (!citizen.equals("deny") && TestCitizen.fromSlug(citizen).isEmpty()) {
            throw refused("citizen must be l1, l2, l3, l4 or deny").exception();
        }
        Grants.Pending p = provider.pending.remove(pendingId);
        if (p == null || !provider.now().isBefore(p.expires())) {
            throw refused("this login page has expired or was answered already; start the login again").exception();
        }
        return answer(p.request(), citizen);
    }

    private Grants.AuthRequest check(RegisteredApp app, String redirect, String state, FormParams q) {
        q.requireSingle(SINGLE);
        if (q.has("request")) {
            throw new Redirected("request_not_supported", "request objects are not supported");
        }
        if (q.has("request_uri")) {
            throw new Redirected("request_uri_not_supported", "request_uri is not supported");
        }
        String responseType = q.single("response_type").orElseThrow(() -> new Redirected("invalid_request",
                "response_type is required"));
        if (!responseType.equals("code")) {
            throw new Redirected("unsupported_response_type", "response_type must be code");
        }
        if (q.single("response_mode").filter(m -> !m.equals("query")).isPresent()) {
            throw new Redirected("invalid_request", "response_mode must be query");
        }
        List<String> scopes = Arrays.asList(q.single("scope").orElse("").split(" "));
        if (!scopes.contains("openid")) {
            throw new Redirected("invalid_scope", "scope must contain openid");
        }
        Set<String> scope = new LinkedHashSet<>();
        for (String s : scopes) {
            if (KNOWN_SCOPES.contains(s)) {
                scope.add(s);
            }
        }
        String challenge = q.single("code_challenge").orElseThrow(() -> new Redirected("invalid_request",
                "code_challenge is required: PKCE with S256 (RFC 7636)"));
        if (!q.single("code_challenge_method").orElse("plain").equals("S256")) {
            throw new Redirected("invalid_request", "code_challenge_method must be S256");
        }
        if (!challenge.matches("[A-Za-z0-9_-]{43}")) {
            throw new Redirected("invalid_request", "code_challenge must be 43 base64url characters (S256)");
        }
        String maxAge = q.single("max_age").orElse(null);
        if (maxAge != null && !maxAge.matches("[0-9]{1,10}")) {
            throw new Redirected("invalid_request", "max_age must be a number of seconds");
        }
        String nonce = q.single("nonce").orElse(null);
        if (nonce != null && nonce.length() > MAX_VALUE) {
            throw new Redirected("invalid_request", "nonce is longer than " + MAX_VALUE + " characters");
        }
        List<String> acr = new ArrayList<>(Arrays.asList(q.single("acr_values").orElse("").split(" ")));
        acr.remove("");
        return new Grants.AuthRequest(app, redirect, scope, state, nonce, challenge, acr, provider.now());
    }

    private static Set<String> prompt(FormParams q) {
        Set<String> prompt = new LinkedHashSet<>(Arrays.asList(q.single("prompt").orElse("").split(" ")));
        prompt.remove("");
        for (String p : prompt) {
            if (!Set.of("none", "login", "consent", "select_account").contains(p)) {
                throw new Redirected("invalid_request", "prompt values are none, login, consent, select_account");
            }
        }
        if (prompt.contains("none") && prompt.size() > 1) {
            throw new Redirected("invalid_request", "prompt=none cannot be combined with other values");
        }
        return prompt;
    }

    /** @return a citizen slug or {@code deny} answering at once, or {@code null} for the login page */
    private static String decision(RegisteredApp app, FormParams q) {
        String hint = q.single("login_hint").orElse(null);
        if (hint != null && hint.startsWith("sandbox:")) {
            String who = hint.substring("sandbox:".length());
            if (who.equals("deny") || TestCitizen.fromSlug(who).isPresent()) {
                return who;
            }
            throw new Redirected("invalid_request", "login_hint sandbox:<citizen> names l1, l2, l3, l4 or deny");
        }
        return app.autoLogin().orElse(null);
    }

    private Response answer(Grants.AuthRequest request, String decision) {
        if (decision.equals("deny")) {
            return redirect(request.redirectUri(), error("access_denied", "the citizen denied the login",
                    request.state()));
        }
        Grants.Session session = provider.login(TestCitizen.fromSlug(decision).orElseThrow());
        String code = provider.issueCode(request, session);
        Map<String, String> p = new LinkedHashMap<>();
        p.put("code", code);
        p.put("state", request.state());
        p.put("iss", provider.issuer);
        return redirect(request.redirectUri(), p);
    }

    private Map<String, String> error(String error, String description, String state) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("error", error);
        p.put("error_description", description);
        p.put("state", state);
        p.put("iss", provider.issuer);
        return p;
    }

    private static Response redirect(String uri, Map<String, String> params) {
        return new Response(302, null, new byte[0], Map.of("Location", Redirects.with(uri, params)));
    }

    @Override
    public String toString() {
        return "AuthorizeEndpoint[" + provider.issuer + "]";
    }

}
