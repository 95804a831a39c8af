package org.zwfw.sdk.sandbox.internal.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.httpsig.HttpFields;
import org.zwfw.sdk.httpsig.MessageSigner;
import org.zwfw.sdk.httpsig.RequestMessage;
import org.zwfw.sdk.httpsig.Signed;
import org.zwfw.sdk.sandbox.RegisteredApp;
import org.zwfw.sdk.sandbox.internal.StrictJson;

/**
 * Webhook deliveries ({@code spec/api-signing.md} §9): each event POSTed to the receiving
 * application's registered URL, signed by {@link MessageSigner#signWebhook} with the platform key
 * of the algorithm of the application's first API key, anew for every attempt. A {@code 2xx}
 * ends the event; anything else, or no answer within 10 s, is tried again after 1 min, 5 min,
 * 30 min, 2 h, 6 h and 15 h (times multiplied by the time scale, so that tests take
 * milliseconds), then the event is dropped; {@code 410} stops deliveries to that URL. Only the
 * event type, attempt and status are logged. Thread-safe.
 */
final class Webhooks implements Events, AutoCloseable {

    static final List<Duration> BACKOFF = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(6), Duration.ofHours(15));
    static final Duration ANSWER_TIME = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(Webhooks.class);

    private final Function<String, Optional<RegisteredApp>> apps;
    private final PlatformKeys keys;
    private final Clock clock;
    private final double timeScale;
    private final HttpClient http;
    private final ScheduledExecutorService timer;
    private final Set<URI> gone = ConcurrentHashMap.newKeySet();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();

    Webhooks(Function<String, Optional<RegisteredApp>> apps, PlatformKeys keys, Clock clock, double timeScale) {
        this.apps = apps;
        this.keys = keys;
        this.clock = clock;
        this.timeScale = timeScale;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "zwfw-sandbox-webhooks");
            t.setDaemon(true);
            return t;
        });
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
                .followRedirects(HttpClient.Redirect.NEVER).executor(timer).build();
    }

    @Override
    public void emit(String appId, String type, Map<String, Object> data) {
        Optional<RegisteredApp> app = apps.apply(appId);
        if (app.isEmpty() || app.get().webhookUrl().isEmpty()) {
            return;
        }
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", Ids.next("evt_"));
        event.put("type", type);
        event.put("created_at", Times.format(clock.instant()));
        event.put("app_id", appId);
        event.put("data", data);
        byte[] body = StrictJson.writeCompact(event).getBytes(StandardCharsets.UTF_8);
        timer.execute(() -> attempt(app.get(), type, body, 0));
    }

    private void attempt(RegisteredApp app, String type, byte[] body, int attempt) {
        URI url = app.webhookUrl().orElseThrow();
        if (gone.contains(url)) {
            return;
        }
        String alg = app.apiKeys().map(k -> k.keys().isEmpty() ? null : k.keys().get(0).algorithm()).map(
                Webhooks::profileName).orElse(null);
        MessageSigner signer = keys.signer(alg);
        RequestMessage delivery = RequestMessage.of("POST", url, HttpFields.of("content-type", "application/json",
                "x-zwfw-app-id", app.clientId()), body);
        Signed<RequestMessage> signed = signer.signWebhook(delivery, clock.instant(), MessageSigner.newNonce());
        HttpRequest.Builder b = HttpRequest.newBuilder(url).timeout(ANSWER_TIME)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        for (Map.Entry<String, String> line : signed.message().fields().lines()) {
            b.header(line.getKey(), line.getValue());
        }
        http.sendAsync(b.build(), HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
            int status = e == null ? r.statusCode() : 0;
            LOG.debug("webhook {} attempt {} -> {}", type, attempt + 1, e == null ? status : "no answer");
            if (status >= 200 && status < 300) {
                delivered.incrementAndGet();
            } else if (status == 410) {
                gone.add(url);
                dropped.incrementAndGet();
            } else if (attempt < BACKOFF.size()) {
                long delay = Math.max(1, (long) (BACKOFF.get(attempt).toMillis() * timeScale));
                timer.schedule(() -> attempt(app, type, body, attempt + 1), delay, TimeUnit.MILLISECONDS);
            } else {
                dropped.incrementAndGet();
            }
        });
    }

    private static String profileName(JwsAlgorithm alg) {
        switch (alg) {
            case EDDSA: return "ed25519";
            case SGD_SM3_SM2: return "sm2-sm3";
            default: return "ecdsa-p256-sha256";
        }
    }

    long delivered() {
        return delivered.get();
    }

    long dropped() {
        return dropped.get();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
