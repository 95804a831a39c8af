package org.zwfw.sdk.samples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.zwfw.sdk.login.Login;
import org.zwfw.sdk.login.LoginException;
import org.zwfw.sdk.login.LoginRedirect;
import org.zwfw.sdk.login.LoginState;
import org.zwfw.sdk.login.OidcClient;
import org.zwfw.sdk.rnat.AssuranceLevel;

/**
 * User story (department developer): a department's web app logs citizens in with the
 * province's unified identity, lets only those verified at L3 or higher into its pension
 * service, and logs them out. Plain JDK HTTP server; the session is a cookie naming a server-side
 * map entry. The build runs it against the sandbox's OpenID provider.
 */
public final class DepartmentLogin {

    private final OidcClient client;
    private final Map<String, LoginState> pending = new ConcurrentHashMap<>();
    private final Map<String, Login> sessions = new ConcurrentHashMap<>();

    private DepartmentLogin(OidcClient client) {
        this.client = client;
    }

    /**
     * Starts the app on 127.0.0.1.
     *
     * @param client the relying party, built once at start-up
     * @param port   the port ({@code 0}: any free one)
     * @return the running server
     * @throws IOException when the port cannot be bound
     */
    public static HttpServer start(OidcClient client, int port) throws IOException {
        DepartmentLogin app = new DepartmentLogin(client);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/login", app::login);
        server.createContext("/callback", app::callback);
        server.createContext("/pension", app::pension);
        server.createContext("/logout", app::logout);
        server.start();
        return server;
    }

    private void login(HttpExchange ex) throws IOException {
        try {
            LoginRedirect go = client.beginLogin();
            String sid = UUID.randomUUID().toString();
            pending.put(sid, go.state());                  // kept server side, never in the URL
            ex.getResponseHeaders().add("Set-Cookie", "sid=" + sid + "; HttpOnly; SameSite=Lax; Path=/");
            redirect(ex, go.url());
        } catch (LoginException e) {
            page(ex, 503, "登录服务暂不可用: " + e.code());
        }
    }

    private void callback(HttpExchange ex) throws IOException {
        String sid = cookie(ex);
        LoginState state = sid == null ? null : pending.remove(sid); // removed first: a callback counts once
        if (state == null) {
            page(ex, 400, "no login in progress");
            return;
        }
        try {
            sessions.put(sid, client.completeLogin(state, ex.getRequestURI().getRawQuery()));
            redirect(ex, URI.create("/pension"));
        } catch (LoginException e) {
            page(ex, 403, "login failed: " + e.code());  // codes, never tokens or personal data
        }
    }

    private void pension(HttpExchange ex) throws IOException {
        Login login = sessions.get(String.valueOf(cookie(ex)));
        if (login == null) {
            redirect(ex, URI.create("/login"));
        } else if (!mayUsePensionService(login)) {
            page(ex, 403, "养老保险 needs real-name level L3; you logged in at "
                    + login.level().map(Enum::name).orElse("no level"));
        } else {
            page(ex, 200, "养老保险: welcome, level " + login.level().orElseThrow());
        }
    }

    private void logout(HttpExchange ex) throws IOException {
        Login login = sessions.remove(String.valueOf(cookie(ex)));
        try {
            URI end = login == null ? null : client.logoutUrl(login.idToken(), null).map(r -> r.url()).orElse(null);
            if (end != null) {
                redirect(ex, end);                          // ends the session at the provider too
                return;
            }
        } catch (LoginException e) {
            // logged out locally; the provider could not be asked
        }
        page(ex, 200, "logged out");
    }

    private static String cookie(HttpExchange ex) {
        String header = ex.getRequestHeaders().getFirst("Cookie");
        for (String c : header == null ? new String[0] : header.split(";\\s*")) {
            if (c.startsWith("sid=")) {
                return c.substring(4);
            }
        }
        return null;
    }

    private static void redirect(HttpExchange ex, URI to) throws IOException {
        ex.getResponseHeaders().set("Location", to.toString());
        ex.sendResponseHeaders(302, -1);
        ex.close();
    }

    private static void page(HttpExchange ex, int status, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        ex.sendResponseHeaders(status, body.length);
        ex.getResponseBody().write(body);
        ex.close();
    }

    /**
     * The relying party, built once at start-up and shared by every request.
     *
     * @param issuer   the provider's issuer (the sandbox's: {@code http://127.0.0.1:PORT/oidc})
     * @param clientId the app's client ID at the provider
     * @param secret   its client secret
     * @param port     the port the app listens on
     * @return the client
     */
    static OidcClient pensionClient(String issuer, String clientId, String secret, int port) {
        return OidcClient.builder()
                .issuer(issuer)
                .clientId(clientId).clientSecretBasic(secret)
                .redirectUri(URI.create("http://127.0.0.1:" + port + "/callback"))
                .allowLoopbackHttp(true)                    // the sandbox; production issuers are https
                .build();
    }

    /**
     * The level check: the pension service needs a citizen verified at L3 or higher.
     *
     * @param login the session's login
     * @return whether the login's ID token says L3 or L4
     */
    static boolean mayUsePensionService(Login login) {
        return login.level().map(level -> level.isAtLeast(AssuranceLevel.L3)).orElse(false);
    }

    /**
     * Runs the app against a provider: {@code ISSUER CLIENT_ID CLIENT_SECRET [PORT]}, for example
     * the sandbox's issuer and its {@code sandbox-web} client.
     *
     * @param args the issuer, client ID, client secret and port (default 8080)
     * @throws IOException when the port cannot be bound
     */
    public static void main(String[] args) throws IOException {
        int port = args.length > 3 ? Integer.parseInt(args[3]) : 8080;
        start(pensionClient(args[0], args[1], args[2], port), port);
        System.out.println("open http://127.0.0.1:" + port + "/pension");
    }
}
