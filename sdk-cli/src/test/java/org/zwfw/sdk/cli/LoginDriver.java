package org.zwfw.sdk.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code zwfw login} in the background and plays the browser: waits for the authorization
 * URL on standard output, follows it to the provider, and follows the provider's redirect to the
 * command's loopback listener.
 */
final class LoginDriver implements AutoCloseable {

    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final CompletableFuture<Integer> exit;
    private final long started = System.nanoTime();

    private LoginDriver(String stdin, String[] args, boolean unused) {
        // its own thread, as the command has in a process: on the common pool (one worker on 2 cores)
        // the command would hold the pool's only worker while the JDK 25 HTTP client needs one
        exit = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                exit.complete(Zwfw.run(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                        new PrintWriter(out), new PrintWriter(err), args));
            } catch (Throwable e) {
                exit.completeExceptionally(e);
            }
        }, "zwfw-login-under-test");
        t.setDaemon(true);
        t.start();
    }

    LoginDriver(String... args) {
        this("", args, true);
    }

    /** @return a run whose standard input is {@code stdin} */
    static LoginDriver withInput(String stdin, String... args) {
        return new LoginDriver(stdin, args, true);
    }

    /** @return the authorization URL, once printed (the first line, or the JSON first line's member) */
    URI authorizationUrl() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            String o = out.toString();
            int nl = o.indexOf('\n');
            if (nl > 0) {
                String line = o.substring(0, nl).strip();
                if (line.startsWith("{\"authorization_url\"")) {
                    return URI.create((String) org.zwfw.sdk.internal.Json.parseObject(line, 2).get("authorization_url"));
                }
                return URI.create(line);
            }
            if (exit.isDone()) {
                throw new AssertionError("the command ended before printing a URL: " + o + err);
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no authorization URL printed: " + out + err);
    }

    /** @return where the provider redirects the browser */
    static URI follow(URI url) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(url).GET().timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        return URI.create(r.headers().firstValue("Location").orElseThrow(() -> new AssertionError("HTTP "
                + r.statusCode() + " " + r.body())));
    }

    /** @return the page the command's listener answers */
    static HttpResponse<String> get(URI url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(url).GET().timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Follows the authorization URL to the provider and its redirect to the command. */
    HttpResponse<String> browse() throws Exception {
        return get(follow(authorizationUrl()));
    }

    CliRunner.Result result() throws Exception {
        int code = exit.get(60, TimeUnit.SECONDS);
        return new CliRunner.Result(code, out.toString(), err.toString());
    }

    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    @Override
    public void close() {
        exit.cancel(true);
    }
}
