package org.zwfw.sdk.sandbox.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.crypto.KeySet;
import org.zwfw.sdk.crypto.SigningKey;
import org.zwfw.sdk.trust.TrustList;
import org.zwfw.sdk.trust.TrustListVerifier;

class TrustListPublisherTest {

    private static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");
    private final SigningKey anchor = SigningKey.generate(JwsAlgorithm.SGD_SM3_SM2);

    private TrustList verify(String jws, Instant at) {
        return TrustListVerifier.builder(KeySet.of(anchor.verificationKey())).clock(Clock.fixed(at, ZoneOffset.UTC))
                .build().verify(jws).value().orElseThrow();
    }

    @Test
    void continuesAboveTheLastSeqAndPersistsBeforeServing() {
        List<Long> persisted = new ArrayList<>();
        Instant[] now = {T0};
        Clock clock = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        TrustListPublisher p = new TrustListPublisher(anchor, "https://trust.example", List.of(), clock,
                Duration.ofHours(24), 41, persisted::add);
        String first = p.current();
        assertThat(persisted).containsExactly(42L);
        assertThat(verify(first, T0).edition().orElseThrow().seq()).isEqualTo(42);
        now[0] = T0.plus(Duration.ofHours(12)).minusSeconds(1);
        assertThat(p.current()).isSameAs(first);
        now[0] = T0.plus(Duration.ofHours(12));
        String second = p.current();
        assertThat(verify(second, now[0]).edition().orElseThrow().seq()).isEqualTo(43);
        assertThat(persisted).containsExactly(42L, 43L);
        assertThat(p.seq()).isEqualTo(43);
    }

    @Test
    void anEditionWhoseSeqCannotBePersistedIsNotServed() {
        TrustListPublisher p = new TrustListPublisher(anchor, "https://trust.example", List.of(),
                Clock.fixed(T0, ZoneOffset.UTC), Duration.ofHours(24), 0, seq -> {
                    throw new UncheckedIOException(new java.io.IOException("disk full"));
                });
        assertThatThrownBy(p::current).isInstanceOf(UncheckedIOException.class);
        assertThat(p.seq()).isZero();
    }
}
