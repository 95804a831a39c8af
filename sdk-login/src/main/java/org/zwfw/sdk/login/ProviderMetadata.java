package org.zwfw.sdk.login;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;

/**
 * What the provider's discovery document said, after the checks of spec/login.md §2: its issuer
 * is the configured one, its endpoints are absolute URLs that pass the fetch rules. Immutable.
 */
public final class ProviderMetadata {

    private final String issuer;
    private final URI authorizationEndpoint;
    private final URI tokenEndpoint;
    private final URI jwksUri;
    private final URI userInfoEndpoint;
    private final URI endSessionEndpoint;
    private final boolean issParameterSupported;
    private final Instant fetchedAt;

    ProviderMetadata(String issuer, URI authorizationEndpoint, URI tokenEndpoint, URI jwksUri, URI userInfoEndpoint,
            URI endSessionEndpoint, boolean issParameterSupported, Instant fetchedAt) {
        this.issuer = issuer;
        this.authorizationEndpoint = authorizationEndpoint;
        this.tokenEndpoint = tokenEndpoint;
        this.jwksUri = jwksUri;
        this.userInfoEndpoint = userInfoEndpoint;
        this.endSessionEndpoint = endSessionEndpoint;
        this.issParameterSupported = issParameterSupported;
        this.fetchedAt = fetchedAt;
    }

    /**
     * Fetches and checks an issuer's discovery document (spec/login.md §2) without a client: for
     * verifiers that need only its {@code jwks_uri} (as {@code zwfw verify --issuer} does). Every
     * call fetches; an {@link OidcClient} keeps what it fetched.
     *
     * @param issuer            the issuer identifier, compared exactly with the document's
     * @param transport         how to fetch
     * @param allowLoopbackHttp whether a plain {@code http} issuer on a loopback host is allowed
     * @param clock             the time the document is stamped with
     * @return the checked metadata
     * @throws LoginException {@code ISSUER_MISMATCH}, {@code PROVIDER_UNAVAILABLE} or
     *                        {@code PROVIDER_RESPONSE_INVALID}; nothing of a failed document is used
     */
    public static ProviderMetadata discover(String issuer, org.zwfw.sdk.http.HttpTransport transport,
            boolean allowLoopbackHttp, java.time.Clock clock) throws LoginException {
        org.zwfw.sdk.http.FetchRules.check(URI.create(issuer), allowLoopbackHttp);
        return new Discovery(issuer, allowLoopbackHttp, new Exchanges(transport, OidcClient.DEFAULT_EXCHANGE_TIMEOUT),
                clock).get();
    }

    /** @return {@code issuer}, equal to the configured one */
    public String issuer() {
        return issuer;
    }

    /** @return {@code authorization_endpoint} */
    public URI authorizationEndpoint() {
        return authorizationEndpoint;
    }

    /** @return {@code token_endpoint} */
    public URI tokenEndpoint() {
        return tokenEndpoint;
    }

    /** @return {@code jwks_uri} */
    public URI jwksUri() {
        return jwksUri;
    }

    /** @return {@code userinfo_endpoint}, when the provider has one */
    public Optional<URI> userInfoEndpoint() {
        return Optional.ofNullable(userInfoEndpoint);
    }

    /** @return {@code end_session_endpoint} (RP-initiated logout), when the provider has one */
    public Optional<URI> endSessionEndpoint() {
        return Optional.ofNullable(endSessionEndpoint);
    }

    /** @return whether the provider sends {@code iss} in authorization responses (RFC 9207), so it is required */
    public boolean issParameterSupported() {
        return issParameterSupported;
    }

    /** @return when the document was fetched */
    public Instant fetchedAt() {
        return fetchedAt;
    }

    @Override
    public String toString() {
        return "ProviderMetadata[" + issuer + ", fetched " + fetchedAt + "]";
    }
}
