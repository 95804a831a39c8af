package org.zwfw.sdk.trust.publisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.zwfw.sdk.trust.Fixtures.ANCHOR;
import static org.zwfw.sdk.trust.Fixtures.ANCHOR_KEYS;
import static org.zwfw.sdk.trust.Fixtures.T0;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.zwfw.sdk.trust.Fixtures;
import org.junit.jupiter.api.Test;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.crypto.JwsVerifier;
import org.zwfw.sdk.crypto.KeySet;
import org.zwfw.sdk.crypto.SigningKey;
import org.zwfw.sdk.crypto.VerifiedJws;
import org.zwfw.sdk.internal.Base64Url;
import org.zwfw.sdk.trust.publisher.TrustListBuilder;
import org.zwfw.sdk.trust.TrustList;
import org.zwfw.sdk.trust.TrustListFormatException;
import org.zwfw.sdk.trust.TrustListVerifier;
import org.zwfw.sdk.trust.TrustedIssuer;

class TrustListBuilderTest {

    private static VerifiedJws decode(String jws, KeySet keys) {
        return JwsVerifier.builder().keys(keys).maxLength(1 << 20).build().verify(jws).value().orElseThrow();
    }

    @Test
    void signsAListThatVerifiesToTheSameEntries() {
        TrustListBuilder b = Fixtures.edition(5);
        String signed = b.sign(ANCHOR);
        TrustList list = TrustListVerifier.builder(ANCHOR_KEYS).clock(Fixtures.at(T0)).build().verify(signed)
                .value().orElseThrow();
        assertThat(list.issuers()).isEqualTo(b.buildLocal().issuers());
        assertThat(list.withoutEdition()).isEqualTo(b.buildLocal());
        assertThat(list.edition()).contains(new TrustList.Edition(Fixtures.LIST_ISSUER,
                T0.minus(Duration.ofHours(1)), T0.plus(Duration.ofDays(7)), 5));
        assertThat(list.withoutEdition().toLocalJson()).isEqualTo(b.toLocalJson());
    }

    @Test
    void writesTheHeaderAndClaimsOfTheSpecInOrder() {
        VerifiedJws jws = decode(Fixtures.edition(5).sign(ANCHOR), ANCHOR_KEYS);
        assertThat(jws.header().parameters()).containsOnlyKeys("alg", "kid", "typ");
        assertThat(jws.header().type()).contains("trustlist+jwt");
        assertThat(jws.header().keyId()).contains("anchor-1");
        assertThat(jws.header().algorithmName()).isEqualTo("ES256");
        assertThat(jws.claims().keySet()).containsExactly("iss", "iat", "exp", "seq", "issuers");
        @SuppressWarnings("unchecked")
        Map<String, Object> license = (Map<String, Object>) ((List<Object>) jws.claims().get("issuers")).get(1);
        assertThat(license.keySet()).containsExactly("id", "name", "uscc", "jwks", "types", "valid_from",
                "valid_until");
        @SuppressWarnings("unchecked")
        Map<String, Object> rz = (Map<String, Object>) ((List<Object>) jws.claims().get("issuers")).get(0);
        assertThat(rz.keySet()).containsExactly("id", "name", "uscc", "jwks", "types");
    }

    @Test
    void writesNoKidForAKeyWithoutId() {
        SigningKey anonymous = SigningKey.generate(JwsAlgorithm.EDDSA).withKeyId(null);
        VerifiedJws jws = decode(Fixtures.edition(1).sign(anonymous), KeySet.of(anonymous.verificationKey()));
        assertThat(jws.header().keyId()).isEmpty();
        SigningKey generated = SigningKey.generate(JwsAlgorithm.EDDSA);
        assertThat(decode(Fixtures.edition(1).sign(generated), KeySet.of(generated.verificationKey())).header()
                .keyId()).contains(generated.verificationKey().thumbprint());
    }

    @Test
    void defaultsIatToTheClockAndExpToTheLifetime() {
        Instant now = T0.plusMillis(1500);
        String signed = new TrustListBuilder().issuedBy(Fixtures.LIST_ISSUER).seq(1).clock(Fixtures.at(now))
                .add(Fixtures.rz()).sign(ANCHOR);
        Map<String, Object> claims = decode(signed, ANCHOR_KEYS).claims();
        assertThat(claims.get("iat")).isEqualTo(T0.getEpochSecond() + 1);
        assertThat(claims.get("exp")).isEqualTo(T0.getEpochSecond() + 1 + TrustListBuilder.DEFAULT_LIFETIME.toSeconds());
        assertThat(TrustListBuilder.DEFAULT_LIFETIME).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void roundTripsTheLocalFormExactly() {
        TrustListBuilder b = new TrustListBuilder().add(Fixtures.license()).add(Fixtures.rz());
        String json = b.toLocalJson();
        TrustList parsed = TrustList.parseLocal(json);
        assertThat(parsed).isEqualTo(b.buildLocal());
        assertThat(parsed.issuers()).extracting(TrustedIssuer::id).containsExactly(Fixtures.LICENSE, Fixtures.RZ);
        assertThat(parsed.toLocalJson()).isEqualTo(json);
        assertThat(new TrustListBuilder().addAll(parsed.issuers()).toLocalJson()).isEqualTo(json);
    }

    @Test
    void signsAnEmptyList() {
        String signed = new TrustListBuilder().issuedBy(Fixtures.LIST_ISSUER).seq(0).issuedAt(T0)
                .expiresAt(T0.plusSeconds(3600)).sign(ANCHOR);
        assertThat(TrustListVerifier.builder(ANCHOR_KEYS).clock(Fixtures.at(T0)).build().verify(signed).value()
                .orElseThrow().issuers()).isEmpty();
        assertThat(new String(Base64Url.decode(signed.split("\\.")[1]), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("{\"iss\":\"" + Fixtures.LIST_ISSUER + "\",\"iat\":" + T0.getEpochSecond() + ",\"exp\":"
                        + (T0.getEpochSecond() + 3600) + ",\"seq\":0,\"issuers\":[]}");
    }

    @Test
    void refusesToSignWithoutIssOrSeqOrWithAnEmptyLifetime() {
        assertThatThrownBy(() -> new TrustListBuilder().seq(1).sign(ANCHOR)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("issuedBy");
        assertThatThrownBy(() -> new TrustListBuilder().issuedBy("i").sign(ANCHOR))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("seq");
        assertThatThrownBy(() -> new TrustListBuilder().issuedBy("i").seq(1).issuedAt(T0).expiresAt(T0).sign(ANCHOR))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("after");
    }

    @Test
    void refusesValuesOutsideTheFormat() {
        TrustListBuilder b = new TrustListBuilder();
        assertThatThrownBy(() -> b.seq(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.seq(1L << 53)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.issuedBy("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.issuedAt(T0.plusMillis(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.expiresAt(Instant.parse("+10000-01-01T00:00:00Z")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.add(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void refusesDuplicateIssuerIds() {
        TrustListBuilder b = Fixtures.edition(1).add(Fixtures.rz());
        assertThatThrownBy(() -> b.sign(ANCHOR)).isInstanceOf(TrustListFormatException.class);
        assertThatThrownBy(b::toLocalJson).isInstanceOf(TrustListFormatException.class);
    }
}
