package org.zwfw.sdk.status;

import static org.assertj.core.api.Assertions.assertThat;
import org.zwfw.sdk.crypto.VerificationPolicy;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.zwfw.sdk.status.StatusFixtures.ISSUER;
import static org.zwfw.sdk.status.StatusFixtures.KEY;
import static org.zwfw.sdk.status.StatusFixtures.NOW;
import static org.zwfw.sdk.status.StatusFixtures.URI_1;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.crypto.JwsVerifier;
import org.zwfw.sdk.crypto.SigningKey;
import org.zwfw.sdk.crypto.VerifiedJws;
import org.zwfw.sdk.status.issuer.StatusListBuilder;

class StatusListTokenTest {

    private static StatusListToken.Builder token() {
        return StatusListToken.builder().issuer(ISSUER).uri(URI_1).issuedAt(NOW).expiresAt(NOW.plusSeconds(86_400))
                .timeToLive(Duration.ofMinutes(5)).statusList(StatusFixtures.list());
    }

    private static VerifiedJws verify(String jws, SigningKey key) {
        return JwsVerifier.builder().keys(key.verificationKey()).expectedType(StatusListToken.TYPE).build()
                .verify(jws).value().orElseThrow();
    }

    @Test
    void signsWithTheProfilesHeader() {
        VerifiedJws jws = verify(token().build().sign(KEY), KEY);
        assertThat(jws.header().type()).contains("statuslist+jwt");
        assertThat(jws.header().algorithmName()).isEqualTo("ES256");
        assertThat(jws.header().keyId()).contains("status-key-1");
    }

    @Test
    void writesEveryClaimOfTheProfile() {
        Map<String, Object> claims = verify(token().build().sign(KEY), KEY).claims();
        assertThat(claims.keySet()).containsExactly("iss", "sub", "iat", "exp", "ttl", "status_list");
        assertThat(claims).containsEntry("iss", ISSUER).containsEntry("sub", URI_1.toString())
                .containsEntry("iat", NOW.getEpochSecond()).containsEntry("exp", NOW.getEpochSecond() + 86_400)
                .containsEntry("ttl", 300L);
        assertThat(StatusList.fromClaim(claims.get("status_list")).value()).contains(StatusFixtures.list());
    }

    @Test
    void omitsTtlWhenNotSet() {
        Map<String, Object> claims = token().timeToLive(null).build().toClaims();
        assertThat(claims).doesNotContainKey("ttl");
    }

    @Test
    void signsWithEveryAlgorithmTheSdkSignsWith() {
        for (JwsAlgorithm alg : new JwsAlgorithm[] {JwsAlgorithm.ES256, JwsAlgorithm.EDDSA, JwsAlgorithm.SGD_SM3_SM2}) {
            SigningKey key = SigningKey.generate(alg);
            assertThat(verify(token().build().sign(key), key).header().algorithmName()).isEqualTo(alg.jwsName());
        }
    }

    @Test
    void refusesAKeyWithoutKeyId() {
        SigningKey noKid = KEY.withKeyId(null);
        assertThatThrownBy(() -> token().build().sign(noKid)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("kid");
    }

    @Test
    void truncatesTimesToSeconds() {
        StatusListToken t = token().issuedAt(NOW.plusMillis(999)).expiresAt(NOW.plusSeconds(10).plusNanos(1)).build();
        assertThat(t.issuedAt()).isEqualTo(NOW);
        assertThat(t.expiresAt()).isEqualTo(NOW.plusSeconds(10));
    }

    @Test
    void builderRefusesIncompleteOrInconsistentTokens() {
        assertThatThrownBy(() -> StatusListToken.builder().uri(URI_1).issuedAt(NOW).expiresAt(NOW.plusSeconds(1))
                .statusList(StatusFixtures.list()).build()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> token().issuer("").build()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> token().uri(URI.create("status/1")).build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("absolute");
        assertThatThrownBy(() -> token().expiresAt(NOW).build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exp");
        assertThatThrownBy(() -> token().timeToLive(Duration.ZERO).build()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> token().timeToLive(Duration.ofMillis(1500)).build())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void exposesItsValues() {
        StatusListToken t = token().build();
        assertThat(t.issuer()).contains(ISSUER);
        assertThat(t.uri()).isEqualTo(URI_1);
        assertThat(t.timeToLive()).contains(Duration.ofMinutes(5));
        assertThat(t.statusList()).isEqualTo(StatusFixtures.list());
        assertThat(t.toString()).contains(ISSUER).contains("16 entries");
    }

    /** Informal: a million entries encode and sign in well under a second (figures: sdk-bench). */
    @Test
    void encodesAndSignsAMillionEntries() {
        StatusListBuilder b = StatusListBuilder.create(1_000_000, 2);
        Random random = new Random(1);
        for (int i = 0; i < 10_000; i++) {
            b.set(random.nextInt(b.size()), random.nextBoolean() ? Status.INVALID : Status.SUSPENDED);
        }
        StatusList list = b.build();
        String jws = token().statusList(list).build().sign(KEY);
        assertThat(jws.length()).isLessThan(VerificationPolicy.DEFAULT_MAX_TOKEN_LENGTH);
        StatusList back = StatusList.fromClaim(verify(jws, KEY).claims().get("status_list")).value().orElseThrow();
        assertThat(back).isEqualTo(list);
        assertThat(back.size()).isEqualTo(1_000_000);
    }
}
