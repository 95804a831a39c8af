package org.zwfw.sdk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Base64UrlTest {

    @Test
    void roundTripsEveryLengthAgainstTheJdk() {
        Random r = new Random(42);
        for (int len = 0; len < 200; len++) {
            byte[] b = new byte[len];
            r.nextBytes(b);
            String text = Base64Url.encode(b);
            assertThat(text).isEqualTo(Base64.getUrlEncoder().withoutPadding().encodeToString(b));
            assertThat(Base64Url.decode(text)).isEqualTo(b);
        }
    }

    @Test
    void rejectsPaddingForeignCharactersAndDanglingLength() {
        assertThatThrownBy(() -> Base64Url.decode("AA==")).hasMessageContaining("padding");
        assertThatThrownBy(() -> Base64Url.decode("A+B/")).hasMessageContaining("'+'");
        assertThatThrownBy(() -> Base64Url.decode("AAAAA")).hasMessageContaining("4k+1");
        assertThatThrownBy(() -> Base64Url.decode("AA\u00e9A")).hasMessageContaining("U+00E9");
    }

    @Test
    void rejectsNonCanonicalTrailingBits() {
        // "AB" decodes to 0x00 with 4 non-zero unused bits; the canonical form is "AA"
        assertThat(Base64Url.decode("AA")).containsExactly(0);
        assertThatThrownBy(() -> Base64Url.decode("AB")).hasMessageContaining("non-canonical");
        assertThatThrownBy(() -> Base64Url.decode("AAB")).hasMessageContaining("non-canonical");
        assertThat(Base64Url.decode("AAE")).containsExactly(0, 1);
    }

    @Test
    void decodesARange() {
        assertThat(Base64Url.decode("xxAQIDyy", 2, 6)).containsExactly(1, 2, 3);
    }
}
