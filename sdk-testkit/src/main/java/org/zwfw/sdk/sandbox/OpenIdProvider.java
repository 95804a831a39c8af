package org.zwfw.sdk.sandbox;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.zwfw.sdk.crypto.KeySet;
import org.zwfw.sdk.sandbox.internal.oidc.Provider;

/**
 * The sandbox's OpenID provider ({@code spec/sandbox.md} §10): the province's unified identity
 * service, emulated for relying parties and for real-name token exchange. Its issuer is
 * {@code <base>/oidc}; its test citizens ({@link TestCitizen}) log in at levels L1 to L4, through
 * a small login page or at once with {@code login_hint=sandbox:<slug>}; its apps
 * ({@link RegisteredApp}) are the defaults or those given to {@link Sandbox.Builder#apps}.
 *
 * <p>Obtained from {@link Sandbox#openIdProvider()}, or as a parameter or {@code @SandboxValue}
 * of a {@code @ZwfwSandbox} test. Thread-safe.
 */
public final class OpenIdProvider {

    /** The well-known path of the discovery document below the issuer. */
    public static final String DISCOVERY_PATH = "/.well-known/openid-configuration";

    private final Provider provider;

    OpenIdProvider(Provider provider) {
        this.provider = provider;
    }

    /** @return the issuer identifier, such as {@code http://127.0.0.1:43121/oidc} */
    public URI issuer() {
        return URI.create(provider.issuer());
    }

    /** @return the discovery document's URL */
    public URI discoveryUri() {
        return URI.create(provider.issuer() + DISCOVERY_PATH);
    }

    /** @return the JWK Set's URL */
    public URI jwksUri() {
        return URI.create(provider.issuer() + "/jwks.json");
    }

    /** @return the authorization endpoint */
    public URI authorizationEndpoint() {
        return URI.create(provider.issuer() + "/authorize");
    }

    /** @return the token endpoint */
    public URI tokenEndpoint() {
        return URI.create(provider.issuer() + "/token");
    }

    /** @return the userinfo endpoint */
    public URI userinfoEndpoint() {
        return URI.create(provider.issuer() + "/userinfo");
    }

    /** @return the end-session (logout) endpoint */
    public URI endSessionEndpoint() {
        return URI.create(provider.issuer() + "/logout");
    }

    /** @return the registered apps, in order */
    public List<RegisteredApp> apps() {
        return provider.apps();
    }

    /**
     * @param clientId a client ID
     * @return that app
     */
    public Optional<RegisteredApp> app(String clientId) {
        return provider.apps().stream().filter(a -> a.clientId().equals(clientId)).findFirst();
    }

    /** @return the test citizens */
    public List<TestCitizen> citizens() {
        return List.of(TestCitizen.values());
    }

    /** @return the public signing keys published now (current, and previous until retired) */
    public KeySet keys() {
        return provider.verificationKeys();
    }

    /**
     * New signing keys for every algorithm, used from now on; a new trust-list edition follows.
     *
     * @param retirePrevious whether the keys signing until now leave the JWK Set (then tokens
     *                       signed before fail with {@code UNKNOWN_KEY}, as after an emergency rotation)
     * @return the new key IDs
     */
    public List<String> rotateKeys(boolean retirePrevious) {
        return provider.rotateKeys(retirePrevious);
    }

    /**
     * Ends every session of a citizen and delivers back-channel logout tokens to each app concerned.
     *
     * @param citizen the citizen
     * @return how many sessions ended
     */
    public int logout(TestCitizen citizen) {
        return provider.logout(citizen);
    }

    /**
     * A real-name auth token of a citizen for an app, as token exchange would give it after a
     * login now: the holder's consent of the service-network API (consent_token), for tests.
     *
     * @param citizen  the citizen
     * @param clientId the audience, a registered app
     * @return the token, single use at the API
     * @throws IllegalArgumentException for an unknown app
     */
    public String consentToken(TestCitizen citizen, String clientId) {
        return provider.consentToken(citizen, clientId);
    }

    @Override
    public String toString() {
        return "OpenIdProvider[" + provider.issuer() + "]";
    }
}
