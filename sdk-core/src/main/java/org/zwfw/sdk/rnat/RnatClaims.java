package org.zwfw.sdk.rnat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.zwfw.sdk.id.IdentifierCheck;
import org.zwfw.sdk.id.ResidentIdNumber;
import org.zwfw.sdk.internal.ClaimChecks;
import org.zwfw.sdk.internal.Findings;
import org.zwfw.sdk.internal.Json;
import org.zwfw.sdk.rnat.RealNameToken.VerifiedClaims;
import org.zwfw.sdk.verify.OutcomeCode;

/**
 * The claim rules of spec/realname-token.md §3 and §6, one claim at a time. Messages name the
 * claim and the rule, never a value (values identify a person).
 */
final class RnatClaims {

    static final int MAX_LIFETIME_SECONDS = 3600;
    private static final Pattern JKT = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final Pattern MASKED_ID = Pattern.compile("[0-9X*]{18}");
    private static final Pattern MASKED_PHONE = Pattern.compile("[0-9*]{11}");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    /** Identity Assurance's {@code YYYY-MM-DDThh:mm[:ss]TZD}. */
    private static final Pattern TIME = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2})?(Z|[+-]\\d{2}:\\d{2})");

    private RnatClaims() {
    }

    /** A string claim of {@code min..max} code points; empty when absent or broken (reported). */
    static Optional<String> string(Map<String, ?> claims, String name, boolean required, int max, Findings f) {
        Optional<String> v = ClaimChecks.string(claims, name, required, f);
        if (v.isPresent() && !lengthIn(v.get(), 1, max)) {
            f.error(OutcomeCode.INVALID_CLAIM, "claim '" + name + "' must be 1 to " + max + " characters");
            return Optional.empty();
        }
        return v;
    }

    static boolean lengthIn(String s, int min, int max) {
        if (s.length() < min || s.length() > 2 * max) {
            return false;
        }
        int n = s.codePointCount(0, s.length());
        return n >= min && n <= max;
    }

    /** {@code sub}: 1..255 printable ASCII characters. */
    static Optional<String> subject(Map<String, ?> claims, Findings f) {
        Optional<String> sub = string(claims, "sub", true, 255, f);
        if (sub.isPresent() && !printableAscii(sub.get())) {
            f.error(OutcomeCode.INVALID_CLAIM, "claim 'sub' must be printable ASCII");
            return Optional.empty();
        }
        return sub;
    }

    /** {@code aud}: a string, or an array of exactly one string. */
    static Optional<String> audience(Map<String, ?> claims, Findings f) {
        Object v = claims.get("aud");
        if (v instanceof List) {
            List<?> l = (List<?>) v;
            if (l.size() != 1) {
                f.error(OutcomeCode.INVALID_CLAIM, "claim 'aud' must name exactly one audience, found " + l.size()
                        + " (spec/realname-token.md D3)");
                return Optional.empty();
            }
            if (!(l.get(0) instanceof String) || !lengthIn((String) l.get(0), 1, 255)) {
                f.error(OutcomeCode.INVALID_CLAIM, "claim 'aud' must hold a string of 1 to 255 characters");
                return Optional.empty();
            }
            return Optional.of((String) l.get(0));
        }
        return string(claims, "aud", true, 255, f);
    }

    /** {@code amr}: 1..16 distinct strings of 1..32 characters; empty list when absent. */
    static List<String> methods(Map<String, ?> claims, Findings f) {
        if (!claims.containsKey("amr")) {
            return List.of();
        }
        Object v = claims.get("amr");
        if (!(v instanceof List) || ((List<?>) v).isEmpty() || ((List<?>) v).size() > 16) {
            f.error(OutcomeCode.INVALID_CLAIM, "claim 'amr' must be an array of 1 to 16 strings");
            return List.of();
        }
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Object o : (List<?>) v) {
            if (!(o instanceof String) || !lengthIn((String) o, 1, 32)) {
                f.error(OutcomeCode.INVALID_CLAIM, "claim 'amr' must hold strings of 1 to 32 characters");
                return List.of();
            }
            if (!seen.add((String) o)) {
                f.error(OutcomeCode.INVALID_CLAIM, "claim 'amr' names a method twice");
                return List.of();
            }
            out.add((String) o);
        }
        return out;
    }

    /** {@code cnf}: {@code {"jkt": <43 base64url characters>}}; its thumbprint, empty when absent. */
    static Optional<String> confirmation(Map<String, ?> claims, Findings f) {
        if (!claims.containsKey("cnf")) {
            return Optional.empty();
        }
        Object v = claims.get("cnf");
        Object jkt = v instanceof Map ? ((Map<?, ?>) v).get("jkt") : null;
        if (!(jkt instanceof String) || !JKT.matcher((String) jkt).matches()) {
            f.error(OutcomeCode.INVALID_CLAIM, "claim 'cnf' must be {\"jkt\": <RFC 7638 SHA-256 thumbprint>}");
            return Optional.empty();
        }
        return Optional.of((String) jkt);
    }

    /**
     * {@code verified_claims} (§6).
     *
     * @return the value, empty when absent or broken (reported)
     */
    static Optional<VerifiedClaims> verifiedClaims(Map<String, ?> claims, AssuranceLevel acr, Instant iat,
            Instant now, java.time.Duration skew, Findings f) {
        if (!claims.containsKey("verified_claims")) {
            return Optional.empty();
        }
        int before = f.errorCount();
        Map<String, Object> vc = object(claims.get("verified_claims"), "verified_claims", f);
        if (vc == null) {
            return Optional.empty();
        }
        Map<String, Object> verification = member(vc, "verification", f);
        Map<String, Object> released = member(vc, "claims", f);
        AssuranceLevel level = null;
        String time = null;
        if (verification != null) {
            Optional<String> tf = nested(verification, "trust_framework", f);
            if (tf.isPresent() && !tf.get().equals("cn_zwfw")) {
                f.error(OutcomeCode.INVALID_CLAIM, "verified_claims.verification.trust_framework must be 'cn_zwfw'");
            }
            Optional<String> al = nested(verification, "assurance_level", f);
            if (al.isPresent()) {
                level = AssuranceLevel.fromName(al.get()).orElse(null);
                if (level == null) {
                    f.error(OutcomeCode.INVALID_CLAIM, "verified_claims.verification.assurance_level must be L1 to L4");
                } else if (acr != null && !level.isAtLeast(acr)) {
                    f.error(OutcomeCode.INVALID_CLAIM, "verified_claims.verification.assurance_level " + level
                            + " is below the token's level " + acr);
                }
            }
            Optional<String> t = nested(verification, "time", f);
            if (t.isPresent()) {
                time = t.get();
                Instant at = time(time);
                if (at == null) {
                    f.error(OutcomeCode.INVALID_CLAIM, "verified_claims.verification.time must be"
                            + " YYYY-MM-DDThh:mm[:ss] with Z or ±hh:mm");
                } else if (iat != null && at.isAfter(iat.plus(skew))) {
                    f.error(OutcomeCode.INVALID_CLAIM, "verified_claims.verification.time lies after 'iat'");
                }
            }
        }
        if (released != null) {
            if (released.isEmpty()) {
                f.error(OutcomeCode.INVALID_CLAIM, "verified_claims.claims must release at least one claim");
            }
            releasedClaims(released, now, f);
        }
        if (f.errorCount() > before || level == null || released == null) {
            return Optional.empty();
        }
        return Optional.of(new VerifiedClaims(level, time, released));
    }

    private static void releasedClaims(Map<String, Object> c, Instant now, Findings f) {
        String p = "verified_claims.claims.";
        Object masked = c.get("id_number_masked");
        if (c.containsKey("id_number_masked") && !(masked instanceof String && MASKED_ID.matcher((String) masked).matches()
                && stars((String) masked) >= 12)) {
            f.error(OutcomeCode.INVALID_CLAIM, p + "id_number_masked must be 18 characters of 0-9, X and *, at least"
                    + " 12 of them * (a number not masked enough is refused)");
        }
        Object phone = c.get("phone_number_masked");
        if (c.containsKey("phone_number_masked") && !(phone instanceof String && MASKED_PHONE.matcher((String) phone).matches()
                && stars((String) phone) >= 4)) {
            f.error(OutcomeCode.INVALID_CLAIM, p + "phone_number_masked must be 11 characters of 0-9 and *, at least"
                    + " 4 of them *");
        }
        Object name = c.get("name");
        if (c.containsKey("name") && !(name instanceof String && lengthIn((String) name, 1, 64))) {
            f.error(OutcomeCode.INVALID_CLAIM, p + "name must be a string of 1 to 64 characters");
        }
        Object birth = c.get("birthdate");
        if (c.containsKey("birthdate") && !validBirthDate(birth, now)) {
            f.error(OutcomeCode.INVALID_CLAIM, p + "birthdate must be a calendar date YYYY-MM-DD, not in the future");
        }
        if (c.containsKey("id_number")) {
            Object id = c.get("id_number");
            if (!(id instanceof String)) {
                f.error(OutcomeCode.INVALID_CLAIM, p + "id_number must be a string");
            } else {
                IdentifierCheck check = ResidentIdNumber.check((String) id, LocalDate.ofInstant(now, ZoneOffset.ofHours(8)));
                if (!check.valid()) {
                    f.error(check.hasChecksumFailure() && check.rules().size() == 1 ? OutcomeCode.CHECKSUM_INVALID
                            : OutcomeCode.INVALID_CLAIM, p + "id_number is not a valid resident ID number ("
                            + check.rules() + ")");
                }
            }
        }
    }

    private static boolean validBirthDate(Object v, Instant now) {
        if (!(v instanceof String) || !DATE.matcher((String) v).matches()) {
            return false;
        }
        try {
            LocalDate d = LocalDate.parse((String) v, DateTimeFormatter.ISO_LOCAL_DATE);
            return !d.isAfter(LocalDate.ofInstant(now, ZoneOffset.ofHours(14)));
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean printableAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c >= 0x7f) {
                return false;
            }
        }
        return true;
    }

    private static int stars(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '*') {
                n++;
            }
        }
        return n;
    }

    /** @return the instant of an Identity Assurance time, or {@code null} when it is not one */
    static Instant time(String s) {
        if (!TIME.matcher(s).matches()) {
            return null;
        }
        // read from the matched digits (DateTimeFormatter took a fifth of the claim rules' time)
        boolean seconds = s.length() > 16 && s.charAt(16) == ':';
        int zone = seconds ? 19 : 16;
        try {
            LocalDateTime local = LocalDateTime.of(digits(s, 0, 4), digits(s, 5, 7), digits(s, 8, 10),
                    digits(s, 11, 13), digits(s, 14, 16), seconds ? digits(s, 17, 19) : 0);
            ZoneOffset offset = s.charAt(zone) == 'Z' ? ZoneOffset.UTC : ZoneOffset.ofHoursMinutes(
                    (s.charAt(zone) == '-' ? -1 : 1) * digits(s, zone + 1, zone + 3),
                    (s.charAt(zone) == '-' ? -1 : 1) * digits(s, zone + 4, zone + 6));
            return local.toInstant(offset);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The ASCII digits {@code s[from, to)} as a number (the pattern has checked they are digits). */
    private static int digits(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            n = n * 10 + (s.charAt(i) - '0');
        }
        return n;
    }

    private static Optional<String> nested(Map<String, Object> verification, String name, Findings f) {
        Object v = verification.get(name);
        if (v == null) {
            f.error(verification.containsKey(name) ? OutcomeCode.INVALID_CLAIM : OutcomeCode.MISSING_CLAIM,
                    "verified_claims.verification." + name + " is required");
            return Optional.empty();
        }
        if (!(v instanceof String)) {
            f.error(OutcomeCode.INVALID_CLAIM, "verified_claims.verification." + name + " must be a string");
            return Optional.empty();
        }
        return Optional.of((String) v);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object v, String name, Findings f) {
        if (!(v instanceof Map)) {
            f.error(OutcomeCode.INVALID_CLAIM, name + " must be an object, found " + Json.typeName(v));
            return null;
        }
        return (Map<String, Object>) v;
    }

    private static Map<String, Object> member(Map<String, Object> parent, String name, Findings f) {
        if (!parent.containsKey(name)) {
            f.error(OutcomeCode.MISSING_CLAIM, "verified_claims." + name + " is required");
            return null;
        }
        return object(parent.get(name), "verified_claims." + name, f);
    }
}
