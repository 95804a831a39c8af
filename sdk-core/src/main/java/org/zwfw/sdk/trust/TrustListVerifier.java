package org.zwfw.sdk.trust;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zwfw.sdk.crypto.JwsVerifier;
import org.zwfw.sdk.crypto.KeySet;
import org.zwfw.sdk.crypto.PolicyBuilder;
import org.zwfw.sdk.crypto.VerificationPolicy;
import org.zwfw.sdk.crypto.VerifiedJws;
import org.zwfw.sdk.internal.Base64Url;
import org.zwfw.sdk.internal.Findings;
import org.zwfw.sdk.internal.Json;
import org.zwfw.sdk.internal.Texts;
import org.zwfw.sdk.verify.Finding;
import org.zwfw.sdk.verify.OutcomeCode;
import org.zwfw.sdk.verify.VerificationResult;
import org.zwfw.sdk.internal.NumericDates;

/**
 * Verifies signed trust lists ({@code typ} {@code trustlist+jwt}) against pinned anchor keys,
 * with freshness and rollback protection, in the order of {@code spec/trust-list.md} §5.
 *
 * <pre>{@code
 * TrustListVerifier verifier = TrustListVerifier.builder(anchorKeys).build();
 * TrustList list = verifier.verify(signedTrustList).orElseThrow();
 * }</pre>
 *
 * <p>Codes: {@code TRUST_LIST_INVALID} (with the cause beside it: {@code MALFORMED},
 * {@code TOO_LARGE}, {@code UNSUPPORTED_ALGORITHM}, {@code CRITICAL_HEADER_UNSUPPORTED},
 * {@code WRONG_TYPE}, {@code UNKNOWN_KEY}, {@code SIGNATURE_INVALID}, {@code MISSING_CLAIM},
 * {@code INVALID_CLAIM}), {@code ISSUED_IN_FUTURE}, {@code TRUST_LIST_EXPIRED} (an error beyond
 * the grace, a warning within it) and {@code TRUST_LIST_ROLLBACK}.
 *
 * <p>The configuration is immutable; the verifier is thread-safe. Its only state is the
 * {@link SequenceStore} (the highest {@code seq} seen), which moves up only when a list passed
 * every check. Construction does no I/O.
 */
public final class TrustListVerifier {

    /** The explicit type of a signed trust list. */
    public static final String TYPE = "trustlist+jwt";

    /**
     * Default grace after {@code exp}: 24 hours (contract §4). A list just past its {@code exp}
     * still names the right issuers; refusing it at once would turn a publisher's late re-signing,
     * or a day-long outage of the distribution point, into a failure of every verification.
     */
    public static final Duration DEFAULT_GRACE = Duration.ofHours(24);



    private static final Logger LOG = LoggerFactory.getLogger(TrustListVerifier.class);

    /** Codes saying the document itself is unacceptable; each comes with TRUST_LIST_INVALID. */
    private static final Set<OutcomeCode> DOCUMENT_CODES = EnumSet.of(OutcomeCode.MALFORMED, OutcomeCode.TOO_LARGE,
            OutcomeCode.UNSUPPORTED_ALGORITHM, OutcomeCode.CRITICAL_HEADER_UNSUPPORTED, OutcomeCode.WRONG_TYPE,
            OutcomeCode.UNKNOWN_KEY, OutcomeCode.SIGNATURE_INVALID, OutcomeCode.MISSING_CLAIM,
            OutcomeCode.INVALID_CLAIM);

    private final JwsVerifier jws;
    private final Clock clock;
    private final Duration skew;
    private final Duration grace;
    private final SequenceStore store;
    private final String expectedIssuer;

    private TrustListVerifier(Builder b) {
        this.jws = JwsVerifier.builder().policy(b.configuredPolicy()).keys(b.anchorKeys).expectedType(TYPE)
                .maxLength(b.configuredPolicy().maxTrustListLength()).build();
        this.clock = b.configuredPolicy().clock();
        this.skew = b.configuredPolicy().skew();
        this.grace = b.grace;
        this.store = b.store != null ? b.store : new InMemorySequenceStore();
        this.expectedIssuer = b.expectedIssuer;
    }

    /**
     * Starts a verifier for lists signed by these anchor keys. The keys come from the verifier's
     * own configuration, never from the list.
     *
     * @param anchorKeys the pinned trust-anchor keys, not empty
     * @return a builder with the defaults
     * @throws IllegalArgumentException if {@code anchorKeys} is empty
     */
    public static Builder builder(KeySet anchorKeys) {
        return new Builder(anchorKeys);
    }

    /**
     * Verifies a signed trust list and, when every check passes, records its {@code seq} as the
     * highest seen.
     *
     * @param signedTrustList the compact JWS, never {@code null}
     * @return the list with its edition, or every failed check; a list within its grace after
     *         {@code exp} is valid with a {@code TRUST_LIST_EXPIRED} warning
     * @throws java.io.UncheckedIOException if the sequence store cannot record an accepted list
     *                                      (the list is then not accepted)
     */
    public VerificationResult<TrustList> verify(String signedTrustList) {
        Objects.requireNonNull(signedTrustList, "signedTrustList");
        VerificationResult<VerifiedJws> signed = jws.verify(signedTrustList);
        if (!signed.isValid()) {
            Findings f = new Findings();
            umbrella(f, signed.errors());
            return f.addAll(signed).failure();
        }
        VerifiedJws v = signed.value().orElseThrow();
        Map<String, Object> claims = v.claims();
        Findings document = new Findings();
        Findings timing = new Findings();

        String iss = issuer(claims, document);
        Instant iat = date(claims, "iat", document);
        Instant exp = date(claims, "exp", document);
        Long seq = seq(claims, document);
        if (iat != null && exp != null && !exp.isAfter(iat)) {
            document.error(OutcomeCode.INVALID_CLAIM, "exp " + exp + " is not after iat " + iat);
            exp = null;
        }
        Instant now = clock.instant();
        if (iat != null) {
            checkIssuedAt(iat, now, timing);
        }
        if (exp != null) {
            checkExpiry(exp, now, timing);
        }
        SequenceStore.Seen seen = seq == null ? null : new SequenceStore.Seen(seq, digest(v.payload()));
        if (seen != null) {
            store.highest().ifPresent(h -> checkRollback(h, seen, timing));
        }
        EntryCodec.Parsed entries = null;
        if (!claims.containsKey("issuers")) {
            document.error(OutcomeCode.MISSING_CLAIM, "claim 'issuers' is missing");
        } else {
            entries = EntryCodec.parse(claims.get("issuers"));
            for (String p : entries.problems()) {
                document.error(OutcomeCode.INVALID_CLAIM, p);
            }
        }

        VerificationResult<Boolean> d = document.result(Boolean.TRUE);
        VerificationResult<Boolean> t = timing.result(Boolean.TRUE);
        Findings all = new Findings();
        if (!d.isValid()) {
            umbrella(all, d.errors());
        }
        all.addAll(d).addAll(t);
        if (all.hasErrors()) {
            return all.failure();
        }
        TrustList list = TrustList.signed(entries.entries(), new TrustList.Edition(iss, iat, exp, seq));
        if (!store.advance(seen)) {
            all.error(OutcomeCode.TRUST_LIST_ROLLBACK, "seq " + seq + " was overtaken while it was verified: "
                    + store.highest().map(h -> "seq " + h.seq()).orElse("another list") + " has been accepted");
            return all.failure();
        }
        LOG.debug("trust list seq {} from {} accepted with {} issuer(s)", seq, Texts.quote(iss),
                list.issuers().size());
        return all.result(list);
    }

    /**
     * Checks again the freshness of a list verified earlier (spec §5 steps 3 and 4), for callers
     * that cache it. A local list has no time limits.
     *
     * @param list a list returned by {@link #verify(String)} or a local list
     * @return the same list, valid (perhaps with a {@code TRUST_LIST_EXPIRED} warning), or
     *         {@code TRUST_LIST_EXPIRED} / {@code ISSUED_IN_FUTURE}
     */
    public VerificationResult<TrustList> revalidate(TrustList list) {
        Objects.requireNonNull(list, "list");
        Findings f = new Findings();
        list.edition().ifPresent(e -> {
            Instant now = clock.instant();
            checkIssuedAt(e.issuedAt(), now, f);
            checkExpiry(e.expiresAt(), now, f);
        });
        return f.result(list);
    }

    /**
     * @return when {@link #revalidate} starts to warn that the list expired ({@code exp} plus the
     *         skew), or empty for a local list, which never expires
     */
    Optional<Instant> staleAt(TrustList list) {
        return list.edition().map(e -> e.expiresAt().plus(skew));
    }

    /** @return the store holding the highest {@code seq} seen */
    public SequenceStore sequenceStore() {
        return store;
    }

    private static void umbrella(Findings f, List<Finding> causes) {
        Set<OutcomeCode> codes = EnumSet.noneOf(OutcomeCode.class);
        for (Finding c : causes) {
            codes.add(c.code());
        }
        codes.retainAll(DOCUMENT_CODES);
        boolean claimsOnly = codes.stream().allMatch(c -> c == OutcomeCode.MISSING_CLAIM
                || c == OutcomeCode.INVALID_CLAIM);
        f.error(OutcomeCode.TRUST_LIST_INVALID, claimsOnly
                ? "the trust list is signed by the anchor but its content is not acceptable " + codes
                : "not a trust list signed by the pinned anchor " + codes);
    }

    private String issuer(Map<String, Object> claims, Findings f) {
        if (!claims.containsKey("iss")) {
            f.error(OutcomeCode.MISSING_CLAIM, "claim 'iss' is missing");
            return null;
        }
        Object v = claims.get("iss");
        if (!(v instanceof String) || ((String) v).isEmpty()) {
            f.error(OutcomeCode.INVALID_CLAIM, "claim 'iss' must be a non-empty string, found "
                    + (v instanceof String ? "an empty string" : NumericDates.aType(v)));
            return null;
        }
        if (expectedIssuer != null && !expectedIssuer.equals(v)) {
            f.error(OutcomeCode.INVALID_CLAIM, "claim 'iss' is " + Texts.quote((String) v) + "; expected "
                    + Texts.quote(expectedIssuer));
            return null;
        }
        return (String) v;
    }

    private static Instant date(Map<String, Object> claims, String name, Findings f) {
        if (!claims.containsKey(name)) {
            f.error(OutcomeCode.MISSING_CLAIM, "claim '" + name + "' is missing");
            return null;
        }
        Object v = claims.get(name);
        Instant t = NumericDates.parse(v);
        if (t == null) {
            f.error(OutcomeCode.INVALID_CLAIM, "claim '" + name + "' must be a NumericDate, found "
                    + NumericDates.describe(v));
        }
        return t;
    }

    private static Long seq(Map<String, Object> claims, Findings f) {
        if (!claims.containsKey("seq")) {
            f.error(OutcomeCode.MISSING_CLAIM, "claim 'seq' is missing");
            return null;
        }
        Object v = claims.get("seq");
        Long seq = NumericDates.integer(v, NumericDates.MAX_SEQ);
        if (seq == null) {
            f.error(OutcomeCode.INVALID_CLAIM, "claim 'seq' must be an integer in [0, 2^53-1], found "
                    + (v instanceof Long || v instanceof BigInteger ? "an integer out of range"
                    : NumericDates.aType(v)));
        }
        return seq;
    }

    private void checkIssuedAt(Instant iat, Instant now, Findings f) {
        if (iat.isAfter(now.plus(skew))) {
            f.error(OutcomeCode.ISSUED_IN_FUTURE, "iat " + iat + " is after the validation time " + now
                    + " plus the allowed skew of " + skew.toSeconds() + " s");
        }
    }

    private void checkExpiry(Instant exp, Instant now, Findings f) {
        Instant stale = exp.plus(skew);
        Instant refused = stale.plus(grace);
        if (!now.isBefore(refused)) {
            f.error(OutcomeCode.TRUST_LIST_EXPIRED, "the trust list expired at " + exp + " and the grace period of "
                    + grace.toSeconds() + " s (plus skew " + skew.toSeconds() + " s) ended at " + refused
                    + "; validation time " + now);
        } else if (!now.isBefore(stale)) {
            f.warn(OutcomeCode.TRUST_LIST_EXPIRED, "the trust list expired at " + exp
                    + "; accepted within its grace period, which ends at " + refused + "; fetch a newer edition");
        }
    }

    private static void checkRollback(SequenceStore.Seen highest, SequenceStore.Seen next, Findings f) {
        if (highest.permits(next)) {
            return;
        }
        if (next.seq() < highest.seq()) {
            f.error(OutcomeCode.TRUST_LIST_ROLLBACK, "seq " + next.seq() + " is lower than seq " + highest.seq()
                    + ", which was already accepted: an older list is being presented");
        } else {
            f.error(OutcomeCode.TRUST_LIST_ROLLBACK, "seq " + next.seq() + " was already accepted with other"
                    + " content; a new edition must carry a higher seq");
        }
    }

    private static String digest(byte[] payload) {
        try {
            return Base64Url.encode(MessageDigest.getInstance("SHA-256").digest(payload));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    /**
     * Configures a {@link TrustListVerifier}. Not thread-safe; the built verifier is.
     */
    public static final class Builder extends PolicyBuilder<Builder> {

        private final KeySet anchorKeys;
        private Duration grace = DEFAULT_GRACE;
        private SequenceStore store;
        private String expectedIssuer;

        private Builder(KeySet anchorKeys) {
            this.anchorKeys = Objects.requireNonNull(anchorKeys, "anchorKeys");
            if (anchorKeys.isEmpty()) {
                throw new IllegalArgumentException("at least one trust-anchor key is required");
            }
        }

        /**
         * @param grace how long after {@code exp} (plus skew) a list is still accepted, with a
         *              warning; 0 to 30 days (default {@link #DEFAULT_GRACE})
         * @return this builder
         */
        public Builder grace(Duration grace) {
            this.grace = bounded(grace, Duration.ofDays(30), "grace");
            return this;
        }

        /**
         * @param store where the highest {@code seq} seen is kept (default a new
         *              {@link InMemorySequenceStore}); share one store between verifiers of the
         *              same list
         * @return this builder
         */
        public Builder sequenceStore(SequenceStore store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        /**
         * @param iss the {@code iss} every list must carry, or {@code null} for no check (default)
         * @return this builder
         */
        public Builder expectedIssuer(String iss) {
            this.expectedIssuer = iss;
            return this;
        }

        /**
         * @param chars the largest compact serialization accepted (default {@link VerificationPolicy#DEFAULT_MAX_TRUST_LIST_LENGTH})
         * @return this builder
         */
        public Builder maxLength(int chars) {
            return shorthand(p -> p.withMaxTrustListLength(chars));
        }

        /** @return the verifier */
        public TrustListVerifier build() {
            return new TrustListVerifier(this);
        }

        private static Duration bounded(Duration d, Duration max, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.compareTo(max) > 0) {
                throw new IllegalArgumentException(name + " must be between 0 and " + max);
            }
            return d;
        }
    }
}
