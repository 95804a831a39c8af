package org.zwfw.sdk.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.zwfw.sdk.credential.CredentialClaims;
import org.zwfw.sdk.credential.issuer.CredentialIssuer;
import org.zwfw.sdk.credential.CredentialStatus;
import org.zwfw.sdk.credential.CredentialType;
import org.zwfw.sdk.credential.issuer.IssuedCredential;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.crypto.SigningKey;
import org.zwfw.sdk.status.Status;
import org.zwfw.sdk.status.issuer.StatusListIssuer;
import org.zwfw.sdk.trust.TrustList;
import org.zwfw.sdk.trust.TrustedIssuer;

/** The core's "verify whatever this is", used by zwfw verify and by users' own code. */
class InputVerifierTest {

    private static final Instant NOW = Instant.parse("2026-06-01T08:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String ISSUER = "https://dzzz.zwfw.example.gov.cn";
    private static final URI LIST = URI.create("https://dzzz.zwfw.example.gov.cn/status/1");

    private final SigningKey key = SigningKey.generate(JwsAlgorithm.ES256).withKeyId("dzzz-2026");
    private final CredentialIssuer issuer = CredentialIssuer.builder(ISSUER, key).clock(CLOCK)
            .statusList(StatusListIssuer.builder().capacity(64).build(), LIST).build();
    private final Map<URI, String> served = new ConcurrentHashMap<>();
    private final TrustList trust = TrustList.of(List.of(TrustedIssuer.builder(ISSUER).name("省电子证照平台")
            .uscc("11430000006122244L").keys(key.verificationKey())
            .types(CredentialType.LICENSE.vct(), TrustedIssuer.TYPE_STATUS_LIST).build()));

    private static CredentialClaims license() {
        return CredentialClaims.builder(CredentialType.LICENSE)
                .put("license_id", "1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.001.U")
                .put("license_name", "食品经营许可证")
                .put("license_type_code", "11100000000013338W011")
                .put("issuing_authority", "湖南省市场监督管理局")
                .put("issuing_authority_code", "11430000006122244L")
                .put("issue_date", LocalDate.of(2023, 3, 1))
                .put("valid_from", LocalDate.of(2023, 3, 1))
                .put("valid_until", LocalDate.of(2028, 2, 28))
                .put("holder_name", "张三").put("holder_code", "11010519491231002X").put("holder_code_type", "111")
                .put("jurisdiction_code", "430000")
                .build();
    }

    private InputVerifier verifier() {
        return InputVerifier.builder().clock(CLOCK).trustList(trust)
                .statusSource((uri, max) -> Optional.ofNullable(served.get(uri))).statusRequired(true).build();
    }

    private void publish() {
        served.put(LIST, issuer.statusListToken(Duration.ofHours(1), Duration.ofMinutes(5)));
    }

    @Test
    void detectsAndVerifiesAnECertificateWithItsStatusAndMasksPersonalData() {
        IssuedCredential c = issuer.issue(license());
        publish();
        try (InputVerifier v = verifier()) {
            InputReport r = v.verify("  " + c.compact() + "\n");
            assertThat(r.errors()).isEmpty();
            assertThat(r.kind()).isEqualTo(InputKind.ECERT);
            assertThat(r.issuer()).isEqualTo(ISSUER);
            assertThat(r.type()).isEqualTo(CredentialType.LICENSE.vct());
            assertThat(r.status()).isEqualTo(CredentialStatus.VALID);
            assertThat(r.claims().get("holder_code")).isNotEqualTo("11010519491231002X");
            assertThat(r.claims().get("holder_name")).isNotEqualTo("张三");
            assertThat(r.toJson()).containsKeys("valid", "kind", "issuer", "type", "status", "errors", "warnings",
                    "claims");
        }
        try (InputVerifier shown = InputVerifier.builder().clock(CLOCK).trustList(trust).showPersonalData(true)
                .build()) {
            assertThat(shown.verify(c.compact()).claims()).containsEntry("holder_code", "11010519491231002X");
        }
    }

    @Test
    void aRevokedCertificateIsRevokedThroughTheSameStatusSource() {
        IssuedCredential c = issuer.issue(license());
        issuer.setStatus(c.statusReference().orElseThrow(), Status.INVALID);
        publish();
        try (InputVerifier v = verifier()) {
            InputReport r = v.verify(c.compact());
            assertThat(r.valid()).isFalse();
            assertThat(r.status()).isEqualTo(CredentialStatus.INVALID);
            assertThat(r.errors()).extracting(InputReport.Problem::code).containsExactly("REVOKED");
            assertThat(r.claims()).isEmpty();
        }
    }

    @Test
    void withoutATrustListNothingIsTrustedAndGarbageIsMalformed() {
        IssuedCredential c = issuer.issue(license());
        try (InputVerifier v = InputVerifier.builder().clock(CLOCK).build()) {
            assertThat(v.verify(c.compact()).errors()).extracting(InputReport.Problem::code)
                    .containsExactly("UNTRUSTED_ISSUER");
            for (String garbage : new String[] {"", "hello", "a.b.c", "{\"a\":1,\"a\":2}", "{\"issuers\":1e999999999}"}) {
                InputReport r = v.verify(garbage);
                assertThat(r.kind()).as(garbage).isEqualTo(InputKind.UNKNOWN);
                assertThat(r.errors()).as(garbage).extracting(InputReport.Problem::code).containsExactly("MALFORMED");
            }
        }
    }

    @Test
    void keyBindingNeedsAnAudienceAndANonceAndAClosedVerifierRefusesWork() {
        assertThatThrownBy(() -> InputVerifier.builder().keyBindingRequired(true).audience("a").build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("nonce");
        InputVerifier v = verifier();
        v.close();
        v.close();
        assertThatThrownBy(() -> v.verify("x")).isInstanceOf(IllegalStateException.class);
    }
}
