package org.zwfw.sdk.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.zwfw.sdk.crypto.JwsAlgorithm;

/**
 * The wiring of the API benchmarks, without running one: both calls of {@link ApiCallBenchmark}
 * are answered 200 by the sandbox, the bare client's pre-signed requests are accepted once and a
 * replayed one fails the run, a used-up pool fails rather than reuse a nonce, and the signature
 * benchmarks' SDK paths and limits work on the same bytes.
 */
class ApiBenchWiringTest {

    @Test
    void bothCallsAreAnswered200AndAReplayFailsTheRun() throws Exception {
        try (ApiFixture f = new ApiFixture(JwsAlgorithm.ES256)) {
            f.presign(3);
            assertThat(f.sdk()).isEqualTo(200);
            for (int i = 0; i < 3; i++) {
                assertThat(f.bare()).isEqualTo(200);
            }
            f.check();
            assertThat(f.presignedLeft()).isZero();
            assertThatThrownBy(f::bare).isInstanceOf(IllegalStateException.class).hasMessageContaining("used up");

            f.rewindPool();
            assertThat(f.bare()).isEqualTo(401); // the sandbox refuses a nonce it has seen
            assertThat(f.failures()).isEqualTo(1);
            assertThatThrownBy(f::check).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("not answered 200").hasMessageContaining("REPLAYED");
        }
    }

    @Test
    void thePoolCoversTheRunAtTheGivenRate() {
        assertThat(ApiCallBenchmark.poolSize(1_000, 10)).isEqualTo(20_064);
    }

    @Test
    void signatureBenchmarksVerifyTheirOwnBytesForEveryAlgorithm() throws Exception {
        for (String alg : new String[] {"ES256", "EdDSA", "SGD_SM3_SM2"}) {
            HttpSigBenchmark b = new HttpSigBenchmark();
            b.alg = alg;
            b.setup(); // throws unless the SDK's check and the bare one accept the answer
            assertThat(b.signRequest().signature()).hasSize(64);
            assertThat(b.bareSign()).isNotNull();
            assertThat(b.verifyResponse()).as(alg).isTrue();
            assertThat(b.bareVerify()).as(alg).isTrue();
        }
    }
}
