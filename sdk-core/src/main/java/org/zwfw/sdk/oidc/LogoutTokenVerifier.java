package org.zwfw.sdk.oidc;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.zwfw.sdk.crypto.JwsHeader;
import org.zwfw.sdk.crypto.JwsVerifier;
import org.zwfw.sdk.crypto.KeyRequest;
import org.zwfw.sdk.crypto.KeyResolver;
import org.zwfw.sdk.crypto.KeySet;
import org.zwfw.sdk.crypto.ParsedJws;
import org.zwfw.sdk.crypto.PolicyBuilder;
import org.zwfw.sdk.crypto.VerificationPolicy;
import org.zwfw.sdk.crypto.VerifiedJws;
import org.zwfw.sdk.internal.ClaimChecks;
import org.zwfw.sdk.internal.Findings;
import org.zwfw.sdk.internal.Texts;
import org.zwfw.sdk.replay.InMemoryReplayStore;
import org.zwfw.sdk.replay.ReplayStore;
import org.zwfw.sdk.replay.ReplayStoreException;
import org.zwfw.sdk.trust.TrustListKeys;
import org.zwfw.sdk.verify.OutcomeCode;
import org.zwfw.sdk.verify.VerificationResult;

/**
 * Verifies back-channel logout tokens (spec/login.md §12, OpenID Connect Back-Channel Logout
 * §2.6) on the one JWS pipeline, with the provider's keys of the ID tokens, then records the
 * token's single use in a {@link ReplayStore}.
 *
 * <p>Configured once, shared across threads; building it does no network I/O.
 */
public final class LogoutTokenVerifier {

    /** The explicit {@code typ} of a logout token. */
    public static final String TYPE = "logout+jwt";
    /** The member of {@code events} that makes a JWT a logout token. */
    public static final String EVENT = "http://schemas.openid.net/event/backchannel-logout";

    private final JwsVerifier jws;
    private final VerificationPolicy policy;
    private final ProviderKeys provider;
    private final String clientId;
    private final ReplayStore replay;

    private LogoutTokenVerifier(Builder b) {
        this.policy = b.configuredPolicy();
        this.jws = JwsVerifier.builder().policy(policy).build();
        this.provider = new ProviderKeys(b.issuer, b.keys, b.trust);
        this.clientId = b.clientId;
        this.replay = b.replay != null ? b.replay
                : new InMemoryReplayStore(InMemoryReplayStore.DEFAULT_MAX_ENTRIES, policy.clock());
    }

    /** @return a builder; issuer, client ID and keys are required */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the policy this verifier was built with */
    public VerificationPolicy policy() {
        return policy;
    }

    /**
     * Verifies a logout token and, when every check passed, records its use.
     *
     * @param logoutToken the compact JWS, the {@code logout_token} of the provider's request
     * @return the verified token, or every failed check ({@code REPLAYED} the second time)
     */
    public VerificationResult<LogoutToken> verify(String logoutToken) {
        Objects.requireNonNull(logoutToken, "logoutToken");
        ParsedJws parsed = jws.parse(logoutToken);
        VerificationResult<VerifiedJws> signed = jws.verify(parsed, request -> keys(parsed, request));
        if (!signed.isValid()) {
            return signed.asInvalid();
        }
        Map<String, Object> c = signed.value().orElseThrow().claims();
        Findings f = new Findings();
        f.addAll(signed);
        Instant now = policy.now();
        Duration skew = policy.skew();
        // step 3
        Object aud = c.get("aud");
        if (aud == null) {
            f.error(c.containsKey("aud") ? OutcomeCode.INVALID_CLAIM : OutcomeCode.MISSING_CLAIM,
                    "claim 'aud' is required");
        } else if (!(aud instanceof String ? aud.equals(clientId)
                : aud instanceof List && ((List<?>) aud).contains(clientId))) {
            f.error(OutcomeCode.AUDIENCE_MISMATCH, "the logout token's audience does not contain this client "
                    + Texts.quote(clientId));
        }
        ClaimChecks.times(c, now, skew, true, true, f);
        Optional<String> jti = ClaimChecks.string(c, "jti", true, f);
        // step 4
        Object events = c.get("events");
        if (!c.containsKey("events")) {
            f.error(OutcomeCode.MISSING_CLAIM, "claim 'events' is required: it makes the token a logout token");
        } else if (!(events instanceof Map && ((Map<?, ?>) events).get(EVENT) instanceof Map)) {
            f.error(OutcomeCode.INVALID_CLAIM, "claim 'events' must be an object whose member '" + EVENT
                    + "' is an object");
        }
        // step 5
        Optional<String> sub = ClaimChecks.string(c, "sub", false, f);
        Optional<String> sid = ClaimChecks.string(c, "sid", false, f);
        if (!c.containsKey("sub") && !c.containsKey("sid")) {
            f.error(OutcomeCode.MISSING_CLAIM, "a logout token names a subject ('sub') or a session ('sid')");
        }
        // step 6
        if (c.containsKey("nonce")) {
            f.error(OutcomeCode.INVALID_CLAIM, "a logout token must not carry 'nonce' (so that it cannot pass as an ID"
                    + " token)");
        }
        if (f.hasErrors()) {
            return f.failure();
        }
        // step 7, only for an otherwise valid token
        Instant exp = date(c, "exp");
        String iss = provider.issuer();
        try {
            if (!replay.firstUse("logout|" + iss + "|" + jti.orElseThrow(), exp.plus(skew))) {
                return f.error(OutcomeCode.REPLAYED, "this logout token (its 'jti') was received before").failure();
            }
        } catch (ReplayStoreException e) {
            return f.error(OutcomeCode.REPLAY_CHECK_UNAVAILABLE, "single use could not be checked: "
                    + e.getMessage()).failure();
        } catch (IllegalArgumentException e) {
            return f.error(OutcomeCode.INVALID_CLAIM, "claim 'jti' cannot be recorded: " + e.getMessage()).failure();
        }
        return f.result(new LogoutToken(iss, sub.orElse(null), sid.orElse(null), jti.orElseThrow(), date(c, "iat"),
                exp));
    }

    private static Instant date(Map<String, Object> c, String name) {
        return ClaimChecks.numericDate(c, name, false, new Findings()).orElse(null);
    }

    /** Steps 1 and 2: the type, the issuer, its keys. */
    private VerificationResult<KeySet> keys(ParsedJws parsed, KeyRequest request) {
        String typ = request.type();
        if (typ != null && !JwsHeader.sameMediaType(typ, TYPE) && !JwsHeader.sameMediaType(typ, "JWT")) {
            return VerificationResult.invalid(OutcomeCode.WRONG_TYPE, "a logout token carries 'typ' " + TYPE
                    + ", 'JWT' or none, not " + Texts.quote(typ, 64));
        }
        return provider.resolve(parsed, request);
    }

    /** Configures a {@link LogoutTokenVerifier}. Not thread-safe; the built verifier is. */
    public static final class Builder extends PolicyBuilder<Builder> {

        private String issuer;
        private String clientId;
        private KeyResolver keys;
        private TrustListKeys trust;
        private ReplayStore replay;

        private Builder() {
            policy(VerificationPolicy.DEFAULT.withAlgorithms(IdTokenVerifier.DEFAULT_ALGORITHMS));
        }

        /**
         * @param iss the provider's issuer identifier, compared exactly
         * @return this builder
         */
        public Builder issuer(String iss) {
            this.issuer = Objects.requireNonNull(iss, "issuer");
            return this;
        }

        /**
         * @param id this client's ID, which {@code aud} must contain
         * @return this builder
         */
        public Builder clientId(String id) {
            this.clientId = Objects.requireNonNull(id, "clientId");
            return this;
        }

        /**
         * @param resolver the provider's keys, as for its ID tokens
         * @return this builder
         */
        public Builder keys(KeyResolver resolver) {
            this.keys = Objects.requireNonNull(resolver, "resolver");
            return this;
        }

        /**
         * @param list keys from the trust list: the issuer's entry, which must allow
         *             {@value IdTokenVerifier#TRUST_LIST_TYPE}
         * @return this builder
         */
        public Builder trustList(TrustListKeys list) {
            this.trust = Objects.requireNonNull(list, "list");
            return this;
        }

        /**
         * @param store where single use is recorded (default: a bounded in-memory store); share
         *              one store among the instances of a clustered application
         * @return this builder
         */
        public Builder replayStore(ReplayStore store) {
            this.replay = Objects.requireNonNull(store, "store");
            return this;
        }

        /**
         * @return the verifier
         * @throws IllegalStateException without issuer, client ID or keys
         */
        public LogoutTokenVerifier build() {
            if (issuer == null || clientId == null) {
                throw new IllegalStateException("issuer(...) and clientId(...) are required");
            }
            if ((keys == null) == (trust == null)) {
                throw new IllegalStateException("exactly one of keys(...) and trustList(...) is required");
            }
            return new LogoutTokenVerifier(this);
        }
    }
}
