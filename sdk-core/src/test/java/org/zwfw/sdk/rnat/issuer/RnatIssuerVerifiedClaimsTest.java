package org.zwfw.sdk.rnat.issuer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.crypto.ParsedJws;
import org.zwfw.sdk.crypto.SigningKey;
import org.zwfw.sdk.rnat.AssuranceLevel;

/** {@link RnatIssuer#verifiedClaims}: what a grant releases, the same object an RNAT carries. */
class RnatIssuerVerifiedClaimsTest {

    private static RnatGrant.Builder grant() {
        return RnatGrant.builder().audience("portal", "portal.example.gov.cn")
                .person("11010519491231002X", "张三", "13800000001")
                .proofing(AssuranceLevel.L3, Instant.parse("2025-11-03T02:15:00Z"))
                .authentication(Instant.parse("2026-01-01T00:00:00Z"), "sms", "face");
    }

    @Test
    void nothingIsReleasedByDefault() {
        assertThat(RnatIssuer.verifiedClaims(grant().build())).isEmpty();
    }

    @Test
    void theReleasedClaimsAreThoseTheTokenCarries() {
        RnatGrant g = grant().release(RnatGrant.SCOPE_MASKED, RnatGrant.SCOPE_IDENTITY).build();
        Map<String, Object> v = RnatIssuer.verifiedClaims(g).orElseThrow();
        assertThat(v.get("verification")).isEqualTo(Map.of("trust_framework", "cn_zwfw", "assurance_level", "L3",
                "time", "2025-11-03T10:15:00+08:00"));
        assertThat(v.get("claims")).isEqualTo(Map.of("id_number_masked", "11**************2X",
                "phone_number_masked", "138****0001", "name", "张三", "birthdate", "1949-12-31"));
        String token = RnatIssuer.builder("https://rz.example", SigningKey.generate(JwsAlgorithm.ES256))
                .pairwise(PairwiseSubject.of(new byte[32])).build().issue(g);
        assertThat(ParsedJws.decode(token).claims().orElseThrow().get("verified_claims")).isEqualTo(v);
    }
}
