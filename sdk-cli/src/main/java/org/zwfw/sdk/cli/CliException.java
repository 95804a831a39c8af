package org.zwfw.sdk.cli;

/** A failure reported to the user as one line on standard error with an exit status. */
final class CliException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    CliException(int exitCode, String message) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    static CliException usage(String message) {
        return new CliException(Zwfw.USAGE, message);
    }

    static CliException invalid(String message) {
        return new CliException(Zwfw.INVALID, message);
    }

    int exitCode() {
        return exitCode;
    }
}
