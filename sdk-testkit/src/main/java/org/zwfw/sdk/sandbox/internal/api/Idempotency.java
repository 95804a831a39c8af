package org.zwfw.sdk.sandbox.internal.api;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.zwfw.sdk.sandbox.internal.Response;

/**
 * Idempotency records ({@code spec/api-signing.md} §6): the first answer to a creating request,
 * keyed on (application, operation, key) for 24 hours with the request's fingerprint (method,
 * path, query, {@code Content-Digest}). A retry with the same fingerprint gets that answer again;
 * one while the first runs is {@code IN_USE}; another request under the key is {@code REUSED}.
 * Answers of {@code 5xx} (and dropped ones) are not kept, so that a retry runs the operation.
 * Thread-safe (the state's lock).
 */
final class Idempotency {

    static final Duration KEPT = Duration.ofHours(24);
    static final int MAX_RECORDS = 100_000;

    enum Kind { RUN, REPLAY, IN_USE, REUSED }

    record Outcome(Kind kind, Response replay) {
    }

    private final ApiState state;
    private final Set<String> running = new HashSet<>();

    Idempotency(ApiState state) {
        this.state = state;
    }

    static String id(String app, String operation, String key) {
        return app + "|" + operation + "|" + key;
    }

    Outcome begin(String id, String fingerprint, Instant now) {
        synchronized (state) {
            if (running.contains(id)) {
                return new Outcome(Kind.IN_USE, null);
            }
            Map<String, Object> r = state.idempotency.get(id);
            if (r != null && ((Number) r.get("expires_at")).longValue() <= now.getEpochSecond()) {
                state.idempotency.remove(id);
                r = null;
            }
            if (r != null) {
                if (!fingerprint.equals(r.get("fingerprint"))) {
                    return new Outcome(Kind.REUSED, null);
                }
                Response stored = new Response(((Number) r.get("status")).intValue(), (String) r.get("content_type"),
                        Base64.getDecoder().decode((String) r.get("body")), Map.of());
                if (r.get("location") != null) {
                    stored = stored.withHeader("Location", (String) r.get("location"));
                }
                return new Outcome(Kind.REPLAY, stored);
            }
            running.add(id);
            return new Outcome(Kind.RUN, null);
        }
    }

    void finish(String id, String fingerprint, Response answer, Instant now) {
        synchronized (state) {
            running.remove(id);
            if (answer == Response.DROP || answer.status() >= 500) {
                return;
            }
            sweep(now);
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("fingerprint", fingerprint);
            r.put("expires_at", now.plus(KEPT).getEpochSecond());
            r.put("status", answer.status());
            r.put("content_type", answer.contentType());
            r.put("body", Base64.getEncoder().encodeToString(answer.body()));
            String location = answer.headers().get("Location");
            if (location != null) {
                r.put("location", location);
            }
            state.idempotency.put(id, r);
            state.save();
        }
    }

    void abort(String id) {
        synchronized (state) {
            running.remove(id);
        }
    }

    private void sweep(Instant now) {
        for (Iterator<Map<String, Object>> it = state.idempotency.values().iterator(); it.hasNext();) {
            if (((Number) it.next().get("expires_at")).longValue() <= now.getEpochSecond()) {
                it.remove();
            }
        }
        while (state.idempotency.size() >= MAX_RECORDS) {
            Iterator<String> oldest = state.idempotency.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
    }
}
