package org.zwfw.sdk.client;

import java.util.Optional;
import org.zwfw.sdk.httpsig.HttpFields;

/**
 * A verified {@code 2xx} answer: signed by a platform key, bound to the request this client sent,
 * its content matching its digest. {@code toString()} shows no content.
 *
 * @param status   the HTTP status
 * @param fields   the header fields
 * @param content  the content
 * @param attempts how many attempts the call took
 * @param keyId    the platform key that signed the answer
 * @param algorithm the answer's signature algorithm ({@code ecdsa-p256-sha256}, {@code ed25519}, {@code sm2-sm3})
 */
public record ApiResponse(int status, HttpFields fields, byte[] content, int attempts, String keyId, String algorithm) {

    /** Copies the content. */
    public ApiResponse {
        content = content.clone();
    }

    /** @return a copy of the content */
    @Override
    public byte[] content() {
        return content.clone();
    }

    byte[] contentView() {
        return content;
    }

    /** @return the platform's {@code X-Request-Id}, for support requests */
    public Optional<String> requestId() {
        return fields.first("x-request-id");
    }

    @Override
    public String toString() {
        return "ApiResponse[" + status + ", " + content.length + " bytes, request id "
                + requestId().orElse("none") + ", " + attempts + " attempt(s)]";
    }
}
