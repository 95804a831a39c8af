package org.zwfw.sdk.sandbox.internal.oidc;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.crypto.KeySet;
import org.zwfw.sdk.replay.InMemoryReplayStore;
import org.zwfw.sdk.rnat.issuer.PairwiseSubject;
import org.zwfw.sdk.rnat.issuer.RnatGrant;
import org.zwfw.sdk.rnat.issuer.RnatIssuer;
import org.zwfw.sdk.sandbox.RegisteredApp;
import org.zwfw.sdk.sandbox.TestCitizen;
import org.zwfw.sdk.sandbox.internal.SampleIdentifiers;
import org.zwfw.sdk.trust.TrustedIssuer;

/**
 * The sandbox's OpenID provider while it runs ({@code spec/sandbox.md} §10): its issuer, apps,
 * keys, pairwise subjects and the grants it remembers, and the operations the endpoints share
 * (logins, codes, tokens, ID tokens, logout). Thread-safe.
 */
public final class Provider {

    /** The path of the issuer below the base URL. */
    public static final String PATH = "/oidc";
    /** The provider's name on the trust list. */
    public static final String NAME = "示例省统一身份认证平台（沙箱）";
    /** Most authorization requests waiting for the login page's answer. */
    public static final int MAX_PENDING = 1_000;
    /** Most live sessions, codes, access tokens and refresh tokens, each; beyond, the oldest are dropped. */
    public static final int MAX_LIVE = 10_000;
    /** Lifetime of a waiting login page. */
    public static final Duration PENDING_LIFETIME = Duration.ofMinutes(10);
    /** Lifetime of an authorization code. */
    public static final Duration CODE_LIFETIME = Duration.ofSeconds(60);
    /** Lifetime of an access token, and of an ID token. */
    public static final Duration ACCESS_LIFETIME = Duration.ofSeconds(600);
    /** Lifetime of a refresh token. */
    public static final Duration REFRESH_LIFETIME = Duration.ofHours(8);
    /** Lifetime of a logout token. */
    public static final Duration LOGOUT_TOKEN_LIFETIME = Duration.ofSeconds(120);

    final String issuer;
    final Clock clock;
    final Map<String, RegisteredApp> apps;
    final OidcKeys keys;
    final PairwiseSubject pairwise;
    final Bounded<String, Grants.Pending> pending = new Bounded<>(MAX_PENDING);
    final Bounded<String, Grants.Session> sessions = new Bounded<>(MAX_LIVE, Grants.Session::end);
    final Bounded<String, Grants.Code> codes = new Bounded<>(MAX_LIVE);
    final Bounded<String, Grants.Token> accessTokens = new Bounded<>(MAX_LIVE);
    final Bounded<String, Grants.Token> refreshTokens = new Bounded<>(MAX_LIVE);
    final InMemoryReplayStore assertions;
    private final BackChannel backChannel;
    private final Consumer<TrustedIssuer> trustUpdate;
    private volatile RnatIssuer rnat;

    private Provider(String issuer, Clock clock, Map<String, RegisteredApp> apps, OidcKeys keys,
            Consumer<TrustedIssuer> trustUpdate) {
        this.issuer = issuer;
        this.clock = clock;
        this.apps = apps;
        this.keys = keys;
        this.pairwise = PairwiseSubject.of(keys.pairwiseKey());
        this.assertions = new InMemoryReplayStore(MAX_LIVE, clock);
        this.backChannel = new BackChannel();
        this.trustUpdate = trustUpdate;
        this.rnat = rnatIssuer();
    }

    /**
     * @param base        the sandbox's base URL
     * @param clock       the sandbox's clock
     * @param keys        the provider's keys, {@link OidcKeys#open loaded} before the port was bound
     * @param apps        the registered apps, checked
     * @param trustUpdate told of the provider's new trust-list entry after a key rotation
     * @return the provider
     */
    public static Provider start(URI base, Clock clock, OidcKeys keys, List<RegisteredApp> apps,
            Consumer<TrustedIssuer> trustUpdate) {
        Map<String, RegisteredApp> byId = new LinkedHashMap<>();
        for (RegisteredApp a : apps) {
            byId.put(a.clientId(), a);
        }
        return new Provider(base + PATH, clock, java.util.Collections.unmodifiableMap(byId), keys, trustUpdate);
    }

    private RnatIssuer rnatIssuer() {
        return RnatIssuer.builder(issuer, keys.current().rnat()).pairwise(pairwise).clock(clock).build();
    }

    /** @return the issuer identifier, {@code <base>/oidc} */
    public String issuer() {
        return issuer;
    }

    /** @return the apps, in registration order */
    public List<RegisteredApp> apps() {
        return List.copyOf(apps.values());
    }

    Optional<RegisteredApp> app(String clientId) {
        return Optional.ofNullable(clientId == null ? null : apps.get(clientId));
    }

    /** @return the provider's trust-list entry: its current signing keys, types {@code rnat} and {@code id_token} */
    public TrustedIssuer trustEntry() {
        return TrustedIssuer.builder(issuer).name(NAME).uscc(SampleIdentifiers.uscc("11", "330000", "MB000004"))
                .keys(keys.currentKeys()).types(TrustedIssuer.TYPE_RNAT, TrustedIssuer.TYPE_ID_TOKEN).build();
    }

    /** @return the published JWK Set */
    public Map<String, Object> jwks() {
        return keys.jwks();
    }

    /** @return every public signing key, current and previous */
    public KeySet verificationKeys() {
        return keys.verificationKeys();
    }

    /**
     * Checks a token this provider signed as an ID token (for {@code id_token_hint} and token
     * exchange): the signature with a current or previous key, {@code typ} absent or {@code JWT},
     * {@code iss} this issuer. Times are not checked here.
     *
     * @return its claims, or empty when it is not one
     */
    Optional<Map<String, Object>> ownIdToken(String token) {
        org.zwfw.sdk.crypto.JwsVerifier v = org.zwfw.sdk.crypto.JwsVerifier.builder().clock(clock)
                .allowedAlgorithms(JwsAlgorithm.RS256, JwsAlgorithm.ES256, JwsAlgorithm.EDDSA, JwsAlgorithm.SGD_SM3_SM2)
                .build();
        org.zwfw.sdk.crypto.ParsedJws parsed = v.parse(token);
        if (!parsed.isWellFormed()) {
            return Optional.empty();
        }
        Object typ = parsed.header().parameters().get("typ");
        var result = v.verify(parsed, keys.verificationKeys());
        if (!result.isValid() || (typ != null && !"JWT".equals(typ))) {
            return Optional.empty();
        }
        Map<String, Object> c = result.value().orElseThrow().claims();
        return issuer.equals(c.get("iss")) && !c.containsKey("events") ? Optional.of(c) : Optional.empty();
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    String sub(RegisteredApp app, TestCitizen citizen) {
        return pairwise.derive(app.sectorIdentifier(), citizen.residentId());
    }

    /** @return the citizen whose pairwise {@code sub} for the app this is */
    Optional<TestCitizen> citizenOf(RegisteredApp app, String sub) {
        for (TestCitizen c : TestCitizen.values()) {
            if (sub(app, c).equals(sub)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /**
     * @param clientId   a registered app
     * @param residentId a person's resident ID number
     * @return the person's pairwise {@code sub} for that app (its {@code applicant_ref} in the API)
     */
    public Optional<String> subject(String clientId, String residentId) {
        return app(clientId).map(a -> pairwise.derive(a.sectorIdentifier(), residentId));
    }

    /**
     * @param clientId a registered app
     * @param sub      a pairwise subject of that app
     * @return the test citizen it names
     */
    public Optional<TestCitizen> citizen(String clientId, String sub) {
        return app(clientId).flatMap(a -> citizenOf(a, sub));
    }

    /**
     * A real-name auth token for a citizen, as token exchange would give it after a login now:
     * a test hook, so that tests of the API get a holder's consent without driving the login page.
     *
     * @param citizen  the citizen
     * @param clientId the audience, a registered app
     * @return the RNAT
     */
    public String consentToken(TestCitizen citizen, String clientId) {
        RegisteredApp app = app(clientId).orElseThrow(() -> new IllegalArgumentException("no app " + clientId));
        return rnat(grant(app, citizen, now(), Set.of(), app.clientId()));
    }

    /** A new login of a citizen. */
    Grants.Session login(TestCitizen citizen) {
        Grants.Session s = new Grants.Session(Texts.randomValue(128), citizen, now());
        sessions.put(s.sid, s);
        return s;
    }

    /** @return a new code for a login answering a request */
    String issueCode(Grants.AuthRequest request, Grants.Session session) {
        Set<String> released = new java.util.LinkedHashSet<>(request.scope());
        released.retainAll(request.app().entitlements());
        Set<String> granted = new java.util.LinkedHashSet<>();
        granted.add("openid");
        granted.addAll(released);
        Grants.Family family = new Grants.Family(request.app(), session, granted, released);
        String code = Texts.randomValue(256);
        codes.put(code, new Grants.Code(request, family, now().plus(CODE_LIFETIME), new AtomicBoolean()));
        return code;
    }

    /** The token response of a code or refresh grant: new access and refresh tokens and an ID token. */
    Map<String, Object> tokenResponse(Grants.Family family, String nonce) {
        Instant now = now();
        String access = Texts.randomValue(256);
        String refresh = Texts.randomValue(256);
        accessTokens.put(access, new Grants.Token(family, now.plus(ACCESS_LIFETIME), new AtomicBoolean()));
        refreshTokens.put(refresh, new Grants.Token(family, now.plus(REFRESH_LIFETIME), new AtomicBoolean()));
        family.session.tokensIssuedTo(family.app.clientId());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("access_token", access);
        m.put("token_type", "Bearer");
        m.put("expires_in", ACCESS_LIFETIME.toSeconds());
        m.put("scope", String.join(" ", family.scope));
        m.put("refresh_token", refresh);
        m.put("id_token", idToken(family, access, nonce, now));
        return m;
    }

    private String idToken(Grants.Family f, String accessToken, String nonce, Instant now) {
        RegisteredApp app = f.app;
        TestCitizen c = f.session.citizen;
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("sub", sub(app, c));
        claims.put("aud", app.clientId());
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plus(ACCESS_LIFETIME).getEpochSecond());
        claims.put("auth_time", f.session.authTime.getEpochSecond());
        if (nonce != null) {
            claims.put("nonce", nonce);
        }
        claims.put("acr", c.level().acr());
        claims.put("amr", c.methods());
        claims.put("at_hash", leftHalfHash(app.idTokenSigningAlgorithm(), accessToken));
        claims.put("sid", f.session.sid);
        verifiedClaims(app, c, f.session.authTime, f.released).ifPresent(v -> claims.put("verified_claims", v));
        return keys.sign(app.idTokenSigningAlgorithm(), "JWT", claims);
    }

    /** The claims of userinfo: {@code sub}, and {@code verified_claims} as released in the login. */
    Map<String, Object> userinfo(Grants.Family f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sub", sub(f.app, f.session.citizen));
        verifiedClaims(f.app, f.session.citizen, f.session.authTime, f.released)
                .ifPresent(v -> m.put("verified_claims", v));
        return m;
    }

    private static Optional<Map<String, Object>> verifiedClaims(RegisteredApp app, TestCitizen c, Instant authTime,
            Set<String> released) {
        if (released.isEmpty()) {
            return Optional.empty();
        }
        return RnatIssuer.verifiedClaims(grant(app, c, authTime, released, null));
    }

    static RnatGrant grant(RegisteredApp audience, TestCitizen c, Instant authTime, Set<String> released,
            String clientId) {
        return RnatGrant.builder().audience(audience.clientId(), audience.sectorIdentifier())
                .person(c.residentId(), c.displayName(), c.mobile()).proofing(c.level(), TestCitizen.PROOFED_AT)
                .authentication(authTime, c.methods().toArray(new String[0]))
                .release(released.toArray(new String[0])).clientId(clientId).build();
    }

    /** @return an RNAT for the audience (token exchange, spec/realname-token.md §14) */
    String rnat(RnatGrant grant) {
        return rnat.issue(grant);
    }

    /** @return a signed JWT with the app's ID-token algorithm */
    String sign(JwsAlgorithm alg, String typ, Map<String, Object> claims) {
        return keys.sign(alg, typ, claims);
    }

    /**
     * {@code at_hash}: the base64url of the left half of the access token's hash, with the hash of
     * the signing algorithm (spec/login.md §8 step 11, L7): SHA-256 for RS256 and ES256, SHA-512
     * for EdDSA (Ed25519), SM3 for SGD_SM3_SM2.
     */
    static String leftHalfHash(JwsAlgorithm alg, String token) {
        byte[] in = token.getBytes(StandardCharsets.US_ASCII);
        byte[] h;
        switch (alg) {
            case EDDSA:
                h = digest("SHA-512", in);
                break;
            case SGD_SM3_SM2: {
                SM3Digest d = new SM3Digest();
                d.update(in, 0, in.length);
                h = new byte[d.getDigestSize()];
                d.doFinal(h, 0);
                break;
            }
            default:
                h = digest("SHA-256", in);
        }
        return Texts.base64url(Arrays.copyOf(h, h.length / 2));
    }

    private static byte[] digest(String name, byte[] in) {
        try {
            return java.security.MessageDigest.getInstance(name).digest(in);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(name + " is missing from the JDK", e);
        }
    }

    /**
     * New signing keys; the previous ones stay published unless retired. The trust list gets a new
     * edition with the new keys.
     *
     * @param retirePrevious whether tokens signed before fail from now on
     * @return the new key IDs
     */
    public List<String> rotateKeys(boolean retirePrevious) {
        OidcKeys.Generation g = keys.rotate(retirePrevious);
        rnat = rnatIssuer();
        trustUpdate.accept(trustEntry());
        List<String> kids = new ArrayList<>();
        kids.add(g.rsa().keyId());
        for (var k : List.of(g.es256(), g.eddsa(), g.sm2(), g.rnat())) {
            kids.add(k.keyId().orElseThrow());
        }
        return kids;
    }

    /**
     * Ends every session of a citizen, delivering back-channel logout tokens.
     *
     * @param citizen the citizen
     * @return how many sessions ended
     */
    public int logout(TestCitizen citizen) {
        int n = 0;
        BackChannel.Run run = backChannel.run();
        for (Grants.Session s : sessions.values()) {
            if (s.citizen == citizen && !s.ended()) {
                end(s, run);
                n++;
            }
        }
        return n;
    }

    /** Ends one session (RP-initiated logout). */
    void end(Grants.Session s) {
        end(s, backChannel.run());
    }

    private void end(Grants.Session s, BackChannel.Run run) {
        s.end();
        sessions.remove(s.sid);
        for (String clientId : s.clients()) {
            RegisteredApp app = apps.get(clientId);
            if (app != null && app.backchannelLogoutUri().isPresent()) {
                run.deliver(app.backchannelLogoutUri().get(), logoutToken(app, s));
            }
        }
    }

    private String logoutToken(RegisteredApp app, Grants.Session s) {
        Instant now = now();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("aud", app.clientId());
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plus(LOGOUT_TOKEN_LIFETIME).getEpochSecond());
        claims.put("jti", Texts.randomValue(128));
        claims.put("events", Map.of("http://schemas.openid.net/event/backchannel-logout", Map.of()));
        claims.put("sub", sub(app, s.citizen));
        claims.put("sid", s.sid);
        return keys.sign(app.idTokenSigningAlgorithm(), "logout+jwt", claims);
    }

    @Override
    public String toString() {
        return "Provider[" + issuer + ", " + apps.size() + " apps]";
    }
}
