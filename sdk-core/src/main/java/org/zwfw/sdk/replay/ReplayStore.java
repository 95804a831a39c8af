package org.zwfw.sdk.replay;

import java.time.Instant;

/**
 * Remembers identifiers that have been used once: a token's {@code jti}, a webhook delivery ID, a
 * request nonce. One call, one round trip, atomic: of any number of concurrent calls with the same
 * identifier while it is kept, exactly one is told it is the first use.
 *
 * <p>ECDSA and SM2 signatures are malleable, so callers key on an identifier the signer chose
 * ({@code jti}, nonce), never on signature bytes. Callers should put the token kind and issuer in
 * the identifier (for example {@code "rnat|" + iss + "|" + jti}) so that kinds and issuers cannot
 * collide.
 *
 * <p>Implementations are thread-safe. A store that cannot answer (full, unreachable, timed out)
 * throws {@link ReplayStoreException}; a verifier then fails closed: the token is not accepted.
 */
public interface ReplayStore {

    /**
     * Records the use of an identifier, unless it is already kept.
     *
     * @param id        the identifier, not empty, at most {@link #MAX_ID_LENGTH} characters
     * @param keepUntil until when it is kept (usually the token's {@code exp} plus the skew); an
     *                  identifier whose time has passed counts as unused
     * @return {@code true} when this is the first use; {@code false} when it was used before
     *         (a replay)
     * @throws ReplayStoreException when the store cannot answer; nothing is recorded then
     * @throws IllegalArgumentException if {@code id} is empty or too long
     */
    boolean firstUse(String id, Instant keepUntil);

    /**
     * Forgets a recorded use, so that the identifier counts as unused again: for a receiver that
     * recorded an event before processing it and could not process it (a webhook whose handler
     * failed must be taken again when the platform redelivers it). Never used for security checks:
     * a nonce or {@code jti} once recorded stays recorded.
     *
     * <p>The default refuses: a store written before this method existed cannot forget.
     *
     * @param id the identifier given to {@link #firstUse}
     * @throws UnsupportedOperationException if this store cannot forget
     * @throws ReplayStoreException when the store cannot answer
     */
    default void release(String id) {
        throw new UnsupportedOperationException(getClass().getName() + " cannot release a recorded identifier");
    }

    /** The longest identifier accepted: 512 characters, room for a kind, an issuer URL and a jti. */
    int MAX_ID_LENGTH = 512;
}
