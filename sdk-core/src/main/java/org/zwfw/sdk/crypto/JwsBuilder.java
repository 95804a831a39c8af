package org.zwfw.sdk.crypto;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.zwfw.sdk.internal.Base64Url;
import org.zwfw.sdk.internal.Json;

/**
 * Produces a JWS compact serialization signed with a {@link SigningKey}. The header's {@code alg}
 * always comes from the key and {@code kid} from the key's ID; other parameters are added with
 * {@link #type(String)} and {@link #header(String, Object)}.
 *
 * <pre>{@code
 * String jwt = JwsBuilder.signedWith(key).type("rnat+jwt").claims(claims).sign();
 * }</pre>
 *
 * <p>Not thread-safe: use one builder per token.
 */
public final class JwsBuilder {

    private static final Set<String> RESERVED = Set.of("alg", "kid", "jwk", "jku", "x5u", "b64");

    private final SigningKey key;
    private final Map<String, Object> header = new LinkedHashMap<>();
    private byte[] payload;

    private JwsBuilder(SigningKey key) {
        this.key = key;
        header.put("alg", key.algorithm().jwsName());
        key.keyId().ifPresent(kid -> header.put("kid", kid));
    }

    /**
     * @param key the signing key, never {@code null}
     * @return a builder
     */
    public static JwsBuilder signedWith(SigningKey key) {
        return new JwsBuilder(Objects.requireNonNull(key, "key"));
    }

    /**
     * @param typ the {@code typ} header value, e.g. {@code rnat+jwt}
     * @return this builder
     */
    public JwsBuilder type(String typ) {
        header.put("typ", Objects.requireNonNull(typ, "typ"));
        return this;
    }

    /**
     * Adds a header parameter. {@code alg} and {@code kid} come from the key; {@code jwk},
     * {@code jku}, {@code x5u} and {@code b64} are refused, since verifiers of this profile ignore
     * or reject them.
     *
     * @param name  the parameter name
     * @param value a JSON value (String, Number, Boolean, Map, List)
     * @return this builder
     * @throws IllegalArgumentException for a reserved name
     */
    public JwsBuilder header(String name, Object value) {
        if (RESERVED.contains(name)) {
            throw new IllegalArgumentException("header '" + name + "' cannot be set here");
        }
        header.put(name, value);
        return this;
    }

    /**
     * @param bytes the payload bytes
     * @return this builder
     */
    public JwsBuilder payload(byte[] bytes) {
        this.payload = bytes.clone();
        return this;
    }

    /**
     * @param claims the payload as a JSON object (JWT claims)
     * @return this builder
     */
    public JwsBuilder claims(Map<String, ?> claims) {
        this.payload = Json.write(claims);
        return this;
    }

    /**
     * Signs.
     *
     * @return the compact serialization
     * @throws IllegalStateException if no payload was set
     */
    public String sign() {
        if (payload == null) {
            throw new IllegalStateException("no payload set");
        }
        String signingInput = Base64Url.encode(Json.write(header)) + "." + Base64Url.encode(payload);
        byte[] sig = key.sign(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + Base64Url.encode(sig);
    }
}
