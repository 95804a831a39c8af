package org.zwfw.sdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.zwfw.sdk.verify.OutcomeCode;

class KindDetectorTest {

    private static String jws(String header, String payload) {
        Base64.Encoder e = Base64.getUrlEncoder().withoutPadding();
        return e.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + e.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".c2ln";
    }

    @Test
    void detectsByExplicitType() {
        assertThat(KindDetector.detect(jws("{\"typ\":\"trustlist+jwt\"}", "{}")).kind()).isEqualTo(Kind.TRUST_LIST);
        assertThat(KindDetector.detect(jws("{\"typ\":\"statuslist+jwt\"}", "{}")).kind()).isEqualTo(Kind.STATUS_LIST);
        assertThat(KindDetector.detect(jws("{\"typ\":\"rnat+jwt\"}", "{}")).kind()).isEqualTo(Kind.RNAT);
        assertThat(KindDetector.detect(jws("{\"typ\":\"ssc-qr+jwt\"}", "{}")).kind()).isEqualTo(Kind.SSC_QR);
        assertThat(KindDetector.detect(jws("{\"typ\":\"dc+sd-jwt\"}", "{}") + "~").kind()).isEqualTo(Kind.ECERT);
        assertThat(KindDetector.detect("ZWFWQR1:" + jws("{}", "{}")).kind()).isEqualTo(Kind.SSC_QR);
        assertThat(KindDetector.detect("  {\"issuers\": []}\n").kind()).isEqualTo(Kind.TRUST_LIST);
        assertThat(KindDetector.detect("{\"issuers\": []}").local()).isTrue();
    }

    @Test
    void anIdTokenIsAnUntypedJwtWithTheOidcClaims() {
        String claims = "{\"iss\":\"a\",\"sub\":\"b\",\"aud\":\"c\",\"iat\":1,\"exp\":2}";
        assertThat(KindDetector.detect(jws("{\"alg\":\"ES256\"}", claims)).kind()).isEqualTo(Kind.ID_TOKEN);
        assertThat(KindDetector.detect(jws("{\"typ\":\"JWT\"}", claims)).kind()).isEqualTo(Kind.ID_TOKEN);
        KindDetector.Detection d = KindDetector.detect(jws("{\"alg\":\"ES256\"}", "{\"iss\":\"a\"}"));
        assertThat(d.kind()).isEqualTo(Kind.UNKNOWN);
        assertThat(d.code()).isEqualTo(OutcomeCode.WRONG_TYPE);
    }

    @Test
    void anyTildeMakesAnSdJwtEvenWithAnotherType() {
        assertThat(KindDetector.detect(jws("{\"typ\":\"rnat+jwt\"}", "{}") + "~").kind()).isEqualTo(Kind.ECERT);
    }

    @Test
    void unknownShapesAreMalformedAndUnknownTypesWrongType() {
        assertThat(KindDetector.detect("").code()).isEqualTo(OutcomeCode.MALFORMED);
        assertThat(KindDetector.detect("a.b").code()).isEqualTo(OutcomeCode.MALFORMED);
        assertThat(KindDetector.detect("!!.??.x").code()).isEqualTo(OutcomeCode.MALFORMED);
        assertThat(KindDetector.detect(jws("{\"typ\":\"kb+jwt\"}", "{}")).code()).isEqualTo(OutcomeCode.WRONG_TYPE);
        assertThat(KindDetector.detect(jws("{\"typ\":7}", "{}")).code()).isEqualTo(OutcomeCode.MALFORMED);
        assertThat(KindDetector.detect("x".repeat(KindDetector.MAX_ROUTING_SEGMENT + 1) + ".a.b").code())
                .isEqualTo(OutcomeCode.TOO_LARGE);
    }
}
