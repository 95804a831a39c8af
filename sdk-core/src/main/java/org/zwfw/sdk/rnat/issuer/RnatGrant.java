package org.zwfw.sdk.rnat.issuer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.zwfw.sdk.rnat.AssuranceLevel;

/**
 * What one real-name token says (spec/realname-token.md §15): for which relying party, about
 * whom, proofed how and when, authenticated by which means, and which attributes the person
 * agreed to release to it. {@link RnatIssuer#issue} turns it into a signed token.
 *
 * <p>Immutable. {@link #toString()} never shows the person's data.
 */
public final class RnatGrant {

    /** Release scope of tier 1: {@code id_number_masked}, {@code phone_number_masked}. */
    public static final String SCOPE_MASKED = "rn_masked";
    /** Release scope of tier 2: {@code name}, {@code birthdate}. */
    public static final String SCOPE_IDENTITY = "rn_identity";
    /** Release scope of tier 3: {@code id_number}. */
    public static final String SCOPE_ID_NUMBER = "rn_id_number";

    private static final java.util.regex.Pattern JKT = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{43}");

    final String audience;
    final String sector;
    final String residentId;
    final String name;
    final String phone;
    final AssuranceLevel proofedLevel;
    final Instant proofedAt;
    final Instant authTime;
    final List<String> methods;
    final Set<String> released;
    final String clientId;
    final String confirmation;

    private RnatGrant(Builder b) {
        this.audience = b.audience;
        this.sector = b.sector;
        this.residentId = b.residentId;
        this.name = b.name;
        this.phone = b.phone;
        this.proofedLevel = b.proofedLevel;
        this.proofedAt = b.proofedAt;
        this.authTime = b.authTime;
        this.methods = List.copyOf(b.methods);
        this.released = Set.copyOf(b.released);
        this.clientId = b.clientId;
        this.confirmation = b.confirmation;
    }

    /** @return a builder; audience, person, proofing and authentication are required */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The level §4 asserts: the highest one that both the proofing on record and the methods of
     * this authentication reach.
     *
     * @return the token's {@code acr} level
     */
    public AssuranceLevel level() {
        AssuranceLevel byMethods = methods.contains("cert") || methods.contains("counter") ? AssuranceLevel.L4
                : methods.contains("face") || methods.contains("ctid") ? AssuranceLevel.L3 : AssuranceLevel.L2;
        return proofedLevel.compareTo(byMethods) <= 0 ? proofedLevel : byMethods;
    }

    @Override
    public String toString() {
        return "RnatGrant[aud=" + audience + ", " + level() + ", amr=" + methods + ", released=" + released + "]";
    }

    /** Builds a {@link RnatGrant}. */
    public static final class Builder {

        private String audience;
        private String sector;
        private String residentId;
        private String name;
        private String phone;
        private AssuranceLevel proofedLevel;
        private Instant proofedAt;
        private Instant authTime;
        private final List<String> methods = new ArrayList<>();
        private final Set<String> released = new LinkedHashSet<>();
        private String clientId;
        private String confirmation;

        private Builder() {
        }

        /**
         * @param clientId the relying party the token is for ({@code aud})
         * @param sector   its sector identifier, which the pairwise {@code sub} is derived for
         * @return this builder
         */
        public Builder audience(String clientId, String sector) {
            this.audience = checkedId(clientId, "an audience (client_id)");
            this.sector = Objects.requireNonNull(sector, "sector");
            return this;
        }

        /**
         * @param residentId the person's resident ID number (for {@code sub}; released only under
         *                   {@value #SCOPE_ID_NUMBER} and masked under {@value #SCOPE_MASKED})
         * @param name       the person's name, or {@code null} (needed for {@value #SCOPE_IDENTITY})
         * @param phone      the person's 11-digit mobile number, or {@code null}
         * @return this builder
         */
        public Builder person(String residentId, String name, String phone) {
            this.residentId = Objects.requireNonNull(residentId, "residentId");
            this.name = name;
            this.phone = phone;
            return this;
        }

        /**
         * @param level the identity-proofing level on record
         * @param at    when that proofing took place
         * @return this builder
         */
        public Builder proofing(AssuranceLevel level, Instant at) {
            this.proofedLevel = Objects.requireNonNull(level, "level");
            this.proofedAt = Objects.requireNonNull(at, "at");
            return this;
        }

        /**
         * @param at      when the person authenticated ({@code auth_time})
         * @param methods the methods used ({@code amr}), 1 to 16 distinct values of 1 to 32
         *                characters (spec/realname-token.md §3, §5)
         * @return this builder
         * @throws IllegalArgumentException for more than 16 methods, one twice, or one of another length
         */
        public Builder authentication(Instant at, String... methods) {
            if (methods.length > 16 || new java.util.HashSet<>(List.of(methods)).size() != methods.length) {
                throw new IllegalArgumentException("amr is at most 16 distinct methods");
            }
            for (String m : methods) {
                if (m.isEmpty() || m.codePointCount(0, m.length()) > 32) {
                    throw new IllegalArgumentException("an amr value is 1 to 32 characters");
                }
            }
            this.authTime = Objects.requireNonNull(at, "at");
            this.methods.clear();
            this.methods.addAll(List.of(methods));
            return this;
        }

        /**
         * @param scopes the release scopes the relying party is entitled to, asked for, and the person
         *               agreed to (§8); none by default
         * @return this builder
         */
        public Builder release(String... scopes) {
            for (String s : scopes) {
                if (!s.equals(SCOPE_MASKED) && !s.equals(SCOPE_IDENTITY) && !s.equals(SCOPE_ID_NUMBER)) {
                    throw new IllegalArgumentException("unknown release scope " + s + "; known: " + SCOPE_MASKED + ", "
                            + SCOPE_IDENTITY + ", " + SCOPE_ID_NUMBER);
                }
                released.add(s);
            }
            return this;
        }

        /**
         * @param id the client that obtained the token by exchange, when it is not the audience
         * @return this builder
         */
        public Builder clientId(String id) {
            this.clientId = id == null ? null : checkedId(id, "a client_id");
            return this;
        }

        /**
         * @param jkt the RFC 7638 thumbprint of the key the token is bound to ({@code cnf}), or {@code null}
         * @return this builder
         */
        public Builder confirmation(String jkt) {
            if (jkt != null && !JKT.matcher(jkt).matches()) {
                throw new IllegalArgumentException("cnf.jkt is an RFC 7638 SHA-256 thumbprint: 43 base64url characters");
            }
            this.confirmation = jkt;
            return this;
        }

        private static String checkedId(String id, String what) {
            if (id == null || id.isEmpty() || id.codePointCount(0, id.length()) > 255) {
                throw new IllegalArgumentException(what + " is 1 to 255 characters");
            }
            return id;
        }

        /**
         * @return the grant
         * @throws IllegalStateException when a required part is missing
         */
        public RnatGrant build() {
            if (audience == null || residentId == null || proofedLevel == null || authTime == null
                    || methods.isEmpty()) {
                throw new IllegalStateException("a grant needs audience(...), person(...), proofing(...) and"
                        + " authentication(at, methods...)");
            }
            return new RnatGrant(this);
        }
    }
}
