package org.zwfw.sdk.login;

/**
 * Why a login failed in the flow itself rather than in a token's checks (spec/login.md §13, L9).
 * Not outcome codes: nothing was verified. Token failures carry the outcome codes of
 * {@code spec/errors.md} instead ({@link LoginException#errors()}).
 */
public enum LoginFailure {
    /** The discovery document or the authorization response names another issuer. */
    ISSUER_MISMATCH,
    /** The callback's {@code state} is missing or not this login's (or the login state is not this client's). */
    STATE_MISMATCH,
    /** The callback came after the login state's lifetime. */
    LOGIN_STATE_EXPIRED,
    /** The provider redirected with an {@code error}; the message names it. */
    AUTHORIZATION_ERROR,
    /** The token endpoint answered with an OAuth error; the message names it. */
    TOKEN_ERROR,
    /**
     * A provider endpoint (discovery, token, userinfo) could not be reached in time: connection
     * failure, timeout, a status other than 200, a redirect, a body too large.
     */
    PROVIDER_UNAVAILABLE,
    /**
     * A provider answer is not what the protocol requires: not JSON (an HTML page), a required
     * member missing, an unusable endpoint URL, a repeated callback parameter.
     */
    PROVIDER_RESPONSE_INVALID
}
