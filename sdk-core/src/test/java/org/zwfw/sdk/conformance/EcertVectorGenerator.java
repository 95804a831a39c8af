package org.zwfw.sdk.conformance;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.zwfw.sdk.credential.ClaimPath;
import org.zwfw.sdk.credential.CredentialClaims;
import org.zwfw.sdk.credential.issuer.CredentialIssuer;
import org.zwfw.sdk.credential.CredentialType;
import org.zwfw.sdk.credential.CredentialVerifier;
import org.zwfw.sdk.credential.issuer.IssuedCredential;
import org.zwfw.sdk.credential.holder.PresentationBuilder;
import org.zwfw.sdk.credential.issuer.SdJwtBuilder;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.crypto.SigningKey;
import org.zwfw.sdk.status.Status;
import org.zwfw.sdk.status.issuer.StatusListIssuer;
import org.zwfw.sdk.trust.TrustList;
import org.zwfw.sdk.trust.TrustedIssuer;

/**
 * Produces {@code spec/vectors/ecert/*.json} and checks on every build that the committed files
 * are what it produces ({@link GeneratedVectors}). Regenerate after a deliberate change:
 * {@code mvn -pl sdk-core test -Dtest=EcertVectorGenerator -Dzwfw.writeVectors=true}.
 */
class EcertVectorGenerator {

    private static final Instant TIME = Instant.parse("2026-06-01T08:00:00Z");
    private static final Clock ISSUE = Clock.fixed(TIME.minus(Duration.ofDays(10)), ZoneOffset.UTC);
    private static final String LICENSING = "https://dzzz.zwfw.example.gov.cn";
    private static final String MARKET = "https://scjg.zwfw.example.gov.cn";
    private static final String SSC = "https://si.zwfw.example.gov.cn";
    private static final URI LICENSING_LIST = URI.create("https://dzzz.zwfw.example.gov.cn/status/1");
    private static final URI SSC_LIST = URI.create("https://si.zwfw.example.gov.cn/status/1");
    private static final String AUD = "https://hospital.example.com";
    private static final String NONCE = "nonce-31c7";

    private final GeneratedVectors out = new GeneratedVectors("ecert");
    private final java.security.SecureRandom salts = GeneratedVectors.random("ecert/salts");
    private final SigningKey licensingKey = GeneratedVectors.key(JwsAlgorithm.ES256, "ecert/dzzz-1").withKeyId("dzzz-1");
    private final SigningKey marketKey = GeneratedVectors.key(JwsAlgorithm.EDDSA, "ecert/scjg-1").withKeyId("scjg-1");
    private final SigningKey sscKey = GeneratedVectors.key(JwsAlgorithm.SGD_SM3_SM2, "ecert/si-1").withKeyId("si-1");
    private final SigningKey holder = GeneratedVectors.key(JwsAlgorithm.ES256, "ecert/holder");
    private final StatusListIssuer licensingStatus = StatusListIssuer.builder().capacity(4096)
            .random(GeneratedVectors.random("ecert/dzzz-status")).build();
    private final StatusListIssuer sscStatus = StatusListIssuer.builder().capacity(4096)
            .random(GeneratedVectors.random("ecert/si-status")).build();
    private final CredentialIssuer licensing = CredentialIssuer.builder(LICENSING, licensingKey).clock(ISSUE)
            .random(salts).statusList(licensingStatus, LICENSING_LIST).build();
    private final CredentialIssuer market = CredentialIssuer.builder(MARKET, marketKey).clock(ISSUE).random(salts)
            .build();
    private final CredentialIssuer ssc = CredentialIssuer.builder(SSC, sscKey).clock(ISSUE).random(salts)
            .statusList(sscStatus, SSC_LIST).build();

    private static CredentialClaims.Builder license(CredentialType type) {
        return CredentialClaims.builder(type)
                .put("license_id", "1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.001.U")
                .put("license_name", "食品经营许可证").put("license_type_code", "11100000000013338W011")
                .put("issuing_authority", "湖南省市场监督管理局").put("issuing_authority_code", "11430000006122244L")
                .put("issue_date", "2023-03-01").put("valid_from", "2023-03-01").put("valid_until", "2028-02-28")
                .put("holder_name", "某某餐饮有限公司").put("holder_code", "91110000600037341L")
                .put("holder_code_type", "001").put("jurisdiction_code", "430000");
    }

    private static CredentialClaims card() {
        return CredentialClaims.builder(CredentialType.SOCIAL_SECURITY_CARD).put("sign_no", "S3301000000001")
                .put("card_number", "A12345678").put("issuing_region_code", "330100").put("holder_name", "张三")
                .put("social_security_number", "11010519491231002X").put("sign_level", "3")
                .put("issue_date", "2024-05-01").put("valid_until", "2034-04-30").build();
    }

    private static CredentialClaims business() {
        return license(CredentialType.BUSINESS_LICENSE).put("uscc", "91110000600037341L")
                .put("entity_name", "某某餐饮有限公司").put("legal_representative", "李四").build();
    }

    private TrustedIssuer entry(String id, SigningKey key, String uscc, String... types) {
        return TrustedIssuer.builder(id).name("issuer " + id.substring(8, 12)).uscc(uscc).keys(key.verificationKey())
                .types(types).build();
    }

    private Map<String, Object> trust(TrustedIssuer... extra) {
        List<TrustedIssuer> all = new java.util.ArrayList<>(List.of(
                entry(LICENSING, licensingKey, "11430000006122244L", CredentialType.LICENSE.vct(),
                        TrustedIssuer.TYPE_STATUS_LIST),
                entry(MARKET, marketKey, "91110000600037341L", CredentialType.BUSINESS_LICENSE.vct()),
                entry(SSC, sscKey, "11100000000013338W", CredentialType.SOCIAL_SECURITY_CARD.vct(),
                        TrustedIssuer.TYPE_STATUS_LIST)));
        all.addAll(List.of(extra));
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = new ObjectMapper().readValue(TrustList.of(all).toLocalJson(), Map.class);
            return m;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Map<String, String> lists() {
        Instant at = TIME.minus(Duration.ofMinutes(10));
        Map<String, String> m = new LinkedHashMap<>();
        m.put(LICENSING_LIST.toString(), licensingStatus.toToken(licensingKey, LICENSING, LICENSING_LIST, at,
                Duration.ofHours(12), Duration.ofMinutes(5)));
        m.put(SSC_LIST.toString(), sscStatus.toToken(sscKey, SSC, SSC_LIST, at, Duration.ofHours(12), null));
        return m;
    }

    private Map<String, Object> context() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("time", TIME.toString());
        c.put("trust_list", trust());
        c.put("status_lists", lists());
        return c;
    }

    private static Map<String, Object> with(Map<String, Object> c, Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>(c);
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static Map<String, Object> payload(String iss, String vct) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("iss", iss);
        m.put("vct", vct);
        m.put("iat", TIME.minus(Duration.ofDays(1)).getEpochSecond());
        m.put("exp", TIME.plus(Duration.ofDays(30)).getEpochSecond());
        return m;
    }

    private String signed(SigningKey key, String typ, Map<String, Object> payload, String... sd) {
        ClaimPath[] paths = new ClaimPath[sd.length];
        for (int i = 0; i < sd.length; i++) {
            paths[i] = ClaimPath.parse(sd[i]);
        }
        return SdJwtBuilder.signedWith(key).type(typ).claims(payload).selectivelyDisclosable(paths).random(salts).build();
    }

    @Test
    void committedVectorsAreWhatThisGenerates() throws Exception {
        IssuedCredential lic = licensing.issue(license(CredentialType.LICENSE).build());
        IssuedCredential revoked = licensing.issue(license(CredentialType.LICENSE).build());
        IssuedCredential suspended = licensing.issue(license(CredentialType.LICENSE).build());
        licensing.setStatus(revoked.statusReference().orElseThrow(), Status.INVALID);
        licensing.setStatus(suspended.statusReference().orElseThrow(), Status.SUSPENDED);
        IssuedCredential card = ssc.issue(card(), holder.verificationKey());
        IssuedCredential biz = market.issue(business());
        Map<String, Object> ctx = context();

        String subset = PresentationBuilder.from(lic.compact()).disclose("license_id", "holder_name", "valid_until")
                .build();
        Map<String, Object> subsetClaims = new LinkedHashMap<>();
        subsetClaims.put("license_id", "1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.001.U");
        subsetClaims.put("valid_until", "2028-02-28");
        subsetClaims.put("holder_name", "某某餐饮有限公司");
        write("license-subset-valid", "an e-license (ES256, sha-256) disclosing three claims; status list says VALID",
                subset, ctx, List.of(), expect("VALID", subsetClaims));
        String kb = PresentationBuilder.from(card.compact()).disclose("holder_name", "social_security_number")
                .keyBinding(holder, AUD, NONCE, TIME.minusSeconds(30)).build();
        Map<String, Object> kbCtx = with(ctx, "key_binding_required", true, "audience", AUD, "nonce", NONCE);
        write("ssc-sm2-key-binding-valid", "an e-SSC (SGD_SM3_SM2, sm3 digests) with a key-binding JWT", kb, kbCtx,
                List.of(), expect("VALID", null));
        write("business-license-no-status", "a business license (EdDSA) without a status reference: status NONE",
                PresentationBuilder.from(biz.compact()).discloseAll().build(), ctx, List.of(), expect("NONE", null));
        write("untrusted-issuer", "an issuer that is not on the trust list",
                signed(GeneratedVectors.key(JwsAlgorithm.ES256, "ecert/unknown-issuer").withKeyId("x"), CredentialVerifier.TYPE,
                        payload("https://unknown.example.com", CredentialType.LICENSE.vct())), ctx,
                List.of("UNTRUSTED_ISSUER"), null);
        TrustedIssuer lapsed = TrustedIssuer.builder("https://old.zwfw.example.gov.cn").name("old issuer")
                .uscc("11430000006122244L").keys(licensingKey.verificationKey())
                .types(CredentialType.LICENSE.vct()).validUntil(TIME.minus(Duration.ofDays(1))).build();
        write("issuer-entry-lapsed", "the issuer's trust-list entry ended before the validation time",
                signed(licensingKey, CredentialVerifier.TYPE, payload("https://old.zwfw.example.gov.cn",
                        CredentialType.LICENSE.vct())), with(ctx, "trust_list", trust(lapsed)),
                List.of("UNTRUSTED_ISSUER"), null);
        write("type-not-allowed", "the market-regulation bureau may sign business licenses, not e-SSCs",
                signed(marketKey, CredentialVerifier.TYPE, payload(MARKET, CredentialType.SOCIAL_SECURITY_CARD.vct())),
                ctx, List.of("TYPE_NOT_ALLOWED"), null);
        write("type-not-accepted", "this verifier accepts only e-SSCs", subset,
                with(ctx, "accepted_types", List.of(CredentialType.SOCIAL_SECURITY_CARD.vct())),
                List.of("WRONG_TYPE"), null);
        write("revoked", "the status list says INVALID", revoked.compact(), ctx, List.of("REVOKED"), null);
        write("suspended", "the status list says SUSPENDED", suspended.compact(), ctx, List.of("SUSPENDED"), null);
        Map<String, Object> noLists = with(ctx, "status_lists", Map.of());
        write("status-unavailable-required", "the status list cannot be had and status is required", lic.compact(),
                noLists, List.of("STATUS_UNAVAILABLE"), null);
        Map<String, Object> unchecked = expect("UNCHECKED", null);
        unchecked.put("warnings", List.of("STATUS_UNAVAILABLE"));
        write("status-unavailable-best-effort", "the status list cannot be had, best effort: valid, UNCHECKED,"
                + " with a warning", lic.compact(), with(noLists, "status_mode", "BEST_EFFORT"), List.of(), unchecked);
        write("status-off", "status checking off: UNCHECKED and no warning", revoked.compact(),
                with(ctx, "status_mode", "OFF"), List.of(), expect("UNCHECKED", null));
        Map<String, String> forged = new LinkedHashMap<>(lists());
        forged.put(LICENSING_LIST.toString(), sscStatus.toToken(sscKey, LICENSING, LICENSING_LIST,
                TIME.minus(Duration.ofMinutes(10)), Duration.ofHours(1), null));
        write("status-list-signed-by-another-issuer", "the list at the licensing department's URI is signed by the"
                + " social-security platform", lic.compact(), with(ctx, "status_lists", forged),
                List.of("STATUS_UNAVAILABLE"), null);
        Map<String, String> stale = new LinkedHashMap<>(lists());
        stale.put(LICENSING_LIST.toString(), licensingStatus.toToken(licensingKey, LICENSING, LICENSING_LIST,
                TIME.minus(Duration.ofDays(2)), Duration.ofHours(1), null));
        write("status-list-expired", "the status list expired a day ago", lic.compact(),
                with(ctx, "status_lists", stale), List.of("STATUS_UNAVAILABLE"), null);
        Map<String, Object> hiddenExp = payload(LICENSING, CredentialType.LICENSE.vct());
        String hidden = signed(licensingKey, CredentialVerifier.TYPE, hiddenExp, "exp");
        write("exp-hidden-not-disclosed", "the issuer hid exp and the holder did not disclose it",
                PresentationBuilder.from(hidden).build(), ctx, List.of("MISSING_CLAIM"), null);
        write("exp-hidden-and-disclosed", "the issuer hid exp, which must never be selectively disclosable", hidden,
                ctx, List.of("DISCLOSURE_INVALID"), null);
        Map<String, Object> badId = payload(LICENSING, CredentialType.LICENSE.vct());
        badId.put("license_id", "1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.001.V");
        write("disclosed-license-id-bad-check-character", "a disclosed license_id whose check character is wrong",
                signed(licensingKey, CredentialVerifier.TYPE, badId, "license_id"), ctx, List.of("CHECKSUM_INVALID"),
                null);
        write("required-claim-not-disclosed", "the verifier requires license_number, which was not disclosed",
                subset, with(ctx, "required_claims", List.of("holder_name", "license_number")),
                List.of("MISSING_CLAIM"), null);
        write("key-binding-missing", "key binding required, none presented",
                PresentationBuilder.from(card.compact()).disclose("holder_name").build(), kbCtx,
                List.of("KEY_BINDING_MISSING"), null);
        write("key-binding-wrong-nonce", "the key-binding JWT is for another transaction",
                PresentationBuilder.from(card.compact()).disclose("holder_name")
                        .keyBinding(holder, AUD, "another-nonce", TIME.minusSeconds(30)).build(), kbCtx,
                List.of("NONCE_MISMATCH"), null);
        String[] parts = subset.split("~");
        String edited = subset.replace(parts[1], parts[1].substring(0, parts[1].length() - 2) + "xy");
        write("disclosure-edited", "a disclosure changed after issuance (its digest is in no _sd array)", edited,
                ctx, List.of("DISCLOSURE_INVALID"), null);
        write("disclosure-duplicated", "the same disclosure presented twice", subset + parts[1] + "~", ctx,
                List.of("DISCLOSURE_DUPLICATE"), null);
        Map<String, Object> late = with(ctx, "time", TIME.plus(Duration.ofDays(400)).toString(), "status_mode", "OFF");
        write("expired", "validated 400 days later, after exp", lic.compact(), late, List.of("EXPIRED"), null);
        write("signed-by-impostor", "signed with a key that is not the issuer's, under the issuer's kid",
                signed(GeneratedVectors.key(JwsAlgorithm.ES256, "ecert/impostor").withKeyId("dzzz-1"), CredentialVerifier.TYPE,
                        payload(LICENSING, CredentialType.LICENSE.vct())), ctx, List.of("SIGNATURE_INVALID"), null);
        String legacy = signed(marketKey, CredentialVerifier.LEGACY_TYPE,
                payload(MARKET, CredentialType.BUSINESS_LICENSE.vct()));
        write("legacy-typ-strict", "typ vc+sd-jwt of earlier drafts, refused by default", legacy, ctx,
                List.of("WRONG_TYPE"), null);
        write("legacy-typ-lenient", "typ vc+sd-jwt accepted with lenient interop", legacy,
                with(ctx, "lenient_interop", true), List.of(), expect("NONE", null));
        write("truncated", "the issuer-signed JWT cut in half", lic.compact().substring(0, 60) + "~", ctx,
                List.of("MALFORMED"), null);
        write("garbage", "not an SD-JWT at all", "hello, world", ctx, List.of("MALFORMED"), null);
        out.writeOrCompare();
    }

    private static Map<String, Object> expect(String status, Map<String, Object> claims) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", status);
        if (claims != null) {
            m.put("claims", claims);
        }
        return m;
    }

    private void write(String name, String description, String input, Map<String, Object> context,
            List<String> codes, Map<String, Object> extra) throws Exception {
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("valid", codes.isEmpty());
        expected.put("codes", codes);
        if (extra != null) {
            expected.putAll(extra);
        }
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("description", description);
        v.put("kind", "ecert");
        v.put("input", input);
        v.put("context", context);
        v.put("expected", expected);
        out.add(name, v);
    }
}
