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
    void namesPaddingWhereverItIsAndTheFirstForeignCharacterBeforeIt() {
        // the JDK's decoder accepts "AA==" and "AAA=": the padding is refused here
        for (String padded : new String[] {"AA==", "AAA=", "AAAAAA==", "A===", "AA=A", "=AAA"}) {
            assertThatThrownBy(() -> Base64Url.decode(padded)).as(padded).hasMessage(
                    "padding '=' is not allowed in base64url (RFC 7515 §2)");
            byte[] bytes = padded.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            assertThatThrownBy(() -> Base64Url.decode(bytes, 0, bytes.length)).as(padded).hasMessage(
                    "padding '=' is not allowed in base64url (RFC 7515 §2)");
        }
        assertThatThrownBy(() -> Base64Url.decode("A+==")).hasMessage("character '+' is not in the base64url alphabet");
        assertThatThrownBy(() -> Base64Url.decode("AB==", 0, 2)).hasMessageContaining("non-canonical")
                .hasMessageContaining("at index 1");
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

    @Test
    void bytesDecodeLikeTheTextIncludingEveryMessage() {
        Random r = new Random(7);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        char[] foreign = {'=', '+', '/', ' ', '\n', '.', '~', '\u00e9', '\u007f'};
        for (int n = 0; n < 2000; n++) {
            int len = r.nextInt(40);
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < len; i++) {
                sb.append(alphabet.charAt(r.nextInt(64)));
            }
            if (len > 0 && r.nextBoolean()) {
                sb.setCharAt(r.nextInt(len), foreign[r.nextInt(foreign.length)]);
            }
            String text = "xy" + sb + "z";
            byte[] latin1 = text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            String fromText;
            String fromBytes;
            byte[] a = null;
            byte[] b = null;
            try {
                a = Base64Url.decode(text, 2, text.length() - 1);
                fromText = "ok";
            } catch (IllegalArgumentException e) {
                fromText = e.getMessage();
            }
            try {
                b = Base64Url.decode(latin1, 2, latin1.length - 1);
                fromBytes = "ok";
            } catch (IllegalArgumentException e) {
                fromBytes = e.getMessage();
            }
            assertThat(fromBytes).as(text).isEqualTo(fromText);
            assertThat(b).as(text).isEqualTo(a);
            if (a != null) {
                assertThat(a).isEqualTo(Base64.getUrlDecoder().decode(sb.toString()));
            }
        }
    }

    @Test
    void namesTheFirstForeignCharacterOfAGroupOfFour() {
        assertThatThrownBy(() -> Base64Url.decode("AAAAA+/A")).hasMessageContaining("'+'");
        assertThatThrownBy(() -> Base64Url.decode("AAAAAA\u00e9=")).hasMessageContaining("U+00E9");
        assertThatThrownBy(() -> Base64Url.decode("AAAA\u4e00AAA")).hasMessageContaining("U+4E00");
        assertThat(Base64Url.isAlphabet((byte) '-')).isTrue();
        assertThat(Base64Url.isAlphabet((byte) '=')).isFalse();
        assertThat(Base64Url.isAlphabet((byte) 0xE9)).isFalse();
    }
}
