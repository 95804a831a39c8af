package org.zwfw.sdk.sandbox;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.crypto.KeySet;

/**
 * An application registered at the sandbox's OpenID provider ({@code spec/sandbox.md} §10.3): its
 * client ID, redirect URIs, how it authenticates at the token endpoint, what it may receive. Made
 * by {@link #builder(String)} or read from an {@code --apps} file; both go through the same rules.
 *
 * <p>Immutable. {@link #toString()} never shows the secret.
 */
public final class RegisteredApp {

    /** How an app authenticates at the token endpoint. */
    public enum AuthMethod {
        /** {@code client_secret_basic}: HTTP Basic with the client ID and secret. */
        CLIENT_SECRET_BASIC("client_secret_basic"),
        /** {@code private_key_jwt}: a client assertion signed with a key of the app's {@code jwks}. */
        PRIVATE_KEY_JWT("private_key_jwt"),
        /** {@code none}: a public client (PKCE protects its code); no token exchange. */
        NONE("none");

        private final String value;

        AuthMethod(String value) {
            this.value = value;
        }

        /** @return the registration value, such as {@code client_secret_basic} */
        public String value() {
            return value;
        }

        static Optional<AuthMethod> of(String value) {
            for (AuthMethod m : values()) {
                if (m.value.equals(value)) {
                    return Optional.of(m);
                }
            }
            return Optional.empty();
        }
    }

    final String clientId;
    final String name;
    final List<URI> redirectUris;
    final List<URI> postLogoutRedirectUris;
    final AuthMethod authMethod;
    final String secret;
    final KeySet jwks;
    final URI backchannelLogoutUri;
    final String sector;
    final JwsAlgorithm idTokenAlgorithm;
    final JwsAlgorithm userinfoAlgorithm;
    final Set<String> entitlements;
    final List<String> rnatAudiences;
    final String autoLogin;
    final KeySet apiKeys;
    final URI webhookUrl;
    final Set<String> apiOperations;
    final Set<String> issuerDepartments;

    RegisteredApp(String clientId, String name, List<URI> redirectUris, List<URI> postLogoutRedirectUris,
            AuthMethod authMethod, String secret, KeySet jwks, URI backchannelLogoutUri, String sector,
            JwsAlgorithm idTokenAlgorithm, JwsAlgorithm userinfoAlgorithm, Set<String> entitlements,
            List<String> rnatAudiences, String autoLogin, KeySet apiKeys, URI webhookUrl, Set<String> apiOperations,
            Set<String> issuerDepartments) {
        this.apiKeys = apiKeys;
        this.webhookUrl = webhookUrl;
        this.apiOperations = apiOperations == null ? null : Set.copyOf(apiOperations);
        this.issuerDepartments = Set.copyOf(issuerDepartments);
        this.clientId = clientId;
        this.name = name;
        this.redirectUris = List.copyOf(redirectUris);
        this.postLogoutRedirectUris = List.copyOf(postLogoutRedirectUris);
        this.authMethod = authMethod;
        this.secret = secret;
        this.jwks = jwks;
        this.backchannelLogoutUri = backchannelLogoutUri;
        this.sector = sector;
        this.idTokenAlgorithm = idTokenAlgorithm;
        this.userinfoAlgorithm = userinfoAlgorithm;
        this.entitlements = Set.copyOf(entitlements);
        this.rnatAudiences = List.copyOf(rnatAudiences);
        this.autoLogin = autoLogin;
    }

    /**
     * @param clientId the client ID: 1 to 64 of {@code A-Z a-z 0-9 . _ -}
     * @return a builder; redirect URIs and an authentication method are required
     */
    public static Builder builder(String clientId) {
        return new Builder(clientId);
    }

    /** @return the client ID */
    public String clientId() {
        return clientId;
    }

    /** @return the name shown on the login page, or the client ID */
    public String name() {
        return name != null ? name : clientId;
    }

    /**
     * @return the registered redirect URIs; an {@code http} loopback one matches any port
     *         (RFC 8252 §7.3)
     */
    public List<URI> redirectUris() {
        return redirectUris;
    }

    /** @return the registered post-logout redirect URIs */
    public List<URI> postLogoutRedirectUris() {
        return postLogoutRedirectUris;
    }

    /** @return how the app authenticates at the token endpoint */
    public AuthMethod authMethod() {
        return authMethod;
    }

    /** @return the client secret, for {@code client_secret_basic} */
    public Optional<String> clientSecret() {
        return Optional.ofNullable(secret);
    }

    /** @return the public keys of its client assertions, for {@code private_key_jwt} */
    public Optional<KeySet> jwks() {
        return Optional.ofNullable(jwks);
    }

    /** @return where logout tokens are delivered */
    public Optional<URI> backchannelLogoutUri() {
        return Optional.ofNullable(backchannelLogoutUri);
    }

    /** @return the sector identifier its pairwise {@code sub} is derived for */
    public String sectorIdentifier() {
        return sector;
    }

    /** @return the algorithm of its ID tokens (and logout tokens) */
    public JwsAlgorithm idTokenSigningAlgorithm() {
        return idTokenAlgorithm;
    }

    /** @return the algorithm of its signed userinfo; empty: userinfo answers JSON */
    public Optional<JwsAlgorithm> userinfoSigningAlgorithm() {
        return Optional.ofNullable(userinfoAlgorithm);
    }

    /** @return the release tiers it is entitled to ({@code rn_masked}, {@code rn_identity}, {@code rn_id_number}) */
    public Set<String> entitlements() {
        return entitlements;
    }

    /** @return the client IDs it may obtain RNATs for by token exchange (besides itself) */
    public List<String> rnatAudiences() {
        return rnatAudiences;
    }

    /** @return the citizen slug, or {@code deny}, that answers each of its authorization requests at once */
    public Optional<String> autoLogin() {
        return Optional.ofNullable(autoLogin);
    }

    /**
     * @return the public keys it signs service-network API requests with ({@code spec/api-signing.md}
     *         §8.1); empty: it cannot call {@code /v1}
     */
    public Optional<KeySet> apiKeys() {
        return Optional.ofNullable(apiKeys);
    }

    /** @return where its webhooks are delivered */
    public Optional<URI> webhookUrl() {
        return Optional.ofNullable(webhookUrl);
    }

    /**
     * @param operationId an operation of the API document, such as {@code submitCase}
     * @return whether the app may call it ({@code 403 PERMISSION_DENIED} otherwise)
     */
    public boolean mayCall(String operationId) {
        return apiOperations == null || apiOperations.contains(operationId);
    }

    /**
     * @return the issuer slugs whose authorised department the app is: only these it may issue
     *         e-certificates for, and change or read the status entries of
     */
    public Set<String> issuerDepartments() {
        return issuerDepartments;
    }

    @Override
    public String toString() {
        return "RegisteredApp[" + clientId + ", " + authMethod.value() + ", redirect " + redirectUris + "]";
    }

    /**
     * Configures a {@link RegisteredApp} with the members of {@code spec/sandbox.md} §10.3;
     * {@link #build()} checks them by the rules of an {@code --apps} file. Not thread-safe.
     */
    public static final class Builder {

        private final Map<String, Object> members = new LinkedHashMap<>();

        private Builder(String clientId) {
            members.put("client_id", Objects.requireNonNull(clientId, "clientId"));
        }

        /**
         * @param name 1 to 64 characters, shown on the login page
         * @return this builder
         */
        public Builder name(String name) {
            members.put("name", name);
            return this;
        }

        /**
         * @param uris 1 to 16 absolute URIs: {@code https}, or {@code http} to a loopback host
         *             (any port then matches)
         * @return this builder
         */
        public Builder redirectUris(String... uris) {
            members.put("redirect_uris", List.of(uris));
            return this;
        }

        /**
         * @param uris where the provider may send the browser after logout
         * @return this builder
         */
        public Builder postLogoutRedirectUris(String... uris) {
            members.put("post_logout_redirect_uris", List.of(uris));
            return this;
        }

        /**
         * @param secret 16 to 256 printable ASCII characters
         * @return this builder, for {@code client_secret_basic}
         */
        public Builder clientSecretBasic(String secret) {
            members.put("token_endpoint_auth_method", AuthMethod.CLIENT_SECRET_BASIC.value());
            members.put("client_secret", secret);
            return this;
        }

        /**
         * @param keys the app's public {@code ES256} or {@code SGD_SM3_SM2} keys, each with a {@code kid}
         * @return this builder, for {@code private_key_jwt}
         */
        public Builder privateKeyJwt(KeySet keys) {
            members.put("token_endpoint_auth_method", AuthMethod.PRIVATE_KEY_JWT.value());
            members.put("jwks", keys.toJwks());
            return this;
        }

        /** @return this builder, for a public client ({@code none}) */
        public Builder publicClient() {
            members.put("token_endpoint_auth_method", AuthMethod.NONE.value());
            return this;
        }

        /**
         * @param uri where logout tokens are {@code POST}ed
         * @return this builder
         */
        public Builder backchannelLogoutUri(String uri) {
            members.put("backchannel_logout_uri", uri);
            return this;
        }

        /**
         * @param sector the sector identifier (default: the host of its non-loopback redirect URIs,
         *               else {@code client:} and the client ID)
         * @return this builder
         */
        public Builder sectorIdentifier(String sector) {
            members.put("sector_identifier", sector);
            return this;
        }

        /**
         * @param alg {@code RS256} (default), {@code ES256}, {@code EdDSA} or {@code SGD_SM3_SM2}
         * @return this builder
         */
        public Builder idTokenSigningAlgorithm(JwsAlgorithm alg) {
            members.put("id_token_signed_response_alg", alg.jwsName());
            return this;
        }

        /**
         * @param alg the algorithm of signed userinfo answers (default: JSON answers)
         * @return this builder
         */
        public Builder userinfoSigningAlgorithm(JwsAlgorithm alg) {
            members.put("userinfo_signed_response_alg", alg.jwsName());
            return this;
        }

        /**
         * @param tiers release tiers: {@code rn_masked}, {@code rn_identity}, {@code rn_id_number}
         * @return this builder
         */
        public Builder entitlements(String... tiers) {
            members.put("entitlements", List.of(tiers));
            return this;
        }

        /**
         * @param clientIds apps it may obtain RNATs for by token exchange
         * @return this builder
         */
        public Builder rnatAudiences(String... clientIds) {
            members.put("rnat_audiences", List.of(clientIds));
            return this;
        }

        /**
         * @param citizenOrDeny a citizen slug ({@code l1}..{@code l4}) or {@code deny}: every
         *                      authorization request is answered at once
         * @return this builder
         */
        public Builder autoLogin(String citizenOrDeny) {
            members.put("auto_login", citizenOrDeny);
            return this;
        }

        /**
         * @param keys the app's public API signing keys ({@code ES256}, {@code EdDSA}, {@code SGD_SM3_SM2}),
         *             each with a {@code kid}
         * @return this builder
         */
        public Builder apiKeys(KeySet keys) {
            members.put("api_keys", keys.toJwks());
            return this;
        }

        /**
         * @param url where webhooks are delivered: {@code https}, or {@code http} to a loopback host
         * @return this builder
         */
        public Builder webhookUrl(String url) {
            members.put("webhook_url", url);
            return this;
        }

        /**
         * @param operationIds the API operations the app may call (default: every one)
         * @return this builder
         */
        public Builder apiOperations(String... operationIds) {
            members.put("api_operations", List.of(operationIds));
            return this;
        }

        /**
         * @param issuerSlugs issuers ({@code market-regulation}, {@code licensing}, {@code social-security})
         *                    whose authorised department the app is (default none)
         * @return this builder
         */
        public Builder issuerDepartments(String... issuerSlugs) {
            members.put("issuer_departments", List.of(issuerSlugs));
            return this;
        }

        /**
         * @return the app
         * @throws IllegalArgumentException listing every rule broken (never the secret)
         */
        public RegisteredApp build() {
            List<String> problems = new ArrayList<>();
            RegisteredApp app = AppsFile.app(AppsFile.tree(members), "app", problems);
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("the registered app is invalid: " + String.join("; ", problems));
            }
            return app;
        }
    }
}
