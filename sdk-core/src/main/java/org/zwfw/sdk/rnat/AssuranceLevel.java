package org.zwfw.sdk.rnat;

import java.util.Optional;

/**
 * The real-name levels L1..L4 (spec/realname-token.md §4), an ordered scale: higher is stronger.
 * A token's {@code acr} names one as {@code urn:zwfw:rn:L<n>}; its
 * {@code verified_claims.verification.assurance_level} as {@code L<n>}.
 */
public enum AssuranceLevel {
    /** Name and resident ID number self-declared, format and check character valid. */
    L1,
    /** Matched against the authoritative population database, or a bank-card four-element check. */
    L2,
    /** L2 plus the real person: face liveness and portrait match, ID-card chip with face, or CTID. */
    L3,
    /** L3 plus a certificate issued after that proofing, or an in-person check at a counter. */
    L4;

    private static final String ACR_PREFIX = "urn:zwfw:rn:";

    /** @return the {@code acr} value, e.g. {@code urn:zwfw:rn:L3} */
    public String acr() {
        return ACR_PREFIX + name();
    }

    /**
     * @param other another level
     * @return whether this level is {@code other} or stronger
     */
    public boolean isAtLeast(AssuranceLevel other) {
        return compareTo(other) >= 0;
    }

    /**
     * @param acr an {@code acr} value
     * @return its level, empty for anything but the four values (compared exactly)
     */
    public static Optional<AssuranceLevel> fromAcr(String acr) {
        if (acr == null || !acr.startsWith(ACR_PREFIX)) {
            return Optional.empty();
        }
        return fromName(acr.substring(ACR_PREFIX.length()));
    }

    /**
     * @param name {@code L1} .. {@code L4}
     * @return its level, empty for anything else (compared exactly)
     */
    public static Optional<AssuranceLevel> fromName(String name) {
        for (AssuranceLevel l : values()) {
            if (l.name().equals(name)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }
}
