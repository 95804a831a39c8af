package org.zwfw.sdk.trust;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.zwfw.sdk.crypto.KeyRequest;
import org.zwfw.sdk.crypto.KeyResolver;
import org.zwfw.sdk.crypto.KeySet;
import org.zwfw.sdk.internal.Findings;
import org.zwfw.sdk.internal.Texts;
import org.zwfw.sdk.verify.OutcomeCode;
import org.zwfw.sdk.verify.VerificationResult;

/**
 * The keys of trusted issuers, from a trust list: the one place where an issuer is looked up
 * ({@code spec/trust-list.md} §7). An issuer's keys are given only when the list itself is usable
 * (its own failures, such as {@code TRUST_LIST_EXPIRED}, are reported), the issuer is on it, its
 * entry is valid at the validation time, and, when this resolver is restricted to a type
 * ({@link #forType}), the entry allows that type ({@code statuslist}, {@code rnat}, ...).
 *
 * <p>Codes: those of the trust list source, and {@code UNTRUSTED_ISSUER} (no issuer named, not on
 * the list, outside its window, or not allowed the type). Immutable and thread-safe.
 */
public final class TrustListKeys implements KeyResolver {

    private final Supplier<VerificationResult<TrustList>> trust;
    private final String type;

    private TrustListKeys(Supplier<VerificationResult<TrustList>> trust, String type) {
        this.trust = trust;
        this.type = type;
    }

    /**
     * @param list a fixed trust list (local, or signed and verified earlier)
     * @return the issuers' keys of that list, for any type
     */
    public static TrustListKeys of(TrustList list) {
        VerificationResult<TrustList> fixed = VerificationResult.valid(Objects.requireNonNull(list, "list"), List.of());
        return new TrustListKeys(() -> fixed, null);
    }

    /**
     * @param source a trust list that refreshes itself; each lookup uses its current edition
     * @return the issuers' keys of that source's list, for any type
     */
    public static TrustListKeys of(TrustListSource source) {
        Objects.requireNonNull(source, "source");
        return new TrustListKeys(source::current, null);
    }

    /**
     * @param current supplies the current trust list, or why there is none
     * @return the issuers' keys of the supplied list, for any type
     */
    public static TrustListKeys of(Supplier<VerificationResult<TrustList>> current) {
        return new TrustListKeys(Objects.requireNonNull(current, "current"), null);
    }

    /**
     * @param issuerType what the issuer must be allowed to sign ({@link TrustedIssuer#TYPE_STATUS_LIST},
     *                   {@code rnat}, a {@code vct}, ...)
     * @return a resolver over the same list that gives only the keys of issuers allowed that type
     */
    public TrustListKeys forType(String issuerType) {
        return new TrustListKeys(trust, Objects.requireNonNull(issuerType, "issuerType"));
    }

    /** @return the issuer type this resolver requires, if restricted */
    public Optional<String> type() {
        return Optional.ofNullable(type);
    }

    /**
     * Looks an issuer up.
     *
     * @param iss the issuer identifier ({@code iss}), never {@code null}
     * @param at  the validation time
     * @return the issuer's entry, with the list's warnings, or every reason it cannot be trusted
     */
    public VerificationResult<TrustedIssuer> issuer(String iss, Instant at) {
        return issuer(iss, at, Duration.ZERO);
    }

    /**
     * Looks an issuer up, allowing a clock skew at both ends of the entry's window: the entry must
     * be valid at some instant within {@code at ± skew} ({@code valid_from − skew ≤ at <
     * valid_until + skew}), as a token verifier judges a token's own times
     * (spec/trust-list.md §3, spec/realname-token.md §12 step 7).
     *
     * @param iss  the issuer identifier ({@code iss}), never {@code null}
     * @param at   the validation time
     * @param skew the allowed clock skew, not negative
     * @return the issuer's entry, with the list's warnings, or every reason it cannot be trusted
     */
    public VerificationResult<TrustedIssuer> issuer(String iss, Instant at, Duration skew) {
        Objects.requireNonNull(iss, "iss");
        Objects.requireNonNull(at, "at");
        if (skew.isNegative()) {
            throw new IllegalArgumentException("skew must not be negative");
        }
        Findings f = new Findings();
        VerificationResult<TrustList> list = trust.get();
        f.addAll(list);
        if (!list.isValid()) {
            return f.failure();
        }
        Optional<TrustedIssuer> entry = list.value().orElseThrow().find(iss);
        if (entry.isEmpty()) {
            return f.error(OutcomeCode.UNTRUSTED_ISSUER, "issuer " + Texts.quote(iss) + " is not on the trust list")
                    .failure();
        }
        TrustedIssuer issuer = entry.get();
        if (!validWithin(issuer, at, skew)) {
            return f.error(OutcomeCode.UNTRUSTED_ISSUER, "issuer " + Texts.quote(iss) + " is on the trust list only "
                    + window(issuer) + ", not at " + at + (skew.isZero() ? "" : " (skew " + skew + ")")).failure();
        }
        if (type != null && !issuer.allows(type)) {
            return f.error(OutcomeCode.UNTRUSTED_ISSUER, "the trust list does not let issuer " + Texts.quote(iss)
                    + " sign " + Texts.quote(type)).failure();
        }
        return f.result(issuer);
    }

    /**
     * The keys of the issuer the request names.
     *
     * @param request the request; its {@link KeyRequest#issuer()} must be set
     * @return the issuer's keys, or {@code UNTRUSTED_ISSUER} (and the list's own failures)
     */
    @Override
    public VerificationResult<KeySet> resolve(KeyRequest request) {
        if (request.issuer() == null) {
            return VerificationResult.invalid(OutcomeCode.UNTRUSTED_ISSUER, "the token names no issuer ('iss'), so"
                    + " no trusted issuer's keys can be chosen");
        }
        VerificationResult<TrustedIssuer> issuer = issuer(request.issuer(), request.at());
        if (!issuer.isValid()) {
            return issuer.asInvalid();
        }
        return VerificationResult.valid(issuer.value().orElseThrow().keys(), issuer.warnings());
    }

    private static boolean validWithin(TrustedIssuer issuer, Instant at, Duration skew) {
        if (skew.isZero()) {
            return issuer.isValidAt(at);
        }
        return issuer.validFrom().map(from -> !at.plus(skew).isBefore(from)).orElse(true)
                && issuer.validUntil().map(until -> at.minus(skew).isBefore(until)).orElse(true);
    }

    private static String window(TrustedIssuer issuer) {
        return "from " + issuer.validFrom().map(Instant::toString).orElse("the start") + " until "
                + issuer.validUntil().map(Instant::toString).orElse("further notice");
    }

    @Override
    public String toString() {
        return "TrustListKeys[" + (type == null ? "any type" : type) + "]";
    }
}
