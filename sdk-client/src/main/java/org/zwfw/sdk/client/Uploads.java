package org.zwfw.sdk.client;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.zwfw.sdk.client.model.Upload;

/**
 * Material uploads ({@code createUpload}, {@code POST /v1/uploads}): one file, sent as it is with
 * its media type, kept by the platform 24 hours for one case submission.
 */
public final class Uploads {

    /** The largest file the operation takes: 10 MiB. */
    public static final int MAX_BYTES = 10 * 1024 * 1024;

    /** The media types the operation takes. */
    public static final List<String> MEDIA_TYPES = List.of("application/pdf", "application/ofd", "image/jpeg", "image/png");

    private final ApiClient client;

    Uploads(ApiClient client) {
        this.client = client;
    }

    /**
     * Uploads a file; retried only with its {@code Idempotency-Key}, so a retry stores it once.
     * The size and the media type are checked before anything is sent; the platform checks the
     * content against the media type (a PDF must be one).
     *
     * @param mediaType      one of {@link #MEDIA_TYPES}
     * @param content        the file, 1 byte to {@link #MAX_BYTES}
     * @param idempotencyKey the key, or {@code null} for one made by the client for this call
     * @return the upload, its {@code upload_id} to name as a case material
     * @throws IllegalArgumentException for another media type, an empty file or one over 10 MiB
     */
    public Upload create(String mediaType, byte[] content, String idempotencyKey) {
        return client.call(request(mediaType, content, idempotencyKey), Upload.class);
    }

    /**
     * @param mediaType      one of {@link #MEDIA_TYPES}
     * @param content        the file
     * @param idempotencyKey the key, or {@code null}
     * @return the upload
     * @throws IllegalArgumentException at once, as {@link #create} does
     */
    public CompletableFuture<Upload> createAsync(String mediaType, byte[] content, String idempotencyKey) {
        return client.callAsync(request(mediaType, content, idempotencyKey), Upload.class);
    }

    static ApiRequest request(String mediaType, byte[] content, String idempotencyKey) {
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(content, "content");
        if (!MEDIA_TYPES.contains(mediaType)) {
            throw new IllegalArgumentException("an upload is one of " + MEDIA_TYPES + ", not " + mediaType);
        }
        if (content.length == 0 || content.length > MAX_BYTES) {
            throw new IllegalArgumentException("an upload is 1 byte to 10 MiB; this one is " + content.length + " bytes");
        }
        return new ApiRequest("POST", "/v1/uploads", null, mediaType, content, RetryMode.IDEMPOTENCY_KEY, idempotencyKey);
    }
}
