package org.zwfw.sdk.sandbox.internal;

/**
 * Thrown by a request handler to answer with problem details instead of its normal response.
 * Carries no stack trace: it is a response, not a failure of the server.
 */
public final class ProblemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Problem problem;

    ProblemException(Problem problem) {
        super(problem.toString(), null, false, false);
        this.problem = problem;
    }

    /** @return the problem to answer with */
    public Problem problem() {
        return problem;
    }
}
