package org.zwfw.sdk.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.crypto.KeySet;
import org.zwfw.sdk.crypto.SigningKey;
import org.zwfw.sdk.testkit.TestClock;
import org.zwfw.sdk.trust.TrustList;
import org.zwfw.sdk.trust.TrustListSource;
import org.zwfw.sdk.trust.TrustListVerifier;
import org.zwfw.sdk.trust.TrustedIssuer;
import org.zwfw.sdk.verify.OutcomeCode;
import org.zwfw.sdk.verify.VerificationResult;

class TrustListOverHttpTest {

    @Test
    void trustListVerifiesOverHttpWithTheAnchorFromItsJwks() {
        try (Sandbox sandbox = Sandbox.builder().start()) {
            KeySet anchor = Verifiers.fetchAnchor(sandbox);
            assertThat(anchor).isEqualTo(sandbox.trustAnchorKeys());
            assertThat(Http.get(sandbox.trustAnchorJwksUri()).contentType()).isEqualTo("application/jwk-set+json");

            try (Verifiers v = new Verifiers(sandbox, anchor)) {
                VerificationResult<TrustList> r = v.trust().current();
                assertThat(r.errors()).isEmpty();
                assertThat(r.warnings()).isEmpty();
                TrustList list = r.value().orElseThrow();
                assertThat(list.edition().orElseThrow().issuer()).isEqualTo(Sandbox.TRUST_LIST_ISSUER);
                assertThat(list.edition().orElseThrow().seq()).isEqualTo(1);
                assertThat(list.edition().orElseThrow().expiresAt())
                        .isEqualTo(list.edition().orElseThrow().issuedAt().plus(Sandbox.TRUST_LIST_LIFETIME));
                assertThat(list.issuers()).extracting(TrustedIssuer::id).containsExactly(
                        SandboxIssuer.MARKET_REGULATION.id(), SandboxIssuer.LICENSING.id(),
                        SandboxIssuer.SOCIAL_SECURITY.id(), sandbox.openIdProvider().issuer().toString());
                // the OpenID provider's entry: its signing keys (not the enc key), RNATs and ID tokens
                TrustedIssuer op = list.find(sandbox.openIdProvider().issuer().toString()).orElseThrow();
                assertThat(op.types()).containsExactly(TrustedIssuer.TYPE_RNAT, TrustedIssuer.TYPE_ID_TOKEN);
                assertThat(op.keys()).isEqualTo(sandbox.openIdProvider().keys());
                for (SandboxIssuer i : SandboxIssuer.values()) {
                    TrustedIssuer e = list.find(i.id()).orElseThrow();
                    assertThat(e.types()).containsExactlyInAnyOrder(i.credentialType().vct(),
                            TrustedIssuer.TYPE_STATUS_LIST);
                    assertThat(e.uscc().value()).isEqualTo(i.uscc());
                    assertThat(e.name()).isEqualTo(i.displayName());
                    // The issuer's own JWKS serves exactly the keys the trust list vouches for.
                    assertThat(KeySet.parse(Http.get(sandbox.jwksUri(i)).body())).isEqualTo(e.keys());
                }
            }
        }
    }

    @Test
    void servedWithItsMediaTypeAndTheSameTextUntilRenewed() {
        try (Sandbox sandbox = Sandbox.builder().start()) {
            Http.Reply first = Http.get(sandbox.trustListUri());
            assertThat(first.status()).isEqualTo(200);
            assertThat(first.contentType()).isEqualTo(Sandbox.TRUST_LIST_MEDIA_TYPE);
            assertThat(first.headers().firstValue("Cache-Control")).hasValue("no-store");
            // One edition, one text: a verifier refuses another payload under a seq it has accepted.
            assertThat(Http.get(sandbox.trustListUri()).body()).isEqualTo(first.body());
        }
    }

    @Test
    void aListFromAnotherAnchorIsRefused() {
        try (Sandbox sandbox = Sandbox.builder().start()) {
            KeySet other = KeySet.of(SigningKey.generate(JwsAlgorithm.SGD_SM3_SM2).verificationKey());
            try (Verifiers v = new Verifiers(sandbox, other)) {
                VerificationResult<TrustList> r = v.trust().current();
                assertThat(r.isValid()).isFalse();
                assertThat(r.errorCodes()).contains(OutcomeCode.TRUST_LIST_INVALID);
            }
        }
    }

    @Test
    void aNewEditionWithAHigherSeqAfterHalfItsLifetime() {
        TestClock clock = TestClock.atNow();
        try (Sandbox sandbox = Sandbox.builder().clock(clock).start()) {
            TrustListVerifier verifier = TrustListVerifier.builder(sandbox.trustAnchorKeys()).clock(clock).build();
            try (TrustListSource source = TrustListSource.builder(verifier).uri(sandbox.trustListUri())
                    .allowLoopbackHttp(true).clock(clock).refreshInterval(Duration.ofSeconds(1)).build()) {
                assertThat(source.current().value().orElseThrow().edition().orElseThrow().seq()).isEqualTo(1);

                clock.advance(Sandbox.TRUST_LIST_LIFETIME.dividedBy(2).minusSeconds(1));
                String before = Http.get(sandbox.trustListUri()).body();
                assertThat(sandbox.trustListSeq()).isEqualTo(1);

                clock.advance(Duration.ofSeconds(1));
                String after = Http.get(sandbox.trustListUri()).body();
                assertThat(after).isNotEqualTo(before);
                assertThat(sandbox.trustListSeq()).isEqualTo(2);
                VerificationResult<TrustList> r = source.refresh();
                assertThat(r.errors()).isEmpty();
                assertThat(r.value().orElseThrow().edition().orElseThrow().seq()).isEqualTo(2);
                assertThat(r.value().orElseThrow().edition().orElseThrow().issuedAt()).isEqualTo(clock.instant());
            }
        }
    }
}
