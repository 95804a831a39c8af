package org.zwfw.sdk.login;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.BearerTokenError;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.zwfw.sdk.http.HttpTransport;
import org.zwfw.sdk.oidc.IdTokenVerifier;
import org.zwfw.sdk.verify.Finding;
import org.zwfw.sdk.verify.OutcomeCode;
import org.zwfw.sdk.verify.VerificationResult;

/**
 * One userinfo request (spec/login.md §9): built by nimbus with the access token, sent through
 * the transport; a JSON answer read strictly, a signed JWT verified by the ID token verifier;
 * either way {@code sub} must be the ID token's, else none of it is used.
 */
final class UserInfoEndpoint {

    private static final String WHAT = "userinfo response";

    private final Exchanges exchanges;
    private final IdTokenVerifier verifier;

    UserInfoEndpoint(Exchanges exchanges, IdTokenVerifier verifier) {
        this.exchanges = exchanges;
        this.verifier = verifier;
    }

    UserInfo fetch(URI endpoint, Login login) throws LoginException {
        String authorization = new UserInfoRequest(endpoint, new BearerAccessToken(login.accessToken()))
                .toHTTPRequest().getAuthorization();
        HttpTransport.Response r = exchanges.get(WHAT, endpoint, Map.of("Authorization", authorization,
                "Accept", "application/json, application/jwt"));
        if (r.status() != 200) {
            String error = r.header("WWW-Authenticate").map(UserInfoEndpoint::bearerError).orElse(null);
            if (error == null) {
                throw Exchanges.unavailable(WHAT, endpoint, r);
            }
            throw new LoginException(LoginFailure.PROVIDER_RESPONSE_INVALID, "the userinfo endpoint at "
                    + Exchanges.where(endpoint) + " refused the access token (HTTP " + r.status() + "): " + error);
        }
        byte[] body = r.body();
        boolean jwt = r.contentType().isPresent() ? Exchanges.typed(r, "application/jwt")
                : body.length > 0 && body[0] != '{';
        if (jwt) {
            VerificationResult<Map<String, Object>> v = verifier.verifyUserInfo(new String(body,
                    StandardCharsets.US_ASCII).strip(), login.idToken());
            if (!v.isValid()) {
                throw new LoginException("the signed userinfo response is not valid", v.errors());
            }
            return new UserInfo(v.value().orElseThrow(), true);
        }
        Map<String, Object> claims = Exchanges.json(WHAT, endpoint, r);
        Object sub = claims.get("sub");
        if (!login.idToken().subject().equals(sub)) {
            throw new LoginException("the userinfo response is not usable", List.of(new Finding(
                    sub == null ? OutcomeCode.MISSING_CLAIM : OutcomeCode.INVALID_CLAIM, sub == null
                            ? "the userinfo response names no subject ('sub')"
                            : "the userinfo response is about another subject than the ID token ('sub' differs;"
                                    + " OpenID Connect Core §5.3.4)")));
        }
        return new UserInfo(Collections.unmodifiableMap(claims), false);
    }

    /** @return the {@code error} of a Bearer challenge, shown safely, or {@code null} */
    private static String bearerError(String challenge) {
        try {
            BearerTokenError e = BearerTokenError.parse(challenge);
            return e.getCode() == null ? null : Exchanges.shown(e.getCode(), List.of());
        } catch (ParseException | RuntimeException e) {
            return null;
        }
    }
}
