package org.zwfw.sdk.cli;

import java.nio.file.Path;
import java.util.Objects;
import org.zwfw.sdk.verify.OutcomeCode;

/**
 * One input of a batch: a file (read by the worker that verifies it) or the text itself (a line
 * of a list file). {@link #name()} is what the report shows as {@code "input"}: a file name or a
 * list position, never the token. Immutable.
 */
public final class BatchInput {

    private final String name;
    private final int line;
    private final Path file;
    private final String text;
    private final OutcomeCode problem;
    private final String problemMessage;

    private BatchInput(String name, int line, Path file, String text, OutcomeCode problem, String problemMessage) {
        this.name = Objects.requireNonNull(name, "name");
        this.line = line;
        this.file = file;
        this.text = text;
        this.problem = problem;
        this.problemMessage = problemMessage;
    }

    /**
     * @param file the file to read and verify
     * @param name the name shown in the report
     * @param line the line of the list that named it, or 0
     * @return the input
     */
    public static BatchInput file(Path file, String name, int line) {
        return new BatchInput(name, line, Objects.requireNonNull(file, "file"), null, null, null);
    }

    /**
     * @param text the input itself (a token)
     * @param name the name shown in the report (never the token)
     * @param line the line of the list it came from, or 0
     * @return the input
     */
    public static BatchInput text(String text, String name, int line) {
        return new BatchInput(name, line, null, Objects.requireNonNull(text, "text"), null, null);
    }

    /** An input that is known to be unacceptable before it is looked at (a line over the size limit). */
    static BatchInput problem(String name, int line, OutcomeCode code, String message) {
        return new BatchInput(name, line, null, null, code, message);
    }

    /** @return the name shown in the report */
    public String name() {
        return name;
    }

    /** @return the line of the list file, or 0 when the input is not from a list */
    public int line() {
        return line;
    }

    Path file() {
        return file;
    }

    String text() {
        return text;
    }

    OutcomeCode problem() {
        return problem;
    }

    String problemMessage() {
        return problemMessage;
    }

    @Override
    public String toString() {
        return "BatchInput[" + name + "]";
    }
}
