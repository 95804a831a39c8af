package org.zwfw.sdk.trust;

import java.util.Objects;
import java.util.Optional;

/**
 * Remembers the highest trust-list {@code seq} accepted so far, with a digest of that list's
 * payload, so that a {@link TrustListVerifier} refuses an older list (rollback protection,
 * {@code spec/trust-list.md} §6).
 *
 * <p>Implementations must be thread-safe and must only ever move the value up:
 * {@link #advance(Seen)} is an atomic compare-and-set following {@link Seen#permits(Seen)}.
 * Provided: {@link InMemorySequenceStore} and {@link FileSequenceStore}.
 */
public interface SequenceStore {

    /** @return the highest list accepted so far; empty when none */
    Optional<Seen> highest();

    /**
     * Atomically records {@code next} as the highest list seen, if the current value
     * {@linkplain Seen#permits(Seen) permits} it; otherwise changes nothing.
     *
     * @param next the list just verified, never {@code null}
     * @return whether {@code next} was recorded (or was already the recorded value)
     * @throws java.io.UncheckedIOException if a persistent store cannot write; the value is then
     *                                      unchanged
     */
    boolean advance(Seen next);

    /**
     * A trust-list edition seen: its {@code seq} and the SHA-256 of its payload (base64url), or
     * {@code null} for a floor configured without a digest. Immutable.
     *
     * @param seq    the edition number, ≥ 0
     * @param digest base64url SHA-256 of the JWS payload bytes, or {@code null}
     */
    record Seen(long seq, String digest) {

        /**
         * @throws IllegalArgumentException if {@code seq < 0}
         */
        public Seen {
            if (seq < 0) {
                throw new IllegalArgumentException("seq must be >= 0");
            }
        }

        /**
         * A floor: lists with a lower {@code seq} are refused, any list with this {@code seq} is
         * accepted.
         *
         * @param seq the lowest acceptable {@code seq}
         * @return the floor
         */
        public static Seen floor(long seq) {
            return new Seen(seq, null);
        }

        /**
         * The rollback rule: a list may follow this one when its {@code seq} is higher, or equal
         * with the same payload digest (or this one has none).
         *
         * @param next a candidate, never {@code null}
         * @return whether {@code next} may be accepted after this one
         */
        public boolean permits(Seen next) {
            Objects.requireNonNull(next, "next");
            return next.seq > seq || next.seq == seq && (digest == null || digest.equals(next.digest));
        }
    }
}
