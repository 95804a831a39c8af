package org.zwfw.sdk.crypto;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The part every verifier's builder shares: the one {@link VerificationPolicy} it embeds, and the
 * shorthand setters that change one setting of it. {@code JwsVerifier.Builder},
 * {@code SdJwtVerifier.Builder}, {@code CredentialVerifier.Builder}, {@code StatusChecker.Builder},
 * {@code TrustListVerifier.Builder} and {@code InputVerifier.Builder} extend it, so each setting is
 * named, defaulted and range-checked in one place ({@link VerificationPolicy}, spec/algorithms.md §7).
 *
 * <p>{@link #policy(VerificationPolicy)} replaces the whole value, so it must come before any
 * shorthand: given after one, it would silently undo it, and is refused instead.
 *
 * <p>Extended only by the SDK's builders; not thread-safe, as builders are not.
 *
 * @param <B> the builder's own type, returned by every setter
 */
public abstract class PolicyBuilder<B extends PolicyBuilder<B>> {

    private VerificationPolicy policy = VerificationPolicy.DEFAULT;
    /** A shorthand setter changed the policy; {@link #policy(VerificationPolicy)} would silently undo it. */
    private boolean shorthands;

    /** For the SDK's builders only. */
    protected PolicyBuilder() {
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /**
     * @param p the shared settings: clock, skew, algorithms, aliases, limits (default
     *          {@link VerificationPolicy#DEFAULT})
     * @return this builder
     * @throws IllegalStateException if a shorthand setter (clock, skew, algorithms, limits) was
     *                               called before: call this first
     */
    public final B policy(VerificationPolicy p) {
        if (shorthands) {
            throw new IllegalStateException("policy(...) replaces the clock, skew, algorithms and limits set"
                    + " earlier on this builder: call policy(...) first, then the shorthand setters");
        }
        this.policy = Objects.requireNonNull(p, "policy");
        return self();
    }

    /**
     * Shorthand for the policy's clock.
     *
     * @param clock the validation clock (default the system clock, UTC)
     * @return this builder
     */
    public final B clock(Clock clock) {
        return shorthand(p -> p.withClock(clock));
    }

    /**
     * Shorthand for the policy's skew.
     *
     * @param skew the allowed clock skew, in [0, {@link VerificationPolicy#MAX_SKEW}] (default
     *             {@link VerificationPolicy#DEFAULT_SKEW})
     * @return this builder
     */
    public final B skew(Duration skew) {
        return shorthand(p -> p.withSkew(skew));
    }

    /**
     * Shorthand for the policy's algorithm allow-list.
     *
     * @param allowed the accepted algorithms, not empty (default
     *                {@link VerificationPolicy#DEFAULT_ALGORITHMS})
     * @return this builder
     */
    public final B allowedAlgorithms(Set<JwsAlgorithm> allowed) {
        return shorthand(p -> p.withAlgorithms(allowed));
    }

    /**
     * @param allowed the accepted algorithms, not empty
     * @return this builder
     */
    public final B allowedAlgorithms(JwsAlgorithm... allowed) {
        return allowedAlgorithms(Set.of(allowed));
    }

    /**
     * Shorthand for the policy's alias setting.
     *
     * @param aliases whether {@code alg} aliases of SGD_SM3_SM2 are accepted (default strict)
     * @return this builder
     */
    public final B aliasPolicy(AliasPolicy aliases) {
        return shorthand(p -> p.withAliases(aliases));
    }

    /**
     * Shorthand for the policy's JSON nesting limit.
     *
     * @param depth the deepest JSON nesting accepted (default
     *              {@link VerificationPolicy#DEFAULT_MAX_JSON_DEPTH})
     * @return this builder
     */
    public final B maxJsonDepth(int depth) {
        return shorthand(p -> p.withMaxJsonDepth(depth));
    }

    /**
     * Changes one setting of the policy (for a builder's own shorthands, such as its length limit).
     *
     * @param change what to change; its range check runs now
     * @return this builder
     */
    protected final B shorthand(UnaryOperator<VerificationPolicy> change) {
        this.policy = change.apply(policy);
        this.shorthands = true;
        return self();
    }

    /** @return the policy as configured so far */
    public final VerificationPolicy configuredPolicy() {
        return policy;
    }
}
