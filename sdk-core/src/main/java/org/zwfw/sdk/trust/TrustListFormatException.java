package org.zwfw.sdk.trust;

import java.util.List;
import org.zwfw.sdk.verify.Finding;
import org.zwfw.sdk.verify.OutcomeCode;

/**
 * A local trust list ({@code {"issuers": [...]}}) that cannot be used, or entries that cannot
 * form a trust list. {@link #problems()} lists every problem found, each naming the entry and
 * member ({@code issuers[2].uscc: ...}); the message joins them. Messages quote untrusted text
 * escaped and cut, and never contain key material.
 */
public final class TrustListFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** Problems beyond this many are counted in the message but not listed. */
    private static final int LISTED = 20;

    private final List<String> problems;

    /**
     * @param problems what is wrong, at least one, none {@code null}
     * @throws IllegalArgumentException if {@code problems} is empty
     */
    public TrustListFormatException(List<String> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    private static String describe(List<String> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("at least one problem is required");
        }
        StringBuilder sb = new StringBuilder("trust list rejected: ");
        for (int i = 0; i < Math.min(problems.size(), LISTED); i++) {
            sb.append(i == 0 ? "" : "; ").append(problems.get(i));
        }
        if (problems.size() > LISTED) {
            sb.append("; and ").append(problems.size() - LISTED).append(" more problem(s)");
        }
        return sb.toString();
    }

    /** @return every problem found, in document order; read-only, never empty */
    public List<String> problems() {
        return problems;
    }

    /**
     * The problems with their outcome codes: {@code MALFORMED} when the text is not a JSON object,
     * {@code TOO_LARGE} over the size limit, {@code MISSING_CLAIM} without {@code issuers},
     * {@code INVALID_CLAIM} for every entry rule ({@code spec/trust-list.md} §3).
     *
     * @return one finding per problem, in order
     */
    public List<Finding> findings() {
        List<Finding> out = new java.util.ArrayList<>(problems.size());
        for (String p : problems) {
            // the prefixes are those TrustList.parseLocal writes for the document as a whole
            OutcomeCode code = p.startsWith("not a JSON object") ? OutcomeCode.MALFORMED
                    : p.startsWith("local trust list of") ? OutcomeCode.TOO_LARGE
                    : p.startsWith("issuers: missing") ? OutcomeCode.MISSING_CLAIM : OutcomeCode.INVALID_CLAIM;
            out.add(new Finding(code, p));
        }
        return out;
    }
}
