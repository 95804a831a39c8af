package org.zwfw.sdk.sandbox.internal.oidc;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.crypto.JwsHeader;
import org.zwfw.sdk.crypto.JwsVerifier;
import org.zwfw.sdk.crypto.ParsedJws;
import org.zwfw.sdk.crypto.VerifiedJws;
import org.zwfw.sdk.replay.ReplayStoreException;
import org.zwfw.sdk.sandbox.RegisteredApp;
import org.zwfw.sdk.sandbox.internal.FormParams;
import org.zwfw.sdk.sandbox.internal.OAuthError;
import org.zwfw.sdk.sandbox.internal.Request;
import org.zwfw.sdk.verify.VerificationResult;

/**
 * Client authentication at the token endpoint ({@code spec/login.md} §7, {@code spec/sandbox.md}
 * §10.4), by the method the app is registered with: HTTP Basic ({@code client_secret_basic}, each
 * part form-urlencoded before base64), a client assertion ({@code private_key_jwt}, {@code ES256}
 * or {@code SGD_SM3_SM2}, verified by the SDK's {@link JwsVerifier}, its {@code jti} used once),
 * or none (a public client names itself with {@code client_id}). Exactly one method per request
 * (RFC 6749 §2.3). Failures are {@code invalid_client} (401) and never repeat a secret or a token.
 */
final class ClientAuthentication {

    static final String ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    /** The longest lifetime of a client assertion. */
    static final Duration MAX_ASSERTION_LIFETIME = Duration.ofSeconds(300);
    static final Duration SKEW = Duration.ofSeconds(60);

    private final Provider provider;
    private final String tokenEndpoint;

    ClientAuthentication(Provider provider, String tokenEndpoint) {
        this.provider = provider;
        this.tokenEndpoint = tokenEndpoint;
    }

    /**
     * @return the authenticated app
     * @throws OAuthError {@code invalid_request} or {@code invalid_client}
     */
    RegisteredApp authenticate(Request r, FormParams f) {
        List<String> authorization = r.headers("Authorization");
        boolean basic = !authorization.isEmpty();
        boolean assertion = f.has("client_assertion") || f.has("client_assertion_type");
        if (authorization.size() > 1) {
            throw OAuthError.invalidRequest("more than one Authorization header");
        }
        if (f.has("client_secret")) {
            throw invalidClient("client_secret in the body (client_secret_post) is not supported; send the secret"
                    + " with HTTP Basic (client_secret_basic)", false);
        }
        if (basic && assertion) {
            throw OAuthError.invalidRequest("more than one client authentication method (RFC 6749 §2.3)");
        }
        String named = f.single("client_id").orElse(null);
        RegisteredApp app;
        if (basic) {
            app = basic(authorization.get(0));
        } else if (assertion) {
            app = assertion(f);
        } else {
            if (named == null) {
                throw invalidClient("no client authentication and no client_id", false);
            }
            app = provider.app(named).orElseThrow(() -> invalidClient("unknown client_id", false));
            if (app.authMethod() != RegisteredApp.AuthMethod.NONE) {
                throw invalidClient("this client is registered for " + app.authMethod().value()
                        + " and must authenticate", false);
            }
        }
        if (named != null && !named.equals(app.clientId())) {
            throw invalidClient("client_id differs from the authenticated client", basic);
        }
        return app;
    }

    private RegisteredApp basic(String header) {
        int sp = header.indexOf(' ');
        if (sp < 0 || !header.substring(0, sp).equalsIgnoreCase("Basic")) {
            throw invalidClient("the Authorization header is not HTTP Basic", true);
        }
        String id;
        String secret;
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(sp + 1).strip()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                throw invalidClient("HTTP Basic credentials are client_id:secret", true);
            }
            id = URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
            secret = URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalidClient("HTTP Basic credentials are not base64 of form-urlencoded client_id:secret", true);
        }
        RegisteredApp app = provider.app(id).orElse(null);
        // the same answer for an unknown client and a wrong secret
        if (app == null || app.authMethod() != RegisteredApp.AuthMethod.CLIENT_SECRET_BASIC
                || !Texts.sameSecret(secret, app.clientSecret().orElseThrow())) {
            if (app != null && app.authMethod() != RegisteredApp.AuthMethod.CLIENT_SECRET_BASIC) {
                throw invalidClient("this client is registered for " + app.authMethod().value()
                        + ", not client_secret_basic", true);
            }
            throw invalidClient("unknown client or wrong secret", true);
        }
        return app;
    }

    private RegisteredApp assertion(FormParams f) {
        String type = f.single("client_assertion_type").orElse(null);
        String jwt = f.single("client_assertion").orElse(null);
        if (!ASSERTION_TYPE.equals(type) || jwt == null) {
            throw invalidClient("a client assertion needs client_assertion_type " + ASSERTION_TYPE
                    + " and client_assertion", false);
        }
        JwsVerifier verifier = JwsVerifier.builder().clock(provider.clock).allowedAlgorithms(JwsAlgorithm.ES256,
                JwsAlgorithm.SGD_SM3_SM2).requireKeyId(true).build();
        ParsedJws parsed = verifier.parse(jwt);
        if (!parsed.isWellFormed()) {
            throw invalidClient("the client assertion is not a well-formed JWS", false);
        }
        String iss = parsed.stringClaim("iss").orElse(null);
        RegisteredApp app = provider.app(iss).orElseThrow(() -> invalidClient("the client assertion's iss is not a"
                + " registered client", false));
        if (app.authMethod() != RegisteredApp.AuthMethod.PRIVATE_KEY_JWT) {
            throw invalidClient("this client is registered for " + app.authMethod().value() + ", not"
                    + " private_key_jwt", false);
        }
        Object typ = parsed.header().parameters().get("typ");
        if (typ != null && !(typ instanceof String && JwsHeader.sameMediaType((String) typ,
                "client-authentication+jwt"))) {
            throw invalidClient("the client assertion's typ must be absent or client-authentication+jwt", false);
        }
        VerificationResult<VerifiedJws> result = verifier.verify(parsed, app.jwks().orElseThrow());
        if (!result.isValid()) {
            throw invalidClient("the client assertion does not verify with the client's registered keys ("
                    + result.errors().get(0).code() + ")", false);
        }
        Map<String, Object> c = result.value().orElseThrow().claims();
        if (!app.clientId().equals(c.get("sub"))) {
            throw invalidClient("the client assertion's sub must equal its iss, the client_id", false);
        }
        Object aud = c.get("aud");
        if (aud instanceof List && ((List<?>) aud).size() == 1) {
            aud = ((List<?>) aud).get(0);
        }
        if (!provider.issuer.equals(aud) && !tokenEndpoint.equals(aud)) {
            throw invalidClient("the client assertion's aud must be one value: the issuer (or the token endpoint)",
                    false);
        }
        Instant now = provider.clock.instant();
        if (!(c.get("exp") instanceof Number) || !(c.get("iat") instanceof Number)
                || !(c.get("jti") instanceof String) || ((String) c.get("jti")).isEmpty()
                || ((String) c.get("jti")).length() > 128) {
            throw invalidClient("the client assertion needs exp, iat and a jti of 1 to 128 characters", false);
        }
        long exp = ((Number) c.get("exp")).longValue();
        long iat = ((Number) c.get("iat")).longValue();
        if (exp <= iat || exp - iat > MAX_ASSERTION_LIFETIME.toSeconds()) {
            throw invalidClient("the client assertion's lifetime must be at most "
                    + MAX_ASSERTION_LIFETIME.toSeconds() + " s", false);
        }
        if (now.getEpochSecond() >= exp + SKEW.toSeconds()) {
            throw invalidClient("the client assertion has expired", false);
        }
        if (iat > now.getEpochSecond() + SKEW.toSeconds()) {
            throw invalidClient("the client assertion is issued in the future", false);
        }
        try {
            if (!provider.assertions.firstUse("client-assertion|" + app.clientId() + "|" + c.get("jti"),
                    Instant.ofEpochSecond(exp).plus(SKEW))) {
                throw invalidClient("the client assertion was used before (its jti is single use)", false);
            }
        } catch (ReplayStoreException e) {
            throw new OAuthError(503, "temporarily_unavailable", "too many client assertions are remembered;"
                    + " try again later");
        }
        return app;
    }

    private static OAuthError invalidClient(String why, boolean basic) {
        OAuthError e = new OAuthError(401, "invalid_client", why);
        return basic ? e.withHeader("WWW-Authenticate", "Basic realm=\"zwfw-sandbox\"") : e;
    }
}
