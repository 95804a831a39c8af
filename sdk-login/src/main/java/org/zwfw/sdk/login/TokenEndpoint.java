package org.zwfw.sdk.login;

import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.AccessTokenType;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.Tokens;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.zwfw.sdk.http.HttpTransport;
import org.zwfw.sdk.internal.Json;

/**
 * Token requests (spec/login.md §7, §10): built by nimbus with the client authentication, sent
 * through the SDK's transport under the bounds, the response read strictly then parsed by nimbus.
 * An OAuth error is {@code TOKEN_ERROR} naming it; what is not a usable response is
 * {@code PROVIDER_RESPONSE_INVALID}; what could not be had, {@code PROVIDER_UNAVAILABLE}.
 */
final class TokenEndpoint {

    /** What a successful token response gave. */
    record Issued(String accessToken, String idToken, String refreshToken, Duration expiresIn, List<String> scope) {
    }

    private static final String WHAT = "token response";

    private final Exchanges exchanges;
    private final ClientAuth auth;
    private final String clientId;
    private final String issuer;
    private final Clock clock;

    TokenEndpoint(Exchanges exchanges, ClientAuth auth, String clientId, String issuer, Clock clock) {
        this.exchanges = exchanges;
        this.auth = auth;
        this.clientId = clientId;
        this.issuer = issuer;
        this.clock = clock;
    }

    Issued request(URI endpoint, AuthorizationGrant grant, boolean idTokenRequired) throws LoginException {
        HttpTransport.Response r = post(endpoint, grant, null);
        if (r.status() == 200) {
            return issued(endpoint, Exchanges.json(WHAT, endpoint, r), idTokenRequired);
        }
        if ((r.status() == 400 || r.status() == 401) && Exchanges.typed(r, "application/json")) {
            throw refused(endpoint, r);
        }
        throw Exchanges.unavailable(WHAT, endpoint, r);
    }

    /**
     * A token exchange (RFC 8693, spec/realname-token.md §14): the response's members, read
     * strictly, for the caller to check; errors as for every token request.
     */
    Map<String, Object> exchange(URI endpoint, AuthorizationGrant grant, List<String> scopes) throws LoginException {
        HttpTransport.Response r = post(endpoint, grant, scopes.isEmpty() ? null
                : new com.nimbusds.oauth2.sdk.Scope(scopes.toArray(new String[0])));
        if (r.status() == 200) {
            return Exchanges.json(WHAT, endpoint, r);
        }
        if ((r.status() == 400 || r.status() == 401) && Exchanges.typed(r, "application/json")) {
            throw refused(endpoint, r);
        }
        throw Exchanges.unavailable(WHAT, endpoint, r);
    }

    private HttpTransport.Response post(URI endpoint, AuthorizationGrant grant, com.nimbusds.oauth2.sdk.Scope scope)
            throws LoginException {
        ClientAuthentication basic = auth.basic();
        TokenRequest.Builder b = basic != null ? new TokenRequest.Builder(endpoint, basic, grant)
                : new TokenRequest.Builder(endpoint, new ClientID(clientId), grant);
        if (scope != null) {
            b.scope(scope);
        }
        Map<String, List<String>> assertion = auth.assertion(issuer, endpoint, clock.instant());
        if (assertion != null) {
            assertion.forEach((name, values) -> b.customParameter(name, values.toArray(new String[0])));
        }
        HTTPRequest http = b.build().toHTTPRequest();
        String body = http.getBody();
        Map<String, String> headers = new LinkedHashMap<>();
        http.getHeaderMap().forEach((name, values) -> headers.put(name, values.get(0)));
        headers.put("Accept", "application/json");
        return exchanges.post(WHAT, endpoint, headers, body);
    }

    private Issued issued(URI endpoint, Map<String, Object> json, boolean idTokenRequired) throws LoginException {
        TokenResponse parsed;
        try {
            parsed = OIDCTokenResponseParser.parse(JSONObjectUtils.parse(Json.writeString(json)));
        } catch (ParseException e) {
            throw invalid(endpoint, "is not a token response: " + Exchanges.shown(e.getMessage(), auth.secrets()));
        }
        if (!parsed.indicatesSuccess()) {
            ErrorObject error = parsed.toErrorResponse().getErrorObject();
            throw new LoginException(LoginFailure.TOKEN_ERROR, "the token endpoint at " + Exchanges.where(endpoint)
                    + " answered 200 with the error " + Exchanges.shown(error.getCode(), auth.secrets()));
        }
        Tokens tokens = parsed.toSuccessResponse().getTokens();
        AccessToken at = tokens.getAccessToken();
        if (!AccessTokenType.BEARER.equals(at.getType())) {
            throw invalid(endpoint, "issued a token of type " + Exchanges.shown(at.getType().getValue(), List.of())
                    + ", not Bearer");
        }
        String idToken = tokens instanceof OIDCTokens ? ((OIDCTokens) tokens).getIDTokenString() : null;
        if (idToken == null && idTokenRequired) {
            throw invalid(endpoint, "issued no id_token (the scope contains openid)");
        }
        RefreshToken rt = tokens.getRefreshToken();
        long lifetime = at.getLifetime();
        return new Issued(at.getValue(), idToken, rt == null ? null : rt.getValue(),
                lifetime > 0 ? Duration.ofSeconds(lifetime) : null,
                at.getScope() == null ? List.of() : at.getScope().toStringList());
    }

    private LoginException refused(URI endpoint, HttpTransport.Response r) throws LoginException {
        Map<String, Object> json = Exchanges.json(WHAT, endpoint, r);
        ErrorObject error;
        try {
            error = TokenErrorResponse.parse(JSONObjectUtils.parse(Json.writeString(json))).getErrorObject();
        } catch (ParseException e) {
            error = null;
        }
        if (error == null || error.getCode() == null) {
            return Exchanges.unavailable(WHAT, endpoint, r);
        }
        String description = error.getDescription();
        return new LoginException(LoginFailure.TOKEN_ERROR, "the token endpoint at " + Exchanges.where(endpoint)
                + " refused (HTTP " + r.status() + "): " + Exchanges.shown(error.getCode(), auth.secrets())
                + (description == null ? "" : " " + Exchanges.shown(description, auth.secrets())));
    }

    private static LoginException invalid(URI endpoint, String what) {
        return new LoginException(LoginFailure.PROVIDER_RESPONSE_INVALID, "the token endpoint at "
                + Exchanges.where(endpoint) + " " + what);
    }
}
