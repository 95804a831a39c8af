package org.zwfw.sdk.client;

import org.zwfw.sdk.client.model.Problem;
import org.zwfw.sdk.client.model.ProblemCode;

/** The platform answered with a verified problem (RFC 9457): the call was refused or failed there. */
public final class ApiProblemException extends ApiException {

    private static final long serialVersionUID = 1L;

    private final transient Problem problem;

    ApiProblemException(String message, Problem problem, int attempts) {
        super(message, problem.status(), problem.code().value(), problem.requestId(), attempts, null);
        this.problem = problem;
    }

    /** @return the problem's stable code */
    public ProblemCode problemCode() {
        return problem.code();
    }

    /** @return the problem details as the platform sent them (details never repeat submitted values) */
    public Problem problem() {
        return problem;
    }
}
