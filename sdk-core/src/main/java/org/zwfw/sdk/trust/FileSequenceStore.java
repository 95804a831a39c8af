package org.zwfw.sdk.trust;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.zwfw.sdk.internal.Json;
import org.zwfw.sdk.internal.JsonException;
import org.zwfw.sdk.internal.NumericDates;

/**
 * A {@link SequenceStore} kept in a file, so that a restart does not forget the highest
 * trust-list {@code seq} seen. Content: {@code {"seq": n, "digest": "..."}}.
 *
 * <p>Every update writes a temporary file in the same directory, forces it to disk and moves it
 * over the old file atomically, so a crash leaves either the old or the new state, never a torn
 * file. A damaged file stops {@link #open(Path)} (fail closed) rather than being taken for
 * "nothing seen". One file belongs to one process: the value is read once, at opening.
 * Thread-safe.
 */
public final class FileSequenceStore implements SequenceStore {

    /** The state file is a few dozen bytes; anything much larger is not one of ours. */
    private static final int MAX_FILE_BYTES = 4096;

    private final Path file;
    private volatile Seen highest;

    private FileSequenceStore(Path file, Seen highest) {
        this.file = file;
        this.highest = highest;
    }

    /**
     * Opens the store, reading the file when it exists; a missing file means nothing seen (it is
     * created by the first {@link #advance(Seen)}).
     *
     * @param file the state file; its directory must exist
     * @return the store
     * @throws IOException when the file exists but cannot be read or is not a valid state file
     */
    public static FileSequenceStore open(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        Path abs = file.toAbsolutePath();
        byte[] bytes;
        try {
            if (Files.size(abs) > MAX_FILE_BYTES) {
                throw new IOException("trust-list sequence file " + abs + " is larger than " + MAX_FILE_BYTES
                        + " bytes; it is not a state file of this SDK");
            }
            bytes = Files.readAllBytes(abs);
        } catch (NoSuchFileException e) {
            return new FileSequenceStore(abs, null);
        }
        return new FileSequenceStore(abs, parse(bytes, abs));
    }

    private static Seen parse(byte[] bytes, Path file) throws IOException {
        String where = "trust-list sequence file " + file;
        Map<String, Object> m;
        try {
            m = Json.parseObject(bytes, 2);
        } catch (JsonException e) {
            throw new IOException(where + " is damaged: " + e.getMessage());
        }
        Long seq = NumericDates.integer(m.get("seq"), NumericDates.MAX_SEQ);
        if (seq == null) {
            throw new IOException(where + " is damaged: 'seq' must be an integer in [0, " + NumericDates.MAX_SEQ
                    + "]");
        }
        Object digest = m.get("digest");
        if (digest != null && !(digest instanceof String)) {
            throw new IOException(where + " is damaged: 'digest' must be a string");
        }
        return new Seen(seq, (String) digest);
    }

    /** @return the state file's path (absolute) */
    public Path file() {
        return file;
    }

    @Override
    public Optional<Seen> highest() {
        return Optional.ofNullable(highest);
    }

    @Override
    public synchronized boolean advance(Seen next) {
        Objects.requireNonNull(next, "next");
        Seen current = highest;
        if (current != null && !current.permits(next)) {
            return false;
        }
        if (next.equals(current)) {
            return true;
        }
        try {
            write(next);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record trust-list seq " + next.seq() + " in " + file, e);
        }
        highest = next;
        return true;
    }

    private void write(Seen seen) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", seen.seq());
        if (seen.digest() != null) {
            m.put("digest", seen.digest());
        }
        byte[] bytes = (Json.writeString(m) + "\n").getBytes(StandardCharsets.UTF_8);
        Path dir = file.getParent();
        Path tmp = Files.createTempFile(dir, file.getFileName().toString() + ".", ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("the file system of " + dir + " cannot replace files atomically", e);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        syncDirectory(dir);
    }

    /** Makes the rename durable where the platform allows opening a directory; best effort. */
    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Not possible on every platform (Windows); the atomic rename already keeps the file whole.
        }
    }

    @Override
    public String toString() {
        return "FileSequenceStore[" + file + ", " + highest() + "]";
    }
}
