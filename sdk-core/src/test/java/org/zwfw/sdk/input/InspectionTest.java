package org.zwfw.sdk.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Decoding without verifying is as strict as verifying: nothing is shown as one reader would guess it. */
class InspectionTest {

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    private static List<String> errors(Map<String, Object> out) {
        return (List<String>) out.get("errors");
    }

    @Test
    void duplicateMemberNamesAreReportedAsAmbiguousNotShownAsTheLastValue() {
        Map<String, Object> local = Inspection.inspect("{\"issuers\":[],\"x\":1,\"x\":2}", false);
        assertThat(local.get("verified")).isEqualTo(false);
        assertThat(local.get("payload")).isNull();
        assertThat(errors(local)).singleElement().asString().startsWith("MALFORMED: ")
                .contains("duplicate member name 'x'").contains("ambiguous");

        String jws = b64("{\"alg\":\"ES256\",\"typ\":\"statuslist+jwt\"}") + "." + b64("{\"sub\":\"a\",\"sub\":\"b\"}")
                + ".AAAA";
        Map<String, Object> token = Inspection.inspect(jws, false);
        assertThat(token).doesNotContainKey("payload");
        assertThat(errors(token)).anySatisfy(e -> assertThat(e).contains("duplicate member name 'sub'")
                .contains("ambiguous"));
    }

    @Test
    void aNumberOutOfRangeIsAnErrorNotInfinity() {
        Map<String, Object> local = Inspection.inspect("{\"issuers\":[],\"x\":1e999999999}", false);
        assertThat(local.get("payload")).isNull();
        assertThat(errors(local)).singleElement().asString().startsWith("MALFORMED: ").contains("exponent");
        assertThat(String.valueOf(local)).doesNotContain("Infinity");
    }

    @Test
    void aWellFormedLocalTrustListIsShownAndSaysItIsNotVerified() {
        Map<String, Object> local = Inspection.inspect("{\"issuers\":[]}", false);
        assertThat(local.get("kind")).isEqualTo("trust-list");
        assertThat(local.get("warning")).isEqualTo(Inspection.WARNING);
        assertThat(local.get("payload")).isEqualTo(Map.of("issuers", List.of()));
        assertThat(errors(local)).isEmpty();
    }
}
