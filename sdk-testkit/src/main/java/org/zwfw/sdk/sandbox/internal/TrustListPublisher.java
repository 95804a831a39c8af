package org.zwfw.sdk.sandbox.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.LongConsumer;
import org.zwfw.sdk.crypto.SigningKey;
import org.zwfw.sdk.trust.publisher.TrustListBuilder;
import org.zwfw.sdk.trust.TrustedIssuer;

/**
 * Signs editions of the sandbox's trust list and serves the current one. The same signed text is
 * served until half its lifetime has passed; then the next request gets a new edition with the
 * next {@code seq}. Serving one text per edition matters: a verifier refuses a different payload
 * under a {@code seq} it has already accepted ({@code spec/trust-list.md} §6), and every signing
 * changes {@code iat}.
 *
 * <p>Each new {@code seq} is handed to the persistence callback <em>before</em> the edition is
 * served, so that a restarted sandbox continues above it. Thread-safe.
 */
public final class TrustListPublisher {

    private final SigningKey anchorKey;
    private final String iss;
    private List<TrustedIssuer> entries;
    private final Clock clock;
    private final Duration lifetime;
    private final LongConsumer persistSeq;
    private long seq;
    private String current;
    private Instant renewAt;

    /**
     * @param anchorKey  the trust-anchor key
     * @param iss        the list's {@code iss}
     * @param entries    the issuers
     * @param clock      the clock for {@code iat}
     * @param lifetime   {@code exp − iat} of each edition
     * @param lastSeq    the {@code seq} of the last edition served (0 when none)
     * @param persistSeq records a new {@code seq}; may throw {@link java.io.UncheckedIOException},
     *                   and the edition is then not served
     */
    public TrustListPublisher(SigningKey anchorKey, String iss, List<TrustedIssuer> entries, Clock clock,
            Duration lifetime, long lastSeq, LongConsumer persistSeq) {
        this.anchorKey = anchorKey;
        this.iss = iss;
        this.entries = List.copyOf(entries);
        this.clock = clock;
        this.lifetime = lifetime;
        this.seq = lastSeq;
        this.persistSeq = persistSeq;
    }

    /** @return the current edition, signing a new one first when none is fresh */
    public synchronized String current() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        if (current == null || !now.isBefore(renewAt)) {
            long next = seq + 1;
            persistSeq.accept(next);
            current = new TrustListBuilder().issuedBy(iss).seq(next).addAll(entries).issuedAt(now)
                    .expiresAt(now.plus(lifetime)).sign(anchorKey);
            seq = next;
            renewAt = now.plus(lifetime.dividedBy(2));
        }
        return current;
    }

    /**
     * Replaces the entry with the same id (an issuer's rotated keys); the next request gets a new
     * edition with them.
     *
     * @param entry the new entry
     */
    public synchronized void replace(TrustedIssuer entry) {
        List<TrustedIssuer> next = new java.util.ArrayList<>();
        for (TrustedIssuer e : entries) {
            next.add(e.id().equals(entry.id()) ? entry : e);
        }
        entries = List.copyOf(next);
        current = null;
    }

    /** @return the {@code seq} of the current edition */
    public synchronized long seq() {
        return seq;
    }
}
