package org.zwfw.sdk.cli;

import org.zwfw.sdk.input.InputReport;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code zwfw verify [options] FILE|-}: detects the kind of the input (e-certificate, trust list,
 * status list; real-name auth tokens, ID tokens and e-SSC QR codes are recognised) and verifies it
 * (contract §9, spec/cli.md).
 */
@Command(name = "verify", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Detect the kind of FILE ('-' for standard input) and verify it: e-certificates (SD-JWT VC,"
                + " with or without key binding), trust lists and status lists.",
            "Exit status: 0 valid, 1 invalid, 2 usage error or unreadable file."})
final class VerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    VerifyOptions options;

    @Parameters(index = "0", paramLabel = "FILE|-", description = "the input; '-' reads standard input")
    String file;

    @Option(names = "--json", description = "print the result as one JSON object")
    boolean json;

    @Override
    public Integer call() {
        requireOneStdin(file, options);
        try (VerifyEngine verifier = VerifyEngine.open(options, Zwfw.stdin(spec))) {
            Inputs.Read read = Inputs.read(file, Zwfw.stdin(spec));
            InputReport report = read.code() != null ? verifier.unacceptable(read) : verifier.verify(read.text());
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(JsonOutput.write(report.toJson()));
            } else {
                out.print(ReportText.of(report));
            }
            return report.valid() ? Zwfw.OK : Zwfw.INVALID;
        }
    }

    /** Standard input can feed one file only. */
    static void requireOneStdin(String input, VerifyOptions o) {
        int n = 0;
        for (String f : new String[] {input, o.trust, o.trustAnchor}) {
            if ("-".equals(f)) {
                n++;
            }
        }
        if (n > 1) {
            throw CliException.usage("only one of FILE, --trust and --trust-anchor can be '-' (standard input)");
        }
    }
}
