package org.zwfw.sdk.sandbox.internal.oidc;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.zwfw.sdk.rnat.RealNameToken;
import org.zwfw.sdk.rnat.RnatVerifier;
import org.zwfw.sdk.rnat.issuer.RnatGrant;
import org.zwfw.sdk.rnat.issuer.RnatIssuer;
import org.zwfw.sdk.sandbox.RegisteredApp;
import org.zwfw.sdk.sandbox.TestCitizen;
import org.zwfw.sdk.sandbox.internal.FormParams;
import org.zwfw.sdk.sandbox.internal.OAuthError;
import org.zwfw.sdk.sandbox.internal.Request;
import org.zwfw.sdk.sandbox.internal.Response;
import org.zwfw.sdk.verify.VerificationResult;

/**
 * {@code POST /oidc/token} ({@code spec/sandbox.md} §10.4): the authorization-code grant with
 * PKCE, the refresh grant with rotation, and token exchange to an RNAT
 * ({@code spec/realname-token.md} §14). Every failure is an OAuth error (RFC 6749 §5.2).
 */
final class TokenEndpoint {

    static final String EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
    static final String RNAT_TYPE = "urn:zwfw:token-type:rnat";
    static final String ID_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:id_token";
    static final String ACCESS_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:access_token";
    private static final String[] SINGLE = {"grant_type", "code", "redirect_uri", "code_verifier", "refresh_token",
        "client_id", "client_assertion", "client_assertion_type", "scope", "subject_token", "subject_token_type",
        "requested_token_type", "audience", "resource", "actor_token", "actor_token_type"};

    private final Provider provider;
    private final ClientAuthentication clients;

    TokenEndpoint(Provider provider, String tokenEndpoint) {
        this.provider = provider;
        this.clients = new ClientAuthentication(provider, tokenEndpoint);
    }

    Response handle(Request r) {
        try {
            FormParams f = r.form();
            f.requireSingle(SINGLE);
            RegisteredApp app = clients.authenticate(r, f);
            String grant = f.single("grant_type").orElseThrow(() -> OAuthError.invalidRequest("grant_type is"
                    + " required"));
            Map<String, Object> answer;
            switch (grant) {
                case "authorization_code":
                    answer = code(app, f);
                    break;
                case "refresh_token":
                    answer = refresh(app, f);
                    break;
                case EXCHANGE:
                    answer = exchange(app, f);
                    break;
                default:
                    throw new OAuthError(400, "unsupported_grant_type", "grant_type must be authorization_code,"
                            + " refresh_token or " + EXCHANGE);
            }
            return Response.json(200, answer).withHeader("Pragma", "no-cache");
        } catch (FormParams.FormException e) {
            return OAuthError.invalidRequest(e.getMessage()).response();
        } catch (OAuthError e) {
            return e.response();
        }
    }

    private static String required(FormParams f, String name) {
        return f.single(name).orElseThrow(() -> OAuthError.invalidRequest(name + " is required"));
    }

    private static OAuthError invalidGrant(String why) {
        return new OAuthError(400, "invalid_grant", why);
    }

    private Map<String, Object> code(RegisteredApp app, FormParams f) {
        String code = required(f, "code");
        String redirectUri = required(f, "redirect_uri");
        String verifier = required(f, "code_verifier");
        Grants.Code c = provider.codes.get(code);
        if (c == null) {
            throw invalidGrant("the code is unknown or has expired");
        }
        if (c.request().app() != app) {
            throw invalidGrant("the code was issued to another client");
        }
        if (c.used().getAndSet(true)) {
            c.family().revoke();
            throw invalidGrant("the code was used before; the tokens issued for it are revoked");
        }
        if (!provider.now().isBefore(c.expires()) || !c.family().live()) {
            throw invalidGrant("the code has expired");
        }
        if (!redirectUri.equals(c.request().redirectUri())) {
            throw invalidGrant("redirect_uri differs from the authorization request's");
        }
        if (!verifier.matches("[A-Za-z0-9._~-]{43,128}")) {
            throw invalidGrant("code_verifier must be 43 to 128 characters of A-Z a-z 0-9 - . _ ~ (RFC 7636 §4.1)");
        }
        String challenge = Texts.base64url(sha256(verifier.getBytes(StandardCharsets.US_ASCII)));
        if (!Texts.sameSecret(challenge, c.request().challenge())) {
            throw invalidGrant("code_verifier does not match the code_challenge (PKCE, RFC 7636 §4.6)");
        }
        return provider.tokenResponse(c.family(), c.request().nonce());
    }

    private Map<String, Object> refresh(RegisteredApp app, FormParams f) {
        String token = required(f, "refresh_token");
        Grants.Token t = provider.refreshTokens.get(token);
        if (t == null) {
            throw invalidGrant("the refresh token is unknown or has expired");
        }
        if (t.family().app != app) {
            throw invalidGrant("the refresh token was issued to another client");
        }
        if (t.used().getAndSet(true)) {
            t.family().revoke();
            throw invalidGrant("the refresh token was used before; the tokens issued after it are revoked");
        }
        if (!t.live(provider.now())) {
            throw invalidGrant("the refresh token has expired or been revoked");
        }
        f.single("scope").ifPresent(s -> {
            if (!new LinkedHashSet<>(Arrays.asList(s.split(" "))).equals(t.family().scope)) {
                throw new OAuthError(400, "invalid_scope", "a refresh keeps the scope of the login; omit scope");
            }
        });
        return provider.tokenResponse(t.family(), null);
    }

    private Map<String, Object> exchange(RegisteredApp app, FormParams f) {
        for (String unsupported : List.of("resource", "actor_token", "actor_token_type")) {
            if (f.has(unsupported)) {
                throw OAuthError.invalidRequest(unsupported + " is not supported in token exchange; name the"
                        + " audience with audience");
            }
        }
        if (app.authMethod() == RegisteredApp.AuthMethod.NONE) {
            throw new OAuthError(400, "unauthorized_client", "a public client may not use token exchange");
        }
        if (!RNAT_TYPE.equals(required(f, "requested_token_type"))) {
            throw OAuthError.invalidRequest("requested_token_type must be " + RNAT_TYPE);
        }
        String subjectToken = required(f, "subject_token");
        String subjectType = required(f, "subject_token_type");
        String audienceId = required(f, "audience");
        RegisteredApp audience = provider.app(audienceId).orElseThrow(() -> new OAuthError(400, "invalid_target",
                "the audience is not a registered client"));
        if (audience != app && !app.rnatAudiences().contains(audience.clientId())) {
            throw new OAuthError(400, "invalid_target", "this client is not registered to obtain tokens for that"
                    + " audience (rnat_audiences)");
        }
        Set<String> tiers = new LinkedHashSet<>();
        f.single("scope").ifPresent(s -> tiers.addAll(Arrays.asList(s.split(" "))));
        tiers.remove("");
        for (String t : tiers) {
            if (!audience.entitlements().contains(t)) {
                throw new OAuthError(400, "invalid_scope", "the audience is not entitled to every release tier"
                        + " asked for (its entitlements: " + audience.entitlements() + ")");
            }
        }
        Subject s = subject(app, subjectToken, subjectType);
        RnatGrant grant = Provider.grant(audience, s.citizen, s.authTime, tiers,
                audience == app ? null : app.clientId());
        String rnat = provider.rnat(grant);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("access_token", rnat);
        m.put("issued_token_type", RNAT_TYPE);
        m.put("token_type", "N_A");
        m.put("expires_in", RnatIssuer.DEFAULT_LIFETIME.toSeconds());
        if (!tiers.isEmpty()) {
            m.put("scope", String.join(" ", tiers));
        }
        return m;
    }

    /** Who a subject token is about, and when they authenticated. */
    private record Subject(TestCitizen citizen, Instant authTime) {
    }

    private Subject subject(RegisteredApp app, String token, String type) {
        switch (type) {
            case ACCESS_TOKEN_TYPE: {
                Grants.Token t = provider.accessTokens.get(token);
                if (t == null || !t.live(provider.now()) || t.family().app != app) {
                    throw invalidGrant("the subject token is not a live access token issued to this client");
                }
                return new Subject(t.family().session.citizen, t.family().session.authTime);
            }
            case ID_TOKEN_TYPE:
                return idToken(app, token);
            case RNAT_TYPE:
                return rnat(app, token);
            default:
                throw OAuthError.invalidRequest("subject_token_type must be " + ID_TOKEN_TYPE + ", "
                        + ACCESS_TOKEN_TYPE + " or " + RNAT_TYPE);
        }
    }

    private Subject idToken(RegisteredApp app, String token) {
        Map<String, Object> c = provider.ownIdToken(token).orElseThrow(() -> invalidGrant("the subject token is not"
                + " an ID token of this provider"));
        if (!provider.issuer.equals(c.get("iss")) || !app.clientId().equals(c.get("aud"))) {
            throw invalidGrant("the subject token was not issued to this client");
        }
        if (!(c.get("exp") instanceof Number) || provider.now().getEpochSecond() >= ((Number) c.get("exp"))
                .longValue()) {
            throw invalidGrant("the subject token has expired");
        }
        Grants.Session session = c.get("sid") instanceof String ? provider.sessions.get((String) c.get("sid")) : null;
        if (session == null || session.ended()) {
            throw invalidGrant("the session of the subject token has ended");
        }
        return new Subject(session.citizen, session.authTime);
    }

    private Subject rnat(RegisteredApp app, String token) {
        RnatVerifier v = RnatVerifier.builder().clock(provider.clock).issuer(provider.issuer,
                provider.verificationKeys()).audience(app.clientId()).recordUse(false).build();
        VerificationResult<RealNameToken> result = v.verify(token);
        if (!result.isValid()) {
            throw invalidGrant("the subject token is not a valid RNAT of this provider for this client ("
                    + result.errors().get(0).code() + ")");
        }
        RealNameToken t = result.value().orElseThrow();
        TestCitizen c = provider.citizenOf(app, t.subject()).orElseThrow(() -> invalidGrant("the subject token"
                + " names nobody known"));
        return new Subject(c, t.authTime());
    }

    private static byte[] sha256(byte[] in) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(in);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "TokenEndpoint[" + provider.issuer + "]";
    }
}
