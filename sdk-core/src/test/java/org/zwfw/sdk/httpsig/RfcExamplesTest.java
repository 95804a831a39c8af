package org.zwfw.sdk.httpsig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.zwfw.sdk.crypto.SigningKey;

/** The examples of RFC 9421 (Appendix B), RFC 9530 and RFC 9651 that this profile's code can reproduce. */
class RfcExamplesTest {

    /** RFC 9421 Appendix B.1.4: test-key-ed25519. */
    private static final String ED25519_TEST_KEY = "{\"kty\":\"OKP\",\"crv\":\"Ed25519\","
            + "\"x\":\"JrQLj5P_89iXES9-vFgrIy29clF9CC_oPPsw3c5D0bs\",\"d\":\"n4Ni-HpISpVObnQMW0wOhCKROaIKqKtW_2ZYb2p9KcU\"}";

    @Test
    void rfc9421B26SignatureBaseAndEd25519SignatureAreReproduced() throws Exception {
        String input = "sig-b26=(\"date\" \"@method\" \"@path\" \"@authority\" \"content-type\" \"content-length\")"
                + ";created=1618884473;keyid=\"test-key-ed25519\"";
        StructuredFields.Item item = StructuredFields.parseDictionary(input).get(0).value();
        List<Component> components = new ArrayList<>();
        for (StructuredFields.Item i : item.items()) {
            components.add(new Component((String) i.value(), i.params()));
        }
        RequestMessage request = RequestMessage.of("POST", java.net.URI.create("https://example.com/foo?param=Value&Pet=dog"),
                HttpFields.of("date", "Tue, 20 Apr 2021 02:07:55 GMT", "content-type", "application/json",
                        "content-length", "18"), "{\"hello\": \"world\"}".getBytes(StandardCharsets.UTF_8));
        String base = SignatureBase.build(components, StructuredFields.serialize(item), request, null);
        assertThat(base).isEqualTo("\"date\": Tue, 20 Apr 2021 02:07:55 GMT\n"
                + "\"@method\": POST\n"
                + "\"@path\": /foo\n"
                + "\"@authority\": example.com\n"
                + "\"content-type\": application/json\n"
                + "\"content-length\": 18\n"
                + "\"@signature-params\": (\"date\" \"@method\" \"@path\" \"@authority\" \"content-type\" \"content-length\")"
                + ";created=1618884473;keyid=\"test-key-ed25519\"");
        byte[] sig = SigningKey.fromJwk(ED25519_TEST_KEY).sign(base.getBytes(StandardCharsets.US_ASCII));
        assertThat(Base64.getEncoder().encodeToString(sig)).isEqualTo(
                "wqcAqbmYJ2ji2glfAMaRy4gruYYnx2nEFN2HN6jrnDnQCK1u02Gb04v9EDgwUPiu4A0w6vuQv5lIp5WPpBKRCw==");
    }

    @Test
    void rfc9530ExampleDigestsAndTheProfilesEmptyDigests() {
        byte[] hello = "{\"hello\": \"world\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(ContentDigest.of("sha-256", hello)).isEqualTo("sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:");
        assertThat(ContentDigest.of("sha-256", new byte[0]))
                .isEqualTo("sha-256=:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=:");
        // SM3 of "abc" is GB/T 32905-2016 Appendix A's example 1
        assertThat(ContentDigest.of("sm3", "abc".getBytes(StandardCharsets.US_ASCII))).isEqualTo("sm3=:"
                + Base64.getEncoder().encodeToString(hex("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0")) + ":");
        assertThatThrownBy(() -> ContentDigest.of("sha-512", hello)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void structuredFieldsParseAndSerializeAsRfc9651Says() {
        List<StructuredFields.Member> m = StructuredFields.parseDictionary(
                "a=1, b=\"x\\\"y\", c=:AQID:, d=?0, e=tok/en:1, f=(1 \"s\";p);q=1.50, g");
        assertThat(m).extracting(StructuredFields.Member::key).containsExactly("a", "b", "c", "d", "e", "f", "g");
        assertThat(m.get(0).value().value()).isEqualTo(1L);
        assertThat(m.get(1).value().value()).isEqualTo("x\"y");
        assertThat(((StructuredFields.Bytes) m.get(2).value().value()).value()).containsExactly(1, 2, 3);
        assertThat(m.get(3).value().value()).isEqualTo(false);
        assertThat(m.get(4).value().value()).isEqualTo(new StructuredFields.Token("tok/en:1"));
        assertThat(StructuredFields.serialize(m.get(5).value())).isEqualTo("(1 \"s\";p);q=1.5");
        assertThat(m.get(6).value().value()).isEqualTo(true);
        assertThat(StructuredFields.serialize(m.get(1).value())).isEqualTo("\"x\\\"y\"");
        // a member given twice is kept twice, for the caller to refuse (D3)
        assertThat(StructuredFields.parseDictionary("zwfw=1, zwfw=2")).hasSize(2);
    }

    @Test
    void malformedStructuredFieldsAreRefusedWithThePlace() {
        for (String bad : new String[] {"a=", "a=1,", "A=1", "a=(1 2", "a=\"open", "a=:AQ!:", "a=\"\u0001\"",
                "a=1234567890123456", "a=1.2345", "a=?2", "a=1 b=2", "a=\"\\n\"", "a=(1\"x\")", "a=@12", "a=%\"x\""}) {
            assertThatThrownBy(() -> StructuredFields.parseDictionary(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at character");
        }
    }

    static byte[] hex(String h) {
        byte[] b = new byte[h.length() / 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16);
        }
        return b;
    }
}
