package org.zwfw.sdk.httpsig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zwfw.sdk.httpsig.Fixtures.APP;
import static org.zwfw.sdk.httpsig.Fixtures.ED;
import static org.zwfw.sdk.httpsig.Fixtures.ES;
import static org.zwfw.sdk.httpsig.Fixtures.NOW;
import static org.zwfw.sdk.httpsig.Fixtures.SM;
import static org.zwfw.sdk.httpsig.Fixtures.get;
import static org.zwfw.sdk.httpsig.Fixtures.params;
import static org.zwfw.sdk.httpsig.Fixtures.post;
import static org.zwfw.sdk.httpsig.Fixtures.requests;
import static org.zwfw.sdk.httpsig.Fixtures.signed;
import static org.zwfw.sdk.httpsig.Fixtures.signedAs;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.crypto.SigningKey;
import org.zwfw.sdk.replay.InMemoryReplayStore;
import org.zwfw.sdk.replay.ReplayStoreException;
import org.zwfw.sdk.verify.OutcomeCode;
import org.zwfw.sdk.verify.VerificationResult;

/** Every check of spec/api-signing.md §6, each in a test that fails when the check is removed. */
class RequestVerifierTest {

    private final RequestVerifier verifier = requests().build();

    static Stream<SigningKey> keys() {
        return Stream.of(ES, ED, SM);
    }

    private static OutcomeCode code(VerificationResult<?> r) {
        assertThat(r.errors()).hasSize(1);
        return r.errors().get(0).code();
    }

    private OutcomeCode verify(RequestMessage r) {
        return code(verifier.verify(r));
    }

    @ParameterizedTest
    @MethodSource("keys")
    void signedRequestsOfEveryAlgorithmVerify(SigningKey key) {
        RequestMessage post = post().withFields(post().fields().with("idempotency-key", "\"k-2026-03-02-0001-abcdef\""));
        Signed<RequestMessage> s = MessageSigner.of(key).signRequest(post, NOW, MessageSigner.newNonce());
        VerificationResult<VerifiedRequest> r = verifier.verify(s.message());
        assertThat(r.isValid()).as(r.toString()).isTrue();
        VerifiedRequest v = r.value().orElseThrow();
        assertThat(v.appId()).isEqualTo(APP);
        assertThat(v.keyId()).isEqualTo(key.keyId().orElseThrow());
        assertThat(s.signatureBase()).contains("\"idempotency-key\": \"k-2026-03-02-0001-abcdef\"\n")
                .contains("\"content-digest\": " + (key == SM ? "sm3" : "sha-256") + "=:");
        assertThat(verifier.verify(signed(get(), key)).isValid()).isTrue();
    }

    @Test
    void theSignerCoversTheProfilesComponentsInItsOrder() {
        Signed<RequestMessage> s = MessageSigner.of(ES).signRequest(get(), NOW, "kW3nT0c9Qe5yZr1vXp8LsA");
        assertThat(s.message().fields().first("signature-input").orElseThrow()).isEqualTo(
                "zwfw=(\"@method\" \"@authority\" \"@path\" \"@query\" \"x-zwfw-app-id\");created=" + NOW.getEpochSecond()
                        + ";nonce=\"kW3nT0c9Qe5yZr1vXp8LsA\";keyid=\"" + ES.keyId().orElseThrow()
                        + "\";alg=\"ecdsa-p256-sha256\";tag=\"zwfw\"");
        assertThat(s.signatureBase()).startsWith("\"@method\": GET\n\"@authority\": api.zwfw.example\n"
                + "\"@path\": /v1/service-items\n\"@query\": ?region=330100&q=%E5%85%BB%E8%80%81\n\"x-zwfw-app-id\": portal-hz-rsj\n");
    }

    @Test
    void noSignatureIsSignatureMissing() {
        assertThat(verify(post())).isEqualTo(OutcomeCode.SIGNATURE_MISSING);
        RequestMessage otherLabel = post().withFields(post().fields().with("signature-input", "proxy=(\"@method\");created=1")
                .with("signature", "proxy=:AAAA:"));
        assertThat(verify(otherLabel)).isEqualTo(OutcomeCode.SIGNATURE_MISSING);
    }

    @Test
    void zwfwTwiceOrMalformedFieldsAreMalformed() {
        RequestMessage s = signed(post(), ES);
        String input = s.fields().first("signature-input").orElseThrow();
        assertThat(verify(s.withFields(s.fields().with("signature-input", input)))).isEqualTo(OutcomeCode.MALFORMED);
        assertThat(verify(s.withFields(s.fields().replace("signature", "zwfw=\"not bytes\"")))).isEqualTo(OutcomeCode.MALFORMED);
        assertThat(verify(s.withFields(s.fields().replace("signature-input", "zwfw=(\"@method\"")))).isEqualTo(OutcomeCode.MALFORMED);
        assertThat(verify(s.withFields(s.fields().replace("signature-input", "zwfw=(@method)")))).isEqualTo(OutcomeCode.MALFORMED);
        assertThat(verify(s.withFields(s.fields().replace("signature-input", "zwfw=\"@method\"")))).isEqualTo(OutcomeCode.MALFORMED);
    }

    @Test
    void oversizedSignatureFieldsAreTooLarge() {
        RequestMessage s = signed(post(), ES);
        assertThat(verify(s.withFields(s.fields().with("signature", "pad=:" + "A".repeat(4100) + ":"))))
                .isEqualTo(OutcomeCode.TOO_LARGE);
        StringBuilder many = new StringBuilder("(");
        for (int i = 0; i < 17; i++) {
            many.append(i == 0 ? "" : " ").append("\"x-f").append(i).append('"');
        }
        assertThat(verify(s.withFields(s.fields().replace("signature-input", "zwfw=" + many + ")" + params(ES, "ecdsa-p256-sha256")))))
                .isEqualTo(OutcomeCode.TOO_LARGE);
    }

    private static final String COVERED = "(\"@method\" \"@authority\" \"@path\" \"content-type\" \"content-digest\" \"x-zwfw-app-id\")";

    @Test
    void parametersAreChecked() {
        long t = NOW.getEpochSecond();
        String nonce = ";nonce=\"" + MessageSigner.newNonce() + "\"";
        String kid = ";keyid=\"" + ES.keyId().orElseThrow() + "\"";
        String alg = ";alg=\"ecdsa-p256-sha256\"";
        assertThat(verify(signedAs(post(), COVERED + nonce + kid + alg + ";tag=\"zwfw\"", ES))).isEqualTo(OutcomeCode.MISSING_CLAIM);
        assertThat(verify(signedAs(post(), COVERED + ";created=\"" + t + "\"" + nonce + kid + alg + ";tag=\"zwfw\"", ES)))
                .isEqualTo(OutcomeCode.INVALID_CLAIM);
        assertThat(verify(signedAs(post(), COVERED + ";created=" + t + kid + alg + ";tag=\"zwfw\"", ES))).isEqualTo(OutcomeCode.MISSING_CLAIM);
        assertThat(verify(signedAs(post(), COVERED + ";created=" + t + ";nonce=\"short\"" + kid + alg + ";tag=\"zwfw\"", ES)))
                .isEqualTo(OutcomeCode.INVALID_CLAIM);
        assertThat(verify(signedAs(post(), COVERED + ";created=" + t + nonce + alg + ";tag=\"zwfw\"", ES))).isEqualTo(OutcomeCode.MISSING_CLAIM);
        assertThat(verify(signedAs(post(), COVERED + ";created=" + t + nonce + ";keyid=\"\"" + alg + ";tag=\"zwfw\"", ES)))
                .isEqualTo(OutcomeCode.INVALID_CLAIM);
        assertThat(verify(signedAs(post(), COVERED + ";created=" + t + nonce + kid + ";tag=\"zwfw\"", ES))).isEqualTo(OutcomeCode.MISSING_CLAIM);
        assertThat(verify(signedAs(post(), COVERED + ";created=" + t + nonce + kid + ";alg=\"hmac-sha256\";tag=\"zwfw\"", ES)))
                .isEqualTo(OutcomeCode.UNSUPPORTED_ALGORITHM);
        assertThat(verify(signedAs(post(), COVERED + ";created=" + t + nonce + kid + alg, ES))).isEqualTo(OutcomeCode.MISSING_CLAIM);
        assertThat(verify(signedAs(post(), COVERED + ";created=" + t + nonce + kid + alg + ";tag=\"zwfw-webhook\"", ES)))
                .isEqualTo(OutcomeCode.WRONG_TYPE);
        // unknown parameters are signed and ignored (D7)
        assertThat(verifier.verify(signedAs(post(), COVERED + ";created=" + t + nonce + kid + alg + ";tag=\"zwfw\";x-new=1", ES))
                .isValid()).isTrue();
    }

    @Test
    void theBaseReserializesSignatureInputAsRfc9421Says() {
        // D25: extra spaces in the inner list are not part of the base
        String spaced = "(  \"@method\" \"@authority\"   \"@path\" \"content-type\" \"content-digest\" \"x-zwfw-app-id\" )"
                + params(ES, "ecdsa-p256-sha256");
        RequestMessage r = signedAs(post(), spaced, ES);
        assertThat(verifier.verify(r).isValid()).isTrue();
        assertThat(SignatureBases.of(r)).contains("\"@signature-params\": (\"@method\" \"@authority\" \"@path\" ");
    }

    @Test
    void everyRequiredComponentMustBeCovered() {
        String p = params(ES, "ecdsa-p256-sha256");
        assertThat(verify(signedAs(post(), "(\"@method\" \"@authority\" \"@path\" \"content-type\" \"x-zwfw-app-id\")" + p, ES)))
                .isEqualTo(OutcomeCode.COMPONENT_NOT_COVERED);
        assertThat(verify(signedAs(post(), "(\"@method\" \"@authority\" \"@path\" \"content-digest\" \"x-zwfw-app-id\")" + p, ES)))
                .isEqualTo(OutcomeCode.COMPONENT_NOT_COVERED);
        assertThat(verify(signedAs(get(), "(\"@method\" \"@authority\" \"@path\" \"x-zwfw-app-id\")" + p, ES)))
                .isEqualTo(OutcomeCode.COMPONENT_NOT_COVERED);
        RequestMessage idem = post().withFields(post().fields().with("idempotency-key", "\"k-0123456789abcdef\""));
        assertThat(verify(signedAs(idem, COVERED + p, ES))).isEqualTo(OutcomeCode.COMPONENT_NOT_COVERED);
        assertThat(verify(signedAs(post(), "(\"@method\" \"@path\" \"content-type\" \"content-digest\" \"x-zwfw-app-id\")" + p, ES)))
                .isEqualTo(OutcomeCode.COMPONENT_NOT_COVERED);
        // a stripped Idempotency-Key on a request that covered it: the covered field is absent
        RequestMessage s = signed(idem, ES);
        assertThat(verify(s.withFields(s.fields().without("idempotency-key")))).isEqualTo(OutcomeCode.MALFORMED);
    }

    @Test
    void componentsThisProfileDoesNotKnowOrListsTwiceAreMalformed() {
        String p = params(ES, "ecdsa-p256-sha256");
        assertThat(verify(signedAs(post(), "(\"@method\" \"@method\" \"@authority\" \"@path\" \"content-type\" \"content-digest\" \"x-zwfw-app-id\")" + p, ES)))
                .isEqualTo(OutcomeCode.MALFORMED);
        assertThat(verify(signedAsRaw("(\"@target-uri\" \"@method\" \"@authority\" \"@path\" \"content-type\" \"content-digest\" \"x-zwfw-app-id\")" + p)))
                .isEqualTo(OutcomeCode.MALFORMED);
        assertThat(verify(signedAsRaw("(\"@method\";req \"@authority\" \"@path\" \"content-type\" \"content-digest\" \"x-zwfw-app-id\")" + p)))
                .isEqualTo(OutcomeCode.MALFORMED);
        assertThat(verify(signedAsRaw("(\"@method\" \"@authority\" \"@path\" \"content-type\" \"content-digest\" \"x-zwfw-app-id\" \"date\")" + p)))
                .isEqualTo(OutcomeCode.MALFORMED);
    }

    /** A Signature-Input the test signer cannot sign (the verifier must refuse it before the signature). */
    private static RequestMessage signedAsRaw(String member) {
        RequestMessage s = signed(post(), ES);
        return s.withFields(s.fields().replace("signature-input", "zwfw=" + member));
    }

    @Test
    void theWindowIs300SecondsEitherWay() {
        assertThat(RequestVerifier.builder().authorities(java.util.List.of(Fixtures.HOST)).appKeys(Fixtures.appKeys())
                .clock(java.time.Clock.fixed(NOW.plusSeconds(300), java.time.ZoneOffset.UTC)).build()
                .verify(signed(post(), ES)).isValid()).isTrue();
        assertThat(code(requests().clock(java.time.Clock.fixed(NOW.plusSeconds(301), java.time.ZoneOffset.UTC)).build()
                .verify(signed(post(), ES)))).isEqualTo(OutcomeCode.EXPIRED);
        assertThat(code(requests().clock(java.time.Clock.fixed(NOW.minusSeconds(301), java.time.ZoneOffset.UTC)).build()
                .verify(signed(post(), ES)))).isEqualTo(OutcomeCode.ISSUED_IN_FUTURE);
        String expired = COVERED + ";created=" + NOW.getEpochSecond() + ";expires=" + NOW.getEpochSecond() + ";nonce=\""
                + MessageSigner.newNonce() + "\";keyid=\"" + ES.keyId().orElseThrow() + "\";alg=\"ecdsa-p256-sha256\";tag=\"zwfw\"";
        assertThat(verify(signedAs(post(), expired, ES))).isEqualTo(OutcomeCode.EXPIRED);
    }

    @Test
    void unknownApplicationsAndKeysAreRefused() {
        RequestMessage other = post().withFields(post().fields().replace("x-zwfw-app-id", "someone-else"));
        assertThat(verify(signed(other, ES))).isEqualTo(OutcomeCode.UNKNOWN_APP);
        RequestMessage bad = post().withFields(post().fields().replace("x-zwfw-app-id", "bad id!"));
        assertThat(verify(signed(bad, ES))).isEqualTo(OutcomeCode.UNKNOWN_APP);
        RequestMessage s = signed(post(), ES);
        assertThat(verify(s.withFields(s.fields().with("x-zwfw-app-id", APP)))).isEqualTo(OutcomeCode.MALFORMED);
        SigningKey stranger = Fixtures.key(JwsAlgorithm.ES256);
        assertThat(verify(signed(post(), stranger))).isEqualTo(OutcomeCode.UNKNOWN_KEY);
    }

    @Test
    void algMustBeTheKeysAndAllowedByThePolicy() {
        assertThat(verify(signedAs(post(), COVERED + params(ES, "ed25519"), ES))).isEqualTo(OutcomeCode.UNSUPPORTED_ALGORITHM);
        RequestVerifier smOnly = requests().allowedAlgorithms(JwsAlgorithm.SGD_SM3_SM2).build();
        assertThat(code(smOnly.verify(signed(post(), ES)))).isEqualTo(OutcomeCode.UNSUPPORTED_ALGORITHM);
        assertThat(smOnly.verify(signed(post(), SM)).isValid()).isTrue();
    }

    @Test
    void anotherDeploymentsAuthorityIsRefused() {
        RequestMessage r = post();
        RequestMessage elsewhere = new RequestMessage(r.method(), "api.sandbox.zwfw.example", r.path(), r.query(), r.fields(), r.content());
        assertThat(verify(signed(elsewhere, ES))).isEqualTo(OutcomeCode.AUDIENCE_MISMATCH);
    }

    @Test
    void alteredRequestsFailTheSignatureOrTheDigest() {
        RequestMessage s = signed(post(), ES);
        RequestMessage otherPath = new RequestMessage("POST", s.authority(), "/v1/cases/case_OTHER/withdraw", null, s.fields(), s.content());
        VerificationResult<VerifiedRequest> r = verifier.verify(otherPath);
        assertThat(code(r)).isEqualTo(OutcomeCode.SIGNATURE_INVALID);
        assertThat(r.errors().get(0).message()).contains(ES.keyId().orElseThrow()).contains("ecdsa-p256-sha256")
                .contains("proxy").doesNotContain(s.fields().first("signature").orElseThrow().substring(6, 30));
        RequestMessage queryAdded = new RequestMessage("POST", s.authority(), s.path(), "x=1", s.fields(), s.content());
        assertThat(verify(queryAdded)).isEqualTo(OutcomeCode.COMPONENT_NOT_COVERED);
        RequestMessage otherBody = new RequestMessage("POST", s.authority(), s.path(), null, s.fields(),
                "{\"reason\":\"x\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(verify(otherBody)).isEqualTo(OutcomeCode.DIGEST_MISMATCH);
    }

    @Test
    void derAndOutOfRangeSignaturesAreInvalid() {
        RequestMessage s = signed(post(), ES);
        byte[] raw = Base64.getDecoder().decode(s.fields().first("signature").orElseThrow().replace("zwfw=:", "").replace(":", ""));
        byte[] der = toDer(raw);
        VerificationResult<VerifiedRequest> r = verifier.verify(s.withFields(s.fields().replace("signature",
                "zwfw=:" + Base64.getEncoder().encodeToString(der) + ":")));
        assertThat(code(r)).isEqualTo(OutcomeCode.SIGNATURE_INVALID);
        assertThat(r.errors().get(0).message()).contains("DER");
        assertThat(verify(s.withFields(s.fields().replace("signature", "zwfw=:" + Base64.getEncoder().encodeToString(new byte[64]) + ":"))))
                .isEqualTo(OutcomeCode.SIGNATURE_INVALID);
    }

    private static byte[] toDer(byte[] rs) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] r = new java.math.BigInteger(1, java.util.Arrays.copyOfRange(rs, 0, 32)).toByteArray();
        byte[] s = new java.math.BigInteger(1, java.util.Arrays.copyOfRange(rs, 32, 64)).toByteArray();
        out.write(0x30);
        out.write(4 + r.length + s.length);
        out.write(2);
        out.write(r.length);
        out.writeBytes(r);
        out.write(2);
        out.write(s.length);
        out.writeBytes(s);
        return out.toByteArray();
    }

    @Test
    void digestFieldsOutsideTheProfileAreRefused() {
        RequestMessage two = post().withFields(post().fields().with("content-digest",
                ContentDigest.of("sha-256", post().content()) + ", " + ContentDigest.of("sm3", post().content())));
        assertThat(verify(signed(two, ES))).isEqualTo(OutcomeCode.MALFORMED);
        RequestMessage sha512 = post().withFields(post().fields().with("content-digest", "sha-512=:AAAA:"));
        assertThat(verify(signed(sha512, ES))).isEqualTo(OutcomeCode.UNSUPPORTED_ALGORITHM);
        RequestMessage sm3 = post().withFields(post().fields().with("content-digest", ContentDigest.of("sm3", post().content())));
        assertThat(verifier.verify(signed(sm3, ES)).isValid()).as("sm3 is accepted with any alg").isTrue();
    }

    @Test
    void aNonceIsUsedOnceAndOnlyAuthenticatedRequestsTakeRoom() {
        Signed<RequestMessage> s = MessageSigner.of(ED).signRequest(post(), NOW, "kW3nT0c9Qe5yZr1vXp8LsA");
        RequestMessage forged = s.message().withFields(s.message().fields().replace("signature",
                "zwfw=:" + Base64.getEncoder().encodeToString(new byte[64]) + ":"));
        assertThat(verify(forged)).isEqualTo(OutcomeCode.SIGNATURE_INVALID);
        assertThat(verifier.verify(s.message()).isValid()).isTrue();
        assertThat(verify(s.message())).isEqualTo(OutcomeCode.REPLAYED);
        // another nonce is another request
        assertThat(verifier.verify(MessageSigner.of(ED).signRequest(post(), NOW, "kW3nT0c9Qe5yZr1vXp8LsB").message())
                .isValid()).isTrue();
    }

    @Test
    void aReplayStoreThatCannotAnswerFailsClosed() {
        RequestVerifier v = requests().replayStore((id, until) -> {
            throw new ReplayStoreException("down");
        }).build();
        assertThat(code(v.verify(signed(post(), ES)))).isEqualTo(OutcomeCode.REPLAY_CHECK_UNAVAILABLE);
    }

    @Test
    void theNonceIsKeptUntilTheWindowCloses() {
        Instant[] kept = new Instant[1];
        requests().replayStore((id, until) -> {
            kept[0] = until;
            return true;
        }).build().verify(signed(post(), ES));
        // the window accepts created + 300 s up to its last millisecond (the check is in whole seconds)
        assertThat(kept[0]).isEqualTo(NOW.plusSeconds(301));
    }

    @Test
    void aReplayInTheWindowsLastSecondIsRefused() {
        Instant[] now = {NOW};
        java.time.Clock clock = new java.time.Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return java.time.ZoneOffset.UTC;
            }

            @Override
            public java.time.Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        RequestVerifier v = requests().clock(clock).replayStore(new InMemoryReplayStore(100, clock)).build();
        RequestMessage s = signed(post(), ES);
        assertThat(v.verify(s).isValid()).isTrue();
        now[0] = NOW.plusMillis(300_500); // still inside the window: created is not below now - 300 s in seconds
        assertThat(code(v.verify(s))).isEqualTo(OutcomeCode.REPLAYED);
        now[0] = NOW.plusMillis(300_999);
        assertThat(code(v.verify(s))).isEqualTo(OutcomeCode.REPLAYED);
        now[0] = NOW.plusSeconds(301);
        assertThat(code(v.verify(s))).isEqualTo(OutcomeCode.EXPIRED);
    }
}
