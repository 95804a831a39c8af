package org.zwfw.sdk.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code zwfw verify-batch [options] INPUT}: verifies many inputs in parallel with one shared
 * verifier; a JSON-lines report (one object per input, in input order, then a summary line) and a
 * summary on standard error (contract §9, spec/cli.md).
 */
@Command(name = "verify-batch", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Verify many inputs in parallel: every regular file of a directory (sorted by name), or a"
                + " list file ('-' for standard input) with one input per line: a token itself (a line starting"
                + " with 'ey', 'ZWFWQR1:' or '{') or a file name.",
            "Writes one JSON line per input, in input order, then a summary line {\"summary\": true, ...}; the"
                + " summary also goes to standard error.",
            "Exit status: 0 all valid, 1 any invalid, 2 usage error or an input file that could not be read."})
final class VerifyBatchCommand implements Callable<Integer> {

    /** Most worker threads accepted. */
    static final int MAX_THREADS = 256;

    @Spec
    CommandSpec spec;

    @Mixin
    VerifyOptions options;

    @Option(names = "--json", description = "accepted for symmetry with verify: the report is JSON lines in any case")
    boolean json;

    @Option(names = "--threads", paramLabel = "N", description = "worker threads (default: available processors)")
    Integer threads;

    @Option(names = "--out", paramLabel = "FILE", description = "write the report to FILE instead of standard output")
    Path out;

    @Option(names = "--progress", negatable = true,
            description = "show a progress bar on standard error (default: only when standard error is a terminal)")
    Boolean progress;

    @Parameters(index = "0", paramLabel = "INPUT", description = "a directory, a list file, or '-' for a list on standard input")
    String input;

    @Override
    public Integer call() {
        int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (n < 1 || n > MAX_THREADS) {
            throw CliException.usage("--threads must be between 1 and " + MAX_THREADS);
        }
        VerifyCommand.requireOneStdin(input, options);
        PrintWriter err = spec.commandLine().getErr();
        try (InputVerifier verifier = InputVerifier.open(options, Zwfw.stdin(spec))) {
            BatchSources.Source source = BatchSources.open(input, out, Zwfw.stdin(spec));
            try (java.io.Closeable ignored = source.resource(); PrintWriter report = report()) {
                boolean bar = progress != null ? progress : ProgressBar.stderrIsTerminal();
                BatchSummary summary = new BatchVerifier(verifier, n).run(source.inputs(), source.total(),
                        report::println, bar ? new ProgressBar(err) : null);
                report.println(JsonOutput.write(summary.toJson()));
                report.flush();
                if (report.checkError()) {
                    throw CliException.invalid("the report could not be written completely"
                            + (out == null ? "" : " to " + out));
                }
                err.println("zwfw: " + summary.toHuman());
                return summary.exitCode();
            } catch (CliException e) {
                throw e;
            } catch (UncheckedIOException e) {
                throw CliException.usage("reading " + Inputs.describe(input) + " failed: " + e.getCause().getMessage());
            } catch (java.io.IOException e) {
                // only closing the list throws this; a worker's failure is not caught here
                throw CliException.invalid("closing the input list failed: " + e.getMessage());
            }
        }
    }

    private PrintWriter report() {
        if (out == null) {
            // Not closed: standard output belongs to the caller.
            PrintWriter stdout = spec.commandLine().getOut();
            return new PrintWriter(stdout) {
                @Override
                public void close() {
                    flush();
                }
            };
        }
        try {
            return new PrintWriter(new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(out),
                    StandardCharsets.UTF_8), 1 << 16));
        } catch (IOException e) {
            throw CliException.usage("cannot write " + out + ": " + e.getMessage());
        }
    }
}
