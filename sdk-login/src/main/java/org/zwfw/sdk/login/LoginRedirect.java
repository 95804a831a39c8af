package org.zwfw.sdk.login;

import java.net.URI;

/**
 * Where to send the browser to log in, and what to remember until it comes back
 * ({@link OidcClient#beginLogin()}).
 *
 * <p>Immutable. {@link #toString()} shows the endpoint only: the URL carries {@code state} and
 * {@code nonce}.
 */
public final class LoginRedirect {

    private final URI url;
    private final LoginState state;

    LoginRedirect(URI url, LoginState state) {
        this.url = url;
        this.state = state;
    }

    /** @return the authorization URL: redirect the browser there (HTTP 302/303) */
    public URI url() {
        return url;
    }

    /** @return the login state: keep it in the session until the callback */
    public LoginState state() {
        return state;
    }

    @Override
    public String toString() {
        return "LoginRedirect[" + Exchanges.where(url) + "]";
    }
}
