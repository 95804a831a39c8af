package org.zwfw.sdk.login;

import java.util.Map;
import java.util.TreeSet;

/**
 * The claims of the provider's userinfo endpoint (spec/login.md §9), about the same subject as
 * the login's ID token (checked), from a JSON response or a verified signed JWT.
 *
 * <p>Immutable. {@link #toString()} shows the claim names only.
 */
public final class UserInfo {

    private final Map<String, Object> claims;
    private final boolean signed;

    UserInfo(Map<String, Object> claims, boolean signed) {
        this.claims = claims;
        this.signed = signed;
    }

    /** @return {@code sub}, equal to the ID token's */
    public String subject() {
        return (String) claims.get("sub");
    }

    /** @return every claim (unmodifiable) */
    public Map<String, Object> claims() {
        return claims;
    }

    /** @return whether the response was a signed JWT (verified) rather than plain JSON */
    public boolean signed() {
        return signed;
    }

    @Override
    public String toString() {
        return "UserInfo[" + (signed ? "signed, " : "") + "claims=" + new TreeSet<>(claims.keySet()) + "]";
    }
}
