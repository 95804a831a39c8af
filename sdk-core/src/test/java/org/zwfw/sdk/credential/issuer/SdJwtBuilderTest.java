package org.zwfw.sdk.credential.issuer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.zwfw.sdk.crypto.ParsedJws;
import org.zwfw.sdk.credential.issuer.SdJwtBuilder;
import org.zwfw.sdk.internal.sdjwt.SdJwt;
import org.zwfw.sdk.credential.ClaimPath;
import org.zwfw.sdk.credential.SdJwtFixtures;

class SdJwtBuilderTest {

    @Test
    void hidesDisclosableClaimsBehindSortedDigestsWithDecoys() {
        SdJwt issued = SdJwtFixtures.issue();
        Map<String, Object> payload = ParsedJws.decode(issued.issuerJwt()).claims().orElseThrow();
        assertThat(payload).doesNotContainKeys("holder_name", "license_name", "address").containsKeys("iss", "vct",
                "cnf", "_sd", "_sd_alg");
        @SuppressWarnings("unchecked")
        List<String> sd = (List<String>) payload.get("_sd");
        assertThat(sd).isSorted().hasSizeBetween(3 + SdJwtBuilder.DEFAULT_MIN_DECOYS, 3 + SdJwtBuilder.DEFAULT_MAX_DECOYS);
        assertThat(payload.get("_sd_alg")).isEqualTo("sha-256");
        assertThat(issued.disclosures()).hasSize(5);
        assertThat(payload.toString()).doesNotContain("张三").doesNotContain("文三路");
    }

    @Test
    void decoysCanBeTurnedOff() {
        SdJwt issued = SdJwt.parse(SdJwtBuilder.signedWith(SdJwtFixtures.ISSUER).claims(SdJwtFixtures.claims()).decoys(0, 0)
                .selectivelyDisclosable(ClaimPath.of("holder_name")).build());
        @SuppressWarnings("unchecked")
        List<String> sd = (List<String>) ParsedJws.decode(issued.issuerJwt()).claims().orElseThrow().get("_sd");
        assertThat(sd).hasSize(1);
    }

    @Test
    void rejectsPathsThatNameNoClaimAndReservedNames() {
        assertThatThrownBy(() -> SdJwtBuilder.signedWith(SdJwtFixtures.ISSUER).claims(SdJwtFixtures.claims())
                .selectivelyDisclosable(ClaimPath.of("nope")).build()).hasMessageContaining("'nope'");
        assertThatThrownBy(() -> SdJwtBuilder.signedWith(SdJwtFixtures.ISSUER).claims(Map.of("_sd", 1)).build())
                .hasMessageContaining("reserved");
        assertThatThrownBy(() -> SdJwtBuilder.signedWith(SdJwtFixtures.ISSUER).build())
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> SdJwtBuilder.signedWith(SdJwtFixtures.ISSUER).decoys(3, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
