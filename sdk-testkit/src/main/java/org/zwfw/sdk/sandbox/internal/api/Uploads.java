package org.zwfw.sdk.sandbox.internal.api;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.zwfw.sdk.sandbox.internal.Problem;
import org.zwfw.sdk.sandbox.internal.Response;

/**
 * Material uploads: the file's type checked against its content (a PDF must start as one), its
 * size and SHA-256 kept for 24 hours for one case; the file itself is not kept (the sandbox
 * needs only to know that it arrived).
 */
final class Uploads {

    static final int MAX_BYTES = 10 * 1024 * 1024;
    static final Duration LIFETIME = Duration.ofHours(24);
    static final List<String> TYPES = List.of("application/pdf", "application/ofd", "image/jpeg", "image/png");

    private final ApiState state;
    private final String base;
    private final Clock clock;

    Uploads(ApiState state, String base, Clock clock) {
        this.state = state;
        this.base = base;
        this.clock = clock;
    }

    Response create(Call c) {
        String type = c.request().header("Content-Type").map(t -> t.split(";")[0].strip().toLowerCase(Locale.ROOT))
                .orElse("");
        if (!TYPES.contains(type)) {
            throw Problem.http(415, "an upload is application/pdf, application/ofd, image/jpeg or image/png")
                    .withCode("UNSUPPORTED_MEDIA_TYPE").exception();
        }
        byte[] file = c.request().body();
        if (file.length == 0) {
            throw ApiProblems.invalid("MALFORMED", null, "the upload is empty");
        }
        if (!looksLike(type, file)) {
            throw ApiProblems.unprocessable("INVALID_CLAIM", "The file is not of its media type",
                    List.of(new Problem.Item("INVALID_CLAIM", null, "the content does not start as " + type
                            + " does")));
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> u = new LinkedHashMap<>();
        String id = Ids.next("upl_");
        u.put("upload_id", id);
        u.put("media_type", type);
        u.put("size", file.length);
        u.put("sha256", sha256(file));
        u.put("expires_at", Times.format(now.plus(LIFETIME)));
        synchronized (state) {
            Map<String, Object> rec = new LinkedHashMap<>();
            rec.put("app_id", c.appId());
            rec.put("used", false);
            rec.put("upload", u);
            state.uploads.put(id, rec);
            state.save();
        }
        return Response.json(201, u);
    }

    /** The upload record an app may use now, or {@code null}; the caller holds the state's lock. */
    Map<String, Object> usable(String appId, String id) {
        Map<String, Object> rec = state.uploads.get(id);
        if (rec == null || !appId.equals(rec.get("app_id")) || Boolean.TRUE.equals(rec.get("used"))) {
            return null;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> u = (Map<String, Object>) rec.get("upload");
        return Times.parse((String) u.get("expires_at")).isAfter(clock.instant()) ? u : null;
    }

    private static boolean looksLike(String type, byte[] f) {
        switch (type) {
            case "application/pdf":
                return starts(f, "%PDF-".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            case "application/ofd":
                return starts(f, new byte[] {'P', 'K', 3, 4});
            case "image/jpeg":
                return starts(f, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});
            default:
                return starts(f, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        }
    }

    private static boolean starts(byte[] f, byte[] prefix) {
        if (f.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (f[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
