package org.zwfw.sdk.status;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.zwfw.sdk.http.HttpTransport;

/**
 * Where {@link StatusChecker} obtains status list tokens: given a list's URI, the token text.
 * Obtaining a token and trusting it are separate: whatever a source returns is verified before
 * use. This package ships an in-memory source ({@link #of(Map)}) and a file-backed one
 * ({@link #files(Map)}, for {@code zwfw verify --status-from URI=FILE}) and an HTTP one
 * ({@link #http(HttpTransport, Duration)}).
 *
 * <p>Implementations must be thread-safe: one checker calls them from many threads.
 */
@FunctionalInterface
public interface StatusListSource {

    /**
     * Obtains the status list token published at {@code uri}.
     *
     * <p>To keep memory bounded an implementation should stop reading after {@code maxChars + 1}
     * characters; the checker reports anything longer than {@code maxChars} as {@code TOO_LARGE}
     * without parsing it.
     *
     * @param uri      the list's URI, from a credential's {@code status.status_list.uri}
     * @param maxChars the longest token the caller accepts
     * @return the compact JWS text, or empty when the source has no list for this URI
     * @throws IOException when the list exists but cannot be read (reported as
     *                     {@code STATUS_UNAVAILABLE})
     */
    Optional<String> fetch(URI uri, int maxChars) throws IOException;

    /**
     * An offline source holding tokens in memory.
     *
     * @param tokens the token text per list URI (compared with {@link URI#equals}), copied
     * @return the source
     */
    static StatusListSource of(Map<URI, String> tokens) {
        Map<URI, String> copy = Map.copyOf(tokens);
        return (uri, maxChars) -> Optional.ofNullable(copy.get(uri));
    }

    /**
     * An offline source reading each list from a file: the file's content, with surrounding
     * white space removed, is the token. Reads at most {@code maxChars + 1} bytes of a file.
     *
     * @param files the file per list URI, copied; files are read on each fetch
     * @return the source
     */
    static StatusListSource files(Map<URI, Path> files) {
        return new FileStatusListSource(files);
    }

    /**
     * Fetches each list over HTTP with GET, {@code Accept: application/statuslist+jwt}: the
     * fetch rules of {@code spec/http.md} apply (HTTPS, no redirects, status 200, the
     * {@code Content-Type} {@code application/statuslist+jwt} when one is given, bounded body and
     * time). A 404 is
     * an unreadable list like any other failure ({@code STATUS_UNAVAILABLE}); caching is the
     * checker's, by the list's {@code ttl}.
     *
     * @param transport the transport, for example {@link HttpTransport#standard}; left open
     * @param timeout   the longest one fetch may take
     * @return the source
     */
    static StatusListSource http(HttpTransport transport, Duration timeout) {
        java.util.Objects.requireNonNull(transport, "transport");
        java.util.Objects.requireNonNull(timeout, "timeout");
        return new StatusListSource() {
            @Override
            public Optional<String> fetch(URI uri, int maxChars) throws IOException {
                byte[] body;
                try {
                    // two bytes over the limit for a final line break, without overflowing
                    int cap = (int) Math.min((long) maxChars + 2, Integer.MAX_VALUE - 8);
                    body = transport.get(uri, StatusListToken.MEDIA_TYPE, cap, timeout);
                } catch (IllegalArgumentException e) {
                    // The transport refuses URIs that break the fetch rules before any I/O.
                    throw new IOException(e.getMessage(), e);
                }
                // A token is ASCII; any other byte becomes one character that JWS parsing refuses.
                return Optional.of(new String(body, java.nio.charset.StandardCharsets.ISO_8859_1).strip());
            }

            @Override
            public String toString() {
                return "StatusListSource.http[" + transport + "]";
            }
        };
    }
}
