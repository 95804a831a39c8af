package org.zwfw.sdk.httpsig;

import java.time.Instant;
import java.util.Objects;
import org.zwfw.sdk.crypto.KeyResolver;
import org.zwfw.sdk.crypto.PolicyBuilder;
import org.zwfw.sdk.crypto.VerificationKey;
import org.zwfw.sdk.crypto.VerificationPolicy;
import org.zwfw.sdk.verify.OutcomeCode;
import org.zwfw.sdk.verify.VerificationResult;

/**
 * The client's side of {@code spec/api-signing.md} §7.2: checks that a response is signed by a
 * platform key and bound to the request the client sent, before anything reads it. Immutable and
 * thread-safe.
 */
public final class ResponseVerifier {

    private final VerificationPolicy policy;
    private final KeyResolver platformKeys;

    private ResponseVerifier(Builder b) {
        this.policy = b.configuredPolicy();
        this.platformKeys = b.platformKeys;
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param received the response as received
     * @param sent     the signed request this client sent (its method, path and {@code Signature})
     * @return the verified response, or the first failed check (exactly one finding)
     */
    public VerificationResult<VerifiedResponse> verify(ResponseMessage received, RequestMessage sent) {
        Objects.requireNonNull(received, "received");
        Objects.requireNonNull(sent, "sent");
        try {
            ParsedSignature sig;
            try {
                sig = ParsedSignature.parse(received.fields());
            } catch (Refusal r) {
                if (r.finding.code() == OutcomeCode.SIGNATURE_MISSING) {
                    throw new Refusal(OutcomeCode.SIGNATURE_MISSING, "the " + received.status() + " response is not"
                            + " signed (" + r.getMessage() + "); often a proxy's or load balancer's own answer");
                }
                throw r;
            }
            MessageChecks.Params p = MessageChecks.params(sig, MessageChecks.Kind.RESPONSE);
            MessageChecks.coverage(sig, MessageChecks.Kind.RESPONSE,
                    MessageChecks.required(MessageChecks.Kind.RESPONSE, sent, received));
            MessageChecks.time(p, policy.now());
            VerificationKey key = MessageChecks.key(p, platformKeys, null, policy, MessageChecks.Kind.RESPONSE);
            String base = SignatureBase.build(sig.components(), sig.signatureParams(), sent, received);
            MessageChecks.signature(sig, p, key, base, "response");
            MessageChecks.digest(received.fields().values("content-digest"), received.contentView());
            return VerificationResult.valid(new VerifiedResponse(received.status(), p.keyId(), p.alg().name,
                    Instant.ofEpochSecond(p.created())), java.util.List.of());
        } catch (Refusal r) {
            return VerificationResult.invalid(r.finding.code(), r.finding.message());
        }
    }

    /** Builds a {@link ResponseVerifier}; the policy's clock and algorithms apply, its skew does not (D9). */
    public static final class Builder extends PolicyBuilder<Builder> {

        private KeyResolver platformKeys;

        private Builder() {
        }

        /**
         * @param keys the platform keys: pinned ({@code KeySet}) or fetched ({@code RemoteKeySet} on
         *             {@code /v1/platform/keys}, which refreshes, rate-limited, for an unknown {@code keyid})
         * @return this builder
         */
        public Builder platformKeys(KeyResolver keys) {
            this.platformKeys = Objects.requireNonNull(keys, "keys");
            return this;
        }

        /**
         * @return the verifier
         * @throws IllegalStateException without platform keys
         */
        public ResponseVerifier build() {
            if (platformKeys == null) {
                throw new IllegalStateException("platformKeys(...) is required");
            }
            return new ResponseVerifier(this);
        }
    }
}
