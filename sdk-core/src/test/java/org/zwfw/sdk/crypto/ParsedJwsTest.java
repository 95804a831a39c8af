package org.zwfw.sdk.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.zwfw.sdk.internal.Base64Url;
import org.zwfw.sdk.verify.OutcomeCode;

class ParsedJwsTest {

    private static final SigningKey KEY = SigningKey.generate(JwsAlgorithm.ES256).withKeyId("k");

    @Test
    void decodesOnceWithoutVerifying() {
        String jws = JwsBuilder.signedWith(KEY).type("x+jwt").claims(Map.of("iss", "a")).sign();
        ParsedJws p = ParsedJws.parse(jws, VerificationPolicy.DEFAULT);
        assertThat(p.isWellFormed()).isTrue();
        assertThat(p.problem()).isEmpty();
        assertThat(p.header().keyId()).contains("k");
        assertThat(p.header().hasType("X+JWT")).isTrue();
        assertThat(p.claims().orElseThrow()).containsEntry("iss", "a");
        assertThat(p.stringClaim("iss")).contains("a");
        assertThat(ParsedJws.decode(jws).claims().orElseThrow()).containsEntry("iss", "a");
    }

    @Test
    void keepsWhatIsWrongWithItsCodeInsteadOfThrowing() {
        assertThat(ParsedJws.parse("a.b", VerificationPolicy.DEFAULT).problem().orElseThrow().code())
                .isEqualTo(OutcomeCode.MALFORMED);
        ParsedJws tooLong = ParsedJws.parse("x".repeat(2000), VerificationPolicy.DEFAULT.withMaxTokenLength(1000));
        assertThat(tooLong.problem().orElseThrow().code()).isEqualTo(OutcomeCode.TOO_LARGE);
        assertThatThrownBy(tooLong::header).isInstanceOf(IllegalStateException.class);
        String dup = Base64Url.encode("{\"a\":1,\"a\":2}".getBytes());
        String header = Base64Url.encode("{\"alg\":\"ES256\"}".getBytes());
        ParsedJws dupPayload = ParsedJws.parse(header + "." + dup + ".AAAA", VerificationPolicy.DEFAULT);
        assertThat(dupPayload.header().algorithmName()).isEqualTo("ES256");
        assertThat(dupPayload.claims()).isEmpty();
        assertThat(dupPayload.problem().orElseThrow().message()).contains("duplicate");
    }

    @Test
    void decodeIsForTokensThatMustBeWellFormed() {
        assertThatThrownBy(() -> ParsedJws.decode("a.b")).hasMessageContaining("3 parts");
        assertThatThrownBy(() -> ParsedJws.decode("a.b.c.d")).hasMessageContaining("3 parts");
        String dup = Base64Url.encode("{\"a\":1,\"a\":2}".getBytes());
        assertThatThrownBy(() -> ParsedJws.decode(dup + "." + dup + ".")).hasMessageContaining("duplicate");
    }

    @Test
    void aVerifierAppliesItsOwnLimitsToAValueParsedUnderLooserOnes() {
        String deep = "{\"iss\":\"a\",\"x\":" + "[".repeat(40) + "]".repeat(40) + "}";
        String jws = JwsBuilder.signedWith(KEY).type("x+jwt").payload(deep.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .sign();
        JwsVerifier v = JwsVerifier.builder().keys(KeySet.of(KEY.verificationKey())).expectedType("x+jwt").build();
        ParsedJws loose = ParsedJws.parse(jws, 1 << 20, 64, true);
        assertThat(loose.isWellFormed()).isTrue();
        assertThat(v.verify(loose, KeySet.of(KEY.verificationKey())).errorCodes()).containsExactly(OutcomeCode.TOO_LARGE);
        String big = JwsBuilder.signedWith(KEY).type("x+jwt").claims(Map.of("iss", "a", "pad", "p".repeat(70_000)))
                .sign();
        assertThat(v.verify(ParsedJws.decode(big), KeySet.of(KEY.verificationKey())).errorCodes())
                .containsExactly(OutcomeCode.TOO_LARGE);
        assertThat(v.verify(big).errorCodes()).containsExactly(OutcomeCode.TOO_LARGE);
    }
}
