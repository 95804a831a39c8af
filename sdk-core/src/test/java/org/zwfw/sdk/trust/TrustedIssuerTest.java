package org.zwfw.sdk.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.zwfw.sdk.trust.Fixtures.LICENSE_VCT;
import static org.zwfw.sdk.trust.Fixtures.RZ;
import static org.zwfw.sdk.trust.Fixtures.RZ_KEY;
import static org.zwfw.sdk.trust.Fixtures.T0;
import static org.zwfw.sdk.trust.Fixtures.USCC_1;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.zwfw.sdk.crypto.KeySet;
import org.zwfw.sdk.id.InvalidIdentifierException;
import org.zwfw.sdk.id.UnifiedSocialCreditCode;

class TrustedIssuerTest {

    private static TrustedIssuer.Builder complete() {
        return TrustedIssuer.builder(RZ).name("Real-name platform").uscc(USCC_1).keys(RZ_KEY.verificationKey())
                .types("rnat");
    }

    @Test
    void exposesEveryMember() {
        TrustedIssuer t = Fixtures.license();
        assertThat(t.id()).isEqualTo(Fixtures.LICENSE);
        assertThat(t.name()).isEqualTo("E-license platform");
        assertThat(t.uscc()).isEqualTo(UnifiedSocialCreditCode.parse(Fixtures.USCC_2));
        assertThat(t.keys()).isEqualTo(KeySet.of(Fixtures.LICENSE_KEY.verificationKey()));
        assertThat(t.types()).containsExactly(LICENSE_VCT, "statuslist");
        assertThat(t.validFrom()).contains(T0.minus(Duration.ofDays(30)));
        assertThat(t.validUntil()).contains(T0.plus(Duration.ofDays(365)));
        assertThat(Fixtures.rz().validFrom()).isEmpty();
        assertThat(Fixtures.rz().validUntil()).isEmpty();
    }

    @Test
    void allowsExactlyTheListedTypes() {
        TrustedIssuer rz = Fixtures.rz();
        assertThat(rz.allows(TrustedIssuer.TYPE_RNAT)).isTrue();
        assertThat(rz.allows(TrustedIssuer.TYPE_ID_TOKEN)).isTrue();
        assertThat(rz.allows(TrustedIssuer.TYPE_SSC_QR)).isFalse();
        assertThat(rz.allows(TrustedIssuer.TYPE_STATUS_LIST)).isFalse();
        assertThat(rz.allows(LICENSE_VCT)).isFalse();
        assertThat(rz.allows("RNAT")).as("case-sensitive").isFalse();
        assertThat(rz.allows("rnat ")).isFalse();

        TrustedIssuer license = Fixtures.license();
        assertThat(license.allows(LICENSE_VCT)).isTrue();
        assertThat(license.allows("urn:zwfw:vct:license:2")).isFalse();
        assertThat(license.allows("urn:zwfw:vct:business-license:1")).isFalse();
        assertThat(license.allows(TrustedIssuer.TYPE_STATUS_LIST)).isTrue();
        assertThat(license.allows(TrustedIssuer.TYPE_RNAT)).isFalse();
    }

    @Test
    void isValidFromInclusiveUntilExclusive() {
        Instant from = T0;
        Instant until = T0.plusSeconds(100);
        TrustedIssuer t = complete().validFrom(from).validUntil(until).build();
        assertThat(t.isValidAt(from.minusSeconds(1))).isFalse();
        assertThat(t.isValidAt(from)).isTrue();
        assertThat(t.isValidAt(until.minusSeconds(1))).isTrue();
        assertThat(t.isValidAt(until.minusNanos(1))).isTrue();
        assertThat(t.isValidAt(until)).isFalse();
        assertThat(t.isValidAt(until.plusSeconds(1))).isFalse();
    }

    @Test
    void missingBoundsAreOpen() {
        assertThat(complete().build().isValidAt(Instant.EPOCH)).isTrue();
        assertThat(complete().build().isValidAt(Instant.parse("9999-01-01T00:00:00Z"))).isTrue();
        TrustedIssuer onlyFrom = complete().validFrom(T0).build();
        assertThat(onlyFrom.isValidAt(T0.minusSeconds(1))).isFalse();
        assertThat(onlyFrom.isValidAt(Instant.parse("9999-01-01T00:00:00Z"))).isTrue();
        TrustedIssuer onlyUntil = complete().validUntil(T0).build();
        assertThat(onlyUntil.isValidAt(Instant.EPOCH)).isTrue();
        assertThat(onlyUntil.isValidAt(T0)).isFalse();
    }

    @Test
    void refusesIncompleteOrContradictoryEntries() {
        assertThatThrownBy(() -> TrustedIssuer.builder("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> complete().name("").build()).hasMessageContaining("name");
        assertThatThrownBy(() -> TrustedIssuer.builder(RZ).uscc(USCC_1).keys(RZ_KEY.verificationKey())
                .types("rnat").build()).hasMessageContaining("name");
        assertThatThrownBy(() -> TrustedIssuer.builder(RZ).name("n").keys(RZ_KEY.verificationKey())
                .types("rnat").build()).hasMessageContaining("uscc");
        assertThatThrownBy(() -> TrustedIssuer.builder(RZ).name("n").uscc(USCC_1).types("rnat").build())
                .hasMessageContaining("keys");
        assertThatThrownBy(() -> complete().types().build()).hasMessageContaining("type");
        assertThatThrownBy(() -> complete().types("rnat", "").build()).hasMessageContaining("empty");
        assertThatThrownBy(() -> complete().types("rnat", "rnat").build()).hasMessageContaining("twice");
        assertThatThrownBy(() -> complete().validFrom(T0).validUntil(T0).build())
                .hasMessageContaining("valid_from must be before valid_until");
        assertThatThrownBy(() -> complete().validFrom(T0.plusSeconds(1)).validUntil(T0).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> complete().validFrom(T0.plusMillis(500)).build())
                .hasMessageContaining("whole second");
        assertThatThrownBy(() -> complete().validUntil(Instant.parse("+10000-01-01T00:00:00Z")).build())
                .hasMessageContaining("range");
        assertThatThrownBy(() -> complete().validFrom(Instant.EPOCH.minusSeconds(1)).build())
                .hasMessageContaining("range");
    }

    @Test
    void refusesAnInvalidUscc() {
        assertThatThrownBy(() -> complete().uscc("11100000000013338X"))
                .isInstanceOf(InvalidIdentifierException.class);
        assertThatThrownBy(() -> complete().uscc("111000000000133")).isInstanceOf(InvalidIdentifierException.class);
    }

    @Test
    void acceptsAnEmptyKeySet() {
        assertThat(complete().keys(KeySet.of()).build().keys().isEmpty()).isTrue();
    }

    @Test
    void typesAreReadOnlyAndKeepTheirOrder() {
        TrustedIssuer t = complete().types("z", "a", "m").build();
        assertThat(t.types()).containsExactly("z", "a", "m");
        assertThatThrownBy(() -> t.types().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void equalEntriesAreEqual() {
        assertThat(Fixtures.rz()).isEqualTo(Fixtures.rz()).hasSameHashCodeAs(Fixtures.rz());
        assertThat(Fixtures.rz()).isNotEqualTo(Fixtures.license());
        assertThat(complete().types("a", "b").build()).isNotEqualTo(complete().types("b", "a").build());
        assertThat(complete().build()).isNotEqualTo(complete().validUntil(T0).build());
    }

    @Test
    void toStringShowsPublicDataButNoKeyMaterial() {
        String s = Fixtures.rz().toString();
        assertThat(s).contains(RZ, USCC_1, "rnat", "keys=1");
        assertThat(s).doesNotContain((String) RZ_KEY.verificationKey().toJwk().get("x"));
    }

    @Test
    void nullArgumentsAreRefused() {
        assertThatThrownBy(() -> Fixtures.rz().allows(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Fixtures.rz().isValidAt(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> TrustedIssuer.builder(null)).isInstanceOf(NullPointerException.class);
    }
}
