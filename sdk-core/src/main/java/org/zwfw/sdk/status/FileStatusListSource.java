package org.zwfw.sdk.status;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** {@link StatusListSource#files(Map)}: one file per URI, read with a size bound. Thread-safe. */
final class FileStatusListSource implements StatusListSource {

    private final Map<URI, Path> files;

    FileStatusListSource(Map<URI, Path> files) {
        this.files = Map.copyOf(files);
    }

    @Override
    public Optional<String> fetch(URI uri, int maxChars) throws IOException {
        Path file = files.get(uri);
        if (file == null) {
            return Optional.empty();
        }
        byte[] bytes;
        // Surrounding white space (a final line break) is allowed, so read a little beyond the limit.
        int cap = maxChars > Integer.MAX_VALUE - 1024 ? Integer.MAX_VALUE - 8 : maxChars + 1024;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(cap);
        } catch (NoSuchFileException e) {
            throw new IOException("status list file for " + uri + " does not exist: " + file, e);
        }
        // A token is ASCII; any other byte becomes one character that JWS parsing then refuses.
        String text = new String(bytes, StandardCharsets.ISO_8859_1).strip();
        return Optional.of(text);
    }

    @Override
    public String toString() {
        return "FileStatusListSource" + files.keySet();
    }
}
