package org.zwfw.sdk.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Stream;
import org.zwfw.sdk.verify.OutcomeCode;

/**
 * The inputs of {@code verify-batch} (spec/cli.md): every regular file of a directory, sorted by
 * name; or a list file (or standard input) with one input per line, where a line starting with
 * {@code ey} (a compact JWS or SD-JWT), {@code ZWFWQR1:} or <code>{</code> is the input itself
 * and any other line is a path. Blank lines and lines starting with {@code #} are skipped. Lists
 * are streamed, never held whole.
 */
final class BatchSources {

    /** A batch's inputs and their number (-1 when unknown before reading them). */
    record Source(Iterator<BatchInput> inputs, long total, java.io.Closeable resource) {
    }

    private BatchSources() {
    }

    /**
     * @param input   a directory, a list file, or "-" for a list on standard input
     * @param exclude a file never taken as an input (the report itself), or {@code null}
     * @throws CliException exit 2 when INPUT cannot be read or a list file is not UTF-8
     */
    static Source open(String input, Path exclude, InputStream stdin) {
        if (input.equals("-")) {
            Reader r = new InputStreamReader(stdin, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE));
            return new Source(new ListIterator(new BufferedReader(r), "stdin"), -1, r);
        }
        Path path;
        try {
            path = Path.of(input);
        } catch (java.nio.file.InvalidPathException e) {
            throw CliException.usage("cannot read " + input + ": not a valid file name");
        }
        if (Files.isDirectory(path)) {
            List<BatchInput> files = directory(path, exclude);
            return new Source(files.iterator(), files.size(), () -> { });
        }
        long total = countLines(path, input);
        try {
            BufferedReader r = new BufferedReader(new InputStreamReader(Files.newInputStream(path), strict()));
            return new Source(new ListIterator(r, path.getFileName().toString()), total, r);
        } catch (IOException e) {
            throw CliException.usage(Inputs.unreadable(input, path, e));
        }
    }

    private static CharsetDecoder strict() {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private static List<BatchInput> directory(Path dir, Path exclude) {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(Files::isRegularFile).forEach(files::add);
        } catch (IOException | UncheckedIOException e) {
            throw CliException.usage("cannot list directory " + dir + ": " + e.getMessage());
        }
        files.sort(Comparator.comparing(p -> p.getFileName().toString()));
        List<BatchInput> inputs = new ArrayList<>(files.size());
        for (Path f : files) {
            if (exclude != null && same(f, exclude)) {
                continue;
            }
            inputs.add(BatchInput.file(f, f.getFileName().toString(), 0));
        }
        return inputs;
    }

    private static boolean same(Path a, Path b) {
        try {
            return Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    /** Counts the inputs of a list file; also checks that it is UTF-8 before anything is verified. */
    private static long countLines(Path list, String shown) {
        long n = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(Files.newInputStream(list), strict()))) {
            LineReader lines = new LineReader(r);
            String line;
            while ((line = lines.next()) != null) {
                if (lines.overLimit() || counts(line)) {
                    n++;
                }
            }
        } catch (CharacterCodingException e) {
            throw CliException.usage("the list " + shown + " is not UTF-8 text");
        } catch (IOException e) {
            throw CliException.usage(Inputs.unreadable(shown, list, e));
        }
        return n;
    }

    private static boolean counts(String line) {
        String s = line.strip();
        return !s.isEmpty() && !s.startsWith("#");
    }

    /** Whether a list line is the input itself rather than a path to it. */
    static boolean isInlineInput(String line) {
        return line.startsWith("ey") || line.startsWith(KindDetector.QR_PREFIX) || line.startsWith("{");
    }

    /** Lines of a list, each at most {@link Inputs#MAX_BYTES} characters; longer ones are cut and flagged. */
    private static final class LineReader {
        private final Reader in;
        private boolean overLimit;
        private boolean eof;

        LineReader(Reader in) {
            this.in = in;
        }

        String next() throws IOException {
            if (eof) {
                return null;
            }
            StringBuilder sb = new StringBuilder();
            overLimit = false;
            int c;
            while ((c = in.read()) != -1) {
                if (c == '\n') {
                    return sb.toString();
                }
                if (sb.length() < Inputs.MAX_BYTES) {
                    sb.append((char) c);
                } else {
                    overLimit = true;
                }
            }
            eof = true;
            return sb.length() == 0 && !overLimit ? null : sb.toString();
        }

        boolean overLimit() {
            return overLimit;
        }
    }

    private static final class ListIterator implements Iterator<BatchInput> {
        private final LineReader lines;
        private final String listName;
        private int lineNo;
        private BatchInput next;

        ListIterator(BufferedReader reader, String listName) {
            this.lines = new LineReader(reader);
            this.listName = listName;
        }

        @Override
        public boolean hasNext() {
            while (next == null) {
                String line;
                try {
                    line = lines.next();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                if (line == null) {
                    return false;
                }
                lineNo++;
                String s = line.strip();
                String position = listName + ":" + lineNo;
                if (lines.overLimit()) {
                    next = BatchInput.problem(position, lineNo, OutcomeCode.TOO_LARGE, "line " + lineNo
                            + " exceeds the command's input limit of " + Inputs.MAX_BYTES + " characters");
                } else if (!counts(s)) {
                    continue;
                } else if (isInlineInput(s)) {
                    next = BatchInput.text(s, position, lineNo);
                } else {
                    try {
                        next = BatchInput.file(Path.of(s), s, lineNo);
                    } catch (java.nio.file.InvalidPathException e) {
                        next = BatchInput.problem(position, lineNo, OutcomeCode.MALFORMED, "line " + lineNo
                                + " is neither an input (a token starting with 'ey', 'ZWFWQR1:' or '{') nor a file name");
                    }
                }
            }
            return true;
        }

        @Override
        public BatchInput next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            BatchInput n = next;
            next = null;
            return n;
        }
    }
}
