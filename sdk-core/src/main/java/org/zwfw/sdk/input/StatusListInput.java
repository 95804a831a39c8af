package org.zwfw.sdk.input;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.zwfw.sdk.status.StatusChecker;
import org.zwfw.sdk.status.StatusList;
import org.zwfw.sdk.status.StatusListToken;
import org.zwfw.sdk.internal.Texts;
import org.zwfw.sdk.trust.TrustList;
import org.zwfw.sdk.trust.TrustListKeys;
import org.zwfw.sdk.trust.TrustedIssuer;
import org.zwfw.sdk.verify.OutcomeCode;
import org.zwfw.sdk.verify.VerificationResult;

/**
 * {@code zwfw verify} of a status list token on its own (spec/status-list.md §6, last paragraph;
 * spec/cli.md): signed by an issuer of the trust list whose {@code types} allow
 * {@code statuslist}, valid at the validation time. The issuer is the list's {@code iss}; a list
 * without {@code iss} is attributed to the one allowed issuer whose key verifies it (decision in
 * spec/cli.md).
 */
final class StatusListInput {

    private StatusListInput() {
    }

    static InputReport verify(InputVerifier v, String text) {
        InputReport.Builder b = InputReport.builder(InputKind.STATUS_LIST);
        Unverified u = Unverified.read(text, v.policy().maxStatusListLength());
        u.fill(b);
        if (!v.trustUsable(b, "a status list is verified with its issuer's keys from the trust list")) {
            return b.build();
        }
        TrustList list = v.trust().value().orElseThrow();
        if (text.length() > v.policy().maxStatusListLength()) {
            return b.error(OutcomeCode.TOO_LARGE, "status list token of " + text.length()
                    + " characters exceeds the limit of " + v.policy().maxStatusListLength()).build();
        }
        if (u.jws() == null) {
            return b.error(OutcomeCode.MALFORMED, "not a compact JWS: " + u.problem()).build();
        }
        Object iss = u.jws().claims().orElseThrow().get("iss");
        if (iss != null && !(iss instanceof String)) {
            return b.error(OutcomeCode.INVALID_CLAIM, "claim 'iss' must be a string").build();
        }
        Instant now = v.clock().instant();
        VerificationResult<StatusListToken> r;
        String issuer;
        if (iss != null) {
            issuer = (String) iss;
            if (!allowed(TrustListKeys.of(list).issuer(issuer, now), issuer, b)) {
                return b.build();
            }
            r = v.statusChecker().verify(text, issuer, null);
        } else {
            issuer = null;
            r = null;
            List<TrustedIssuer> candidates = new ArrayList<>();
            String kid = u.jws().header().keyId().orElse(null);
            for (TrustedIssuer t : list.issuers()) {
                if (t.allows(TrustedIssuer.TYPE_STATUS_LIST) && t.isValidAt(now) && !t.keys().candidates(kid).isEmpty()) {
                    candidates.add(t);
                }
            }
            List<String> tried = new ArrayList<>();
            for (TrustedIssuer t : candidates) {
                VerificationResult<StatusListToken> attempt = v.statusChecker().verify(text, t.id(), null);
                if (attempt.isValid()) {
                    issuer = t.id();
                    r = attempt;
                    break;
                }
                tried.add(Texts.quote(t.id()) + " (" + attempt.errorCodes() + ")");
            }
            if (r == null) {
                b.error(OutcomeCode.UNTRUSTED_ISSUER, "the list has no 'iss', and " + (candidates.isEmpty()
                        ? "no issuer on the trust list that may sign status lists has a key"
                                + (kid == null ? "" : " with kid " + Texts.quote(kid))
                        : "it verifies with the keys of none of the issuers that may sign status lists: "
                                + String.join(", ", tried)));
                return b.build();
            }
            b.note("the list has no 'iss'; its signature identifies the issuer " + Texts.quote(issuer));
        }
        b.add(r);
        if (!r.isValid()) {
            return b.build();
        }
        StatusListToken token = r.value().orElseThrow();
        b.issuer(issuer).type(StatusListToken.TYPE);
        b.claim("uri", token.uri().toString());
        b.claims(describe(token.statusList()));
        b.claim("issued_at", token.issuedAt().toString());
        b.claim("expires_at", token.expiresAt().toString());
        token.timeToLive().ifPresent(ttl -> b.claim("ttl_seconds", ttl.getSeconds()));
        return b.build();
    }

    /** The issuer's entry from the one trust-list lookup; then whether it may sign status lists. */
    private static boolean allowed(VerificationResult<TrustedIssuer> entry, String issuer, InputReport.Builder b) {
        if (!entry.isValid()) {
            b.add(entry);
            return false;
        }
        TrustedIssuer t = entry.value().orElseThrow();
        if (!t.allows(TrustedIssuer.TYPE_STATUS_LIST)) {
            b.error(OutcomeCode.TYPE_NOT_ALLOWED, "the trust list does not let issuer " + Texts.quote(issuer)
                    + " sign status lists (its types lack 'statuslist')");
            return false;
        }
        return true;
    }

    /** @return {@code bits}, {@code size} and {@code counts} per status value of a list */
    static Map<String, Object> describe(StatusList list) {
        long[] counts = new long[1 << list.bits()];
        for (int i = 0, n = list.size(); i < n; i++) {
            counts[list.value(i)]++;
        }
        Map<String, Object> byStatus = new LinkedHashMap<>();
        byStatus.put("VALID", counts[0]);
        byStatus.put("INVALID", counts[1]);
        if (counts.length > 2) {
            byStatus.put("SUSPENDED", counts[2]);
        }
        for (int value = 3; value < counts.length; value++) {
            if (counts[value] > 0) {
                // Values this profile does not define; verifiers read them as INVALID (fail closed).
                byStatus.put(Integer.toString(value), counts[value]);
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("bits", list.bits());
        m.put("size", list.size());
        m.put("counts", byStatus);
        return m;
    }
}
