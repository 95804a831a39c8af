package org.zwfw.sdk.sandbox.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.zwfw.sdk.credential.CredentialClaims;
import org.zwfw.sdk.id.IdentifierKind;
import org.zwfw.sdk.id.Identifiers;
import org.zwfw.sdk.id.ResidentIdNumber;
import org.zwfw.sdk.id.Sex;
import org.zwfw.sdk.sandbox.SandboxIssuer;

class SampleDataTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

    @Test
    void everySampleIsAValidClaimSetOfItsIssuersType() {
        for (SandboxIssuer issuer : SandboxIssuer.values()) {
            List<SampleData.Sample> samples = SampleData.samples(issuer, TODAY);
            assertThat(samples).hasSizeGreaterThanOrEqualTo(2);
            for (SampleData.Sample s : samples) {
                assertThat(s.name()).matches("[a-z0-9-]+");
                assertThat(CredentialClaims.check(issuer.credentialType(), s.claims(), true)).as(s.name()).isEmpty();
                assertThat(s.claims().keySet()).containsAll(s.alwaysVisible());
                assertThat(SampleData.sample(issuer, s.name(), TODAY)).hasValue(s);
            }
        }
    }

    @Test
    void identifiersCarryTheCheckCharactersTheSdkComputes() {
        ResidentIdNumber zhang = ResidentIdNumber.parse(SampleData.ZHANG_SAN_ID);
        assertThat(zhang.sex()).isEqualTo(Sex.MALE);
        assertThat(zhang.birthDate()).isEqualTo(LocalDate.of(1985, 3, 12));
        assertThat(ResidentIdNumber.parse(SampleData.LI_SI_ID).sex()).isEqualTo(Sex.FEMALE);
        for (SandboxIssuer issuer : SandboxIssuer.values()) {
            for (SampleData.Sample s : SampleData.samples(issuer, TODAY)) {
                for (Map.Entry<String, String> c : s.claims().entrySet()) {
                    if (List.of("license_id", "uscc", "holder_code", "issuing_authority_code",
                            "social_security_number").contains(c.getKey())) {
                        assertThat(Identifiers.detect(c.getValue()).valid()).as(s.name() + " " + c.getKey()).isTrue();
                        assertThat(Identifiers.detect(c.getValue()).kind()).isNotEqualTo(IdentifierKind.UNKNOWN);
                    }
                }
            }
        }
    }

    @Test
    void datesFollowTheDaySoSamplesNeverLapse() {
        LocalDate later = TODAY.plusYears(20);
        SampleData.Sample card = SampleData.samples(SandboxIssuer.SOCIAL_SECURITY, later).get(0);
        assertThat(LocalDate.parse(card.claims().get("valid_until"))).isAfter(later);
        assertThat(LocalDate.parse(card.claims().get("issue_date"))).isBefore(later);
        assertThat(SampleData.sample(SandboxIssuer.LICENSING, "nobody", TODAY)).isEmpty();
    }

    @Test
    void sampleIdentifiersRefuseBadParts() {
        assertThatThrownBy(() -> SampleIdentifiers.uscc("91", "330106", "MA2G000I"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SampleIdentifiers.residentId("330106", LocalDate.of(1985, 3, 12), "12"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(SampleIdentifiers.licenseId("11100000000013338W011", "11430000006122244L", "20230000403"))
                .isEqualTo("1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.001.U");
    }
}
