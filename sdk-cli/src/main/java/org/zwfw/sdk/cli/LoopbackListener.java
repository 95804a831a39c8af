package org.zwfw.sdk.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The loopback redirect listener of {@code zwfw login} (RFC 8252 §7.3): bound to 127.0.0.1 only,
 * it takes the first {@code GET /callback} and answers every other request 404. The browser gets
 * a short page once the login has ended, never a code or a token.
 */
final class LoopbackListener implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "zwfw-login-listener");
        t.setDaemon(true);
        return t;
    });
    private final CompletableFuture<String> query = new CompletableFuture<>();
    private final CompletableFuture<String> page = new CompletableFuture<>();

    /**
     * @param port the port, 0 for any free one
     * @throws IOException when the port cannot be bound
     */
    LoopbackListener(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** @return {@code http://127.0.0.1:PORT/callback} */
    URI redirectUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/callback");
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String raw = ex.getRequestURI().getRawQuery();
            if (!"GET".equals(ex.getRequestMethod()) || !"/callback".equals(ex.getRequestURI().getPath())
                    || !query.complete(raw == null ? "" : raw)) {
                respond(ex, 404, "not found");
                return;
            }
            String text;
            try {
                text = page.get(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                text = "The login was interrupted.";
            } catch (ExecutionException | TimeoutException e) {
                text = "The login is still being completed; see the terminal.";
            }
            respond(ex, 200, text);
        }
    }

    private static void respond(HttpExchange ex, int status, String text) throws IOException {
        byte[] body = ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>zwfw login</title></head><body><p>"
                + text + "</p></body></html>").getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.getResponseHeaders().set("Content-Security-Policy", "default-src 'none'");
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    /**
     * @param wait the longest to wait
     * @return the raw query of the first {@code GET /callback}
     * @throws TimeoutException when none came in time
     * @throws InterruptedException when interrupted
     */
    String awaitCallback(Duration wait) throws TimeoutException, InterruptedException {
        try {
            return query.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @param text what the browser is shown (plain text, no token or code) */
    void finish(String text) {
        page.complete(text);
    }

    @Override
    public void close() {
        page.complete("The login has ended; see the terminal.");
        server.stop(1);
        executor.shutdownNow();
    }
}
