package org.zwfw.sdk.input;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.zwfw.sdk.crypto.VerificationKey;
import org.zwfw.sdk.trust.TrustList;
import org.zwfw.sdk.trust.TrustListFormatException;
import org.zwfw.sdk.trust.TrustListVerifier;
import org.zwfw.sdk.trust.TrustedIssuer;
import org.zwfw.sdk.verify.Finding;
import org.zwfw.sdk.verify.OutcomeCode;
import org.zwfw.sdk.verify.VerificationResult;

/**
 * {@code zwfw verify} of a trust list (spec/trust-list.md §5): a signed list against the pinned
 * {@code --trust-anchor} with the validation time; a local list by its entry rules. Each input
 * gets a verifier of its own, so one list never makes another look rolled back.
 */
final class TrustListInput {

    private TrustListInput() {
    }

    static InputReport verify(InputVerifier v, String text, boolean local) {
        InputReport.Builder b = InputReport.builder(InputKind.TRUST_LIST);
        if (local) {
            try {
                TrustList list = TrustList.parseLocal(text);
                b.note("a local trust list: unsigned, trusted only because an operator configures it");
                return b.claims(describe(list)).build();
            } catch (TrustListFormatException e) {
                b.error(OutcomeCode.TRUST_LIST_INVALID, "the local trust list breaks the entry rules");
                for (Finding p : e.findings()) {
                    b.error(p.code(), p.message());
                }
                return b.build();
            }
        }
        Unverified u = Unverified.read(text, v.policy().maxTrustListLength());
        u.fill(b);
        if (v.anchor() == null) {
            return b.error(OutcomeCode.TRUST_LIST_INVALID, "a signed trust list is trusted only through the anchor key"
                    + " it is pinned to, and no --trust-anchor FILE was given").build();
        }
        VerificationResult<TrustList> r = TrustListVerifier.builder(v.anchor()).policy(v.policy()).build().verify(text);
        b.add(r);
        if (r.isValid()) {
            TrustList list = r.value().orElseThrow();
            TrustList.Edition e = list.edition().orElseThrow();
            b.issuer(e.issuer()).type(TrustListVerifier.TYPE);
            b.claim("seq", e.seq());
            b.claim("issued_at", e.issuedAt().toString());
            b.claim("expires_at", e.expiresAt().toString());
            b.claims(describe(list));
        }
        return b.build();
    }

    /** @return {@code issuers}: id, name, uscc, types, valid window and key IDs of each entry (public data) */
    static Map<String, Object> describe(TrustList list) {
        List<Map<String, Object>> issuers = new ArrayList<>();
        for (TrustedIssuer t : list.issuers()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", t.id());
            m.put("name", t.name());
            m.put("uscc", t.uscc().value());
            m.put("types", new ArrayList<>(t.types()));
            m.put("valid_from", t.validFrom().map(Instant::toString).orElse(null));
            m.put("valid_until", t.validUntil().map(Instant::toString).orElse(null));
            List<String> kids = new ArrayList<>();
            for (VerificationKey k : t.keys().keys()) {
                kids.add(k.keyId().orElse(k.thumbprint()));
            }
            m.put("keys", kids);
            issuers.add(m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("issuers", issuers);
        return out;
    }
}
