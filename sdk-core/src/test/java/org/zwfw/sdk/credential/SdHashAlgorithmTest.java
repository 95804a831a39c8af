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
}
