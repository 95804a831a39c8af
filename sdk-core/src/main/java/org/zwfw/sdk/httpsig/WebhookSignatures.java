package org.zwfw.sdk.httpsig;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.zwfw.sdk.crypto.KeyResolver;
import org.zwfw.sdk.crypto.PolicyBuilder;
import org.zwfw.sdk.crypto.VerificationKey;
import org.zwfw.sdk.crypto.VerificationPolicy;
import org.zwfw.sdk.replay.InMemoryReplayStore;
import org.zwfw.sdk.replay.ReplayStore;
import org.zwfw.sdk.verify.OutcomeCode;
import org.zwfw.sdk.verify.VerificationResult;

/**
 * The receiver's side of {@code spec/api-signing.md} §9, steps 1 to 7: a webhook delivery's
 * signature, freshness, recipient and single use. The base is built from the receiver's
 * registered URL, not from the request as it arrived behind the receiver's proxies (D22). Reading
 * the event itself (step 8) is the client module's {@code WebhookVerifier}. Immutable and
 * thread-safe.
 */
public final class WebhookSignatures {

    private final VerificationPolicy policy;
    private final URI url;
    private final String authority;
    private final String appId;
    private final KeyResolver platformKeys;
    private final ReplayStore replay;

    private WebhookSignatures(Builder b) {
        this.policy = b.configuredPolicy();
        this.url = b.url;
        this.authority = RequestMessage.authority(b.url.getScheme(), b.url.getRawAuthority());
        this.appId = b.appId;
        this.platformKeys = b.platformKeys;
        this.replay = b.replay == null ? new InMemoryReplayStore(InMemoryReplayStore.DEFAULT_MAX_ENTRIES, policy.clock())
                : b.replay;
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param received the delivery as received (its own authority and target are not used)
     * @return the verified delivery, or the first failed check (exactly one finding)
     */
    public VerificationResult<VerifiedRequest> verify(RequestMessage received) {
        Objects.requireNonNull(received, "received");
        RequestMessage r = new RequestMessage(received.method(), authority,
                url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath(), url.getRawQuery(),
                received.fields(), received.contentView());
        try {
            ParsedSignature sig = ParsedSignature.parse(r.fields());
            MessageChecks.Params p = MessageChecks.params(sig, MessageChecks.Kind.WEBHOOK);
            MessageChecks.coverage(sig, MessageChecks.Kind.WEBHOOK,
                    MessageChecks.required(MessageChecks.Kind.WEBHOOK, r, null));
            MessageChecks.time(p, policy.now());
            List<String> ids = r.fields().values(SignatureProfile.APP_ID_FIELD);
            if (ids.size() > 1) {
                throw new Refusal(OutcomeCode.MALFORMED, "X-Zwfw-App-Id appears on " + ids.size() + " lines");
            }
            if (ids.size() != 1 || !SignatureBase.trim(ids.get(0)).equals(appId)) {
                throw new Refusal(OutcomeCode.AUDIENCE_MISMATCH, "the delivery is addressed to another application");
            }
            VerificationKey key = MessageChecks.key(p, platformKeys, null, policy, MessageChecks.Kind.WEBHOOK);
            String base = SignatureBase.build(sig.components(), sig.signatureParams(), r, null);
            MessageChecks.signature(sig, p, key, base, "webhook");
            MessageChecks.digest(r.fields().values("content-digest"), r.contentView());
            MessageChecks.nonce(replay, "webhook|" + appId, p);
            return VerificationResult.valid(new VerifiedRequest(appId, p.keyId(), p.alg().name,
                    Instant.ofEpochSecond(p.created()), p.nonce()), java.util.List.of());
        } catch (Refusal e) {
            return VerificationResult.invalid(e.finding.code(), e.finding.message());
        }
    }

    /** Builds {@link WebhookSignatures}; the policy's clock and algorithms apply, its skew does not (D9). */
    public static final class Builder extends PolicyBuilder<Builder> {

        private URI url;
        private String appId;
        private KeyResolver platformKeys;
        private ReplayStore replay;

        private Builder() {
        }

        /**
         * @param registered the webhook URL registered for the application, absolute
         * @return this builder
         */
        public Builder url(URI registered) {
            if (registered.getScheme() == null || registered.getRawAuthority() == null) {
                throw new IllegalArgumentException("the registered webhook URL must be absolute");
            }
            this.url = registered;
            return this;
        }

        /**
         * @param id the receiving application's ID
         * @return this builder
         */
        public Builder appId(String id) {
            if (!SignatureProfile.isAppId(id)) {
                throw new IllegalArgumentException("an application ID is 1 to 64 of A-Z a-z 0-9 . _ -");
            }
            this.appId = id;
            return this;
        }

        /**
         * @param keys the platform keys (pinned or {@code RemoteKeySet})
         * @return this builder
         */
        public Builder platformKeys(KeyResolver keys) {
            this.platformKeys = Objects.requireNonNull(keys, "keys");
            return this;
        }

        /**
         * @param store where delivery nonces are recorded (default: in memory); share one store
         *              between the receiver's instances
         * @return this builder
         */
        public Builder replayStore(ReplayStore store) {
            this.replay = Objects.requireNonNull(store, "store");
            return this;
        }

        /**
         * @return the verifier
         * @throws IllegalStateException when the URL, application ID or platform keys are missing
         */
        public WebhookSignatures build() {
            if (url == null || appId == null || platformKeys == null) {
                throw new IllegalStateException("url(...), appId(...) and platformKeys(...) are required");
            }
            return new WebhookSignatures(this);
        }
    }
}
