package org.zwfw.sdk.trust;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.zwfw.sdk.crypto.KeySet;
import org.zwfw.sdk.crypto.VerificationKey;
import org.zwfw.sdk.id.UnifiedSocialCreditCode;
import org.zwfw.sdk.internal.NumericDates;

/**
 * One entry of a {@link TrustList}: an issuer the verifier trusts, its keys, and the types of
 * object it may sign ({@code spec/trust-list.md} §3).
 *
 * <p>{@link #types()} holds the type names of the contract: {@link #TYPE_RNAT},
 * {@link #TYPE_ID_TOKEN}, {@link #TYPE_SSC_QR}, {@link #TYPE_STATUS_LIST}, and credential
 * {@code vct} values such as {@code urn:zwfw:vct:license:1}.
 *
 * <p>Built with {@link #builder(String)}, or parsed as part of a trust list. Immutable and
 * thread-safe. Every method throws {@link NullPointerException} for a {@code null} argument.
 */
public final class TrustedIssuer {

    /** Type name allowing real-name auth tokens ({@code rnat+jwt}). */
    public static final String TYPE_RNAT = "rnat";
    /** Type name allowing OpenID Connect ID tokens. */
    public static final String TYPE_ID_TOKEN = "id_token";
    /** Type name allowing dynamic QR codes of the e-SSC ({@code ssc-qr+jwt}). */
    public static final String TYPE_SSC_QR = "ssc-qr";
    /** Type name allowing status lists ({@code statuslist+jwt}). */
    public static final String TYPE_STATUS_LIST = "statuslist";

    private final String id;
    private final String name;
    private final UnifiedSocialCreditCode uscc;
    private final KeySet keys;
    private final Set<String> types;
    private final Instant validFrom;
    private final Instant validUntil;

    private TrustedIssuer(Builder b) {
        this.id = b.id;
        this.name = b.name;
        this.uscc = b.uscc;
        this.keys = b.keys;
        this.types = Collections.unmodifiableSet(new LinkedHashSet<>(b.types));
        this.validFrom = b.validFrom;
        this.validUntil = b.validUntil;
    }

    /**
     * Starts an entry.
     *
     * @param id the issuer's {@code iss} value, not empty
     * @return a builder
     */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** @return the issuer identifier: the {@code iss} value of what it signs; never {@code null} */
    public String id() {
        return id;
    }

    /** @return the issuer's name, for people; never {@code null} */
    public String name() {
        return name;
    }

    /** @return the issuer's unified social credit code; never {@code null} */
    public UnifiedSocialCreditCode uscc() {
        return uscc;
    }

    /** @return the issuer's verification keys (possibly empty, see {@code spec/trust-list.md} §3) */
    public KeySet keys() {
        return keys;
    }

    /** @return the types the issuer may sign, in list order; read-only, never empty */
    public Set<String> types() {
        return types;
    }

    /** @return the first instant the entry is valid (inclusive), if bounded */
    public Optional<Instant> validFrom() {
        return Optional.ofNullable(validFrom);
    }

    /** @return the instant the entry stops being valid (exclusive), if bounded */
    public Optional<Instant> validUntil() {
        return Optional.ofNullable(validUntil);
    }

    /**
     * Tells whether the issuer may sign a type: exact, case-sensitive comparison with
     * {@link #types()}.
     *
     * @param type a type name such as {@link #TYPE_RNAT} or a {@code vct} value
     * @return whether the entry lists it
     */
    public boolean allows(String type) {
        return types.contains(Objects.requireNonNull(type, "type"));
    }

    /**
     * Tells whether the entry is valid at an instant: {@code valid_from ≤ at < valid_until}, a
     * missing bound being open. No skew is applied; callers that allow skew widen the window
     * themselves.
     *
     * @param at the instant
     * @return whether the entry is valid then
     */
    public boolean isValidAt(Instant at) {
        Objects.requireNonNull(at, "at");
        return (validFrom == null || !at.isBefore(validFrom)) && (validUntil == null || at.isBefore(validUntil));
    }

    /** @return the entry as JSON members in the order of {@code spec/trust-list.md} §3, a new map */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("name", name);
        m.put("uscc", uscc.value());
        m.put("jwks", keys.toJwks());
        m.put("types", new ArrayList<>(types));
        if (validFrom != null) {
            m.put("valid_from", validFrom.getEpochSecond());
        }
        if (validUntil != null) {
            m.put("valid_until", validUntil.getEpochSecond());
        }
        return m;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof TrustedIssuer)) {
            return false;
        }
        TrustedIssuer t = (TrustedIssuer) o;
        return id.equals(t.id) && name.equals(t.name) && uscc.equals(t.uscc) && keys.equals(t.keys)
                && List.copyOf(types).equals(List.copyOf(t.types)) && Objects.equals(validFrom, t.validFrom)
                && Objects.equals(validUntil, t.validUntil);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, name, uscc, keys, types, validFrom, validUntil);
    }

    /** Entries hold public registration data only, so everything but the key material is shown. */
    @Override
    public String toString() {
        return "TrustedIssuer[id=" + id + ", name=" + name + ", uscc=" + uscc + ", types=" + types + ", keys="
                + keys.keys().size() + (validFrom == null ? "" : ", valid_from=" + validFrom)
                + (validUntil == null ? "" : ", valid_until=" + validUntil) + "]";
    }

    /**
     * Configures a {@link TrustedIssuer}. Not thread-safe; the built entry is.
     */
    public static final class Builder {

        private final String id;
        private String name;
        private UnifiedSocialCreditCode uscc;
        private KeySet keys;
        private List<String> types = List.of();
        private Instant validFrom;
        private Instant validUntil;

        private Builder(String id) {
            this.id = Objects.requireNonNull(id, "id");
            if (id.isEmpty()) {
                throw new IllegalArgumentException("issuer id must not be empty");
            }
        }

        /**
         * @param name the issuer's name, not empty (required)
         * @return this builder
         */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * @param uscc the issuer's unified social credit code (required)
         * @return this builder
         */
        public Builder uscc(UnifiedSocialCreditCode uscc) {
            this.uscc = Objects.requireNonNull(uscc, "uscc");
            return this;
        }

        /**
         * @param uscc the issuer's unified social credit code (required)
         * @return this builder
         * @throws org.zwfw.sdk.id.InvalidIdentifierException if it is not a valid USCC
         */
        public Builder uscc(String uscc) {
            return uscc(UnifiedSocialCreditCode.parse(uscc));
        }

        /**
         * @param keys the issuer's verification keys (required; may be empty)
         * @return this builder
         */
        public Builder keys(KeySet keys) {
            this.keys = Objects.requireNonNull(keys, "keys");
            return this;
        }

        /**
         * @param keys the issuer's verification keys (required)
         * @return this builder
         */
        public Builder keys(VerificationKey... keys) {
            return keys(KeySet.of(keys));
        }

        /**
         * @param types what the issuer may sign: not empty, no empty or duplicate names (required)
         * @return this builder
         */
        public Builder types(Collection<String> types) {
            this.types = List.copyOf(types);
            return this;
        }

        /**
         * @param types what the issuer may sign (required)
         * @return this builder
         */
        public Builder types(String... types) {
            return types(Arrays.asList(types));
        }

        /**
         * @param from the first instant of validity, a whole second; {@code null} for none
         * @return this builder
         */
        public Builder validFrom(Instant from) {
            this.validFrom = from;
            return this;
        }

        /**
         * @param until the end of validity (exclusive), a whole second; {@code null} for none
         * @return this builder
         */
        public Builder validUntil(Instant until) {
            this.validUntil = until;
            return this;
        }

        /**
         * @return the entry
         * @throws IllegalArgumentException when a required member is missing or empty, a type is
         *                                  empty or repeated, a bound is not a whole second in the
         *                                  NumericDate range, or {@code validFrom ≥ validUntil}
         */
        public TrustedIssuer build() {
            if (name == null || name.isEmpty()) {
                throw new IllegalArgumentException("issuer " + id + ": name is required and must not be empty");
            }
            if (uscc == null) {
                throw new IllegalArgumentException("issuer " + id + ": uscc is required");
            }
            if (keys == null) {
                throw new IllegalArgumentException("issuer " + id + ": keys are required");
            }
            if (types.isEmpty()) {
                throw new IllegalArgumentException("issuer " + id + ": at least one type is required");
            }
            Set<String> seen = new LinkedHashSet<>();
            for (String t : types) {
                if (t.isEmpty()) {
                    throw new IllegalArgumentException("issuer " + id + ": a type must not be empty");
                }
                if (!seen.add(t)) {
                    throw new IllegalArgumentException("issuer " + id + ": type " + t + " is listed twice");
                }
            }
            if (validFrom != null) {
                NumericDates.requireRepresentable(validFrom, "valid_from");
            }
            if (validUntil != null) {
                NumericDates.requireRepresentable(validUntil, "valid_until");
            }
            if (validFrom != null && validUntil != null && !validFrom.isBefore(validUntil)) {
                throw new IllegalArgumentException("issuer " + id + ": valid_from must be before valid_until");
            }
            return new TrustedIssuer(this);
        }
    }
}
