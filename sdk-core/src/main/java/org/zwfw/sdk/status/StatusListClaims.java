package org.zwfw.sdk.status;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.zwfw.sdk.internal.Findings;
import org.zwfw.sdk.internal.Json;
import org.zwfw.sdk.internal.Texts;
import org.zwfw.sdk.verify.OutcomeCode;
import org.zwfw.sdk.verify.VerificationResult;

/**
 * Checks the claims of a status list token whose signature has already verified
 * ({@code spec/status-list.md} §6, steps 5-9) and builds the {@link StatusListToken}. Reports every
 * failed check. Stateless and thread-safe.
 */
final class StatusListClaims {

    /** 9999-12-31T23:59:59Z: beyond it a NumericDate is refused rather than trusted. */
    static final long MAX_NUMERIC_DATE = 253_402_300_799L;

    private StatusListClaims() {
    }

    /**
     * @param claims         the verified payload
     * @param expectedIssuer the credential's issuer, which {@code iss} must equal when present
     * @param expectedUri    the referenced URI, which {@code sub} must equal; {@code null} when the
     *                       list is verified on its own
     * @param now            the validation time
     * @param skew           the allowed clock skew
     * @param maxListBytes   the cap on the decompressed list
     */
    static VerificationResult<StatusListToken> check(Map<String, Object> claims, String expectedIssuer,
            URI expectedUri, Instant now, Duration skew, int maxListBytes) {
        Findings f = new Findings();
        String issuer = issuer(claims, expectedIssuer, f);
        URI uri = subject(claims, expectedUri, f);
        // Compared as instants, so that a skew with a fraction of a second counts in full.
        String s = skew.getNano() == 0 ? String.valueOf(skew.getSeconds()) : String.valueOf(skew.toMillis() / 1000.0);
        Long iat = numericDate(claims, "iat", true, f);
        Long exp = numericDate(claims, "exp", true, f);
        Long nbf = numericDate(claims, "nbf", false, f);
        if (iat != null && Instant.ofEpochSecond(iat).isAfter(now.plus(skew))) {
            f.error(OutcomeCode.ISSUED_IN_FUTURE, "status list 'iat' " + Instant.ofEpochSecond(iat)
                    + " lies after the validation time " + now + " plus the allowed skew of " + s + " s");
        }
        if (exp != null && !now.isBefore(Instant.ofEpochSecond(exp).plus(skew))) {
            f.error(OutcomeCode.EXPIRED, "status list expired at " + Instant.ofEpochSecond(exp) + " (validation time "
                    + now + ", allowed skew " + s + " s); fetch a fresh list from its issuer");
        }
        if (iat != null && exp != null && exp <= iat) {
            f.error(OutcomeCode.INVALID_CLAIM, "status list 'exp' is not after its 'iat'");
        }
        if (nbf != null && now.isBefore(Instant.ofEpochSecond(nbf).minus(skew))) {
            f.error(OutcomeCode.NOT_YET_VALID, "status list is not valid before " + Instant.ofEpochSecond(nbf)
                    + " (validation time " + now + ", allowed skew " + s + " s)");
        }
        Duration ttl = ttl(claims, f);
        StatusList list = null;
        if (!claims.containsKey("status_list")) {
            f.error(OutcomeCode.MISSING_CLAIM, "status list token has no 'status_list' claim");
        } else {
            VerificationResult<StatusList> r = StatusList.fromClaim(claims.get("status_list"), maxListBytes);
            f.addAll(r);
            list = r.value().orElse(null);
        }
        if (f.hasErrors()) {
            return f.failure();
        }
        return f.result(new StatusListToken(issuer, uri, Instant.ofEpochSecond(iat), Instant.ofEpochSecond(exp), ttl,
                list));
    }

    private static String issuer(Map<String, Object> claims, String expected, Findings f) {
        if (!claims.containsKey("iss")) {
            return null;
        }
        Object v = claims.get("iss");
        if (!(v instanceof String)) {
            f.error(OutcomeCode.INVALID_CLAIM, "status list 'iss' must be a string, found a " + Json.typeName(v));
            return null;
        }
        String iss = (String) v;
        if (expected != null && !expected.equals(iss)) {
            f.error(OutcomeCode.INVALID_CLAIM, "status list 'iss' " + Texts.quote(iss)
                    + " differs from the credential's issuer " + Texts.quote(expected)
                    + " (a list is signed by the issuer of the credentials that refer to it)");
        }
        return iss;
    }

    private static URI subject(Map<String, Object> claims, URI expected, Findings f) {
        if (!claims.containsKey("sub")) {
            f.error(OutcomeCode.MISSING_CLAIM, "status list token has no 'sub' (the list's URI)");
            return null;
        }
        Object v = claims.get("sub");
        if (!(v instanceof String)) {
            f.error(OutcomeCode.INVALID_CLAIM, "status list 'sub' must be a string, found a " + Json.typeName(v));
            return null;
        }
        String sub = (String) v;
        if (expected != null) {
            if (!expected.toString().equals(sub)) {
                f.error(OutcomeCode.INVALID_CLAIM, "status list 'sub' " + Texts.quote(sub, 120)
                        + " differs from the referenced uri " + Texts.quote(expected.toString(), 120)
                        + " (a list served for another URI, or a substituted list)");
                return null;
            }
            return expected;
        }
        try {
            URI uri = new URI(sub);
            if (uri.isAbsolute()) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        f.error(OutcomeCode.INVALID_CLAIM, "status list 'sub' " + Texts.quote(sub, 120) + " is not an absolute URI");
        return null;
    }

    /** A NumericDate (RFC 7519 §2) of this profile: an integer in [0, 9999-12-31]. */
    private static Long numericDate(Map<String, Object> claims, String name, boolean required, Findings f) {
        if (!claims.containsKey(name)) {
            if (required) {
                f.error(OutcomeCode.MISSING_CLAIM, "status list token has no '" + name + "'"
                        + (name.equals("exp") ? " (this profile requires an expiry)" : ""));
            }
            return null;
        }
        Object v = claims.get(name);
        if (!(v instanceof Long) || (Long) v < 0 || (Long) v > MAX_NUMERIC_DATE) {
            f.error(OutcomeCode.INVALID_CLAIM, "status list '" + name + "' must be an integer NumericDate between 0"
                    + " and " + MAX_NUMERIC_DATE + ", found " + (v instanceof Long ? v : "a " + Json.typeName(v)));
            return null;
        }
        return (Long) v;
    }

    private static Duration ttl(Map<String, Object> claims, Findings f) {
        if (!claims.containsKey("ttl")) {
            return null;
        }
        Object v = claims.get("ttl");
        if (!(v instanceof Long) || (Long) v < 1 || (Long) v > MAX_NUMERIC_DATE) {
            f.error(OutcomeCode.INVALID_CLAIM, "status list 'ttl' must be a positive integer number of seconds, found "
                    + (v instanceof Long ? v : "a " + Json.typeName(v)));
            return null;
        }
        return Duration.ofSeconds((Long) v);
    }
}
