package org.zwfw.sdk.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.zwfw.sdk.status.StatusFixtures.parse;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.zwfw.sdk.verify.OutcomeCode;
import org.zwfw.sdk.verify.VerificationResult;

class StatusReferenceTest {

    private static VerificationResult<Optional<StatusReference>> read(String json) {
        return StatusReference.fromClaims(parse(json));
    }

    private static void assertCodes(String json, OutcomeCode... codes) {
        VerificationResult<Optional<StatusReference>> r = read(json);
        assertThat(r.isValid()).as(json).isFalse();
        assertThat(r.errors()).as(json).extracting(f -> f.code()).containsExactlyInAnyOrder(codes);
    }

    private static String ref(String idx, String uri) {
        return "{\"iss\":\"x\",\"status\":{\"status_list\":{\"idx\":" + idx + ",\"uri\":" + uri + "}}}";
    }

    @Test
    void readsTheReference() {
        VerificationResult<Optional<StatusReference>> r = read(ref("412", "\"https://example.com/statuslists/1\""));
        assertThat(r.isValid()).isTrue();
        assertThat(r.value().orElseThrow())
                .contains(new StatusReference(URI.create("https://example.com/statuslists/1"), 412));
    }

    @Test
    void noStatusClaimMeansNoReference() {
        VerificationResult<Optional<StatusReference>> r = read("{\"iss\":\"x\"}");
        assertThat(r.isValid()).isTrue();
        assertThat(r.value().orElseThrow()).isEmpty();
    }

    @Test
    void statusMustBeAnObjectWithAStatusList() {
        assertCodes("{\"status\":\"revoked\"}", OutcomeCode.INVALID_CLAIM);
        assertCodes("{\"status\":null}", OutcomeCode.INVALID_CLAIM);
        assertCodes("{\"status\":{}}", OutcomeCode.INVALID_CLAIM);
        assertCodes("{\"status\":{\"other_mechanism\":{}}}", OutcomeCode.INVALID_CLAIM);
        assertCodes("{\"status\":{\"status_list\":[0,\"https://a.example\"]}}", OutcomeCode.INVALID_CLAIM);
    }

    @Test
    void idxAndUriAreRequired() {
        assertCodes("{\"status\":{\"status_list\":{\"uri\":\"https://a.example/1\"}}}", OutcomeCode.MISSING_CLAIM);
        assertCodes("{\"status\":{\"status_list\":{\"idx\":1}}}", OutcomeCode.MISSING_CLAIM);
        assertCodes("{\"status\":{\"status_list\":{}}}", OutcomeCode.MISSING_CLAIM, OutcomeCode.MISSING_CLAIM);
    }

    @Test
    void idxMustBeANonNegativeIntInteger() {
        for (String idx : new String[] {"-1", "2147483648", "\"5\"", "5.0", "1e2", "null", "true"}) {
            assertCodes(ref(idx, "\"https://a.example/1\""), OutcomeCode.INVALID_CLAIM);
        }
        assertThat(read(ref("2147483647", "\"https://a.example/1\"")).isValid()).isTrue();
        assertThat(read(ref("0", "\"https://a.example/1\"")).isValid()).isTrue();
    }

    @Test
    void uriMustBeAnHttpsUri() {
        assertCodes(ref("1", "5"), OutcomeCode.INVALID_CLAIM);
        assertCodes(ref("1", "\"status/1\""), OutcomeCode.INVALID_CLAIM);
        assertCodes(ref("1", "\"file:///etc/status\""), OutcomeCode.INVALID_CLAIM);
        assertCodes(ref("1", "\"http://issuer.example/status/1\""), OutcomeCode.INVALID_CLAIM);
        assertCodes(ref("1", "\"https://exa mple/1\""), OutcomeCode.MALFORMED);
        assertCodes(ref("1", "\"https://a.example/" + "x".repeat(StatusReference.MAX_URI_LENGTH) + "\""),
                OutcomeCode.INVALID_CLAIM);
    }

    @Test
    void plainHttpOnlyForLoopbackHosts() {
        for (String host : new String[] {"127.0.0.1", "localhost", "[::1]"}) {
            assertThat(read(ref("1", "\"http://" + host + ":8080/status/1\"")).isValid()).as(host).isTrue();
        }
    }

    @Test
    void reportsEveryProblem() {
        assertCodes(ref("-1", "\"ftp://a.example/1\""), OutcomeCode.INVALID_CLAIM, OutcomeCode.INVALID_CLAIM);
    }

    @Test
    void messagesQuoteUntrustedText() {
        VerificationResult<Optional<StatusReference>> r = read(ref("1", "\"javascript:alert('x')\""));
        assertThat(r.errors().get(0).message()).contains("\\u0027");
    }

    @Test
    void constructorRefusesImpossibleReferences() {
        assertThatThrownBy(() -> new StatusReference(null, 1)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new StatusReference(URI.create("https://a.example/1"), -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StatusReference(URI.create("status/1"), 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
