package org.zwfw.sdk.sandbox.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.crypto.KeyFormatException;
import org.zwfw.sdk.crypto.SigningKey;
import org.zwfw.sdk.status.issuer.StatusListState;

/**
 * The sandbox's state directory, owned by one running sandbox at a time (a lock file):
 *
 * <pre>
 * sandbox.json           {"format": 1, "base_url": ..., "port": ..., "trust_list_seq": ...}
 * sandbox.lock           held while a sandbox runs
 * keys/NAME.jwk          private JWKs, owner-only
 * status/NAME.zwsl       status list states (spec/status-list.md §8)
 * </pre>
 *
 * <p>{@code sandbox.json} is written last on a first start, so it marks a complete state: without
 * it, keys are generated afresh (unless a status list shows that credentials were issued: then the
 * state is damaged); with it, every key must be there. Every file is written to a
 * temporary file, forced to disk and renamed over the old one, so a crash leaves the old or the
 * new content. Where the file system has POSIX permissions, directories are created {@code rwx------}
 * and files {@code rw-------}; elsewhere protecting the directory is the user's job (a warning is
 * logged). Not thread-safe: the sandbox serializes its calls.
 */
public final class StateDirectory implements AutoCloseable {

    /** The persisted settings of a sandbox. */
    public record State(URI baseUrl, int port, long trustListSeq) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(StateDirectory.class);
    private static final int FORMAT = 1;
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");

    private final Path root;
    private final boolean posix;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private StateDirectory(Path root, boolean posix, FileChannel lockChannel, FileLock lock) {
        this.root = root;
        this.posix = posix;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * Opens (creating it if needed) and locks a state directory, and removes the temporary files
     * an interrupted write left in it.
     *
     * @param dir the directory
     * @return the opened directory
     * @throws IllegalStateException if another sandbox holds it, or it or one of its
     *                               subdirectories is a file
     * @throws UncheckedIOException  if it cannot be created or locked
     */
    public static StateDirectory open(Path dir) {
        Path root = dir.toAbsolutePath().normalize();
        FileChannel channel = null;
        try {
            boolean posix = createDirectory(root, null);
            createDirectory(root.resolve("keys"), posix);
            createDirectory(root.resolve("status"), posix);
            if (!posix) {
                LOG.warn("the file system of {} has no POSIX permissions: protect the directory yourself, it holds"
                        + " private keys", root);
            }
            FileAttribute<?>[] attrs = posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_FILE)}
                    : new FileAttribute<?>[0];
            channel = FileChannel.open(root.resolve("sandbox.lock"), Set.of(StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE), attrs);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw new IllegalStateException("another sandbox is using the state directory " + root
                        + "; stop it first (one directory belongs to one sandbox)");
            }
            StateDirectory state = new StateDirectory(root, posix, channel, lock);
            state.removeTemporaryFiles();
            return state;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("cannot open the state directory " + root + ": " + reason(e), e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    /** Creates a directory owner-only when the file system allows; whether it has POSIX permissions. */
    private static boolean createDirectory(Path dir, Boolean posixKnown) throws IOException {
        if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(dir)) {
            throw new IllegalStateException("the sandbox state directory cannot be used: " + dir
                    + " is a file, not a directory");
        }
        if (Files.isDirectory(dir)) {
            return posixKnown != null ? posixKnown : Files.getFileStore(dir).supportsFileAttributeView("posix");
        }
        Path parent = dir.getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            Files.createDirectories(parent);
        }
        boolean posix = posixKnown != null ? posixKnown : Files.getFileStore(parent).supportsFileAttributeView("posix");
        if (posix) {
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_DIR));
        } else {
            Files.createDirectory(dir);
        }
        return posix;
    }

    /**
     * Removes the temporary files a crash may have left beside the state files ({@code NAME.tmp}
     * of an atomic write that never reached its rename). The state files themselves are whole:
     * the old or the new content. A left-over temporary key file would be a second copy of a
     * private key, never used.
     */
    private void removeTemporaryFiles() throws IOException {
        for (Path dir : new Path[] {root, root.resolve("keys"), root.resolve("status"), root.resolve(PREVIOUS_KEYS)}) {
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            try (DirectoryStream<Path> tmp = Files.newDirectoryStream(dir, "*.tmp")) {
                for (Path f : tmp) {
                    if (Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
                        Files.delete(f);
                        LOG.debug("removed {}, left by an interrupted write", f);
                    }
                }
            }
        }
    }

    /** @return the directory */
    public Path root() {
        return root;
    }

    /** The subdirectory of {@code keys} that holds the OpenID provider's previous keys after a rotation. */
    public static final String PREVIOUS_KEYS = "keys/oidc-previous";

    /**
     * @param relative a file below the directory, such as {@code keys/oidc-rsa.pem}
     * @return whether it exists
     */
    public boolean exists(String relative) {
        return Files.exists(root.resolve(relative), LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * @param relative a file below the directory
     * @return its text
     * @throws IllegalStateException naming the file when it is missing, unreadable or not UTF-8
     */
    public String readText(String relative) {
        Path file = root.resolve(relative);
        if (!Files.exists(file)) {
            throw damaged(file, "it is missing (move the directory away to start afresh)");
        }
        if (relative.startsWith("keys/")) {
            warnIfShared(file);
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw damaged(file, "it is not UTF-8 text");
        } catch (IOException e) {
            throw damaged(file, "it cannot be read (" + reason(e) + ")");
        }
    }

    /**
     * Writes a file owner-only, atomically (creating {@link #PREVIOUS_KEYS} when it is the parent).
     *
     * @param relative a file below the directory
     * @param text     its new content
     * @throws UncheckedIOException when it cannot be written
     */
    public void writeText(String relative, String text) {
        Path file = root.resolve(relative);
        try {
            if (!Files.isDirectory(file.getParent())) {
                createDirectory(file.getParent(), posix);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file.getParent(), e);
        }
        writeAtomically(file, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param relative a file below the directory; nothing happens when it does not exist
     * @throws UncheckedIOException when it cannot be deleted
     */
    public void delete(String relative) {
        try {
            Files.deleteIfExists(root.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root.resolve(relative), e);
        }
    }

    /**
     * @param relative a file below the directory
     * @param why      what is wrong with it
     * @return the exception that stops a start, naming the file
     */
    public IllegalStateException damaged(String relative, String why) {
        return damaged(root.resolve(relative), why);
    }

    /**
     * @return the persisted settings, or empty on a first start
     * @throws IllegalStateException when {@code sandbox.json} is damaged
     */
    public Optional<State> read() {
        Path file = root.resolve("sandbox.json");
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            JsonNode n = StrictJson.readTrusted(Files.readString(file, StandardCharsets.UTF_8));
            if (n == null || !n.isObject() || n.path("format").asInt() != FORMAT || !n.path("base_url").isTextual()
                    || !n.path("port").canConvertToInt() || !n.path("port").isIntegralNumber()
                    || !n.path("trust_list_seq").isIntegralNumber() || n.path("trust_list_seq").asLong() < 0) {
                throw damaged(file, "expected {\"format\": 1, \"base_url\", \"port\", \"trust_list_seq\"}");
            }
            return Optional.of(new State(URI.create(n.get("base_url").textValue()), n.get("port").intValue(),
                    n.get("trust_list_seq").longValue()));
        } catch (CharacterCodingException e) {
            throw damaged(file, "it is not UTF-8 text");
        } catch (IOException e) {
            throw damaged(file, "it cannot be read (" + reason(e) + ")");
        } catch (IllegalArgumentException e) {
            throw damaged(file, "its base_url is not a URL");
        }
    }

    /**
     * @param state the settings to persist
     * @throws UncheckedIOException when they cannot be written
     */
    public void write(State state) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("base_url", state.baseUrl().toString());
        m.put("port", state.port());
        m.put("trust_list_seq", state.trustListSeq());
        writeAtomically(root.resolve("sandbox.json"), StrictJson.write(m));
    }

    /**
     * Loads a key, or generates and stores it when the state is new.
     *
     * @param name     the key's file name without {@code .jwk}
     * @param alg      the algorithm it must have
     * @param generate whether a missing key may be generated (a first start)
     * @return the key, with its key ID
     * @throws IllegalStateException when the key is missing from an existing state, damaged or of
     *                               another algorithm
     */
    public SigningKey key(String name, JwsAlgorithm alg, boolean generate) {
        Path file = root.resolve("keys").resolve(name + ".jwk");
        if (generate) {
            SigningKey key = SigningKey.generate(alg);
            writeAtomically(file, (key.toPrivateJwkJson() + "\n").getBytes(StandardCharsets.UTF_8));
            return key;
        }
        if (!Files.exists(file)) {
            throw damaged(file, "the key is missing (move the directory away to start afresh with new keys)");
        }
        warnIfShared(file);
        SigningKey key;
        try {
            key = SigningKey.fromJwk(Files.readString(file, StandardCharsets.UTF_8).strip());
        } catch (CharacterCodingException e) {
            throw damaged(file, "it is not UTF-8 text, so not a private JWK");
        } catch (IOException e) {
            throw damaged(file, "it cannot be read (" + reason(e) + ")");
        } catch (KeyFormatException e) {
            throw damaged(file, "not a private JWK: " + e.getMessage());
        }
        if (key.algorithm() != alg || key.keyId().isEmpty()) {
            throw damaged(file, "expected a " + alg.jwsName() + " key with a kid");
        }
        return key;
    }

    /**
     * @param name a status list's name
     * @return the file its state lives in
     */
    public Path statusFile(String name) {
        return root.resolve("status").resolve(name + ".zwsl");
    }

    /**
     * On a later start, checks that a status list's state is there and readable: without it, every
     * credential the list issued would read as valid again, revoked ones included.
     *
     * @param name a status list's name
     * @throws IllegalStateException when the state is missing or damaged
     */
    public void checkStatus(String name) {
        Path file = statusFile(name);
        if (!Files.exists(file)) {
            throw damaged(file, "the status list is missing, so the credentials it issued would read as valid,"
                    + " revoked ones included; restore it, or move the directory away to start afresh");
        }
        try {
            StatusListState.readFrom(file);
        } catch (IOException | RuntimeException e) {
            throw damaged(file, statusReason(e));
        }
    }

    /** What is wrong with a status list state file, without repeating its name. */
    private static String statusReason(Exception e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        int i = m.indexOf(" is not usable: ");
        if (i >= 0) {
            return m.substring(i + " is not usable: ".length());
        }
        return e instanceof IOException ? "it cannot be read (" + reason((IOException) e) + ")"
                : "it is not a status list state";
    }

    /** The reason of an I/O failure in plain words: the file system's reason, without the path. */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof FileSystemException && ((FileSystemException) e).getReason() != null) {
            return ((FileSystemException) e).getReason();
        }
        return e.getMessage() == null ? "input/output error" : e.getMessage();
    }

    /**
     * On a first start, removes a status list state left by an earlier first start that did not
     * complete. Such a list has issued nothing; one that has is a damaged state, refused.
     *
     * @param name a status list's name
     * @throws IllegalStateException when the left-over list has allocated indexes or is unreadable
     */
    public void discardUnusedStatus(String name) {
        Path file = statusFile(name);
        if (!Files.exists(file)) {
            return;
        }
        int issued;
        try {
            issued = StatusListState.readFrom(file).allocatedCount();
        } catch (IOException | RuntimeException e) {
            throw damaged(root.resolve("sandbox.json"), "it is missing, and " + file + " cannot be read: "
                    + statusReason(e));
        }
        if (issued > 0) {
            throw damaged(root.resolve("sandbox.json"), "it is missing, but " + file + " records " + issued
                    + " issued credential(s), whose keys would be replaced; restore it or move the directory away");
        }
        try {
            Files.delete(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file, e);
        }
    }

    private void warnIfShared(Path file) {
        if (!posix) {
            return;
        }
        try {
            Set<PosixFilePermission> p = Files.getPosixFilePermissions(file);
            if (!OWNER_FILE.containsAll(p)) {
                LOG.warn("{} is readable or writable by others ({}); it holds a private key: chmod 600 it", file,
                        PosixFilePermissions.toString(p));
            }
        } catch (IOException e) {
            LOG.debug("cannot read the permissions of {}", file);
        }
    }

    private void writeAtomically(Path file, byte[] content) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.deleteIfExists(tmp);
            FileAttribute<?>[] attrs = posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_FILE)}
                    : new FileAttribute<?>[0];
            try (FileChannel ch = FileChannel.open(tmp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                    attrs)) {
                ByteBuffer buf = ByteBuffer.wrap(content);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            forceDirectory(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void forceDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Not every platform can open a directory (Windows); the rename is durable enough there.
        }
    }

    private static IllegalStateException damaged(Path file, String why) {
        return new IllegalStateException("the sandbox state file " + file + " is damaged: " + why);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // Nothing to do.
            }
        }
    }

    /** Releases the lock. Idempotent. */
    @Override
    public void close() {
        try {
            if (lock.isValid()) {
                lock.release();
            }
            lockChannel.close();
        } catch (IOException e) {
            LOG.debug("releasing the lock of {} failed", root);
        }
    }
}
