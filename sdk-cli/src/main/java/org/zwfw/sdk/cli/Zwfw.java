package org.zwfw.sdk.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code zwfw} command. Exit status: 0 success or valid, 1 the verification did not succeed
 * or the input is invalid, 2 a usage error or an unreadable local file (contract §9). Results go
 * to standard output, messages and progress to standard error; no stack traces.
 */
@Command(name = "zwfw", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Tools for the provincial government-service network: identifiers, keys, tokens and"
                + " e-certificates.",
        subcommands = {VerifyCommand.class, VerifyBatchCommand.class, InspectCommand.class, CheckIdCommand.class,
            KeysCommand.class, TrustListCommand.class, SandboxCommand.class, LoginCommand.class, ApiCommand.class, DemoCommand.class,
            CommandLine.HelpCommand.class})
public final class Zwfw implements Runnable {

    /** Success, or every input valid. */
    public static final int OK = 0;
    /** A verification did not succeed, or the input is invalid. */
    public static final int INVALID = 1;
    /** A usage error or an unreadable local file. */
    public static final int USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Standard input of this run (replaceable in tests). */
    java.io.InputStream stdin = System.in;

    /** The standard input of the run a command belongs to. */
    static java.io.InputStream stdin(CommandLine.Model.CommandSpec spec) {
        return ((Zwfw) spec.root().userObject()).stdin;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    /**
     * Runs the command line and returns the exit status, writing to the given streams.
     *
     * @param out  standard output
     * @param err  standard error
     * @param args the arguments
     * @return the exit status
     */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(System.in, out, err, args);
    }

    /**
     * Runs the command line with the given standard input.
     *
     * @param in   standard input
     * @param out  standard output
     * @param err  standard error
     * @param args the arguments
     * @return the exit status
     */
    public static int run(java.io.InputStream in, PrintWriter out, PrintWriter err, String... args) {
        Zwfw root = new Zwfw();
        root.stdin = in;
        CommandLine cl = new CommandLine(root);
        Examples.addTo(cl);
        cl.setOut(out);
        cl.setErr(err);
        cl.setExitCodeExceptionMapper(e -> e instanceof CliException ? ((CliException) e).exitCode() : INVALID);
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof CliException) {
                commandLine.getErr().println("zwfw: " + Display.message(e.getMessage()));
                return ((CliException) e).exitCode();
            }
            commandLine.getErr().println("zwfw: unexpected " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + Display.message(e.getMessage())));
            return INVALID;
        });
        cl.setParameterExceptionHandler((e, a) -> {
            // the message may quote an argument: made safe for the terminal
            e.getCommandLine().getErr().println("zwfw: " + Display.message(e.getMessage()));
            e.getCommandLine().getErr().println("Try 'zwfw " + commandPath(e.getCommandLine()) + "--help'.");
            return USAGE;
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    private static String commandPath(CommandLine cl) {
        String qualified = cl.getCommandSpec().qualifiedName(" ");
        return qualified.equals("zwfw") ? "" : qualified.substring("zwfw ".length()) + " ";
    }

    /**
     * Entry point.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, java.nio.charset.StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, java.nio.charset.StandardCharsets.UTF_8), true);
        System.exit(run(out, err, args));
    }
}
