package org.zwfw.sdk.status;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where {@link StatusChecker} obtains status list tokens: given a list's URI, the token text.
 * Obtaining a token and trusting it are separate: whatever a source returns is verified before
 * use. This package ships an in-memory source ({@link #of(Map)}) and a file-backed one
 * ({@link #files(Map)}, for {@code zwfw verify --status-from URI=FILE}); an HTTP source lives with
 * the SDK's client code and plugs in here.
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
}
