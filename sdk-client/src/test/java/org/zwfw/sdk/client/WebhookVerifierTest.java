package org.zwfw.sdk.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.zwfw.sdk.client.model.CaseStatus;
import org.zwfw.sdk.client.model.CaseStatusChangedEvent;
import org.zwfw.sdk.client.model.WebhookEvent;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.crypto.KeySet;
import org.zwfw.sdk.crypto.SigningKey;
import org.zwfw.sdk.httpsig.HttpFields;
import org.zwfw.sdk.httpsig.MessageSigner;
import org.zwfw.sdk.httpsig.RequestMessage;
import org.zwfw.sdk.replay.ReplayStore;
import org.zwfw.sdk.replay.ReplayStoreException;
import org.zwfw.sdk.verify.OutcomeCode;

/** spec/api-signing.md §9: signature, freshness, recipient, single delivery, typed events. */
class WebhookVerifierTest {

    private static final URI URL = URI.create("https://hooks.bank.example/zwfw/events");
    private static final String APP = "bank-app";
    private final SigningKey platform = ScriptedPlatform.key(JwsAlgorithm.SGD_SM3_SM2);
    private final List<WebhookEvent> taken = new ArrayList<>();

    private WebhookVerifier verifier() {
        return WebhookVerifier.builder().url(URL).appId(APP).platformKeys(KeySet.of(platform.verificationKey())).build();
    }

    private static String event(String id, String appId) {
        return "{\"id\":\"" + id + "\",\"type\":\"case.status_changed\",\"created_at\":\"2026-12-07T09:00:00+08:00\","
                + "\"app_id\":\"" + appId + "\",\"data\":{\"case_id\":\"case_7Q2M9X4K1P8D3RZT\",\"item_code\":\"330000-RSJ-YL-001\","
                + "\"previous_status\":\"SUBMITTED\",\"status\":\"ACCEPTED\",\"changed_at\":\"2026-12-07T09:00:00+08:00\"}}";
    }

    private RequestMessage delivery(String json) {
        return MessageSigner.of(platform).signWebhook(RequestMessage.of("POST", URL,
                HttpFields.of("content-type", "application/json", "x-zwfw-app-id", APP), json.getBytes(StandardCharsets.UTF_8)),
                Instant.now(), MessageSigner.newNonce()).message();
    }

    @Test
    void aNewEventIsHandedOverTypedAndARedeliveryIsOnlyAcknowledged() {
        WebhookVerifier v = verifier();
        WebhookVerifier.Outcome o = v.handle(delivery(event("evt_01HZX3K9Q2", APP)), taken::add);
        assertThat(o).isInstanceOf(WebhookVerifier.Processed.class);
        assertThat(o.httpStatus()).isEqualTo(204);
        CaseStatusChangedEvent e = (CaseStatusChangedEvent) taken.get(0);
        assertThat(e.data().status()).isEqualTo(CaseStatus.ACCEPTED);
        // the platform's retry: a new signature and nonce, the same event
        WebhookVerifier.Outcome again = v.handle(delivery(event("evt_01HZX3K9Q2", APP)), taken::add);
        assertThat(again).isEqualTo(new WebhookVerifier.Duplicate("evt_01HZX3K9Q2"));
        assertThat(taken).hasSize(1);
    }

    @Test
    void theSameDeliveryTwiceIsAReplay() {
        WebhookVerifier v = verifier();
        RequestMessage d = delivery(event("evt_01HZX3K9Q3", APP));
        v.handle(d, taken::add);
        WebhookVerifier.Outcome o = v.handle(d, taken::add);
        assertThat(o).isInstanceOfSatisfying(WebhookVerifier.Refused.class,
                r -> assertThat(r.finding().code()).isEqualTo(OutcomeCode.REPLAYED));
    }

    @Test
    void aFailedHandlerLeavesTheEventForTheNextDelivery() {
        WebhookVerifier v = verifier();
        assertThatThrownBy(() -> v.handle(delivery(event("evt_01HZX3K9Q4", APP)), ev -> {
            throw new IllegalStateException("queue down");
        })).hasMessage("queue down");
        assertThat(v.handle(delivery(event("evt_01HZX3K9Q4", APP)), taken::add)).isInstanceOf(WebhookVerifier.Processed.class);
    }

    @Test
    void forgedMisaddressedOrUnreadableDeliveriesAreRefused() {
        WebhookVerifier v = verifier();
        RequestMessage d = delivery(event("evt_01HZX3K9Q5", APP));
        RequestMessage changed = new RequestMessage(d.method(), d.authority(), d.path(), null, d.fields(),
                event("evt_01HZX3K9Q6", APP).getBytes(StandardCharsets.UTF_8));
        assertThat(refusal(v.handle(changed, taken::add))).isEqualTo(OutcomeCode.DIGEST_MISMATCH);
        assertThat(refusal(v.handle(delivery(event("evt_01HZX3K9Q7", "other-app")), taken::add)))
                .isEqualTo(OutcomeCode.AUDIENCE_MISMATCH);
        assertThat(refusal(v.handle(delivery("{\"id\":\"evt_1\",\"type\":\"case.status_changed\"}"), taken::add)))
                .isEqualTo(OutcomeCode.MALFORMED);
        assertThat(refusal(v.handle(delivery("{\"type\":\"account.deleted\"}"), taken::add))).isEqualTo(OutcomeCode.INVALID_CLAIM);
        assertThat(refusal(v.handle(delivery("[1,2]"), taken::add))).isEqualTo(OutcomeCode.MALFORMED);
        assertThat(refusal(v.handle(delivery("{" + "\"a\":{".repeat(5000)), taken::add))).isEqualTo(OutcomeCode.MALFORMED);
        assertThat(taken).isEmpty();
    }

    @Test
    void anUnreadableEventNamesTheMemberNeverItsValue() {
        String json = event("evt_01HZX3K9Q9", APP).replace("\"created_at\":\"2026-12-07T09:00:00+08:00\"",
                "\"created_at\":\"申请人 110101199003077777\"");
        WebhookVerifier.Outcome o = verifier().handle(delivery(json), taken::add);
        assertThat(refusal(o)).isEqualTo(OutcomeCode.MALFORMED);
        assertThat(((WebhookVerifier.Refused) o).finding().message()).contains("created_at").doesNotContain("1101");
    }

    @Test
    void anOversizedDeliveryIsRefusedBeforeAnyCheck() {
        String small = event("evt_01HZX3K9Q9", APP);
        String big = small.substring(0, small.length() - 2) + ",\"pad\":\"" + "x".repeat(WebhookVerifier.MAX_BYTES) + "\"}}";
        WebhookVerifier.Outcome o = verifier().handle(delivery(big), taken::add);
        assertThat(refusal(o)).isEqualTo(OutcomeCode.TOO_LARGE);
        assertThat(o.httpStatus()).isEqualTo(413);
        assertThat(taken).isEmpty();
    }

    @Test
    void aDeliveryNamingItsRecipientTwiceIsMalformed() {
        RequestMessage d = delivery(event("evt_01HZX3K9QA", APP));
        RequestMessage twice = d.withFields(d.fields().with("x-zwfw-app-id", APP));
        assertThat(refusal(verifier().handle(twice, taken::add))).isEqualTo(OutcomeCode.MALFORMED);
        assertThat(taken).isEmpty();
    }

    @Test
    void aStoreThatCannotAnswerRefusesWith503() {
        ReplayStore down = (id, until) -> {
            throw new ReplayStoreException("down");
        };
        WebhookVerifier v = WebhookVerifier.builder().url(URL).appId(APP).platformKeys(KeySet.of(platform.verificationKey()))
                .replayStore(down).build();
        assertThat(v.handle(delivery(event("evt_01HZX3K9Q8", APP)), taken::add).httpStatus()).isEqualTo(503);
    }

    private static OutcomeCode refusal(WebhookVerifier.Outcome o) {
        assertThat(o).isInstanceOf(WebhookVerifier.Refused.class);
        return ((WebhookVerifier.Refused) o).finding().code();
    }
}
