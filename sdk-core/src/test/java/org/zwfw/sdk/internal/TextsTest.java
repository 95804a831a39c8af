package org.zwfw.sdk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextsTest {

    @Test
    void quotesEscapesAndTruncatesUntrustedText() {
        assertThat(Texts.quote("abc")).isEqualTo("'abc'");
        assertThat(Texts.quote("a\nb'")).isEqualTo("'a\\u000Ab\\u0027'");
        assertThat(Texts.quote("x".repeat(100), 4)).isEqualTo("'xxxx...'");
        assertThat(Texts.quote(null)).isEqualTo("null");
        assertThat(Texts.hex(new byte[] {1, (byte) 0xAB, 3}, 2)).isEqualTo("01ab");
    }
}
