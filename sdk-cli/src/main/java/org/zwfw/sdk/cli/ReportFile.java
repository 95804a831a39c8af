package org.zwfw.sdk.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;

/**
 * The report file of {@code verify-batch --out FILE} (spec/cli.md). It must not be the same file
 * as any input (checked with {@link Files#isSameFile}, so through symbolic and hard links too).
 * The report is written to a temporary file in FILE's directory that replaces FILE atomically
 * only when the run is complete; an interrupted or failed run leaves FILE as it was. An existing
 * FILE that is not a regular file ({@code /dev/null}, a pipe) is written in place: there is
 * nothing in it to destroy.
 */
final class ReportFile {

    private final String shown;
    private final Path target;
    private final boolean inPlace;
    private Path temp;

    private ReportFile(String shown, Path target, boolean inPlace) {
        this.shown = shown;
        this.target = target;
        this.inPlace = inPlace;
    }

    /**
     * @param out the {@code --out} path
     * @throws CliException exit 2 when it is a directory or its directory does not exist
     */
    static ReportFile of(Path out) {
        String shown = out.toString();
        try {
            if (Files.isDirectory(out)) {
                throw CliException.usage("--out " + shown + " is a directory; name a file for the report");
            }
            if (Files.exists(out)) {
                Path real = out.toRealPath();
                return new ReportFile(shown, real, !Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS));
            }
            Path parent = out.toAbsolutePath().getParent();
            if (parent == null || !Files.isDirectory(parent)) {
                throw CliException.usage("cannot write " + shown + ": its directory does not exist");
            }
            return new ReportFile(shown, parent.toRealPath().resolve(out.getFileName()), false);
        } catch (IOException e) {
            throw CliException.usage("cannot write " + shown + ": " + e.getMessage());
        }
    }

    /**
     * Refuses an input that is the report file.
     *
     * @param input the input's path
     * @param what  what the input is, e.g. "the input list" or "input file"
     * @throws CliException exit 2 naming both paths when they are the same file
     */
    void refuse(Path input, String what) {
        if (same(input)) {
            throw CliException.usage("--out " + shown + " is the same file as " + what + " " + input
                    + ": writing the report would destroy it; write the report elsewhere");
        }
    }

    private boolean same(Path input) {
        try {
            return Files.isSameFile(target, input);
        } catch (IOException | SecurityException e) {
            // one of them does not exist (yet) or cannot be examined: they are not one file
            return false;
        }
    }

    /**
     * Opens the writer: a new temporary file beside FILE (FILE itself when written in place). Its
     * permissions are FILE's when FILE exists, else owner read and write only.
     *
     * @throws CliException exit 2 when it cannot be created
     */
    PrintWriter open() {
        try {
            OutputStream os;
            if (inPlace) {
                os = Files.newOutputStream(target);
            } else {
                temp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".partial");
                temp.toFile().deleteOnExit();
                copyPermissions();
                os = Files.newOutputStream(temp);
            }
            return new PrintWriter(new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8), 1 << 16));
        } catch (IOException e) {
            discard();
            throw CliException.usage("cannot write " + shown + ": " + e.getMessage());
        }
    }

    private void copyPermissions() throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(temp, PosixFileAttributeView.class);
        if (view != null && Files.isRegularFile(target)) {
            view.setPermissions(Files.getPosixFilePermissions(target));
        }
    }

    /**
     * Puts the complete report in place of FILE, atomically where the file system can.
     *
     * @throws CliException exit 1 when it cannot be moved (the report is then left as the temporary file)
     */
    void commit() {
        if (temp == null) {
            return;
        }
        try {
            try (var ch = java.nio.channels.FileChannel.open(temp, java.nio.file.StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
        } catch (IOException e) {
            throw CliException.invalid("the report could not be put in place of " + shown + ": " + e.getMessage()
                    + "; it is in " + temp);
        }
    }

    /** Deletes the temporary file of a run that did not complete; FILE is left as it was. */
    void discard() {
        if (temp != null) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                // left for deleteOnExit
            }
            temp = null;
        }
    }

    String shown() {
        return shown;
    }
}
