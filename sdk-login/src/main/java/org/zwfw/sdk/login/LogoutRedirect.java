package org.zwfw.sdk.login;

import java.net.URI;
import java.util.Optional;

/**
 * The provider's end-session URL for RP-initiated logout (spec/login.md §11), and the
 * {@code state} the browser brings back to the post-logout redirect URI, which the application
 * compares. Immutable.
 */
public final class LogoutRedirect {

    private final URI url;
    private final String state;

    LogoutRedirect(URI url, String state) {
        this.url = url;
        this.state = state;
    }

    /** @return the end-session URL: redirect the browser there after ending the local session */
    public URI url() {
        return url;
    }

    /**
     * @return the {@code state} sent (128 random bits, base64url), when a post-logout redirect URI
     *         was given: the browser brings it back there
     */
    public Optional<String> state() {
        return Optional.ofNullable(state);
    }

    @Override
    public String toString() {
        return "LogoutRedirect[" + Exchanges.where(url) + "]";
    }
}
