package org.zwfw.sdk.login;

import java.util.List;
import org.zwfw.sdk.rnat.RealNameToken;

/**
 * A real-name auth token obtained by token exchange for another audience (spec/realname-token.md
 * §14), checked by this client as that audience's verifier would, without recording its use:
 * the audience records it when the token is presented (D16).
 *
 * @param token    the compact RNAT, to hand to the audience
 * @param verified what it says, verified
 * @param scope    the release tiers the provider actually granted (empty when none)
 */
public record ExchangedToken(String token, RealNameToken verified, List<String> scope) {

    /** Copies the scope. */
    public ExchangedToken {
        scope = List.copyOf(scope);
    }

    /** Never shows the token itself. */
    @Override
    public String toString() {
        return "ExchangedToken[" + verified + ", scope=" + scope + "]";
    }
}
