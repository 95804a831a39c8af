package org.zwfw.sdk.login;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.zwfw.sdk.verify.Finding;

/**
 * A login step that did not succeed: either the flow failed ({@link #failure()}, a code of
 * spec/login.md §13) or a token the provider issued failed its checks ({@link #errors()}, outcome
 * codes of {@code spec/errors.md}: an invalid ID token, a userinfo response about someone else).
 *
 * <p>Messages never contain a secret, a code, a token, a state value or personal data; text the
 * provider sent is escaped and cut.
 */
public final class LoginException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @serial the flow failure, or {@code null} when a token failed its checks */
    private final LoginFailure failure;
    /** @serial the token's failed checks */
    private final transient List<Finding> errors;

    LoginException(LoginFailure failure, String message) {
        this(failure, message, null);
    }

    LoginException(LoginFailure failure, String message, Throwable cause) {
        super(Objects.requireNonNull(failure, "failure") + ": " + message, cause);
        this.failure = failure;
        this.errors = List.of();
    }

    LoginException(String what, List<Finding> errors) {
        super(what + ": " + summary(errors));
        this.failure = null;
        this.errors = List.copyOf(errors);
    }

    private static String summary(List<Finding> errors) {
        StringBuilder sb = new StringBuilder();
        for (Finding f : errors) {
            sb.append(sb.length() == 0 ? "" : "; ").append(f);
        }
        return sb.toString();
    }

    /** @return the flow failure, when the flow failed (empty when a token failed its checks) */
    public Optional<LoginFailure> failure() {
        return Optional.ofNullable(failure);
    }

    /** @return every failed check of the token, when a token failed (empty for a flow failure) */
    public List<Finding> errors() {
        return errors == null ? List.of() : errors;
    }

    /** @return the flow failure's name, else the first failed check's outcome code */
    public String code() {
        return failure != null ? failure.name() : errors().isEmpty() ? "INVALID" : errors().get(0).code().name();
    }
}
