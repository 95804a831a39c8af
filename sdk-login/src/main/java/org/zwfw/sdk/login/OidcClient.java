package org.zwfw.sdk.login;

import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.claims.ACR;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.zwfw.sdk.crypto.KeyResolver;
import org.zwfw.sdk.crypto.PolicyBuilder;
import org.zwfw.sdk.crypto.RemoteKeySet;
import org.zwfw.sdk.crypto.SigningKey;
import org.zwfw.sdk.crypto.VerificationPolicy;
import org.zwfw.sdk.http.FetchRules;
import org.zwfw.sdk.http.HttpTransport;
import org.zwfw.sdk.oidc.IdToken;
import org.zwfw.sdk.oidc.IdTokenVerifier;
import org.zwfw.sdk.oidc.LogoutTokenVerifier;
import org.zwfw.sdk.replay.ReplayStore;
import org.zwfw.sdk.rnat.AssuranceLevel;
import org.zwfw.sdk.trust.TrustListKeys;
import org.zwfw.sdk.verify.VerificationResult;
import org.zwfw.sdk.rnat.RealNameToken;
import org.zwfw.sdk.rnat.RnatVerifier;

/**
 * An OpenID Connect relying party (spec/login.md): a department application logs citizens in
 * with the province's unified identity, or with any standards-compliant OpenID provider, by the
 * authorization-code flow with PKCE.
 *
 * <pre>{@code
 * OidcClient client = OidcClient.builder()
 *         .issuer("https://rz.zwfw.example.gov.cn")
 *         .clientId("portal-client").clientSecretBasic(secret)
 *         .redirectUri(URI.create("https://portal.example.gov.cn/callback"))
 *         .minimumLevel(AssuranceLevel.L3)
 *         .build();
 * LoginRedirect go = client.beginLogin();        // keep go.state() in the session, redirect to go.url()
 * Login login = client.completeLogin(state, query); // at the callback, after removing the state
 * }</pre>
 *
 * <p>Built once and shared across threads; building does no network I/O. The provider's
 * discovery document is fetched on first use and kept (§2); its keys come from its
 * {@code jwks_uri} by default (§3), or from a pinned key set or the trust list. Protocol messages
 * are built and parsed with nimbus oauth2-oidc-sdk; every signature and claim is checked by the
 * SDK's verifiers ({@link IdTokenVerifier}). Every fetch goes through the {@link HttpTransport}
 * under the bounds of §14. Nothing is kept between a login's redirect and its callback but the
 * {@link LoginState} the application holds.
 *
 * <p>Close it to release the default transport's threads (a transport given to the builder is
 * left open).
 */
public final class OidcClient implements AutoCloseable {

    /** Default login-state lifetime: 10 minutes (RFC 6749 §4.1.2's bound for codes). */
    public static final Duration DEFAULT_LOGIN_STATE_LIFETIME = Duration.ofMinutes(10);
    /** Default and longest deadline for one exchange with the provider: 10 seconds. */
    public static final Duration DEFAULT_EXCHANGE_TIMEOUT = Duration.ofSeconds(10);
    /** Connect timeout of the default transport: 5 seconds. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final String issuer;
    private final String clientId;
    private final URI redirectUri;
    private final List<String> scopes;
    private final AssuranceLevel minimumLevel;
    private final Duration maxAge;
    private final Duration lifetime;
    private final VerificationPolicy policy;
    private final Set<String> additionalAudiences;
    private final HttpTransport transport;
    private final boolean ownsTransport;
    private final Exchanges exchanges;
    private final Discovery discovery;
    private final KeyResolver keys;
    private final TrustListKeys trust;
    private final ProviderKeySet providerKeys;
    private final ClientAuth auth;
    private final TokenEndpoint tokens;
    private final Map<String, IdTokenVerifier> verifiers = new ConcurrentHashMap<>();

    private OidcClient(Builder b) {
        this.issuer = b.issuer;
        this.clientId = b.clientId;
        this.redirectUri = b.redirectUri;
        this.scopes = List.copyOf(b.scopes);
        this.minimumLevel = b.minimumLevel;
        this.maxAge = b.maxAge;
        this.lifetime = b.lifetime;
        this.policy = b.configuredPolicy();
        this.additionalAudiences = Set.copyOf(b.additionalAudiences);
        this.ownsTransport = b.transport == null;
        this.transport = b.transport != null ? b.transport : HttpTransport.standard(DEFAULT_CONNECT_TIMEOUT,
                b.loopbackHttp);
        this.exchanges = new Exchanges(transport, b.exchangeTimeout);
        this.discovery = new Discovery(issuer, b.loopbackHttp, exchanges, policy.clock());
        this.trust = b.trust;
        if (b.keys == null && b.trust == null) {
            Duration timeout = b.exchangeTimeout;
            boolean loopback = b.loopbackHttp;
            Function<URI, KeyResolver> remote = b.remoteKeys != null ? b.remoteKeys
                    : uri -> RemoteKeySet.builder(uri).transport(transport).allowLoopbackHttp(loopback)
                            .clock(policy.clock()).aliasPolicy(policy.aliases()).readTimeout(timeout).build();
            this.providerKeys = new ProviderKeySet(discovery, remote);
            this.keys = providerKeys;
        } else {
            this.providerKeys = null;
            this.keys = b.keys;
        }
        this.auth = b.auth != null ? b.auth : ClientAuth.none(clientId);
        this.tokens = new TokenEndpoint(exchanges, auth, clientId, issuer, policy.clock());
    }

    /** @return a builder; issuer, client ID and redirect URI are required */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the issuer this client logs in with */
    public String issuer() {
        return issuer;
    }

    /** @return this client's ID */
    public String clientId() {
        return clientId;
    }

    /** @return the redirect URI the provider sends the browser back to */
    public URI redirectUri() {
        return redirectUri;
    }

    /**
     * The provider's discovery document, fetched and checked on first use (spec/login.md §2).
     * Applications may call it at start-up to find a misconfiguration early.
     *
     * @return the checked metadata
     * @throws LoginException {@code ISSUER_MISMATCH}, {@code PROVIDER_UNAVAILABLE} or
     *                        {@code PROVIDER_RESPONSE_INVALID}
     */
    public ProviderMetadata provider() throws LoginException {
        return discovery.get();
    }

    /**
     * Starts a login (spec/login.md §4, §5) with the configured minimum level.
     *
     * @return the authorization URL and the login state to keep in the session
     * @throws LoginException when the provider's discovery document cannot be had or is not
     *                        this issuer's: no URL is made then
     */
    public LoginRedirect beginLogin() throws LoginException {
        return beginLogin(minimumLevel);
    }

    /**
     * Starts a login that asks for at least {@code level} (a step-up for a sensitive service).
     *
     * @param level the minimum level for this login, not below the configured one; {@code null}
     *              for the configured one
     * @return the authorization URL and the login state to keep in the session
     * @throws LoginException when the provider's discovery document cannot be had or is not this issuer's
     * @throws IllegalArgumentException for a level below the configured minimum
     */
    public LoginRedirect beginLogin(AssuranceLevel level) throws LoginException {
        AssuranceLevel min = level != null ? level : minimumLevel;
        if (minimumLevel != null && (min == null || !min.isAtLeast(minimumLevel))) {
            throw new IllegalArgumentException("a login cannot ask for less than the configured minimum level "
                    + minimumLevel);
        }
        ProviderMetadata m = discovery.get();
        LoginState state = LoginState.create(issuer, clientId, redirectUri, policy.now(), min, maxAge);
        AuthenticationRequest.Builder b = new AuthenticationRequest.Builder(ResponseType.CODE,
                new Scope(scopes.toArray(new String[0])), new ClientID(clientId), redirectUri)
                .endpointURI(m.authorizationEndpoint())
                .state(new State(state.state()))
                .nonce(new Nonce(state.nonce()))
                .codeChallenge(new CodeVerifier(state.codeVerifier()), CodeChallengeMethod.S256);
        if (min != null) {
            List<ACR> acrs = new ArrayList<>();
            for (AssuranceLevel l : AssuranceLevel.values()) {
                if (l.isAtLeast(min)) {
                    acrs.add(new ACR(l.acr()));
                }
            }
            b.acrValues(acrs);
        }
        if (maxAge != null) {
            b.maxAge((int) Math.min(Integer.MAX_VALUE, maxAge.toSeconds()));
        }
        return new LoginRedirect(b.build().toURI(), state);
    }

    /**
     * Completes a login at the callback (spec/login.md §6 to §8): checks the redirect's query in
     * the order of §6, exchanges the code, and verifies the ID token. The application removes
     * the login state from its session before calling this, so that a second callback fails.
     *
     * @param state         the login state kept since {@link #beginLogin()}
     * @param callbackQuery the raw (undecoded) query of the redirect to the redirect URI
     * @return the verified login
     * @throws LoginException a flow failure of §13 (no token request for those of §6), or the
     *                        ID token's failed checks ({@link LoginException#errors()})
     */
    public Login completeLogin(LoginState state, String callbackQuery) throws LoginException {
        Objects.requireNonNull(state, "state");
        if (!state.issuer().equals(issuer) || !state.clientId().equals(clientId)
                || !state.redirectUri().equals(redirectUri)
                || minimumLevel != null && !state.minimumLevel().map(l -> l.isAtLeast(minimumLevel)).orElse(false)
                || !Objects.equals(state.maxAge().orElse(null), maxAge)) {
            throw new LoginException(LoginFailure.STATE_MISMATCH, "the login state was made for another issuer,"
                    + " client, redirect URI or configuration");
        }
        // step 1
        Instant now = policy.now();
        if (now.isAfter(state.createdAt().plus(lifetime)) || state.createdAt().isAfter(now.plus(policy.skew()))) {
            throw new LoginException(LoginFailure.LOGIN_STATE_EXPIRED, "the login was started at "
                    + state.createdAt() + ", longer ago than the login-state lifetime of " + lifetime.toSeconds()
                    + " s; start a new login");
        }
        // step 2
        Map<String, String> p = Callback.parameters(callbackQuery);
        // step 3, before anything else of the response is believed
        String got = p.get("state");
        if (got == null || !MessageDigest.isEqual(got.getBytes(StandardCharsets.UTF_8),
                state.state().getBytes(StandardCharsets.UTF_8))) {
            throw new LoginException(LoginFailure.STATE_MISMATCH, got == null ? "the callback carries no 'state'"
                    : "the callback's 'state' is not this login's");
        }
        // step 4 (RFC 9207, L10)
        String iss = p.get("iss");
        if (iss != null && !iss.equals(issuer)) {
            throw new LoginException(LoginFailure.ISSUER_MISMATCH, "the authorization response names another"
                    + " issuer ('iss') than " + org.zwfw.sdk.internal.Texts.quote(issuer, 200));
        }
        ProviderMetadata m = discovery.get();
        if (iss == null && m.issParameterSupported()) {
            throw new LoginException(LoginFailure.ISSUER_MISMATCH, "the authorization response carries no 'iss',"
                    + " which the provider says it sends (RFC 9207)");
        }
        // step 5
        if (p.containsKey("error")) {
            String description = p.get("error_description");
            throw new LoginException(LoginFailure.AUTHORIZATION_ERROR, "the provider answered the login with the"
                    + " error " + Exchanges.shown(p.get("error"), auth.secrets())
                    + (description == null ? "" : ": " + Exchanges.shown(description, auth.secrets())));
        }
        // step 6
        String code = p.get("code");
        if (code == null || code.isEmpty() || code.length() > 2048) {
            throw new LoginException(LoginFailure.PROVIDER_RESPONSE_INVALID, code == null
                    ? "the callback carries neither 'code' nor 'error'" : "the callback's 'code' is not 1 to 2048"
                    + " characters");
        }
        // step 7: the token request
        TokenEndpoint.Issued issued = tokens.request(m.tokenEndpoint(), new AuthorizationCodeGrant(
                new AuthorizationCode(code), redirectUri, new CodeVerifier(state.codeVerifier())), true);
        // §8
        VerificationResult<IdToken> verified = verifier(state.minimumLevel().orElse(null), maxAge)
                .verify(issued.idToken(), state.nonce(), issued.accessToken());
        if (!verified.isValid()) {
            throw new LoginException("the ID token is not valid", verified.errors());
        }
        return new Login(verified.value().orElseThrow(), issued.accessToken(), issued.refreshToken(),
                issued.expiresIn(), issued.scope(), now, verified.warnings());
    }

    /**
     * Asks the provider's userinfo endpoint about the person of a login (spec/login.md §9).
     *
     * @param login a login of this client
     * @return the claims, or empty when the provider has no userinfo endpoint
     * @throws LoginException {@code PROVIDER_UNAVAILABLE}, {@code PROVIDER_RESPONSE_INVALID}, or the
     *                        response's failed checks (a signed one, or {@code sub} not the ID token's)
     */
    public Optional<UserInfo> userInfo(Login login) throws LoginException {
        Objects.requireNonNull(login, "login");
        Optional<URI> endpoint = discovery.get().userInfoEndpoint();
        if (endpoint.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new UserInfoEndpoint(exchanges, verifier(minimumLevel, null)).fetch(endpoint.get(),
                login));
    }

    /**
     * Refreshes a login (spec/login.md §10): a new access token, and a new ID token when the
     * provider issues one, verified to be about the same person and authentication as the
     * original.
     *
     * @param login a login with a refresh token
     * @return the refreshed login (the old refresh token kept unless a new one was issued)
     * @throws LoginException a flow failure, or the new ID token's failed checks
     * @throws IllegalArgumentException when the login has no refresh token
     */
    public Login refresh(Login login) throws LoginException {
        Objects.requireNonNull(login, "login");
        String rt = login.refreshToken().orElseThrow(() -> new IllegalArgumentException(
                "this login has no refresh token"));
        Instant now = policy.now();
        TokenEndpoint.Issued issued = tokens.request(discovery.get().tokenEndpoint(),
                new RefreshTokenGrant(new RefreshToken(rt)), false);
        IdToken id = login.idToken();
        List<org.zwfw.sdk.verify.Finding> warnings = List.of();
        if (issued.idToken() != null) {
            VerificationResult<IdToken> verified = verifier(null, null).verifyRefreshed(issued.idToken(), id,
                    issued.accessToken());
            if (!verified.isValid()) {
                throw new LoginException("the refreshed ID token is not valid", verified.errors());
            }
            id = verified.value().orElseThrow();
            warnings = verified.warnings();
        }
        return new Login(id, issued.accessToken(), issued.refreshToken() != null ? issued.refreshToken() : rt,
                issued.expiresIn(), issued.scope(), now, warnings);
    }

    /** RFC 8693 token type of a real-name auth token (spec/realname-token.md §14). */
    public static final String RNAT_TOKEN_TYPE = "urn:zwfw:token-type:rnat";
    private static final String ID_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:id_token";

    /**
     * Obtains a real-name auth token for another relying party by token exchange (RFC 8693,
     * spec/realname-token.md §14), with this login's ID token as the subject token, and checks it
     * as the audience would (the issuer's keys, the audience, the claims), without recording its
     * {@code jti}. A public client cannot exchange.
     *
     * @param login    this client's login of the person
     * @param audience the {@code client_id} the token is for
     * @param scopes   release tiers asked for ({@code rn_masked}, {@code rn_identity}, {@code rn_id_number}), or none
     * @return the token and what it says
     * @throws LoginException {@code TOKEN_ERROR} naming the provider's error (e.g. {@code invalid_target}),
     *                        {@code PROVIDER_RESPONSE_INVALID} for a response that is not an RNAT
     *                        exchange's, or the RNAT's failed checks
     */
    public ExchangedToken exchangeForRnat(Login login, String audience, String... scopes) throws LoginException {
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(audience, "audience");
        URI endpoint = discovery.get().tokenEndpoint();
        com.nimbusds.oauth2.sdk.tokenexchange.TokenExchangeGrant grant;
        try {
            grant = new com.nimbusds.oauth2.sdk.tokenexchange.TokenExchangeGrant(
                    new com.nimbusds.oauth2.sdk.token.TypelessToken(login.idToken().compact()),
                    com.nimbusds.oauth2.sdk.token.TokenTypeURI.parse(ID_TOKEN_TYPE), null, null,
                    com.nimbusds.oauth2.sdk.token.TokenTypeURI.parse(RNAT_TOKEN_TYPE),
                    List.of(new com.nimbusds.oauth2.sdk.id.Audience(audience)));
        } catch (com.nimbusds.oauth2.sdk.ParseException e) {
            throw new IllegalStateException("a fixed token type URI did not parse", e);
        }
        Map<String, Object> json = tokens.exchange(endpoint, grant, List.of(scopes));
        Object token = json.get("access_token");
        Object type = json.get("issued_token_type");
        Object tokenType = json.get("token_type");
        if (!(token instanceof String) || !RNAT_TOKEN_TYPE.equals(type) || !(tokenType instanceof String)
                || !((String) tokenType).equalsIgnoreCase("N_A")) {
            throw new LoginException(LoginFailure.PROVIDER_RESPONSE_INVALID, "the token endpoint at "
                    + endpoint.getHost() + " did not answer with a real-name auth token (access_token, issued_token_type "
                    + RNAT_TOKEN_TYPE + ", token_type N_A)");
        }
        Object scope = json.get("scope");
        RnatVerifier.Builder rb = RnatVerifier.builder().policy(policy).audience(audience).recordUse(false);
        VerificationResult<RealNameToken> verified = (trust != null ? rb.trustList(trust) : rb.issuer(issuer, keys))
                .build().verify((String) token);
        if (!verified.isValid()) {
            throw new LoginException("the exchanged real-name auth token is not valid", verified.errors());
        }
        return new ExchangedToken((String) token, verified.value().orElseThrow(), scope instanceof String
                ? List.of(((String) scope).split(" ")) : List.of());
    }

    /**
     * The provider's end-session URL for RP-initiated logout (spec/login.md §11). Nothing is
     * fetched but the discovery document, when not held.
     *
     * @param idToken               the session's ID token, sent as {@code id_token_hint}
     * @param postLogoutRedirectUri where the provider sends the browser afterwards (registered
     *                              at the provider), or {@code null}
     * @return the URL and its {@code state} (with a post-logout redirect URI), or empty when the
     *         provider has no end-session endpoint (log out locally only)
     * @throws LoginException when the discovery document cannot be had
     */
    public Optional<LogoutRedirect> logoutUrl(IdToken idToken, URI postLogoutRedirectUri) throws LoginException {
        Objects.requireNonNull(idToken, "idToken");
        Optional<URI> endpoint = discovery.get().endSessionEndpoint();
        if (endpoint.isEmpty()) {
            return Optional.empty();
        }
        // state only with a post-logout redirect URI: it comes back there (RP-Initiated Logout §2)
        String state = postLogoutRedirectUri == null ? null : LoginState.random(16);
        SignedJWT hint;
        try {
            hint = SignedJWT.parse(idToken.compact());
        } catch (java.text.ParseException e) {
            throw new IllegalStateException("a verified ID token did not parse", e);
        }
        URI url = new LogoutRequest(endpoint.get(), hint, null, new ClientID(clientId), postLogoutRedirectUri,
                state == null ? null : new State(state), null).toURI();
        return Optional.of(new LogoutRedirect(url, state));
    }

    /**
     * A verifier of this provider's back-channel logout tokens (spec/login.md §12), with this
     * client's keys and policy.
     *
     * @param store where single use is recorded; share one among an application's instances
     * @return the verifier
     */
    public LogoutTokenVerifier logoutTokenVerifier(ReplayStore store) {
        LogoutTokenVerifier.Builder b = LogoutTokenVerifier.builder().policy(policy).issuer(issuer).clientId(clientId)
                .replayStore(store);
        return (trust != null ? b.trustList(trust) : b.keys(keys)).build();
    }

    /** The ID token verifier for a minimum level and maximum age, made once per pair. */
    private IdTokenVerifier verifier(AssuranceLevel level, Duration age) {
        return verifiers.computeIfAbsent(level + "|" + age, k -> {
            IdTokenVerifier.Builder b = IdTokenVerifier.builder().policy(policy).issuer(issuer).clientId(clientId)
                    .minimumLevel(level).maxAge(age).additionalAudiences(additionalAudiences.toArray(new String[0]));
            return (trust != null ? b.trustList(trust) : b.keys(keys)).build();
        });
    }

    /** Releases the default transport and the provider's key set. Idempotent. */
    @Override
    public void close() {
        if (providerKeys != null) {
            providerKeys.close();
        }
        if (ownsTransport) {
            transport.close();
        }
    }

    @Override
    public String toString() {
        return "OidcClient[" + issuer + ", client " + clientId + ", " + auth.method() + "]";
    }

    /** Configures an {@link OidcClient}. Not thread-safe; the client is. */
    public static final class Builder extends PolicyBuilder<Builder> {

        private String issuer;
        private String clientId;
        private URI redirectUri;
        private final Set<String> scopes = new LinkedHashSet<>(List.of("openid"));
        private AssuranceLevel minimumLevel;
        private Duration maxAge;
        private Duration lifetime = DEFAULT_LOGIN_STATE_LIFETIME;
        private final Set<String> additionalAudiences = new LinkedHashSet<>();
        private KeyResolver keys;
        private TrustListKeys trust;
        private Function<URI, KeyResolver> remoteKeys;
        private HttpTransport transport;
        private boolean loopbackHttp;
        private Duration exchangeTimeout = DEFAULT_EXCHANGE_TIMEOUT;
        private String secret;
        private SigningKey key;
        private boolean assertionAudienceIsTokenEndpoint;
        private ClientAuth auth;

        private Builder() {
            policy(VerificationPolicy.DEFAULT.withAlgorithms(IdTokenVerifier.DEFAULT_ALGORITHMS));
        }

        /**
         * @param iss the provider's issuer identifier: an absolute {@code https} URL without query
         *            or fragment ({@code http} to a loopback host with {@link #allowLoopbackHttp});
         *            compared exactly, a trailing {@code /} counts
         * @return this builder
         */
        public Builder issuer(String iss) {
            this.issuer = Objects.requireNonNull(iss, "issuer");
            return this;
        }

        /**
         * @param id this client's ID at the provider
         * @return this builder
         */
        public Builder clientId(String id) {
            this.clientId = Objects.requireNonNull(id, "clientId");
            return this;
        }

        /**
         * Authenticates with {@code client_secret_basic} (spec/login.md §7; no
         * {@code client_secret_post}, L11). The secret never appears in a message or a log.
         *
         * @param clientSecret the secret registered at the provider
         * @return this builder
         */
        public Builder clientSecretBasic(String clientSecret) {
            if (Objects.requireNonNull(clientSecret, "clientSecret").isEmpty()) {
                throw new IllegalArgumentException("the client secret is empty");
            }
            this.secret = clientSecret;
            this.key = null;
            return this;
        }

        /**
         * Authenticates with {@code private_key_jwt} (spec/login.md §7): a client assertion signed
         * with this key, its {@code kid} the key's, else its RFC 7638 thumbprint.
         *
         * @param clientKey an {@code ES256} or {@code SGD_SM3_SM2} private key whose public key is
         *                  registered at the provider
         * @return this builder
         * @throws IllegalArgumentException for a key of another algorithm
         */
        public Builder privateKeyJwt(SigningKey clientKey) {
            ClientAuth.key("check", Objects.requireNonNull(clientKey, "clientKey"), false);
            this.key = clientKey;
            this.secret = null;
            return this;
        }

        /**
         * @param tokenEndpoint send the token endpoint URL as the client assertion's {@code aud}
         *                      instead of the issuer (L5: for providers that predate
         *                      draft-ietf-oauth-rfc7523bis and refuse the issuer)
         * @return this builder
         */
        public Builder assertionAudienceIsTokenEndpoint(boolean tokenEndpoint) {
            this.assertionAudienceIsTokenEndpoint = tokenEndpoint;
            return this;
        }

        /**
         * @param uri the redirect URI registered at the provider: absolute, without a fragment;
         *            for a native application {@code http://127.0.0.1:PORT/PATH} (RFC 8252)
         * @return this builder
         */
        public Builder redirectUri(URI uri) {
            this.redirectUri = Objects.requireNonNull(uri, "redirectUri");
            return this;
        }

        /**
         * @param more scopes beside {@code openid}, which is always sent first
         * @return this builder
         */
        public Builder scopes(String... more) {
            for (String s : more) {
                if (s == null || s.isEmpty() || !s.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != '"'
                        && c != '\\')) {
                    throw new IllegalArgumentException("a scope is printable ASCII without spaces, quotes or"
                            + " backslashes");
                }
                scopes.add(s);
            }
            return this;
        }

        /**
         * @param level the lowest real-name level accepted, sent as {@code acr_values} and checked
         *              in the ID token; {@code null} for none
         * @return this builder
         */
        public Builder minimumLevel(AssuranceLevel level) {
            this.minimumLevel = level;
            return this;
        }

        /**
         * @param age the maximum authentication age, sent as {@code max_age} and checked against
         *            {@code auth_time}; {@code null} for none
         * @return this builder
         */
        public Builder maxAge(Duration age) {
            if (age != null && age.isNegative()) {
                throw new IllegalArgumentException("max_age must not be negative");
            }
            this.maxAge = age == null ? null : Duration.ofSeconds(age.toSeconds());
            return this;
        }

        /**
         * @param lifetime how long a login state is good for, 1 to 60 minutes (default 10)
         * @return this builder
         */
        public Builder loginStateLifetime(Duration lifetime) {
            Objects.requireNonNull(lifetime, "lifetime");
            if (lifetime.compareTo(Duration.ofMinutes(1)) < 0 || lifetime.compareTo(Duration.ofMinutes(60)) > 0) {
                throw new IllegalArgumentException("the login-state lifetime is 1 to 60 minutes");
            }
            this.lifetime = lifetime;
            return this;
        }

        /**
         * @param audiences other {@code aud} values an ID token may carry beside the client ID
         * @return this builder
         */
        public Builder additionalAudiences(String... audiences) {
            additionalAudiences.addAll(List.of(audiences));
            return this;
        }

        /**
         * Pins the provider's keys instead of fetching its {@code jwks_uri}.
         *
         * @param resolver a pinned {@link org.zwfw.sdk.crypto.KeySet}, or any key resolver
         * @return this builder
         */
        public Builder keys(KeyResolver resolver) {
            this.keys = Objects.requireNonNull(resolver, "resolver");
            return this;
        }

        /**
         * Takes the provider's keys from the trust list: its entry must allow
         * {@value IdTokenVerifier#TRUST_LIST_TYPE}.
         *
         * @param list the trust list's keys
         * @return this builder
         */
        public Builder trustList(TrustListKeys list) {
            this.trust = Objects.requireNonNull(list, "list");
            return this;
        }

        /**
         * How the key set at the provider's {@code jwks_uri} is kept (the default keys). For
         * tuning (refresh interval, refresh-ahead) and tests.
         *
         * @param factory makes the resolver for a {@code jwks_uri}; it should fetch through the
         *                same transport
         * @return this builder
         */
        public Builder remoteKeys(Function<URI, KeyResolver> factory) {
            this.remoteKeys = Objects.requireNonNull(factory, "factory");
            return this;
        }

        /**
         * @param t the HTTP client for every exchange with the provider (default
         *          {@link HttpTransport#standard}, owned and closed by the client); it must
         *          implement {@link HttpTransport#exchange}
         * @return this builder
         */
        public Builder transport(HttpTransport t) {
            this.transport = Objects.requireNonNull(t, "transport");
            return this;
        }

        /**
         * Allows a plain {@code http} issuer on a loopback host (development against the sandbox);
         * the provider's endpoints may then be loopback {@code http} too.
         *
         * @param allow whether to allow it (default {@code false})
         * @return this builder
         */
        public Builder allowLoopbackHttp(boolean allow) {
            this.loopbackHttp = allow;
            return this;
        }

        /**
         * @param timeout the deadline of one exchange with the provider, above 0 and at most
         *                10 seconds (default {@link #DEFAULT_EXCHANGE_TIMEOUT})
         * @return this builder
         */
        public Builder exchangeTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(DEFAULT_EXCHANGE_TIMEOUT) > 0) {
                throw new IllegalArgumentException("the exchange timeout is above 0 and at most 10 s");
            }
            this.exchangeTimeout = timeout;
            return this;
        }

        /**
         * Builds the client. No network I/O.
         *
         * @return the client
         * @throws IllegalStateException without issuer, client ID or redirect URI, or with both a
         *                               pinned key set and a trust list
         * @throws IllegalArgumentException for an issuer or redirect URI that is not usable
         */
        public OidcClient build() {
            if (issuer == null || clientId == null || redirectUri == null) {
                throw new IllegalStateException("issuer(...), clientId(...) and redirectUri(...) are required");
            }
            if (keys != null && trust != null) {
                throw new IllegalStateException("at most one of keys(...) and trustList(...)");
            }
            URI iss;
            try {
                iss = new URI(issuer);
            } catch (java.net.URISyntaxException e) {
                throw new IllegalArgumentException("the issuer is not a URL");
            }
            if (iss.getRawQuery() != null || iss.getRawFragment() != null) {
                throw new IllegalArgumentException("an issuer identifier has no query or fragment");
            }
            FetchRules.check(iss, loopbackHttp);
            if (!redirectUri.isAbsolute() || redirectUri.getRawFragment() != null) {
                throw new IllegalArgumentException("the redirect URI must be absolute, without a fragment");
            }
            auth = secret != null ? ClientAuth.secret(clientId, secret) : key != null
                    ? ClientAuth.key(clientId, key, assertionAudienceIsTokenEndpoint) : ClientAuth.none(clientId);
            return new OidcClient(this);
        }
    }
}
