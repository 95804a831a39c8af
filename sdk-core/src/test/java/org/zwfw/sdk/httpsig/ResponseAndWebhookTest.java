package org.zwfw.sdk.httpsig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.zwfw.sdk.httpsig.Fixtures.APP;
import static org.zwfw.sdk.httpsig.Fixtures.CLOCK;
import static org.zwfw.sdk.httpsig.Fixtures.ES;
import static org.zwfw.sdk.httpsig.Fixtures.NOW;
import static org.zwfw.sdk.httpsig.Fixtures.PLATFORM_ES;
import static org.zwfw.sdk.httpsig.Fixtures.PLATFORM_SM;
import static org.zwfw.sdk.httpsig.Fixtures.post;
import static org.zwfw.sdk.httpsig.Fixtures.signed;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.crypto.SigningKey;
import org.zwfw.sdk.verify.OutcomeCode;
import org.zwfw.sdk.verify.VerificationResult;

/** spec/api-signing.md §7 (responses) and §9 (webhooks), each check in a test that fails without it. */
class ResponseAndWebhookTest {

    private static final byte[] OK_BODY = "{\"case_id\":\"case_7Q2M9X4K1P8D3RZT\",\"status\":\"WITHDRAWN\"}"
            .getBytes(StandardCharsets.UTF_8);
    private final ResponseVerifier responses = ResponseVerifier.builder().clock(CLOCK).platformKeys(Fixtures.platformKeys()).build();

    private static OutcomeCode code(VerificationResult<?> r) {
        assertThat(r.errors()).hasSize(1);
        return r.errors().get(0).code();
    }

    private static ResponseMessage answer(RequestMessage to, SigningKey key, HttpFields extra) {
        HttpFields f = HttpFields.of("content-type", "application/json");
        for (var l : extra.lines()) {
            f = f.with(l.getKey(), l.getValue());
        }
        return MessageSigner.of(key).signResponse(new ResponseMessage(200, f, OK_BODY), to, NOW).message();
    }

    @Test
    void aResponseBoundToTheRequestVerifies() {
        RequestMessage sent = signed(post(), ES);
        Signed<ResponseMessage> s = MessageSigner.of(PLATFORM_ES).signResponse(
                new ResponseMessage(200, HttpFields.of("content-type", "application/json", "x-request-id", "r1"), OK_BODY), sent, NOW);
        assertThat(s.signatureBase()).startsWith("\"@status\": 200\n\"content-type\": application/json\n\"content-digest\": sha-256=:")
                .contains("\n\"@method\";req: POST\n\"@path\";req: /v1/cases/case_7Q2M9X4K1P8D3RZT/withdraw\n"
                        + "\"signature\";req;key=\"zwfw\": :");
        VerificationResult<VerifiedResponse> r = responses.verify(s.message(), sent);
        assertThat(r.isValid()).as(r.toString()).isTrue();
        assertThat(responses.verify(answer(sent, PLATFORM_SM, HttpFields.empty()), sent).isValid()).isTrue();
    }

    @Test
    void aResponseToAnotherRequestFails() {
        RequestMessage sent = signed(post(), ES);
        RequestMessage other = signed(post(), ES);
        VerificationResult<VerifiedResponse> r = responses.verify(answer(other, PLATFORM_ES, HttpFields.empty()), sent);
        assertThat(code(r)).isEqualTo(OutcomeCode.SIGNATURE_INVALID);
        assertThat(r.errors().get(0).message()).contains("answers another request");
    }

    @Test
    void anUnsignedOrUnboundResponseIsRefused() {
        RequestMessage sent = signed(post(), ES);
        VerificationResult<VerifiedResponse> r = responses.verify(new ResponseMessage(502,
                HttpFields.of("content-type", "text/html"), "<h1>Bad Gateway</h1>".getBytes(StandardCharsets.UTF_8)), sent);
        assertThat(code(r)).isEqualTo(OutcomeCode.SIGNATURE_MISSING);
        assertThat(r.errors().get(0).message()).contains("502").contains("proxy");
        // answered as if the request had no signature: no "signature";req
        ResponseMessage unbound = answer(post(), PLATFORM_ES, HttpFields.empty());
        assertThat(code(responses.verify(unbound, sent))).isEqualTo(OutcomeCode.COMPONENT_NOT_COVERED);
    }

    @Test
    void retryAfterMustBeCoveredWhenPresent() {
        RequestMessage sent = signed(post(), ES);
        ResponseMessage covered = answer(sent, PLATFORM_ES, HttpFields.of("retry-after", "2"));
        assertThat(responses.verify(covered, sent).isValid()).isTrue();
        ResponseMessage added = answer(sent, PLATFORM_ES, HttpFields.empty());
        added = added.withFields(added.fields().with("retry-after", "3600"));
        assertThat(code(responses.verify(added, sent))).isEqualTo(OutcomeCode.COMPONENT_NOT_COVERED);
    }

    @Test
    void timeKeyTagAndDigestOfResponsesAreChecked() {
        RequestMessage sent = signed(post(), ES);
        ResponseMessage ok = answer(sent, PLATFORM_ES, HttpFields.empty());
        ResponseVerifier late = ResponseVerifier.builder().clock(Clock.fixed(NOW.plusSeconds(301), ZoneOffset.UTC))
                .platformKeys(Fixtures.platformKeys()).build();
        assertThat(code(late.verify(ok, sent))).isEqualTo(OutcomeCode.EXPIRED);
        assertThat(code(responses.verify(answer(sent, Fixtures.key(JwsAlgorithm.ES256), HttpFields.empty()), sent)))
                .isEqualTo(OutcomeCode.UNKNOWN_KEY);
        ResponseMessage changed = new ResponseMessage(200, ok.fields(), "{\"status\":\"APPROVED\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(code(responses.verify(changed, sent))).isEqualTo(OutcomeCode.DIGEST_MISMATCH);
        ResponseMessage webhookTag = ok.withFields(ok.fields().replace("signature-input",
                ok.fields().first("signature-input").orElseThrow().replace("tag=\"zwfw\"", "tag=\"zwfw-webhook\"")));
        assertThat(code(responses.verify(webhookTag, sent))).isEqualTo(OutcomeCode.WRONG_TYPE);
        ResponseMessage otherStatus = new ResponseMessage(201, ok.fields(), OK_BODY);
        assertThat(code(responses.verify(otherStatus, sent))).isEqualTo(OutcomeCode.SIGNATURE_INVALID);
    }

    @Test
    void theSignerNeedsAKeyIdAContentTypeAndTheAppId() {
        assertThatThrownBy(() -> MessageSigner.of(SigningKey.generate(JwsAlgorithm.ES256).withKeyId(null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("key ID");
        assertThatThrownBy(() -> MessageSigner.of(ES).signRequest(post().withFields(HttpFields.of("content-type", "application/json")),
                NOW, MessageSigner.newNonce())).hasMessageContaining("x-zwfw-app-id");
        assertThatThrownBy(() -> MessageSigner.of(ES).signRequest(post().withFields(HttpFields.of("x-zwfw-app-id", APP)),
                NOW, MessageSigner.newNonce())).hasMessageContaining("content-type");
        assertThatThrownBy(() -> MessageSigner.of(ES).signRequest(post(), NOW, "short")).hasMessageContaining("nonce");
        assertThatThrownBy(() -> HttpFields.of("x-zwfw-app-id", "a\r\nx-evil: 1")).hasMessageContaining("CR, LF");
        assertThatThrownBy(() -> MessageSigner.of(ES).signRequest(post().withFields(post().fields().replace("x-zwfw-app-id", "门户")),
                NOW, MessageSigner.newNonce())).hasMessageContaining("printable ASCII");
        assertThat(MessageSigner.newNonce()).hasSize(22).matches("[A-Za-z0-9_-]+");
    }

    // ---- webhooks ----

    private static final URI HOOK = URI.create("https://hooks.bank.example/zwfw/events?src=zwfw");

    private static WebhookSignatures.Builder hooks() {
        return WebhookSignatures.builder().clock(CLOCK).url(HOOK).appId(APP).platformKeys(Fixtures.platformKeys());
    }

    private static RequestMessage delivery(URI to, String appId) {
        return MessageSigner.of(PLATFORM_ES).signWebhook(RequestMessage.of("POST", to,
                HttpFields.of("content-type", "application/json", "x-zwfw-app-id", appId),
                "{\"id\":\"evt_1\",\"type\":\"case.status_changed\"}".getBytes(StandardCharsets.UTF_8)), NOW,
                MessageSigner.newNonce()).message();
    }

    @Test
    void aDeliveryVerifiesAgainstTheRegisteredUrlEvenBehindAProxy() {
        WebhookSignatures v = hooks().build();
        RequestMessage d = delivery(HOOK, APP);
        RequestMessage behindProxy = new RequestMessage("POST", "10.0.0.7:8080", "/internal/hooks", null, d.fields(), d.content());
        assertThat(v.verify(behindProxy).isValid()).isTrue();
        assertThat(code(v.verify(behindProxy))).isEqualTo(OutcomeCode.REPLAYED);
    }

    @Test
    void aDeliveryForAnotherUrlOrApplicationOrWithAnApiTagIsRefused() {
        WebhookSignatures v = hooks().build();
        assertThat(code(v.verify(delivery(URI.create("https://hooks.other.example/zwfw/events?src=zwfw"), APP))))
                .isEqualTo(OutcomeCode.SIGNATURE_INVALID);
        assertThat(code(v.verify(delivery(HOOK, "another-app")))).isEqualTo(OutcomeCode.AUDIENCE_MISMATCH);
        RequestMessage apiSigned = MessageSigner.of(PLATFORM_ES).signRequest(RequestMessage.of("POST", HOOK,
                HttpFields.of("content-type", "application/json", "x-zwfw-app-id", APP), "{}".getBytes(StandardCharsets.UTF_8)),
                NOW, MessageSigner.newNonce()).message();
        assertThat(code(v.verify(apiSigned))).isEqualTo(OutcomeCode.WRONG_TYPE);
        RequestMessage d = delivery(HOOK, APP);
        assertThat(code(v.verify(new RequestMessage("POST", "x", "/", null, d.fields(), "{}".getBytes(StandardCharsets.UTF_8)))))
                .isEqualTo(OutcomeCode.DIGEST_MISMATCH);
        WebhookSignatures late = hooks().clock(Clock.fixed(NOW.plusSeconds(301), ZoneOffset.UTC)).build();
        assertThat(code(late.verify(delivery(HOOK, APP)))).isEqualTo(OutcomeCode.EXPIRED);
    }
    @Test
    void aDeliveryReplayedInTheWindowsLastSecondIsRefused() {
        java.util.Map<String, java.time.Instant> kept = new java.util.HashMap<>();
        WebhookSignatures v = hooks().replayStore((id, until) -> kept.putIfAbsent(id, until) == null).build();
        RequestMessage d = delivery(HOOK, APP);
        assertThat(v.verify(d).isValid()).isTrue();
        // accepted until NOW + 301 s exclusive (whole seconds), so kept at least that long
        assertThat(kept.values()).containsExactly(NOW.plusSeconds(301));
    }
}
