package org.zwfw.sdk.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.zwfw.sdk.credential.CredentialVerifier;
import org.zwfw.sdk.credential.SdJwtVerifier;
import org.zwfw.sdk.crypto.AliasPolicy;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.crypto.JwsVerifier;
import org.zwfw.sdk.crypto.KeySet;
import org.zwfw.sdk.crypto.PolicyBuilder;
import org.zwfw.sdk.crypto.VerificationPolicy;
import org.zwfw.sdk.status.StatusChecker;
import org.zwfw.sdk.trust.TrustListVerifier;

/** The six verifier builders share one policy piece: same setters, one range check, one guard. */
class PolicyBuildersTest {

    static List<Supplier<PolicyBuilder<?>>> builders() {
        return List.of(JwsVerifier::builder, SdJwtVerifier::builder, CredentialVerifier::builder,
                StatusChecker::builder, () -> TrustListVerifier.builder(KeySet.of(org.zwfw.sdk.crypto.SigningKey.generate(JwsAlgorithm.EDDSA).verificationKey())), InputVerifier::builder);
    }

    @ParameterizedTest
    @MethodSource("builders")
    void everyShorthandChangesTheOnePolicy(Supplier<PolicyBuilder<?>> make) {
        Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        VerificationPolicy p = make.get().clock(clock).skew(Duration.ofMillis(1500))
                .allowedAlgorithms(JwsAlgorithm.ES256).aliasPolicy(AliasPolicy.LENIENT).maxJsonDepth(8)
                .configuredPolicy();
        assertThat(p.clock()).isSameAs(clock);
        assertThat(p.skew()).isEqualTo(Duration.ofMillis(1500));
        assertThat(p.algorithms()).containsExactly(JwsAlgorithm.ES256);
        assertThat(p.aliases()).isEqualTo(AliasPolicy.LENIENT);
        assertThat(p.maxJsonDepth()).isEqualTo(8);
    }

    @ParameterizedTest
    @MethodSource("builders")
    void aPolicyAfterAShorthandIsRefusedBeforeItIsTaken(Supplier<PolicyBuilder<?>> make) {
        VerificationPolicy mine = VerificationPolicy.DEFAULT.withSkew(Duration.ZERO);
        assertThat(make.get().policy(mine).skew(Duration.ofSeconds(5)).configuredPolicy().skew())
                .isEqualTo(Duration.ofSeconds(5));
        assertThatThrownBy(() -> make.get().skew(Duration.ofSeconds(5)).policy(mine))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("call policy(...) first");
    }

    @ParameterizedTest
    @MethodSource("builders")
    void anOutOfRangeShorthandIsRefusedAndLeavesNothingBehind(Supplier<PolicyBuilder<?>> make) {
        PolicyBuilder<?> b = make.get();
        assertThatThrownBy(() -> b.skew(Duration.ofMinutes(11))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("skew");
        assertThatThrownBy(() -> b.maxJsonDepth(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxJsonDepth");
        // a refused shorthand changed nothing, so policy(...) is still allowed
        assertThat(b.policy(VerificationPolicy.DEFAULT).configuredPolicy()).isSameAs(VerificationPolicy.DEFAULT);
    }
}
