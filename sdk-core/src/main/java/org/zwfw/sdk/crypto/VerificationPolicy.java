package org.zwfw.sdk.crypto;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The settings every verifier of the SDK shares: the clock, the allowed clock skew, the JWS
 * algorithm allow-list, whether alias spellings are accepted, and the input limits. One value,
 * embedded by every verifier builder ({@code policy(...)}), so that a credential verifier, the
 * status checker it builds and the trust-list verifier beside it agree; the shorthand setters of
 * those builders ({@code clock}, {@code skew}, ...) change their embedded copy.
 *
 * <p>Every default is a public constant below, and every range is checked here, once, when a
 * value is made ({@link IllegalArgumentException} naming the setting and its range). Documented
 * in {@code spec/algorithms.md} §7.
 *
 * <p>Immutable and thread-safe; the {@code with...} methods return a changed copy.
 */
public final class VerificationPolicy {

    /** Default clock skew for time claims: 60 s, a generous bound for NTP-synchronised hosts. */
    public static final Duration DEFAULT_SKEW = Duration.ofSeconds(60);

    /** Largest skew accepted: 10 minutes; more would let an expired token live noticeably longer. */
    public static final Duration MAX_SKEW = Duration.ofMinutes(10);

    /**
     * Default algorithm allow-list: ES256, EdDSA and SGD_SM3_SM2. RS256 and PS256 exist for
     * third-party OpenID providers and must be allowed explicitly.
     */
    public static final Set<JwsAlgorithm> DEFAULT_ALGORITHMS =
            Set.copyOf(EnumSet.of(JwsAlgorithm.ES256, JwsAlgorithm.EDDSA, JwsAlgorithm.SGD_SM3_SM2));

    /** Default limit on one JWS (a token, an issuer JWT): 64 KiB of text, far above any real one. */
    public static final int DEFAULT_MAX_TOKEN_LENGTH = 64 * 1024;

    /** Default limit on an SD-JWT presentation: 256 KiB, far above a credential with every disclosure. */
    public static final int DEFAULT_MAX_PRESENTATION_LENGTH = 256 * 1024;

    /**
     * Default limit on a signed trust list: 1 MiB. It holds every issuer of a province with its
     * keys, so it is far larger than a token, yet 1 MiB bounds the work garbage can cause.
     */
    public static final int DEFAULT_MAX_TRUST_LIST_LENGTH = 1 << 20;

    /**
     * Default limit on a status list token: 2 MiB. One million 2-bit entries with random
     * statuses (incompressible) make a token of about 450 KB.
     */
    public static final int DEFAULT_MAX_STATUS_LIST_LENGTH = 2 * 1024 * 1024;

    /** Default JSON nesting limit for JWS headers and payloads; claims of the profiles nest 4 deep at most. */
    public static final int DEFAULT_MAX_JSON_DEPTH = 16;

    /** Smallest length limit accepted for any input kind. */
    public static final int MIN_LENGTH_LIMIT = 16;

    /** Largest length limit accepted for any input kind: 16 MiB. */
    public static final int MAX_LENGTH_LIMIT = 16 * 1024 * 1024;

    /** Largest JSON nesting limit accepted. */
    public static final int MAX_JSON_DEPTH = 64;

    /** The defaults: system UTC clock, every constant above, strict names. */
    public static final VerificationPolicy DEFAULT = new VerificationPolicy(Clock.systemUTC(), DEFAULT_SKEW,
            DEFAULT_ALGORITHMS, AliasPolicy.STRICT, DEFAULT_MAX_TOKEN_LENGTH, DEFAULT_MAX_PRESENTATION_LENGTH,
            DEFAULT_MAX_TRUST_LIST_LENGTH, DEFAULT_MAX_STATUS_LIST_LENGTH, DEFAULT_MAX_JSON_DEPTH);

    private final Clock clock;
    private final Duration skew;
    private final Set<JwsAlgorithm> algorithms;
    private final AliasPolicy aliases;
    private final int maxTokenLength;
    private final int maxPresentationLength;
    private final int maxTrustListLength;
    private final int maxStatusListLength;
    private final int maxJsonDepth;

    private VerificationPolicy(Clock clock, Duration skew, Set<JwsAlgorithm> algorithms, AliasPolicy aliases,
            int maxTokenLength, int maxPresentationLength, int maxTrustListLength, int maxStatusListLength,
            int maxJsonDepth) {
        this.clock = Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(skew, "skew");
        if (skew.isNegative() || skew.compareTo(MAX_SKEW) > 0) {
            throw new IllegalArgumentException("skew must be between 0 and " + MAX_SKEW.toMinutes() + " minutes, was "
                    + skew);
        }
        this.skew = skew;
        Objects.requireNonNull(algorithms, "algorithms");
        if (algorithms.isEmpty()) {
            throw new IllegalArgumentException("the algorithm allow-list cannot be empty");
        }
        this.algorithms = Set.copyOf(EnumSet.copyOf(algorithms));
        this.aliases = Objects.requireNonNull(aliases, "aliases");
        this.maxTokenLength = length("maxTokenLength", maxTokenLength);
        this.maxPresentationLength = length("maxPresentationLength", maxPresentationLength);
        this.maxTrustListLength = length("maxTrustListLength", maxTrustListLength);
        this.maxStatusListLength = length("maxStatusListLength", maxStatusListLength);
        if (maxJsonDepth < 1 || maxJsonDepth > MAX_JSON_DEPTH) {
            throw new IllegalArgumentException("maxJsonDepth must be in [1, " + MAX_JSON_DEPTH + "], was "
                    + maxJsonDepth);
        }
        this.maxJsonDepth = maxJsonDepth;
    }

    static int length(String name, int chars) {
        if (chars < MIN_LENGTH_LIMIT || chars > MAX_LENGTH_LIMIT) {
            throw new IllegalArgumentException(name + " must be in [" + MIN_LENGTH_LIMIT + ", " + MAX_LENGTH_LIMIT
                    + "] characters, was " + chars);
        }
        return chars;
    }

    /** @return the clock time claims are checked against */
    public Clock clock() {
        return clock;
    }

    /** @return the clock's current instant */
    public Instant now() {
        return clock.instant();
    }

    /** @return the allowed clock skew, in [0, {@link #MAX_SKEW}] */
    public Duration skew() {
        return skew;
    }

    /** @return the JWS algorithm allow-list, never empty; read-only */
    public Set<JwsAlgorithm> algorithms() {
        return algorithms;
    }

    /** @return whether alias spellings of algorithm and curve names are accepted */
    public AliasPolicy aliases() {
        return aliases;
    }

    /** @return whether lenient interoperability (alias spellings) is on */
    public boolean lenientInterop() {
        return aliases == AliasPolicy.LENIENT;
    }

    /** @return the largest JWS accepted, in characters */
    public int maxTokenLength() {
        return maxTokenLength;
    }

    /** @return the largest SD-JWT presentation accepted, in characters */
    public int maxPresentationLength() {
        return maxPresentationLength;
    }

    /** @return the largest signed trust list accepted, in characters */
    public int maxTrustListLength() {
        return maxTrustListLength;
    }

    /** @return the largest status list token accepted, in characters */
    public int maxStatusListLength() {
        return maxStatusListLength;
    }

    /** @return the deepest JSON nesting accepted in JWS headers and payloads */
    public int maxJsonDepth() {
        return maxJsonDepth;
    }

    /**
     * @param c the validation clock
     * @return a copy with this clock
     */
    public VerificationPolicy withClock(Clock c) {
        return new VerificationPolicy(c, skew, algorithms, aliases, maxTokenLength, maxPresentationLength,
                maxTrustListLength, maxStatusListLength, maxJsonDepth);
    }

    /**
     * @param s the allowed clock skew, in [0, {@link #MAX_SKEW}]
     * @return a copy with this skew
     */
    public VerificationPolicy withSkew(Duration s) {
        return new VerificationPolicy(clock, s, algorithms, aliases, maxTokenLength, maxPresentationLength,
                maxTrustListLength, maxStatusListLength, maxJsonDepth);
    }

    /**
     * @param allowed the algorithm allow-list, not empty
     * @return a copy with this allow-list
     */
    public VerificationPolicy withAlgorithms(Set<JwsAlgorithm> allowed) {
        return new VerificationPolicy(clock, skew, allowed, aliases, maxTokenLength, maxPresentationLength,
                maxTrustListLength, maxStatusListLength, maxJsonDepth);
    }

    /**
     * @param allowed the algorithm allow-list, not empty
     * @return a copy with this allow-list
     */
    public VerificationPolicy withAlgorithms(JwsAlgorithm... allowed) {
        return withAlgorithms(Set.of(allowed));
    }

    /**
     * @param a whether alias spellings are accepted
     * @return a copy with this alias policy
     */
    public VerificationPolicy withAliases(AliasPolicy a) {
        return new VerificationPolicy(clock, skew, algorithms, a, maxTokenLength, maxPresentationLength,
                maxTrustListLength, maxStatusListLength, maxJsonDepth);
    }

    /**
     * @param chars the largest JWS accepted, in [{@link #MIN_LENGTH_LIMIT}, {@link #MAX_LENGTH_LIMIT}]
     * @return a copy with this limit
     */
    public VerificationPolicy withMaxTokenLength(int chars) {
        return new VerificationPolicy(clock, skew, algorithms, aliases, chars, maxPresentationLength,
                maxTrustListLength, maxStatusListLength, maxJsonDepth);
    }

    /**
     * @param chars the largest presentation accepted
     * @return a copy with this limit
     */
    public VerificationPolicy withMaxPresentationLength(int chars) {
        return new VerificationPolicy(clock, skew, algorithms, aliases, maxTokenLength, chars,
                maxTrustListLength, maxStatusListLength, maxJsonDepth);
    }

    /**
     * @param chars the largest signed trust list accepted
     * @return a copy with this limit
     */
    public VerificationPolicy withMaxTrustListLength(int chars) {
        return new VerificationPolicy(clock, skew, algorithms, aliases, maxTokenLength, maxPresentationLength,
                chars, maxStatusListLength, maxJsonDepth);
    }

    /**
     * @param chars the largest status list token accepted
     * @return a copy with this limit
     */
    public VerificationPolicy withMaxStatusListLength(int chars) {
        return new VerificationPolicy(clock, skew, algorithms, aliases, maxTokenLength, maxPresentationLength,
                maxTrustListLength, chars, maxJsonDepth);
    }

    /**
     * @param depth the deepest JSON nesting accepted, in [1, {@link #MAX_JSON_DEPTH}]
     * @return a copy with this limit
     */
    public VerificationPolicy withMaxJsonDepth(int depth) {
        return new VerificationPolicy(clock, skew, algorithms, aliases, maxTokenLength, maxPresentationLength,
                maxTrustListLength, maxStatusListLength, depth);
    }

    @Override
    public String toString() {
        return "VerificationPolicy[skew=" + skew + ", algorithms=" + algorithms + ", aliases=" + aliases
                + ", maxTokenLength=" + maxTokenLength + ", maxPresentationLength=" + maxPresentationLength
                + ", maxTrustListLength=" + maxTrustListLength + ", maxStatusListLength=" + maxStatusListLength
                + ", maxJsonDepth=" + maxJsonDepth + "]";
    }
}
