package org.zwfw.sdk.client;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/** Reading verified answers that are not JSON models: compact JWS texts. */
final class Answers {

    private Answers() {
    }

    /**
     * @param response  the verified answer
     * @param mediaType the media type the operation answers with ({@code application/trustlist+jwt})
     * @param request   the call, for the message
     * @return the content as text, one compact JWS
     * @throws ApiDecodingException for another media type or content that is not a compact JWS
     */
    static String compactJws(ApiResponse response, String mediaType, ApiRequest request) {
        String type = response.fields().first("content-type").orElse("");
        int semi = type.indexOf(';');
        String bare = (semi < 0 ? type : type.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
        if (!bare.equals(mediaType)) {
            throw failure(response, request, "its content type is " + (bare.isEmpty() ? "missing" : bare) + ", not " + mediaType);
        }
        String text;
        try {
            text = StandardCharsets.US_ASCII.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(response.contentView())).toString();
        } catch (CharacterCodingException e) {
            throw failure(response, request, "it is not ASCII");
        }
        if (!isCompactJws(text)) {
            throw failure(response, request, "it is not one compact JWS");
        }
        return text;
    }

    static CompletableFuture<String> compactJwsAsync(ApiClient client, ApiRequest request, String mediaType) {
        return client.sendAsync(request).thenApply(r -> compactJws(r, mediaType, request));
    }

    private static boolean isCompactJws(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty() || parts[2].isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.')) {
                return false;
            }
        }
        return true;
    }

    private static ApiDecodingException failure(ApiResponse response, ApiRequest request, String why) {
        return new ApiDecodingException(ApiClient.where(request) + ": the verified " + response.status()
                + " answer is not the expected token (" + why + ")", response.status(), response.requestId().orElse(null),
                response.attempts(), null);
    }

    /**
     * @param pageSize items per page
     * @return it, checked to be 1 to 100
     */
    static int pageSize(int pageSize) {
        if (pageSize < 1 || pageSize > 100) {
            throw new IllegalArgumentException("pageSize must be 1 to 100");
        }
        return pageSize;
    }
}
