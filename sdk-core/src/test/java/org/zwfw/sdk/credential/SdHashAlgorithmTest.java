package org.zwfw.sdk.credential;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SdHashAlgorithmTest {

    @Test
    void namesAndKnownAnswers() {
        assertThat(SdHashAlgorithm.fromJsonName("sha-256")).contains(SdHashAlgorithm.SHA_256);
        assertThat(SdHashAlgorithm.fromJsonName("sm3")).contains(SdHashAlgorithm.SM3);
        assertThat(SdHashAlgorithm.fromJsonName("SHA-256")).isEmpty();
        // GB/T 32905-2016 appendix A example 1: SM3("abc")
        assertThat(HexFormat.of().formatHex(SdHashAlgorithm.SM3.hash("abc".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
        assertThat(HexFormat.of().formatHex(SdHashAlgorithm.SHA_256.hash("abc".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void reusedDigestsGiveTheSameAnswersAsFreshOnesOnEveryThread() throws Exception {
        // GB/T 32905-2016 appendix A example 2: SM3 of "abcd" repeated 16 times
        String abcd = "abcd".repeat(16);
        String sm3Abcd = "debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732";
        Runnable check = () -> {
            for (int i = 0; i < 200; i++) {
                assertThat(HexFormat.of().formatHex(SdHashAlgorithm.SM3.hash(abcd.getBytes(StandardCharsets.US_ASCII))))
                        .isEqualTo(sm3Abcd);
                assertThat(HexFormat.of().formatHex(SdHashAlgorithm.SM3.hash("abc".getBytes(StandardCharsets.US_ASCII))))
                        .isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
                assertThat(HexFormat.of().formatHex(SdHashAlgorithm.SHA_256.hash("abc".getBytes(StandardCharsets.US_ASCII))))
                        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
            }
        };
        Thread[] threads = new Thread[4];
        java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(check);
            threads[t].setUncaughtExceptionHandler((th, e) -> failure.set(e));
            threads[t].start();
        }
        check.run();
        for (Thread t : threads) {
            t.join();
        }
        assertThat(failure.get()).isNull();
        // a hash that throws half-way leaves nothing behind for the next one
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SdHashAlgorithm.SM3.hash(new byte[10], 5, 20))
                .isInstanceOf(RuntimeException.class);
        assertThat(HexFormat.of().formatHex(SdHashAlgorithm.SM3.hash(abcd.getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo(sm3Abcd);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SdHashAlgorithm.SHA_256.hash(new byte[10], 5, 20))
                .isInstanceOf(RuntimeException.class);
        assertThat(HexFormat.of().formatHex(SdHashAlgorithm.SHA_256.hash("abc".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void digestOfAPrefixEqualsTheDigestOfTheSubstring() {
        for (SdHashAlgorithm alg : SdHashAlgorithm.values()) {
            for (String text : new String[] {"eyJhbGciOi.eyJ.sig~WyJz~WyJ0~kb.jwt", "ab\u00e9cd~ef", "a\uD83D\uDE00b~c~d",
                "~", "x"}) {
                for (int end = 0; end <= text.length(); end++) {
                    assertThat(alg.digestOfPrefix(text, end, false)).as(text + " " + end).isEqualTo(alg.digest(text.substring(0, end)));
                    if (text.chars().allMatch(c -> c < 0x80)) {
                        assertThat(alg.digestOfPrefix(text, end, true)).isEqualTo(alg.digest(text.substring(0, end)));
                    }
                }
            }
        }
    }
}
