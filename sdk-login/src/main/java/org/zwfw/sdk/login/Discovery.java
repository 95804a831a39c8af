package org.zwfw.sdk.login;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zwfw.sdk.http.FetchRules;
import org.zwfw.sdk.http.HttpTransport;
import org.zwfw.sdk.internal.Json;
import org.zwfw.sdk.internal.Texts;

/**
 * The provider's discovery document (spec/login.md §2): fetched on first use, its {@code issuer}
 * compared before anything of it is used, its endpoints checked, then kept 24 hours; when a
 * refresh fails, the last good document is used for up to 24 hours more. One caller fetches at a
 * time; while it does, the others are served the document held (or wait for the fetch when there
 * is none). Thread-safe.
 */
final class Discovery {

    static final Duration FRESH = Duration.ofHours(24);
    static final Duration TOLERANCE = Duration.ofHours(24);

    private static final Logger LOG = LoggerFactory.getLogger(Discovery.class);

    private final String issuer;
    private final URI uri;
    private final boolean loopbackHttp;
    private final Exchanges exchanges;
    private final Clock clock;
    private final ReentrantLock fetching = new ReentrantLock();
    private volatile ProviderMetadata held;

    Discovery(String issuer, boolean loopbackHttp, Exchanges exchanges, Clock clock) {
        this.issuer = issuer;
        this.uri = URI.create(issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1)
                + "/.well-known/openid-configuration" : issuer + "/.well-known/openid-configuration");
        this.loopbackHttp = loopbackHttp;
        this.exchanges = exchanges;
        this.clock = clock;
    }

    URI uri() {
        return uri;
    }

    ProviderMetadata get() throws LoginException {
        ProviderMetadata h = held;
        Instant now = clock.instant();
        if (h != null && fresh(h, now)) {
            return h;
        }
        if (h != null && usable(h, now) && !fetching.tryLock()) {
            return h; // another caller is fetching
        }
        if (!fetching.isHeldByCurrentThread()) {
            fetching.lock();
        }
        try {
            h = held;
            now = clock.instant();
            if (h != null && fresh(h, now)) {
                return h;
            }
            try {
                ProviderMetadata fetched = fetch();
                held = fetched;
                return fetched;
            } catch (LoginException e) {
                if (h != null && usable(h, now) && e.failure().orElse(null) != LoginFailure.ISSUER_MISMATCH) {
                    LOG.warn("discovery of {} failed, using the document fetched at {}: {}", issuer, h.fetchedAt(),
                            e.getMessage());
                    return h;
                }
                throw e;
            }
        } finally {
            fetching.unlock();
        }
    }

    private static boolean fresh(ProviderMetadata m, Instant now) {
        return !now.isBefore(m.fetchedAt()) && now.isBefore(m.fetchedAt().plus(FRESH));
    }

    private static boolean usable(ProviderMetadata m, Instant now) {
        return !now.isBefore(m.fetchedAt()) && now.isBefore(m.fetchedAt().plus(FRESH).plus(TOLERANCE));
    }

    private ProviderMetadata fetch() throws LoginException {
        String what = "discovery document";
        HttpTransport.Response r = exchanges.get(what, uri, Map.of("Accept", "application/json"));
        if (r.status() != 200) {
            throw Exchanges.unavailable(what, uri, r);
        }
        Map<String, Object> doc = Exchanges.json(what, uri, r);
        // step 3: nothing of a document for another issuer is used, cached or shown
        Object iss = doc.get("issuer");
        if (!issuer.equals(iss)) {
            throw new LoginException(LoginFailure.ISSUER_MISMATCH, iss instanceof String
                    ? "the discovery document at " + Exchanges.where(uri) + " names another issuer than "
                            + Texts.quote(issuer, 200) + "; nothing of it was used"
                    : "the discovery document at " + Exchanges.where(uri) + " names no issuer; nothing of it was used");
        }
        URI authorization = endpoint(doc, "authorization_endpoint", true);
        URI token = endpoint(doc, "token_endpoint", true);
        URI jwks = endpoint(doc, "jwks_uri", true);
        URI userInfo = endpoint(doc, "userinfo_endpoint", false);
        URI endSession = endpoint(doc, "end_session_endpoint", false);
        // step 5: a provider that would ignore PKCE
        Object methods = doc.get("code_challenge_methods_supported");
        if (methods != null && !(methods instanceof List && ((List<?>) methods).contains("S256"))) {
            throw invalid("does not list S256 in code_challenge_methods_supported: the provider would ignore PKCE");
        }
        OIDCProviderMetadata m;
        try {
            m = OIDCProviderMetadata.parse(Json.writeString(doc));
        } catch (ParseException e) {
            throw invalid("is not OpenID provider metadata: " + Exchanges.shown(e.getMessage(), List.of()));
        }
        return new ProviderMetadata(issuer, authorization, token, jwks, userInfo, endSession,
                m.supportsAuthorizationResponseIssuerParam(), clock.instant());
    }

    /** Step 4: absolute, no fragment, the fetch rules (loopback http only for a loopback http issuer). */
    private URI endpoint(Map<String, Object> doc, String name, boolean required) throws LoginException {
        Object v = doc.get(name);
        if (v == null) {
            if (required) {
                throw invalid("has no " + name);
            }
            return null;
        }
        URI u;
        try {
            u = v instanceof String ? new URI((String) v) : null;
        } catch (java.net.URISyntaxException e) {
            u = null;
        }
        if (u == null || u.getRawFragment() != null) {
            throw invalid("has an unusable " + name + ": not an absolute URL without a fragment");
        }
        try {
            FetchRules.check(u, loopbackHttp);
        } catch (IllegalArgumentException e) {
            throw invalid("has an unusable " + name + ": " + e.getMessage());
        }
        return u;
    }

    private LoginException invalid(String what) {
        return new LoginException(LoginFailure.PROVIDER_RESPONSE_INVALID, "the discovery document at "
                + Exchanges.where(uri) + " " + what);
    }
}
