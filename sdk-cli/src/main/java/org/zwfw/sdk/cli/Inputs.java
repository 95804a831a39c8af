package org.zwfw.sdk.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.ByteBuffer;

/** Reads a command's input from a file or standard input, bounded in size. */
final class Inputs {

    /** Largest input read, in bytes. */
    static final int MAX_BYTES = 16 * 1024 * 1024;

    private Inputs() {
    }

    /**
     * Reads {@code name} ("-" for standard input).
     *
     * @throws CliException exit 2 when the file cannot be read, exit 1 when it is too large or not UTF-8
     */
    static byte[] readBytes(String name, InputStream stdin) {
        try (InputStream in = name.equals("-") ? stdin : Files.newInputStream(Path.of(name))) {
            byte[] b = in.readNBytes(MAX_BYTES + 1);
            if (b.length > MAX_BYTES) {
                throw CliException.invalid(describe(name) + " exceeds " + MAX_BYTES + " bytes");
            }
            return b;
        } catch (java.nio.file.NoSuchFileException e) {
            throw CliException.usage("cannot read " + name + ": no such file");
        } catch (java.nio.file.AccessDeniedException e) {
            throw CliException.usage("cannot read " + name + ": permission denied");
        } catch (IOException | java.nio.file.InvalidPathException e) {
            throw CliException.usage("cannot read " + name + ": " + e.getMessage());
        }
    }

    static String readText(String name, InputStream stdin) {
        byte[] b = readBytes(name, stdin);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            throw CliException.invalid(describe(name) + " is not UTF-8 text");
        }
    }

    private static String describe(String name) {
        return name.equals("-") ? "standard input" : name;
    }
}
