package org.zwfw.sdk.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.zwfw.sdk.verify.OutcomeCode;

class InputDetectorTest {

    private static String jws(String header, String payload) {
        Base64.Encoder e = Base64.getUrlEncoder().withoutPadding();
        return e.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + e.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".c2ln";
    }

    @Test
    void detectsByExplicitType() {
        assertThat(InputDetector.detect(jws("{\"typ\":\"trustlist+jwt\"}", "{}")).kind()).isEqualTo(InputKind.TRUST_LIST);
        assertThat(InputDetector.detect(jws("{\"typ\":\"statuslist+jwt\"}", "{}")).kind()).isEqualTo(InputKind.STATUS_LIST);
        assertThat(InputDetector.detect(jws("{\"typ\":\"rnat+jwt\"}", "{}")).kind()).isEqualTo(InputKind.RNAT);
        assertThat(InputDetector.detect(jws("{\"typ\":\"ssc-qr+jwt\"}", "{}")).kind()).isEqualTo(InputKind.SSC_QR);
        assertThat(InputDetector.detect(jws("{\"typ\":\"dc+sd-jwt\"}", "{}") + "~").kind()).isEqualTo(InputKind.ECERT);
        assertThat(InputDetector.detect("ZWFWQR1:" + jws("{}", "{}")).kind()).isEqualTo(InputKind.SSC_QR);
        assertThat(InputDetector.detect("  {\"issuers\": []}\n").kind()).isEqualTo(InputKind.TRUST_LIST);
        assertThat(InputDetector.detect("{\"issuers\": []}").local()).isTrue();
    }

    @Test
    void anIdTokenIsAnUntypedJwtWithTheOidcClaims() {
        String claims = "{\"iss\":\"a\",\"sub\":\"b\",\"aud\":\"c\",\"iat\":1,\"exp\":2}";
        assertThat(InputDetector.detect(jws("{\"alg\":\"ES256\"}", claims)).kind()).isEqualTo(InputKind.ID_TOKEN);
        assertThat(InputDetector.detect(jws("{\"typ\":\"JWT\"}", claims)).kind()).isEqualTo(InputKind.ID_TOKEN);
        InputDetector.Detection d = InputDetector.detect(jws("{\"alg\":\"ES256\"}", "{\"iss\":\"a\"}"));
        assertThat(d.kind()).isEqualTo(InputKind.UNKNOWN);
        assertThat(d.code()).isEqualTo(OutcomeCode.WRONG_TYPE);
    }

    @Test
    void anyTildeMakesAnSdJwtEvenWithAnotherType() {
        assertThat(InputDetector.detect(jws("{\"typ\":\"rnat+jwt\"}", "{}") + "~").kind()).isEqualTo(InputKind.ECERT);
    }

    @Test
    void unknownShapesAreMalformedAndUnknownTypesWrongType() {
        assertThat(InputDetector.detect("").code()).isEqualTo(OutcomeCode.MALFORMED);
        assertThat(InputDetector.detect("a.b").code()).isEqualTo(OutcomeCode.MALFORMED);
        assertThat(InputDetector.detect("!!.??.x").code()).isEqualTo(OutcomeCode.MALFORMED);
        assertThat(InputDetector.detect(jws("{\"typ\":\"kb+jwt\"}", "{}")).code()).isEqualTo(OutcomeCode.WRONG_TYPE);
        assertThat(InputDetector.detect(jws("{\"typ\":7}", "{}")).code()).isEqualTo(OutcomeCode.MALFORMED);
        assertThat(InputDetector.detect("x".repeat(InputDetector.MAX_ROUTING_SEGMENT + 1) + ".a.b").code())
                .isEqualTo(OutcomeCode.TOO_LARGE);
    }

    private static String jws(String typ) {
        java.util.Base64.Encoder e = java.util.Base64.getUrlEncoder().withoutPadding();
        return e.encodeToString(("{\"alg\":\"ES256\",\"typ\":\"" + typ + "\"}").getBytes(StandardCharsets.UTF_8))
                + "." + e.encodeToString("{\"iss\":\"a\"}".getBytes(StandardCharsets.UTF_8)) + ".AAAA";
    }

    @Test
    void routesTypAsAMediaTypeLikeTheVerifiers() {
        assertThat(InputDetector.detect(jws("application/statuslist+jwt")).kind()).isEqualTo(InputKind.STATUS_LIST);
        assertThat(InputDetector.detect(jws("STATUSLIST+JWT")).kind()).isEqualTo(InputKind.STATUS_LIST);
        assertThat(InputDetector.detect(jws("TrustList+JWT")).kind()).isEqualTo(InputKind.TRUST_LIST);
        assertThat(InputDetector.detect(jws("application/rnat+jwt")).kind()).isEqualTo(InputKind.RNAT);
        assertThat(InputDetector.detect(jws("Application/DC+SD-JWT")).kind()).isEqualTo(InputKind.ECERT);
        assertThat(InputDetector.detect(jws("statuslist+jwt; v=1")).kind()).isEqualTo(InputKind.UNKNOWN);
        // Unicode case folding is not ASCII case-insensitivity: a dotted capital I is not an i
        assertThat(InputDetector.detect(jws("appl\u0130cation/statuslist+jwt")).kind()).isEqualTo(InputKind.UNKNOWN);
    }
}
