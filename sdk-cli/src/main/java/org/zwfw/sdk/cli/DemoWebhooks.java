package org.zwfw.sdk.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import org.zwfw.sdk.client.WebhookVerifier;
import org.zwfw.sdk.client.model.WebhookEvent;
import org.zwfw.sdk.httpsig.HttpFields;
import org.zwfw.sdk.httpsig.RequestMessage;

/**
 * The department's webhook receiver in {@code zwfw demo}: a real HTTP server on loopback whose
 * every delivery goes through {@link WebhookVerifier}; verified events are queued, refusals kept.
 */
final class DemoWebhooks implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "zwfw-demo-webhooks");
        t.setDaemon(true);
        return t;
    });
    private volatile WebhookVerifier verifier;
    final BlockingQueue<WebhookEvent> events = new LinkedBlockingQueue<>();
    final List<RequestMessage> deliveries = new CopyOnWriteArrayList<>();
    final List<WebhookVerifier.Outcome> outcomes = new CopyOnWriteArrayList<>();

    DemoWebhooks() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.setExecutor(executor);
        server.createContext("/hooks/zwfw", this::handle);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/zwfw");
    }

    void use(WebhookVerifier v) {
        this.verifier = v;
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] body;
            try (InputStream in = ex.getRequestBody()) {
                body = in.readNBytes(WebhookVerifier.MAX_BYTES + 1);
            }
            WebhookVerifier v = verifier;
            if (v == null || !ex.getRequestMethod().equals("POST")) {
                ex.sendResponseHeaders(v == null ? 503 : 405, -1);
                return;
            }
            RequestMessage m = RequestMessage.received("POST", "http", ex.getRequestHeaders().getFirst("Host"),
                    ex.getRequestURI().getRawPath(), HttpFields.of(ex.getRequestHeaders()).without("host"), body);
            deliveries.add(m);
            WebhookVerifier.Outcome o = v.handle(m, events::add);
            outcomes.add(o);
            ex.sendResponseHeaders(o.httpStatus(), -1);
        } catch (RuntimeException e) {
            ex.sendResponseHeaders(500, -1);
        }
    }

    /** Runs a delivery through the verifier again, as a replayed copy would be. */
    WebhookVerifier.Outcome replay(RequestMessage delivery) {
        return verifier.handle(delivery, events::add);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
