package org.zwfw.sdk.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Logins against an independent provider on loopback: NAV's mock-oauth2-server (nimbus-based, Kotlin). */
class MockOAuth2ServerLoginTest {

    static MockOAuth2Server server;
    static String issuer;

    @BeforeAll
    static void start() throws Exception {
        server = new MockOAuth2Server();
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        issuer = server.issuerUrl("default").toString();
    }

    @AfterAll
    static void stop() {
        server.shutdown();
    }

    static OidcClient.Builder client() {
        return OidcClient.builder().issuer(issuer).clientId("portal-client").allowLoopbackHttp(true)
                .redirectUri(URI.create("http://127.0.0.1:8080/callback"));
    }

    @Test
    void publicClientLogsIn() throws Exception {
        try (OidcClient c = client().build()) {
            LoginRedirect go = c.beginLogin();
            System.out.println(go.url());
            String q = Browser.callbackQuery(go.url());
            System.out.println(q);
            Login login = c.completeLogin(go.state(), q);
            System.out.println(login + " " + login.idToken().claims());
            System.out.println(c.userInfo(login));
        }
    }
}
