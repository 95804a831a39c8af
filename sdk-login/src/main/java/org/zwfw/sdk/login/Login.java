package org.zwfw.sdk.login;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.zwfw.sdk.oidc.IdToken;
import org.zwfw.sdk.rnat.AssuranceLevel;
import org.zwfw.sdk.verify.Finding;

/**
 * A completed login (or a refresh of one): the verified ID token and the tokens the token
 * endpoint issued with it. The application keeps it server side for the session.
 *
 * <p>Immutable. {@link #toString()} shows no token and no {@code sub}.
 */
public final class Login {

    private final IdToken idToken;
    private final String accessToken;
    private final String refreshToken;
    private final Duration expiresIn;
    private final List<String> scope;
    private final Instant receivedAt;
    private final List<Finding> warnings;

    Login(IdToken idToken, String accessToken, String refreshToken, Duration expiresIn, List<String> scope,
            Instant receivedAt, List<Finding> warnings) {
        this.idToken = idToken;
        this.accessToken = accessToken;
        this.refreshToken = refreshToken;
        this.expiresIn = expiresIn;
        this.scope = List.copyOf(scope);
        this.receivedAt = receivedAt;
        this.warnings = List.copyOf(warnings);
    }

    /** @return the verified ID token: who logged in, how ({@code acr}, {@code amr}), when */
    public IdToken idToken() {
        return idToken;
    }

    /** @return the real-name level the ID token states, when it names one of the scale */
    public Optional<AssuranceLevel> level() {
        return idToken.level();
    }

    /** @return the access token (a bearer credential: never log it) */
    public String accessToken() {
        return accessToken;
    }

    /** @return the refresh token, when one was issued (a credential: never log it) */
    public Optional<String> refreshToken() {
        return Optional.ofNullable(refreshToken);
    }

    /** @return the access token's lifetime ({@code expires_in}), when the provider said */
    public Optional<Duration> expiresIn() {
        return Optional.ofNullable(expiresIn);
    }

    /** @return when the access token expires, when the provider said */
    public Optional<Instant> expiresAt() {
        return expiresIn == null ? Optional.empty() : Optional.of(receivedAt.plus(expiresIn));
    }

    /** @return the granted {@code scope}, when the provider said (empty otherwise) */
    public List<String> scope() {
        return scope;
    }

    /** @return the warnings of the ID token's verification (a key set kept through an outage, ...) */
    public List<Finding> warnings() {
        return warnings;
    }

    @Override
    public String toString() {
        return "Login[" + idToken.issuer() + ", " + idToken.level().map(Enum::name).orElse("no level")
                + (refreshToken != null ? ", refreshable" : "") + "]";
    }
}
