package org.zwfw.sdk.samples;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zwfw.sdk.login.OidcClient;
import org.zwfw.sdk.sandbox.RegisteredApp;
import org.zwfw.sdk.sandbox.Sandbox;

/** The department web app's login sample, against the sandbox's OpenID provider, with a browser's cookies. */
class DepartmentLoginTest {

    static final String SECRET = "department-secret-0123456789";
    static Sandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.builder().apps(List.of(
                RegisteredApp.builder("pension-l3").clientSecretBasic(SECRET).redirectUris("http://127.0.0.1/callback")
                        .autoLogin("l3").build(),
                RegisteredApp.builder("pension-l2").clientSecretBasic(SECRET).redirectUris("http://127.0.0.1/callback")
                        .autoLogin("l2").build())).start();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static HttpResponse<String> get(HttpClient browser, URI uri) throws Exception {
        return browser.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String run(String clientId, boolean logout) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = s.getLocalPort();
        }
        try (OidcClient client = DepartmentLogin.pensionClient(sandbox.openIdProvider().issuer().toString(), clientId,
                SECRET, port)) {
            HttpServer app = DepartmentLogin.start(client, port);
            try {
                HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                        .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL)).build();
                HttpResponse<String> r = get(browser, URI.create("http://127.0.0.1:" + port + "/pension"));
                String seen = r.statusCode() + " " + r.body();
                if (logout) {
                    HttpResponse<String> out = get(browser, URI.create("http://127.0.0.1:" + port + "/logout"));
                    seen += " | " + out.statusCode() + " " + out.uri().getPath();
                    HttpResponse<String> again = get(browser, URI.create("http://127.0.0.1:" + port + "/pension"));
                    seen += " | " + again.statusCode() + " " + again.body();
                }
                return seen;
            } finally {
                app.stop(0);
            }
        }
    }

    @Test
    void anL3CitizenGetsInAndLogsOutAtTheProviderToo() throws Exception {
        String seen = run("pension-l3", true);
        assertThat(seen).startsWith("200 养老保险: welcome, level L3")
                .contains("| 200 /oidc/logout")           // the provider's end-session page
                .endsWith("| 200 养老保险: welcome, level L3"); // a new login after logging out
    }

    @Test
    void anL2CitizenIsToldTheServiceNeedsL3() throws Exception {
        assertThat(run("pension-l2", false)).isEqualTo("403 养老保险 needs real-name level L3; you logged in at L2");
    }
}
