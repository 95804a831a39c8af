package org.zwfw.sdk.credential;

import java.util.List;
import org.zwfw.sdk.verify.Finding;

/**
 * Claims that cannot be issued as an e-certificate, with every problem found. Messages name the
 * claim and the rule, never the value.
 */
public final class InvalidCredentialException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient List<Finding> problems;

    InvalidCredentialException(List<Finding> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    private static String describe(List<Finding> problems) {
        StringBuilder sb = new StringBuilder("invalid credential claims");
        for (Finding f : problems) {
            sb.append("; ").append(f.code()).append(": ").append(f.message());
        }
        return sb.toString();
    }

    /** @return every problem, with codes */
    public List<Finding> problems() {
        return problems;
    }
}
