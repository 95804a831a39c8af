package org.zwfw.sdk.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.zwfw.sdk.verify.OutcomeCode;

/** Reads a command's input from a file or standard input, bounded in size. */
final class Inputs {

    /** Largest input read, in bytes. */
    static final int MAX_BYTES = 16 * 1024 * 1024;

    /**
     * An input as text, or why it is not acceptable text: {@code TOO_LARGE} (over
     * {@link #MAX_BYTES}) or {@code MALFORMED} (not UTF-8). Reading more than the limit is never
     * attempted.
     *
     * @param text    the UTF-8 text, {@code null} when {@code code} is set
     * @param code    the problem, or {@code null}
     * @param problem the message, or {@code null}
     */
    record Read(String text, OutcomeCode code, String problem) {
    }

    private Inputs() {
    }

    /**
     * Reads {@code name} ("-" for standard input).
     *
     * @throws CliException exit 2 when the file cannot be read, exit 1 when it is too large or not UTF-8
     */
    static byte[] readBytes(String name, InputStream stdin) {
        byte[] b = readUpToLimit(name, stdin);
        if (b.length > MAX_BYTES) {
            throw CliException.invalid(describe(name) + " exceeds " + MAX_BYTES + " bytes");
        }
        return b;
    }

    static String readText(String name, InputStream stdin) {
        Read r = decode(readBytes(name, stdin), name);
        if (r.code() != null) {
            throw CliException.invalid(r.problem());
        }
        return r.text();
    }

    /**
     * Reads {@code name} ("-" for standard input) as text for a verifier, which reports a too large
     * or non-UTF-8 input as its result.
     *
     * @throws CliException exit 2 when the file cannot be read
     */
    static Read read(String name, InputStream stdin) {
        return decode(readUpToLimit(name, stdin), name);
    }

    /** Decodes bytes read with {@link #MAX_BYTES} + 1 as the limit. */
    static Read decode(byte[] b, String name) {
        if (b.length > MAX_BYTES) {
            return new Read(null, OutcomeCode.TOO_LARGE, describe(name) + " exceeds the command's input limit of "
                    + MAX_BYTES + " bytes (16 MiB)");
        }
        try {
            return new Read(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString(), null, null);
        } catch (CharacterCodingException e) {
            return new Read(null, OutcomeCode.MALFORMED, describe(name) + " is not UTF-8 text");
        }
    }

    private static byte[] readUpToLimit(String name, InputStream stdin) {
        try (InputStream in = name.equals("-") ? stdin : Files.newInputStream(Path.of(name))) {
            return in.readNBytes(MAX_BYTES + 1);
        } catch (java.nio.file.InvalidPathException e) {
            throw CliException.usage("cannot read " + name + ": not a valid file name");
        } catch (IOException e) {
            throw CliException.usage(unreadable(name, name.equals("-") ? null : Path.of(name), e));
        }
    }

    /**
     * @param name  the name shown
     * @param file  the file, or {@code null} for standard input
     * @param e     what reading it threw
     * @return "cannot read NAME: reason", naming the usual causes plainly
     */
    static String unreadable(String name, Path file, Exception e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "cannot read " + name + ": no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "cannot read " + name + ": permission denied";
        }
        if (e instanceof IOException && file != null && Files.isDirectory(file)) {
            return "cannot read " + name + ": it is a directory";
        }
        return "cannot read " + name + ": " + e.getMessage();
    }

    static String describe(String name) {
        return name.equals("-") ? "standard input" : name;
    }
}
