package org.zwfw.sdk.credential.issuer;

import static org.assertj.core.api.Assertions.assertThat;
import org.zwfw.sdk.internal.sdjwt.SdJwt;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.crypto.SigningKey;
import org.zwfw.sdk.crypto.ParsedJws;
import org.zwfw.sdk.status.Status;
import org.zwfw.sdk.status.issuer.StatusListIssuer;
import org.zwfw.sdk.status.StatusReference;
import org.zwfw.sdk.credential.issuer.CredentialIssuer;
import org.zwfw.sdk.credential.issuer.IssuedCredential;
import org.zwfw.sdk.credential.CredentialClaims;
import org.zwfw.sdk.credential.CredentialType;
import org.zwfw.sdk.credential.Ecerts;
import org.zwfw.sdk.credential.SdHashAlgorithm;

class CredentialIssuerTest {

    private final Ecerts p = new Ecerts();

    private static Map<String, Object> payload(IssuedCredential c) {
        return ParsedJws.decode(SdJwt.parse(c.compact()).issuerJwt()).claims().orElseThrow();
    }

    @Test
    void everySubjectClaimIsHiddenWithDecoysAndTheRegisteredOnesStayVisible() {
        IssuedCredential c = p.licensing.issue(Ecerts.license(), p.holder.verificationKey());
        Map<String, Object> visible = payload(c);
        assertThat(visible).containsKeys("iss", "vct", "iat", "exp", "cnf", "status", "_sd", "_sd_alg")
                .doesNotContainKeys("license_id", "holder_name");
        assertThat(visible.get("_sd_alg")).isEqualTo("sha-256");
        List<?> sd = (List<?>) visible.get("_sd");
        assertThat(SdJwt.parse(c.compact()).disclosures()).hasSize(12);
        assertThat(sd.size()).isBetween(13, 15);
        assertThat(sd).isSortedAccordingTo((a, b) -> ((String) a).compareTo((String) b));
        assertThat(ParsedJws.decode(SdJwt.parse(c.compact()).issuerJwt()).header().type()).contains("dc+sd-jwt");
        assertThat(ParsedJws.decode(SdJwt.parse(c.compact()).issuerJwt()).header().keyId()).contains("dzzz-2026");
        assertThat(((Map<?, ?>) visible.get("cnf")).get("jwk")).isEqualTo(p.holder.verificationKey().toJwk());
        assertThat(c.toString()).doesNotContain("某某餐饮");
    }

    @Test
    void alwaysVisibleClaimsStayInThePayload() {
        IssuedCredential c = p.licensing.request(Ecerts.license()).alwaysVisible("license_name", "issuing_authority")
                .issue();
        assertThat(payload(c)).containsEntry("license_name", "食品经营许可证").containsKey("issuing_authority");
        assertThat(SdJwt.parse(c.compact()).disclosures()).hasSize(10);
        assertThatThrownBy(() -> p.licensing.request(Ecerts.license()).alwaysVisible("uscc"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("uscc");
    }

    @Test
    void expiryFollowsValidUntilWhenEarlierThanTheLifetime() {
        CredentialClaims soon = CredentialClaims.builder(CredentialType.SOCIAL_SECURITY_CARD).put("sign_no", "S1")
                .put("card_number", "A1").put("issuing_region_code", "330100").put("holder_name", "张三")
                .put("social_security_number", "11010519491231002X").put("issue_date", "2024-05-01")
                .put("valid_until", "2026-07-31").build();
        IssuedCredential c = p.ssc.issue(soon);
        assertThat(c.expiresAt()).isEqualTo(Instant.parse("2026-07-31T16:00:00Z"));
        assertThat(payload(c)).containsEntry("exp", Instant.parse("2026-07-31T16:00:00Z").getEpochSecond());

        CredentialClaims lapsed = CredentialClaims.builder(CredentialType.SOCIAL_SECURITY_CARD).put("sign_no", "S1")
                .put("card_number", "A1").put("issuing_region_code", "330100").put("holder_name", "张三")
                .put("social_security_number", "11010519491231002X").put("issue_date", "2024-05-01")
                .put("valid_until", LocalDate.of(2026, 5, 1)).build();
        assertThatThrownBy(() -> p.ssc.issue(lapsed)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("valid_until");
        IssuedCredential explicit = p.ssc.request(Ecerts.card()).expiresAt(Ecerts.NOW.plusSeconds(600)).issue();
        assertThat(explicit.expiresAt()).isEqualTo(Ecerts.NOW.plusSeconds(600));
    }

    @Test
    void statusIndexesAreNeverReusedAndStatusChangesReachTheSignedList() {
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            StatusReference ref = p.ssc.issue(Ecerts.card()).statusReference().orElseThrow();
            assertThat(ref.uri()).isEqualTo(Ecerts.SSC_LIST);
            assertThat(seen.add(ref.idx())).isTrue();
        }
        StatusReference other = new StatusReference(URI.create("https://elsewhere.example.com/s"), 1);
        assertThatThrownBy(() -> p.ssc.setStatus(other, Status.INVALID)).isInstanceOf(IllegalArgumentException.class);
        CredentialIssuer plain = CredentialIssuer.builder(Ecerts.SSC, p.sscKey).build();
        assertThatThrownBy(() -> plain.statusListToken(java.time.Duration.ofHours(1), null))
                .isInstanceOf(IllegalStateException.class);
        assertThat(plain.issue(Ecerts.card()).statusReference()).isEmpty();
    }

    @Test
    void defaultsAndRefusals() {
        assertThat(p.licensing.hashAlgorithm()).isEqualTo(SdHashAlgorithm.SHA_256);
        assertThat(p.ssc.hashAlgorithm()).isEqualTo(SdHashAlgorithm.SM3);
        assertThat(CredentialIssuer.builder(Ecerts.SSC, p.sscKey).hashAlgorithm(SdHashAlgorithm.SHA_256).build()
                .hashAlgorithm()).isEqualTo(SdHashAlgorithm.SHA_256);
        SigningKey noKid = SigningKey.fromPem(SigningKey.generate(JwsAlgorithm.ES256).toPem());
        assertThatThrownBy(() -> CredentialIssuer.builder(Ecerts.SSC, noKid)).isInstanceOf(
                IllegalArgumentException.class).hasMessageContaining("key ID");
        StatusListIssuer list = StatusListIssuer.builder().capacity(16).build();
        assertThatThrownBy(() -> CredentialIssuer.builder(Ecerts.SSC, p.sscKey).statusList(list,
                URI.create("http://status.example.com/1"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("plain http");
        CredentialIssuer.builder(Ecerts.SSC, p.sscKey).statusList(list, URI.create("http://127.0.0.1:8080/s/1"));
        assertThatThrownBy(() -> CredentialIssuer.builder(Ecerts.SSC, p.sscKey).decoys(2, 1))
                .isInstanceOf(IllegalArgumentException.class);
        CredentialIssuer noDecoys = CredentialIssuer.builder(Ecerts.SSC, p.sscKey).decoys(0, 0).build();
        IssuedCredential c = noDecoys.issue(Ecerts.card());
        assertThat((List<?>) payload(c).get("_sd")).hasSize(SdJwt.parse(c.compact()).disclosures().size());
    }
}
