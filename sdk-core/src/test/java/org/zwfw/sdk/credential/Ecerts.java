package org.zwfw.sdk.credential;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.crypto.SigningKey;
import org.zwfw.sdk.status.issuer.StatusListIssuer;
import org.zwfw.sdk.status.StatusListSource;
import org.zwfw.sdk.trust.TrustList;
import org.zwfw.sdk.trust.TrustedIssuer;
import org.zwfw.sdk.credential.holder.PresentationBuilder;
import org.zwfw.sdk.credential.issuer.IssuedCredential;
import org.zwfw.sdk.credential.issuer.CredentialIssuer;

/**
 * A small province for the credential tests: a licensing department (ES256, sha-256) and the
 * social-security platform (SM2, sm3), each with a status list served from memory, on one trust
 * list. Real keys and signatures throughout.
 */
/** Shared by the tests of this package and of its issuing/holder subpackage. */
public final class Ecerts {

    public static final Instant NOW = Instant.parse("2026-06-01T08:00:00Z");
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    public static final String LICENSING = "https://dzzz.zwfw.example.gov.cn";
    public static final String SSC = "https://si.zwfw.example.gov.cn";
    public static final URI LICENSING_LIST = URI.create("https://dzzz.zwfw.example.gov.cn/status/1");
    public static final URI SSC_LIST = URI.create("https://si.zwfw.example.gov.cn/status/1");
    public static final String AUD = "https://hospital.example.com";
    public static final String NONCE = "n-5d2c9e";

    public final SigningKey licensingKey = SigningKey.generate(JwsAlgorithm.ES256).withKeyId("dzzz-2026");
    public final SigningKey sscKey = SigningKey.generate(JwsAlgorithm.SGD_SM3_SM2).withKeyId("si-2026");
    public final SigningKey holder = SigningKey.generate(JwsAlgorithm.ES256);
    public final StatusListIssuer licensingStatus = StatusListIssuer.builder().capacity(1024).build();
    public final StatusListIssuer sscStatus = StatusListIssuer.builder().capacity(1024).build();
    public final CredentialIssuer licensing = CredentialIssuer.builder(LICENSING, licensingKey).clock(CLOCK)
            .statusList(licensingStatus, LICENSING_LIST).build();
    public final CredentialIssuer ssc = CredentialIssuer.builder(SSC, sscKey).clock(CLOCK).statusList(sscStatus, SSC_LIST)
            .build();
    /** Status list tokens by URI; tests replace or remove them. */
    public final Map<URI, String> served = new ConcurrentHashMap<>();
    public final AtomicInteger fetches = new AtomicInteger();
    public final StatusListSource source = (uri, maxChars) -> {
        fetches.incrementAndGet();
        return Optional.ofNullable(served.get(uri));
    };

    public Ecerts() {
        publishStatus();
    }

    /** Signs both status lists as they are now and serves them. */
    public void publishStatus() {
        served.put(LICENSING_LIST, licensing.statusListToken(Duration.ofHours(1), Duration.ofMinutes(5)));
        served.put(SSC_LIST, ssc.statusListToken(Duration.ofHours(1), Duration.ofMinutes(5)));
    }

    public TrustedIssuer licensingEntry(String... types) {
        return TrustedIssuer.builder(LICENSING).name("省电子证照平台").uscc("11430000006122244L")
                .keys(licensingKey.verificationKey())
                .types(types.length > 0 ? types : new String[] {CredentialType.LICENSE.vct(),
                        CredentialType.BUSINESS_LICENSE.vct(), TrustedIssuer.TYPE_STATUS_LIST})
                .build();
    }

    public TrustedIssuer sscEntry() {
        return TrustedIssuer.builder(SSC).name("省人力资源和社会保障厅").uscc("11100000000013338W")
                .keys(sscKey.verificationKey())
                .types(CredentialType.SOCIAL_SECURITY_CARD.vct(), TrustedIssuer.TYPE_STATUS_LIST).build();
    }

    public TrustList trustList() {
        return TrustList.of(java.util.List.of(licensingEntry(), sscEntry()));
    }

    public CredentialVerifier.Builder verifier() {
        return CredentialVerifier.builder().trustList(trustList()).clock(CLOCK).statusSource(source);
    }

    public static CredentialClaims license() {
        return CredentialClaims.builder(CredentialType.LICENSE)
                .put("license_id", "1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.001.U")
                .put("license_name", "食品经营许可证")
                .put("license_type_code", "11100000000013338W011")
                .put("issuing_authority", "湖南省市场监督管理局")
                .put("issuing_authority_code", "11430000006122244L")
                .put("issue_date", LocalDate.of(2023, 3, 1))
                .put("valid_from", LocalDate.of(2023, 3, 1))
                .put("valid_until", LocalDate.of(2028, 2, 28))
                .put("holder_name", "某某餐饮有限公司")
                .put("holder_code", "91110000600037341L")
                .put("holder_code_type", "001")
                .put("jurisdiction_code", "430000")
                .build();
    }

    public static CredentialClaims card() {
        return CredentialClaims.builder(CredentialType.SOCIAL_SECURITY_CARD).put("sign_no", "S3301000000001")
                .put("card_number", "A12345678").put("issuing_region_code", "330100").put("holder_name", "张三")
                .put("social_security_number", "11010519491231002X").put("sign_level", "3")
                .put("issue_date", "2024-05-01").put("valid_until", "2034-04-30").build();
    }

    /** A presentation of {@code issued} disclosing {@code paths}, bound to the holder key for AUD/NONCE. */
    public String present(IssuedCredential issued, String... paths) {
        return PresentationBuilder.from(issued.compact()).disclose(paths).keyBinding(holder, AUD, NONCE, NOW).build();
    }
}
