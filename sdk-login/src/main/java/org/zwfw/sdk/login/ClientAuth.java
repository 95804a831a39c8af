package org.zwfw.sdk.login;

import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.crypto.JwsBuilder;
import org.zwfw.sdk.crypto.SigningKey;

/**
 * How the client authenticates at the token endpoint (spec/login.md §7): none (a public client;
 * {@code client_id} in the body), {@code client_secret_basic}, or {@code private_key_jwt} with an
 * {@code ES256} or {@code SGD_SM3_SM2} key, the assertion signed by the SDK (nimbus can neither sign
 * nor carry an SM2 assertion). Immutable; {@link #toString()} shows the method only.
 */
final class ClientAuth {

    /** The {@code typ} of a client assertion (draft-ietf-oauth-rfc7523bis). */
    static final String ASSERTION_TYPE = "client-authentication+jwt";

    private final String clientId;
    private final String secret;
    private final SigningKey key;
    private final boolean audienceIsTokenEndpoint;

    private ClientAuth(String clientId, String secret, SigningKey key, boolean audienceIsTokenEndpoint) {
        this.clientId = clientId;
        this.secret = secret;
        this.key = key;
        this.audienceIsTokenEndpoint = audienceIsTokenEndpoint;
    }

    static ClientAuth none(String clientId) {
        return new ClientAuth(clientId, null, null, false);
    }

    static ClientAuth secret(String clientId, String secret) {
        return new ClientAuth(clientId, secret, null, false);
    }

    static ClientAuth key(String clientId, SigningKey key, boolean audienceIsTokenEndpoint) {
        if (key.algorithm() != JwsAlgorithm.ES256 && key.algorithm() != JwsAlgorithm.SGD_SM3_SM2) {
            throw new IllegalArgumentException("private_key_jwt needs an ES256 or SGD_SM3_SM2 key, not "
                    + key.algorithm().jwsName());
        }
        SigningKey k = key.keyId().isPresent() ? key : key.withKeyId(key.verificationKey().thumbprint());
        return new ClientAuth(clientId, null, k, audienceIsTokenEndpoint);
    }

    /** @return nimbus's {@code client_secret_basic}, or {@code null} for the other methods */
    ClientAuthentication basic() {
        return secret == null ? null : new ClientSecretBasic(new ClientID(clientId), new Secret(secret));
    }

    /**
     * The body parameters of {@code private_key_jwt}: {@code client_assertion_type} and a fresh
     * {@code client_assertion}, signed by the SDK, which the token request carries as parameters
     * beside {@code client_id}. Not nimbus's {@code PrivateKeyJWT}: it refuses an assertion
     * signed with SGD_SM3_SM2 ("must be RSA or ECDSA-signed").
     *
     * @return the parameters, or {@code null} for the other methods
     */
    Map<String, List<String>> assertion(String issuer, URI tokenEndpoint, Instant now) {
        if (key == null) {
            return null;
        }
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("iss", clientId);
        c.put("sub", clientId);
        c.put("aud", audienceIsTokenEndpoint ? tokenEndpoint.toString() : issuer);
        c.put("jti", LoginState.random(16));
        c.put("iat", now.getEpochSecond());
        c.put("exp", now.getEpochSecond() + 60);
        Map<String, List<String>> params = new LinkedHashMap<>();
        params.put("client_assertion_type", List.of("urn:ietf:params:oauth:client-assertion-type:jwt-bearer"));
        params.put("client_assertion", List.of(JwsBuilder.signedWith(key).type(ASSERTION_TYPE).claims(c).sign()));
        return params;
    }

    /** @return the texts that must never appear in a message (the secret) */
    List<String> secrets() {
        return secret == null ? List.of() : List.of(secret);
    }

    String method() {
        return secret != null ? "client_secret_basic" : key != null ? "private_key_jwt" : "none";
    }

    @Override
    public String toString() {
        return "ClientAuth[" + method() + "]";
    }
}
