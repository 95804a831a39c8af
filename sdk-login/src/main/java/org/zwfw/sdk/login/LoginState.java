package org.zwfw.sdk.login;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.zwfw.sdk.internal.Base64Url;
import org.zwfw.sdk.internal.Json;
import org.zwfw.sdk.internal.JsonException;
import org.zwfw.sdk.rnat.AssuranceLevel;

/**
 * What a login must remember between the redirect to the provider and the callback
 * (spec/login.md §4): the issuer, client and redirect URI it was made for, {@code state},
 * {@code nonce}, the PKCE {@code code_verifier}, when it was made, and the level and maximum
 * authentication age that were asked for. The SDK keeps nothing between the two: the
 * application keeps this value in its session ({@link #toJson()}, {@link #fromJson(String)}).
 *
 * <p>It is a secret: keep it server side, or in a cookie the application encrypts and
 * authenticates; never in a URL or a log. Remove it from the session before calling
 * {@link OidcClient#completeLogin}, so that a second callback with the same values fails.
 *
 * <p>Immutable and thread-safe. {@link #toString()} shows neither {@code state}, {@code nonce}
 * nor {@code code_verifier}.
 */
public final class LoginState {

    /** The largest serialised form read back: 4 KiB. */
    public static final int MAX_JSON_BYTES = 4096;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final List<String> MEMBERS = List.of("v", "issuer", "client_id", "redirect_uri", "state", "nonce",
            "code_verifier", "created_at", "min_level", "max_age");

    private final String issuer;
    private final String clientId;
    private final URI redirectUri;
    private final String state;
    private final String nonce;
    private final String codeVerifier;
    private final Instant createdAt;
    private final AssuranceLevel minimumLevel;
    private final Duration maxAge;

    private LoginState(String issuer, String clientId, URI redirectUri, String state, String nonce,
            String codeVerifier, Instant createdAt, AssuranceLevel minimumLevel, Duration maxAge) {
        this.issuer = issuer;
        this.clientId = clientId;
        this.redirectUri = redirectUri;
        this.state = state;
        this.nonce = nonce;
        this.codeVerifier = codeVerifier;
        this.createdAt = createdAt;
        this.minimumLevel = minimumLevel;
        this.maxAge = maxAge;
    }

    /** A new login's state: fresh random {@code state}, {@code nonce} (128 bits) and verifier (256 bits). */
    static LoginState create(String issuer, String clientId, URI redirectUri, Instant now, AssuranceLevel minimumLevel,
            Duration maxAge) {
        return new LoginState(issuer, clientId, redirectUri, random(16), random(16), random(32),
                Instant.ofEpochSecond(now.getEpochSecond()), minimumLevel, maxAge);
    }

    /** @return {@code bytes} random bytes, base64url without padding */
    static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64Url.encode(b);
    }

    /**
     * Reads a login state back, strictly: exactly the members of {@link #toJson()}, version 1,
     * values of the right form, at most {@link #MAX_JSON_BYTES}.
     *
     * @param json what {@link #toJson()} gave
     * @return the login state
     * @throws IllegalArgumentException naming what is wrong (never a value of it)
     */
    public static LoginState fromJson(String json) {
        Objects.requireNonNull(json, "json");
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_JSON_BYTES) {
            throw new IllegalArgumentException("a login state is at most " + MAX_JSON_BYTES + " bytes");
        }
        Map<String, Object> m;
        try {
            m = Json.parseObject(bytes, 1);
        } catch (JsonException e) {
            throw new IllegalArgumentException("a login state is one strict JSON object: " + e.getMessage());
        }
        if (!Set.copyOf(MEMBERS).equals(m.keySet())) {
            throw new IllegalArgumentException("a login state has exactly the members " + MEMBERS);
        }
        if (!Long.valueOf(1).equals(m.get("v"))) {
            throw new IllegalArgumentException("unknown login state version (only 1 is read)");
        }
        String issuer = text(m, "issuer");
        String clientId = text(m, "client_id");
        URI redirect;
        try {
            redirect = new URI(text(m, "redirect_uri"));
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("login state member 'redirect_uri' is not a URI");
        }
        String state = random(m, "state", 22);
        String nonce = random(m, "nonce", 22);
        String verifier = random(m, "code_verifier", 43);
        Object created = m.get("created_at");
        if (!(created instanceof Long) || (Long) created < 0) {
            throw new IllegalArgumentException("login state member 'created_at' must be a NumericDate");
        }
        Object level = m.get("min_level");
        AssuranceLevel min = null;
        if (level != null) {
            min = level instanceof String ? AssuranceLevel.fromName((String) level).orElse(null) : null;
            if (min == null) {
                throw new IllegalArgumentException("login state member 'min_level' must be null or L1 to L4");
            }
        }
        Object age = m.get("max_age");
        if (age != null && (!(age instanceof Long) || (Long) age < 0)) {
            throw new IllegalArgumentException("login state member 'max_age' must be null or seconds");
        }
        return new LoginState(issuer, clientId, redirect, state, nonce, verifier,
                Instant.ofEpochSecond((Long) created), min, age == null ? null : Duration.ofSeconds((Long) age));
    }

    private static String text(Map<String, Object> m, String name) {
        Object v = m.get(name);
        if (!(v instanceof String) || ((String) v).isEmpty()) {
            throw new IllegalArgumentException("login state member '" + name + "' must be a non-empty string");
        }
        return (String) v;
    }

    private static String random(Map<String, Object> m, String name, int length) {
        Object v = m.get(name);
        if (!(v instanceof String) || ((String) v).length() != length
                || !((String) v).chars().allMatch(c -> Base64Url.isAlphabet((char) c))) {
            throw new IllegalArgumentException("login state member '" + name + "' must be " + length
                    + " base64url characters");
        }
        return (String) v;
    }

    /** @return the JSON object of spec/login.md §4, members in its order */
    public String toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("v", 1);
        m.put("issuer", issuer);
        m.put("client_id", clientId);
        m.put("redirect_uri", redirectUri.toString());
        m.put("state", state);
        m.put("nonce", nonce);
        m.put("code_verifier", codeVerifier);
        m.put("created_at", createdAt.getEpochSecond());
        m.put("min_level", minimumLevel == null ? null : minimumLevel.name());
        m.put("max_age", maxAge == null ? null : maxAge.toSeconds());
        return Json.writeString(m);
    }

    /** @return the issuer the login was started with */
    public String issuer() {
        return issuer;
    }

    /** @return the client the login was started for */
    public String clientId() {
        return clientId;
    }

    /** @return the redirect URI the authorization request named */
    public URI redirectUri() {
        return redirectUri;
    }

    /** @return when the login was started (whole seconds) */
    public Instant createdAt() {
        return createdAt;
    }

    /** @return the minimum level asked for, if any */
    public Optional<AssuranceLevel> minimumLevel() {
        return Optional.ofNullable(minimumLevel);
    }

    /** @return the maximum authentication age asked for, if any */
    public Optional<Duration> maxAge() {
        return Optional.ofNullable(maxAge);
    }

    String state() {
        return state;
    }

    String nonce() {
        return nonce;
    }

    String codeVerifier() {
        return codeVerifier;
    }

    @Override
    public String toString() {
        return "LoginState[" + issuer + ", client " + clientId + ", created " + createdAt
                + (minimumLevel == null ? "" : ", min " + minimumLevel) + (maxAge == null ? "" : ", max_age "
                + maxAge.toSeconds() + " s") + "]";
    }
}
