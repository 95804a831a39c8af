package org.zwfw.sdk.status;

import java.util.Map;
import java.util.Optional;
import org.zwfw.sdk.crypto.KeySet;

/**
 * The keys that may sign status lists, per issuer. A status list is signed by the issuer of the
 * credentials that refer to it (contract §5), so {@link StatusChecker} asks for the credential
 * issuer's keys. The caller, usually the credential verifier, answers from its trust list and only
 * for issuers whose trust-list {@code types} contain {@code statuslist}; an issuer without that
 * permission must get no keys, which makes every list it signs untrusted.
 *
 * <p>Implementations must be thread-safe.
 */
@FunctionalInterface
public interface StatusListKeys {

    /**
     * @param issuerId the credential issuer's ID ({@code iss}), never {@code null}
     * @return the issuer's status-list signing keys, or empty when the issuer is unknown or not
     *         allowed to sign status lists
     */
    Optional<KeySet> keysFor(String issuerId);

    /**
     * Fixed keys, for pinned offline use and tests.
     *
     * @param keysByIssuer the key set per issuer ID, copied
     * @return the lookup
     */
    static StatusListKeys of(Map<String, KeySet> keysByIssuer) {
        Map<String, KeySet> copy = Map.copyOf(keysByIssuer);
        return issuer -> Optional.ofNullable(copy.get(issuer));
    }
}
