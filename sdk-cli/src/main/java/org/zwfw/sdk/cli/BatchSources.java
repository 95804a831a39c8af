package org.zwfw.sdk.cli;

import org.zwfw.sdk.input.InputDetector;
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
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.zwfw.sdk.verify.OutcomeCode;

/**
 * The inputs of {@code verify-batch} (spec/cli.md): every regular file of a directory, sorted by
 * name; or a list file (or standard input) with one input per line, where a line starting with
 * {@code ey} (a compact JWS or SD-JWT), {@code ZWFWQR1:} or <code>{</code> is the input itself
 * and any other line is a path. Blank lines and lines starting with {@code #} are skipped. Lists
 * are streamed, never held whole; a line longer than {@link Inputs#MAX_BYTES} characters is
 * reported {@code TOO_LARGE} and ends the list (what follows it may never end). A list that is
 * not a regular file (standard input, a pipe, a device) is read as it arrives, once.
 */
final class BatchSources {

    /**
     * A batch's inputs.
     *
     * @param inputs     the inputs, in report order
     * @param total      their number, or -1 when unknown before reading them
     * @param resource   what to close after the run
     * @param unfinished after the run: why the list was not read to its end, or {@code null}
     */
    record Source(Iterator<BatchInput> inputs, long total, java.io.Closeable resource, Supplier<String> unfinished) {
    }

    private BatchSources() {
    }

    /**
     * @param input a directory, a list file, or "-" for a list on standard input
     * @param out   the report file, which no input may be, or {@code null}
     * @throws CliException exit 2 when INPUT cannot be read, a list file is not UTF-8, or an input
     *                      is the report file
     */
    static Source open(String input, ReportFile out, InputStream stdin) {
        if (input.equals("-")) {
            return stream(stdin, "stdin", out);
        }
        Path path;
        try {
            path = Path.of(input);
        } catch (java.nio.file.InvalidPathException e) {
            throw CliException.usage("cannot read " + input + ": not a valid file name");
        }
        if (Files.isDirectory(path)) {
            List<BatchInput> files = directory(path, out);
            return new Source(files.iterator(), files.size(), () -> { }, () -> null);
        }
        if (out != null) {
            out.refuse(path, "the input list");
        }
        String name = path.getFileName() == null ? input : path.getFileName().toString();
        try {
            if (!Files.isRegularFile(path)) {
                // a pipe or a device: it can be read only once, as it arrives
                return stream(Files.newInputStream(path), name, out);
            }
            long total = countLines(path, input, out);
            BufferedReader r = new BufferedReader(new InputStreamReader(Files.newInputStream(path), strict()));
            ListIterator it = new ListIterator(r, name, out);
            return new Source(it, total, r, it::unfinished);
        } catch (IOException e) {
            throw CliException.usage(Inputs.unreadable(input, path, e));
        }
    }

    private static Source stream(InputStream in, String name, ReportFile out) {
        Reader r = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE));
        ListIterator it = new ListIterator(new BufferedReader(r), name, out);
        return new Source(it, -1, r, it::unfinished);
    }

    private static CharsetDecoder strict() {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private static List<BatchInput> directory(Path dir, ReportFile out) {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(Files::isRegularFile).forEach(files::add);
        } catch (IOException | UncheckedIOException e) {
            throw CliException.usage("cannot list directory " + dir + ": " + e.getMessage());
        }
        files.sort(Comparator.comparing(p -> p.getFileName().toString()));
        List<BatchInput> inputs = new ArrayList<>(files.size());
        for (Path f : files) {
            if (out != null) {
                out.refuse(f, "input file");
            }
            inputs.add(BatchInput.file(f, f.getFileName().toString(), 0));
        }
        return inputs;
    }

    /**
     * Counts the inputs of a list file, checks that it is UTF-8 and that no path in it is the report
     * file, all before anything is verified. Stops at a line over the limit, as the run will.
     */
    private static long countLines(Path list, String shown, ReportFile out) {
        long n = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(Files.newInputStream(list), strict()))) {
            LineReader lines = new LineReader(r);
            String line;
            int lineNo = 0;
            while ((line = lines.next()) != null) {
                BatchInput item = item(line, lines.overLimit(), shown, ++lineNo);
                if (item != null) {
                    n++;
                    if (out != null && item.file() != null) {
                        out.refuse(item.file(), "input file (line " + lineNo + " of " + shown + ")");
                    }
                }
            }
        } catch (CharacterCodingException e) {
            throw CliException.usage("the list " + shown + " is not UTF-8 text");
        } catch (IOException e) {
            throw CliException.usage(Inputs.unreadable(shown, list, e));
        }
        return n;
    }

    /**
     * What a list line holds.
     *
     * @return the input of the line, or {@code null} for a blank line or a comment
     */
    private static BatchInput item(String line, boolean overLimit, String listName, int lineNo) {
        String position = listName + ":" + lineNo;
        if (overLimit) {
            return BatchInput.problem(position, lineNo, OutcomeCode.TOO_LARGE, "line " + lineNo
                    + " exceeds the command's input limit of " + Inputs.MAX_BYTES + " characters (16 MiB);"
                    + " the rest of the list was not read");
        }
        String s = line.strip();
        if (s.isEmpty() || s.startsWith("#")) {
            return null;
        }
        if (isInlineInput(s)) {
            return BatchInput.text(s, position, lineNo);
        }
        try {
            return BatchInput.file(Path.of(s), s, lineNo);
        } catch (java.nio.file.InvalidPathException e) {
            return BatchInput.problem(position, lineNo, OutcomeCode.MALFORMED, "line " + lineNo
                    + " is neither an input (a token starting with 'ey', 'ZWFWQR1:' or '{') nor a file name");
        }
    }

    /** Whether a list line is the input itself rather than a path to it. */
    static boolean isInlineInput(String line) {
        return line.startsWith("ey") || line.startsWith(InputDetector.QR_PREFIX) || line.startsWith("{");
    }

    /**
     * Lines of a list, each at most {@link Inputs#MAX_BYTES} characters. A longer line is returned
     * cut and flagged, and ends the list: its rest is never read, since it may have no end.
     */
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
            int c;
            while ((c = in.read()) != -1) {
                if (c == '\n') {
                    return sb.toString();
                }
                if (sb.length() == Inputs.MAX_BYTES) {
                    overLimit = true;
                    eof = true;
                    return "";
                }
                sb.append((char) c);
            }
            eof = true;
            return sb.length() == 0 ? null : sb.toString();
        }

        boolean overLimit() {
            return overLimit;
        }
    }

    private static final class ListIterator implements Iterator<BatchInput> {
        private final LineReader lines;
        private final String listName;
        private final ReportFile out;
        private int lineNo;
        private BatchInput next;
        private String unfinished;

        ListIterator(BufferedReader reader, String listName, ReportFile out) {
            this.lines = new LineReader(reader);
            this.listName = listName;
            this.out = out;
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
                next = item(line, lines.overLimit(), listName, lineNo);
                if (lines.overLimit()) {
                    unfinished = "line " + lineNo + " of " + listName + " exceeds " + Inputs.MAX_BYTES
                            + " characters (16 MiB): it was reported TOO_LARGE and the rest of the list was not read";
                } else if (next != null && next.file() != null && out != null) {
                    out.refuse(next.file(), "input file (line " + lineNo + " of " + listName + ")");
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

        String unfinished() {
            return unfinished;
        }
    }
}
