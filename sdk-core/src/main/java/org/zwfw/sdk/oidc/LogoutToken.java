package org.zwfw.sdk.oidc;

import java.time.Instant;
import java.util.Optional;

/**
 * A verified back-channel logout token (spec/login.md §12): the provider says the sessions of
 * {@code sub} (at this provider) or the session {@code sid} have ended. Only
 * {@link LogoutTokenVerifier} makes one.
 *
 * <p>Immutable. {@link #toString()} shows the issuer and whether a subject or session is named,
 * never the subject itself.
 */
public final class LogoutToken {

    private final String issuer;
    private final String subject;
    private final String sessionId;
    private final String id;
    private final Instant issuedAt;
    private final Instant expiresAt;

    LogoutToken(String issuer, String subject, String sessionId, String id, Instant issuedAt, Instant expiresAt) {
        this.issuer = issuer;
        this.subject = subject;
        this.sessionId = sessionId;
        this.id = id;
        this.issuedAt = issuedAt;
        this.expiresAt = expiresAt;
    }

    /** @return {@code iss} */
    public String issuer() {
        return issuer;
    }

    /** @return {@code sub}, when the provider names the person (end all their sessions) */
    public Optional<String> subject() {
        return Optional.ofNullable(subject);
    }

    /** @return {@code sid}, when the provider names one session (the ID token's {@code sid}) */
    public Optional<String> sessionId() {
        return Optional.ofNullable(sessionId);
    }

    /** @return {@code jti} */
    public String id() {
        return id;
    }

    /** @return {@code iat} */
    public Instant issuedAt() {
        return issuedAt;
    }

    /** @return {@code exp} */
    public Instant expiresAt() {
        return expiresAt;
    }

    @Override
    public String toString() {
        return "LogoutToken[" + issuer + (subject != null ? ", sub" : "") + (sessionId != null ? ", sid" : "") + "]";
    }
}
