package org.zwfw.sdk.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
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

    @Option(names = "--out", paramLabel = "FILE", description = "write the report to FILE instead of standard"
            + " output; FILE is replaced only when the run completes and must not be an input")
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
        ReportFile reportFile = out == null ? null : ReportFile.of(out);
        if (reportFile != null) {
            refuseOptionFiles(reportFile);
        }
        PrintWriter err = spec.commandLine().getErr();
        try (VerifyEngine verifier = VerifyEngine.open(options, Zwfw.stdin(spec))) {
            BatchSources.Source source = BatchSources.open(input, reportFile, Zwfw.stdin(spec));
            PrintWriter report = reportFile == null ? stdout() : reportFile.open();
            try (java.io.Closeable ignored = source.resource()) {
                boolean bar = progress != null ? progress : ProgressBar.stderrIsTerminal();
                BatchSummary summary = new BatchVerifier(verifier, n).run(source.inputs(), source.total(),
                        report::println, bar ? new ProgressBar(err) : null);
                report.println(JsonOutput.write(summary.toJson()));
                report.close();
                if (report.checkError()) {
                    throw CliException.invalid("the report could not be written completely"
                            + (reportFile == null ? "" : " to " + reportFile.shown()));
                }
                if (reportFile != null) {
                    reportFile.commit();
                }
                err.println("zwfw: " + summary.toHuman());
                String unfinished = source.unfinished().get();
                if (unfinished != null) {
                    err.println("zwfw: " + Display.message(unfinished));
                    return Zwfw.USAGE;
                }
                return summary.exitCode();
            } catch (CliException e) {
                throw e;
            } catch (UncheckedIOException e) {
                throw CliException.usage("reading " + Inputs.describe(input) + " failed: " + e.getCause().getMessage());
            } catch (java.io.IOException e) {
                // only closing the list throws this; a worker's failure is not caught here
                throw CliException.invalid("closing the input list failed: " + e.getMessage());
            } finally {
                if (reportFile != null) {
                    report.close();
                    reportFile.discard();
                }
            }
        }
    }

    /** The report file must not be a file the options read. */
    private void refuseOptionFiles(ReportFile reportFile) {
        for (String[] f : new String[][] {{options.trust, "--trust"}, {options.trustAnchor, "--trust-anchor"}}) {
            if (f[0] != null && !f[0].equals("-")) {
                try {
                    reportFile.refuse(Path.of(f[0]), f[1]);
                } catch (java.nio.file.InvalidPathException e) {
                    // VerifyEngine reports it as unreadable
                }
            }
        }
        for (VerifyOptions.StatusFrom s : options.statusFrom) {
            reportFile.refuse(s.file(), "--status-from " + s.uri());
        }
    }

    /** Standard output, which belongs to the caller: closing it only flushes it. */
    private PrintWriter stdout() {
        PrintWriter stdout = spec.commandLine().getOut();
        return new PrintWriter(stdout) {
            @Override
            public void close() {
                flush();
            }
        };
    }
}
