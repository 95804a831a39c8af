package org.zwfw.sdk.login;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.zwfw.sdk.verify.Finding;
import org.zwfw.sdk.verify.OutcomeCode;

/** Shared set-up of the login tests. */
final class Fixtures {

    static final String CLIENT = "portal-client";
    static final URI REDIRECT = URI.create("http://127.0.0.1:9/callback");

    private Fixtures() {
    }

    static OidcClient.Builder client(FakeProvider p) {
        return OidcClient.builder().issuer(p.issuer()).clientId(CLIENT).redirectUri(REDIRECT).allowLoopbackHttp(true)
                .exchangeTimeout(Duration.ofSeconds(2));
    }

    /** The whole login: redirect, the provider's answer, callback. */
    static Login login(OidcClient c) throws LoginException {
        LoginRedirect go = c.beginLogin();
        return c.completeLogin(go.state(), Browser.callbackQuery(go.url()));
    }

    static List<OutcomeCode> codes(LoginException e) {
        return e.errors().stream().map(Finding::code).toList();
    }
}
