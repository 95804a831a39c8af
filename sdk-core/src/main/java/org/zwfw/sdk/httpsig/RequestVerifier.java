package org.zwfw.sdk.httpsig;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.zwfw.sdk.crypto.KeyResolver;
import org.zwfw.sdk.crypto.PolicyBuilder;
import org.zwfw.sdk.crypto.VerificationKey;
import org.zwfw.sdk.crypto.VerificationPolicy;
import org.zwfw.sdk.internal.Texts;
import org.zwfw.sdk.replay.InMemoryReplayStore;
import org.zwfw.sdk.replay.ReplayStore;
import org.zwfw.sdk.verify.OutcomeCode;
import org.zwfw.sdk.verify.VerificationResult;

/**
 * The platform's side of {@code spec/api-signing.md} §6: checks a request's signature, in the
 * profile's order, and answers with the first failure's code (or the verified request). The
 * nonce is recorded last, only for a request that passed everything else. Size limits of the
 * request line and body are the server's; the checks here start at step 1's field limits.
 *
 * <p>The application's keys come from a {@link KeyResolver} asked with the application ID as
 * the issuer (an {@link org.zwfw.sdk.crypto.IssuerKeys} maps each application to its keys); an
 * answer of {@code UNTRUSTED_ISSUER} means the application is unknown ({@code UNKNOWN_APP}).
 * Immutable and thread-safe.
 */
public final class RequestVerifier {

    private final VerificationPolicy policy;
    private final Set<String> authorities;
    private final KeyResolver appKeys;
    private final ReplayStore replay;

    private RequestVerifier(Builder b) {
        this.policy = b.configuredPolicy();
        this.authorities = Set.copyOf(b.authorities);
        this.appKeys = b.appKeys;
        this.replay = b.replay == null ? new InMemoryReplayStore(InMemoryReplayStore.DEFAULT_MAX_ENTRIES, policy.clock())
                : b.replay;
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param received the request as received: method, authority from {@code Host}, target, fields, content
     * @return the verified request, or the first failed check (exactly one finding)
     */
    public VerificationResult<VerifiedRequest> verify(RequestMessage received) {
        Objects.requireNonNull(received, "received");
        try {
            ParsedSignature sig = ParsedSignature.parse(received.fields());
            MessageChecks.Params p = MessageChecks.params(sig, MessageChecks.Kind.REQUEST);
            MessageChecks.coverage(sig, MessageChecks.Kind.REQUEST,
                    MessageChecks.required(MessageChecks.Kind.REQUEST, received, null));
            Instant now = policy.now();
            MessageChecks.time(p, now);
            List<String> appIds = received.fields().values(SignatureProfile.APP_ID_FIELD);
            if (appIds.size() > 1) {
                throw new Refusal(OutcomeCode.MALFORMED, "X-Zwfw-App-Id appears on " + appIds.size() + " lines");
            }
            String appId = appIds.size() == 1 ? SignatureBase.trim(appIds.get(0)) : "";
            if (!SignatureProfile.isAppId(appId)) {
                throw new Refusal(OutcomeCode.UNKNOWN_APP, "X-Zwfw-App-Id is not an application ID (1 to 64 of"
                        + " A-Z a-z 0-9 . _ -)");
            }
            VerificationKey key = MessageChecks.key(p, appKeys, appId, policy, MessageChecks.Kind.REQUEST);
            if (!authorities.contains(received.authority())) {
                throw new Refusal(OutcomeCode.AUDIENCE_MISMATCH, "the request is for " + Texts.quote(received.authority(), 100)
                        + ", not this platform");
            }
            String base = SignatureBase.build(sig.components(), sig.signatureParams(), received, null);
            MessageChecks.signature(sig, p, key, base, "request");
            if (covers(sig, "content-digest")) {
                MessageChecks.digest(received.fields().values("content-digest"), received.contentView());
            }
            MessageChecks.nonce(replay, "api-request|" + appId, p);
            return VerificationResult.valid(new VerifiedRequest(appId, p.keyId(), p.alg().name,
                    Instant.ofEpochSecond(p.created()), p.nonce()), java.util.List.of());
        } catch (Refusal r) {
            return VerificationResult.invalid(r.finding.code(), r.finding.message());
        }
    }

    static boolean covers(ParsedSignature sig, String name) {
        for (Component c : sig.components()) {
            if (c.name().equals(name) && c.params().isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** Builds a {@link RequestVerifier}; the policy's clock and algorithms apply, its skew does not (the window is fixed, D9). */
    public static final class Builder extends PolicyBuilder<Builder> {

        private final Set<String> authorities = new LinkedHashSet<>();
        private KeyResolver appKeys;
        private ReplayStore replay;

        private Builder() {
        }

        /**
         * @param values the platform's own authorities ({@code api.zwfw.example}, {@code 127.0.0.1:8443}),
         *               as {@link RequestMessage#authority(String, String)} writes them
         * @return this builder
         */
        public Builder authorities(Collection<String> values) {
            for (String a : values) {
                authorities.add(Objects.requireNonNull(a, "authority"));
            }
            return this;
        }

        /**
         * @param resolver the registered applications' keys, asked with the application ID as issuer
         * @return this builder
         */
        public Builder appKeys(KeyResolver resolver) {
            this.appKeys = Objects.requireNonNull(resolver, "resolver");
            return this;
        }

        /**
         * @param store where nonces are recorded (default: in memory, this verifier's own)
         * @return this builder
         */
        public Builder replayStore(ReplayStore store) {
            this.replay = Objects.requireNonNull(store, "store");
            return this;
        }

        /**
         * @return the verifier
         * @throws IllegalStateException without authorities or application keys
         */
        public RequestVerifier build() {
            if (authorities.isEmpty()) {
                throw new IllegalStateException("authorities(...) is required: the platform's own host[:port]");
            }
            if (appKeys == null) {
                throw new IllegalStateException("appKeys(...) is required");
            }
            return new RequestVerifier(this);
        }
    }
}
