package org.zwfw.sdk.trust.publisher;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.zwfw.sdk.crypto.JwsBuilder;
import org.zwfw.sdk.crypto.SigningKey;
import org.zwfw.sdk.internal.NumericDates;
import org.zwfw.sdk.trust.TrustList;
import org.zwfw.sdk.trust.TrustListFormatException;
import org.zwfw.sdk.trust.TrustListVerifier;
import org.zwfw.sdk.trust.TrustedIssuer;

/**
 * Assembles a trust list from {@link TrustedIssuer} entries, and signs it with the trust-anchor
 * key or writes its local form ({@code spec/trust-list.md} §9).
 *
 * <pre>{@code
 * String signed = new TrustListBuilder().issuedBy("https://trust.zwfw.example.gov.cn").seq(42)
 *         .add(issuer).sign(anchorKey);
 * }</pre>
 *
 * <p>What it writes parses back ({@link TrustListVerifier#verify(String)},
 * {@link TrustList#parseLocal(String)}) to an equal list. Not thread-safe: one builder per list.
 * Methods throw {@link NullPointerException} for {@code null} arguments.
 */
public final class TrustListBuilder {

    /**
     * Default lifetime of a signed list, {@code exp − iat}: 7 days. A weekly edition that
     * verifiers refresh hourly leaves a publisher days to recover from a failed re-signing, while
     * a withdrawn issuer stays trusted at most a week (plus the verifiers' grace) by a verifier
     * that cannot fetch the newer list.
     */
    public static final Duration DEFAULT_LIFETIME = Duration.ofDays(7);

    private final List<TrustedIssuer> issuers = new ArrayList<>();
    private String iss;
    private Long seq;
    private Instant issuedAt;
    private Instant expiresAt;
    private Clock clock = Clock.systemUTC();

    /** Starts an empty list. */
    public TrustListBuilder() {
    }

    /**
     * @param iss the list's publisher ({@code iss}), not empty; required for signing
     * @return this builder
     */
    public TrustListBuilder issuedBy(String iss) {
        Objects.requireNonNull(iss, "iss");
        if (iss.isEmpty()) {
            throw new IllegalArgumentException("iss must not be empty");
        }
        this.iss = iss;
        return this;
    }

    /**
     * @param seq the edition number, in [0, 2^53 − 1], higher than every earlier edition's;
     *            required for signing
     * @return this builder
     */
    public TrustListBuilder seq(long seq) {
        if (seq < 0 || seq > NumericDates.MAX_SEQ) {
            throw new IllegalArgumentException("seq must be in [0, 2^53-1]");
        }
        this.seq = seq;
        return this;
    }

    /**
     * @param entry an entry; entries keep the order they are added in
     * @return this builder
     */
    public TrustListBuilder add(TrustedIssuer entry) {
        issuers.add(Objects.requireNonNull(entry, "entry"));
        return this;
    }

    /**
     * @param entries entries to add, in order
     * @return this builder
     */
    public TrustListBuilder addAll(Collection<TrustedIssuer> entries) {
        for (TrustedIssuer e : entries) {
            add(e);
        }
        return this;
    }

    /**
     * @param iat the issue time, a whole second (default: the clock's current second)
     * @return this builder
     */
    public TrustListBuilder issuedAt(Instant iat) {
        NumericDates.requireRepresentable(Objects.requireNonNull(iat, "iat"), "iat");
        this.issuedAt = iat;
        return this;
    }

    /**
     * @param exp the expiry, a whole second after {@code iat} (default {@code iat} +
     *            {@link #DEFAULT_LIFETIME})
     * @return this builder
     */
    public TrustListBuilder expiresAt(Instant exp) {
        NumericDates.requireRepresentable(Objects.requireNonNull(exp, "exp"), "exp");
        this.expiresAt = exp;
        return this;
    }

    /**
     * @param clock the time source for the default {@code iat} (default the system clock)
     * @return this builder
     */
    public TrustListBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /**
     * @return the entries as a local (unsigned) list
     * @throws TrustListFormatException when two entries have the same id
     */
    public TrustList buildLocal() {
        return TrustList.of(issuers);
    }

    /**
     * @return the local form, {@code {"issuers":[...]}}
     * @throws TrustListFormatException when two entries have the same id
     */
    public String toLocalJson() {
        return buildLocal().toLocalJson();
    }

    /**
     * Signs the list: header {@code typ} {@code trustlist+jwt}, {@code alg} of the key and
     * {@code kid} when the key has an ID (generated keys do: their RFC 7638 thumbprint); claims
     * {@code iss}, {@code iat}, {@code exp}, {@code seq}, {@code issuers}.
     *
     * @param anchorKey the trust-anchor signing key
     * @return the compact JWS
     * @throws IllegalStateException     when {@code iss} or {@code seq} is not set, or
     *                                   {@code exp} is not after {@code iat}
     * @throws TrustListFormatException when two entries have the same id
     */
    public String sign(SigningKey anchorKey) {
        Objects.requireNonNull(anchorKey, "anchorKey");
        if (iss == null) {
            throw new IllegalStateException("issuedBy(iss) is required to sign a trust list");
        }
        if (seq == null) {
            throw new IllegalStateException("seq(n) is required to sign a trust list: each edition needs a"
                    + " higher number than the last");
        }
        TrustList list = buildLocal();
        Instant iat = issuedAt != null ? issuedAt : clock.instant().truncatedTo(ChronoUnit.SECONDS);
        NumericDates.requireRepresentable(iat, "iat");
        Instant exp = expiresAt != null ? expiresAt : iat.plus(DEFAULT_LIFETIME);
        NumericDates.requireRepresentable(exp, "exp");
        if (!exp.isAfter(iat)) {
            throw new IllegalStateException("exp " + exp + " must be after iat " + iat);
        }
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", iss);
        claims.put("iat", iat.getEpochSecond());
        claims.put("exp", exp.getEpochSecond());
        claims.put("seq", seq);
        claims.put("issuers", list.issuers().stream().map(TrustedIssuer::toJson).toList());
        return JwsBuilder.signedWith(anchorKey).type(TrustListVerifier.TYPE).claims(claims).sign();
    }
}
