package org.zwfw.sdk.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.crypto.KeyFormatException;
import org.zwfw.sdk.crypto.SigningKey;
import org.zwfw.sdk.http.FetchRules;
import org.zwfw.sdk.login.Login;
import org.zwfw.sdk.login.LoginException;
import org.zwfw.sdk.login.LoginFailure;
import org.zwfw.sdk.login.LoginRedirect;
import org.zwfw.sdk.login.OidcClient;
import org.zwfw.sdk.login.UserInfo;
import org.zwfw.sdk.rnat.AssuranceLevel;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code zwfw login} (spec/cli.md, spec/login.md): one login with the authorization-code flow and
 * PKCE through a loopback redirect (RFC 8252), printing what the provider said about the person.
 * Every ending is bounded: discovery and each request 10 s, the redirect the login-state
 * lifetime, the exchange, keys and userinfo 30 s together.
 */
@Command(name = "login", mixinStandardHelpOptions = true,
        description = {"Log in once with an OpenID provider (authorization code, PKCE, loopback redirect) and print"
                + " the verified ID token's claims and userinfo, masked.",
            "Register http://127.0.0.1/callback at the provider (any port). Tokens, the client secret and key are"
                + " never printed."})
final class LoginCommand implements Callable<Integer> {

    /** How long the exchange, the key set and userinfo may take together (spec/cli.md step 6). */
    static final Duration STEP_DEADLINE = Duration.ofSeconds(30);

    /** Tests shorten the wait for the redirect; {@code null}: the login-state lifetime. */
    static volatile Duration redirectWaitForTests;
    /** Tests shorten the step deadline; {@code null}: {@link #STEP_DEADLINE}. */
    static volatile Duration stepDeadlineForTests;

    @Spec
    CommandSpec spec;

    @Option(names = "--issuer", required = true, paramLabel = "URL",
            description = "the provider's issuer: https, or http to 127.0.0.1, ::1 or localhost")
    String issuer;

    @Option(names = "--client-id", required = true, paramLabel = "ID", description = "the client ID")
    String clientId;

    @Option(names = "--client-secret", paramLabel = "S|-",
            description = "client_secret_basic; '-' reads it from the first line of standard input")
    String clientSecret;

    @Option(names = "--client-key", paramLabel = "FILE",
            description = "private_key_jwt: a private JWK or PEM key, ES256 or SGD_SM3_SM2")
    String clientKey;

    @Option(names = "--scope", paramLabel = "SCOPE", description = "more scopes (space-separated, repeatable);"
            + " openid is always sent")
    List<String> scopes = new ArrayList<>();

    @Option(names = "--acr", paramLabel = "L1..L4", converter = LevelConverter.class,
            description = "a minimum real-name level: sent as acr_values and checked")
    AssuranceLevel acr;

    @Option(names = "--port", paramLabel = "N", defaultValue = "0",
            description = "the loopback listener's port, 0 to 65535 (default 0: any free port)")
    int port;

    @Option(names = "--no-browser", description = "do not try to open a browser")
    boolean noBrowser;

    @Option(names = "--show-pii", description = "print claims unmasked")
    boolean showPii;

    @Option(names = "--json", description = "JSON lines: first {\"authorization_url\": ...}, last the result")
    boolean json;

    /** Converts {@code L1}..{@code L4}, exactly. */
    static final class LevelConverter implements CommandLine.ITypeConverter<AssuranceLevel> {
        @Override
        public AssuranceLevel convert(String value) {
            return AssuranceLevel.fromName(value).orElseThrow(() -> new CommandLine.TypeConversionException(
                    "'" + value + "' is not a level; use L1, L2, L3 or L4"));
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean loopback = checkIssuer();
        if (port < 0 || port > 65535) {
            throw CliException.usage("--port must be 0 to 65535");
        }
        if (clientSecret != null && clientKey != null) {
            throw CliException.usage("--client-secret and --client-key are two client authentications: give one");
        }
        String secret = clientSecret == null ? null : clientSecret.equals("-") ? secretFromStdin() : clientSecret;
        SigningKey key = clientKey == null ? null : clientKey();
        List<String> scopeValues = new ArrayList<>();
        for (String s : scopes) {
            for (String v : s.trim().split("\\s+")) {
                if (!v.isEmpty() && !v.equals("openid")) {
                    scopeValues.add(v);
                }
            }
        }
        LoginResult result = new LoginResult(issuer, showPii);
        LoopbackListener listener;
        try {
            listener = new LoopbackListener(port);
        } catch (IOException e) {
            throw CliException.invalid("cannot listen on 127.0.0.1:" + port + ": " + e.getMessage());
        }
        try (listener; OidcClient client = client(listener.redirectUri(), loopback, secret, key, scopeValues)) {
            LoginRedirect go;
            try {
                go = client.beginLogin();
            } catch (LoginException e) {
                result.failed(e);
                return result.print(out, json);
            }
            String url = go.url().toString();
            if (json) {
                out.println(JsonOutput.write(java.util.Map.of("authorization_url", url)));
            } else {
                out.println(url);
            }
            out.flush();
            err.println("zwfw: open the URL above in a browser and log in; waiting for the redirect to "
                    + listener.redirectUri());
            if (!noBrowser) {
                openBrowser(go.url(), err);
            }
            err.flush();
            Duration wait = redirectWaitForTests != null ? redirectWaitForTests : OidcClient.DEFAULT_LOGIN_STATE_LIFETIME;
            String query;
            try {
                query = listener.awaitCallback(wait);
            } catch (TimeoutException e) {
                result.failed(LoginFailure.LOGIN_STATE_EXPIRED, "no redirect came within " + wait.toSeconds()
                        + " s (the login-state lifetime); start a new login");
                return result.print(out, json);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                result.failed(LoginFailure.LOGIN_STATE_EXPIRED, "interrupted while waiting for the redirect");
                return result.print(out, json);
            }
            complete(client, go, query, result);
            listener.finish(result.valid() ? "Login succeeded. You can close this window."
                    : "Login failed (" + result.firstCode() + "). See the terminal.");
            return result.print(out, json);
        }
    }

    /** Step 6 within {@link #STEP_DEADLINE}: the exchange, the ID token, userinfo. */
    private static void complete(OidcClient client, LoginRedirect go, String query, LoginResult result) {
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "zwfw-login");
            t.setDaemon(true);
            return t;
        });
        Future<Void> done = worker.submit(() -> {
            Login login;
            try {
                login = client.completeLogin(go.state(), query);
            } catch (LoginException e) {
                result.failed(e);
                return null;
            }
            result.login(login);
            try {
                Optional<UserInfo> info = client.userInfo(login);
                info.ifPresent(result::userInfo);
            } catch (LoginException e) {
                result.failed(e);
            }
            return null;
        });
        Duration deadline = stepDeadlineForTests != null ? stepDeadlineForTests : STEP_DEADLINE;
        try {
            done.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            done.cancel(true);
            result.failed(LoginFailure.PROVIDER_UNAVAILABLE, "the provider did not complete the login within "
                    + deadline.toSeconds() + " s (token, key set and userinfo together)");
        } catch (InterruptedException e) {
            done.cancel(true);
            Thread.currentThread().interrupt();
            result.failed(LoginFailure.PROVIDER_UNAVAILABLE, "interrupted while completing the login");
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            worker.shutdownNow();
        }
    }

    private OidcClient client(URI redirect, boolean loopback, String secret, SigningKey key, List<String> more) {
        try {
            OidcClient.Builder b = OidcClient.builder().issuer(issuer).clientId(clientId).redirectUri(redirect)
                    .allowLoopbackHttp(loopback).minimumLevel(acr).scopes(more.toArray(new String[0]));
            if (secret != null) {
                b.clientSecretBasic(secret);
            } else if (key != null) {
                b.privateKeyJwt(key);
            }
            return b.build();
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage());
        }
    }

    /** @return whether the issuer is plain http to a loopback host (the sandbox) */
    private boolean checkIssuer() {
        URI u;
        try {
            u = new URI(issuer);
        } catch (URISyntaxException e) {
            throw CliException.usage("--issuer is not a URL");
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        boolean loopbackHttp = scheme.equals("http") && FetchRules.isLoopback(u.getHost());
        if (!scheme.equals("https") && !loopbackHttp || u.getHost() == null) {
            throw CliException.usage("--issuer must be an https URL, or http to 127.0.0.1, ::1 or localhost");
        }
        if (u.getRawQuery() != null || u.getRawFragment() != null || u.getRawUserInfo() != null) {
            throw CliException.usage("--issuer has no query, fragment or user information");
        }
        return loopbackHttp;
    }

    private String secretFromStdin() {
        try {
            String line = new BufferedReader(new InputStreamReader(Zwfw.stdin(spec), StandardCharsets.UTF_8))
                    .readLine();
            if (line == null || line.isEmpty()) {
                throw CliException.usage("--client-secret -: standard input has no secret on its first line");
            }
            return line;
        } catch (IOException e) {
            throw CliException.usage("--client-secret -: cannot read standard input");
        }
    }

    private SigningKey clientKey() {
        Inputs.Read read = Inputs.read(clientKey, Zwfw.stdin(spec));
        if (read.code() != null) {
            throw CliException.usage("--client-key " + clientKey + ": " + read.problem());
        }
        String text = read.text().strip();
        SigningKey key;
        try {
            key = text.contains("-----BEGIN ") ? SigningKey.fromPem(text) : SigningKey.fromJwk(text);
        } catch (KeyFormatException e) {
            throw CliException.usage("--client-key " + clientKey + ": not a usable private key: " + e.getMessage());
        }
        if (key.algorithm() != JwsAlgorithm.ES256 && key.algorithm() != JwsAlgorithm.SGD_SM3_SM2) {
            throw CliException.usage("--client-key " + clientKey + ": an " + key.algorithm().jwsName()
                    + " key; private_key_jwt here takes ES256 or SGD_SM3_SM2");
        }
        return key;
    }

    private static void openBrowser(URI url, PrintWriter err) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        List<String> command = os.contains("mac") ? List.of("open", url.toString())
                : os.contains("win") ? List.of("rundll32", "url.dll,FileProtocolHandler", url.toString())
                : List.of("xdg-open", url.toString());
        try {
            new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException | RuntimeException e) {
            err.println("zwfw: note: no browser could be opened (" + command.get(0) + "); open the URL yourself");
        }
    }
}
