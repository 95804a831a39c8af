package org.zwfw.sdk.sandbox.internal.api;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.zwfw.sdk.credential.CredentialClaims;
import org.zwfw.sdk.credential.CredentialType;
import org.zwfw.sdk.id.ResidentIdNumber;
import org.zwfw.sdk.sandbox.SandboxIssuer;
import org.zwfw.sdk.sandbox.TestCitizen;
import org.zwfw.sdk.sandbox.internal.IssuanceRequest;
import org.zwfw.sdk.sandbox.internal.IssuerRuntime;
import org.zwfw.sdk.sandbox.internal.SampleIdentifiers;

/**
 * The e-certificates the test citizens hold on the platform: each has a resident identity card
 * e-license (licensing department) and an electronic social-security card (social-security
 * platform). They are issued on first use, each with its own status index, which then decides
 * whether a use is granted (revoke or suspend it through {@code changeStatus}). Only the index and
 * the license ID are remembered; the claims follow from the citizen. Thread-safe (the state's lock).
 */
final class Wallet {

    /** One e-certificate a citizen holds. */
    record Held(String kind, SandboxIssuer issuer, String licenseId, String licenseTypeCode, int idx,
            Map<String, Object> claims) {
        String vct() {
            return issuer.credentialType().vct();
        }
    }

    static final String POLICE_USCC = SampleIdentifiers.uscc("11", "330100", "MB000017");

    private final ApiState state;
    private final Map<SandboxIssuer, IssuerRuntime> issuers;

    Wallet(ApiState state, Map<SandboxIssuer, IssuerRuntime> issuers) {
        this.state = state;
        this.issuers = issuers;
    }

    /** @return the citizen's e-certificates, issued now when this is their first use */
    List<Held> of(TestCitizen c) {
        synchronized (state) {
            List<Held> out = new ArrayList<>();
            out.add(held(c, "id-card", SandboxIssuer.LICENSING, idCard(c)));
            out.add(held(c, "ssc", SandboxIssuer.SOCIAL_SECURITY, ssc(c)));
            return out;
        }
    }

    private Held held(TestCitizen c, String kind, SandboxIssuer issuer, Map<String, Object> claims) {
        String key = c.slug() + "|" + kind;
        Map<String, Object> rec = state.wallet.get(key);
        if (rec == null) {
            CredentialClaims.Builder b = CredentialClaims.builder(issuer.credentialType());
            claims.forEach((k, v) -> b.put(k, (String) v));
            int idx = issuers.get(issuer).issue(new IssuanceRequest(b.build(), null, List.of())).statusReference()
                    .orElseThrow().idx();
            rec = new LinkedHashMap<>();
            rec.put("idx", idx);
            state.wallet.put(key, rec);
            state.save();
        }
        Object license = claims.get("license_id");
        Object type = claims.get("license_type_code");
        return new Held(kind, issuer, license == null ? null : (String) license, type == null ? null : (String) type,
                ((Number) rec.get("idx")).intValue(), claims);
    }

    private static Map<String, Object> idCard(TestCitizen c) {
        ResidentIdNumber id = ResidentIdNumber.parse(c.residentId());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("license_id", SampleIdentifiers.licenseId(Catalog.ID_CARD_LICENSE_TYPE, POLICE_USCC,
                "20200000" + (c.ordinal() + 1)));
        m.put("license_name", "居民身份证");
        m.put("license_type_code", Catalog.ID_CARD_LICENSE_TYPE);
        m.put("license_number", c.residentId());
        m.put("issuing_authority", "示例市公安局（沙箱）");
        m.put("issuing_authority_code", POLICE_USCC);
        m.put("issue_date", "2020-06-01");
        m.put("valid_from", "2020-06-01");
        m.put("valid_until", "2040-05-31");
        m.put("holder_name", c.displayName());
        m.put("holder_code", c.residentId());
        m.put("holder_code_type", "111");
        m.put("jurisdiction_code", id.divisionCode());
        return m;
    }

    private static Map<String, Object> ssc(TestCitizen c) {
        String serial = String.format("%08d", 1000 + c.ordinal());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sign_no", "330100SB" + serial);
        m.put("card_number", "SB" + serial);
        m.put("issuing_region_code", "330100");
        m.put("holder_name", c.displayName());
        m.put("social_security_number", c.residentId());
        m.put("sign_level", "3");
        m.put("issue_date", "2024-01-15");
        m.put("valid_until", LocalDate.of(2034, 1, 14).toString());
        m.put("channel_no", "SANDBOX01");
        return m;
    }

    static boolean isType(CredentialType t, Held h) {
        return h.issuer().credentialType() == t;
    }
}
