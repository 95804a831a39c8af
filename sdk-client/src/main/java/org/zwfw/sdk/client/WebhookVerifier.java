package org.zwfw.sdk.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zwfw.sdk.client.model.ModelJson;
import org.zwfw.sdk.client.model.WebhookEvent;
import org.zwfw.sdk.crypto.KeyResolver;
import org.zwfw.sdk.httpsig.RequestMessage;
import org.zwfw.sdk.httpsig.VerifiedRequest;
import org.zwfw.sdk.httpsig.WebhookSignatures;
import org.zwfw.sdk.internal.Texts;
import org.zwfw.sdk.replay.InMemoryReplayStore;
import org.zwfw.sdk.replay.ReplayStore;
import org.zwfw.sdk.replay.ReplayStoreException;
import org.zwfw.sdk.verify.Finding;
import org.zwfw.sdk.verify.OutcomeCode;
import org.zwfw.sdk.verify.VerificationResult;

/**
 * Receives the platform's webhook deliveries ({@code spec/api-signing.md} §9): the signature,
 * freshness, recipient and single use of the delivery ({@link WebhookSignatures}), then the event
 * itself, read as the API document's type and addressed to this application, then single
 * processing per event ID (D23): a redelivery of an event already taken is acknowledged without
 * calling the handler again. Immutable and thread-safe.
 *
 * <pre>{@code
 * WebhookVerifier hooks = WebhookVerifier.builder()
 *         .url(URI.create("https://hooks.bank.example/zwfw/events"))   // as registered
 *         .appId("portal-hz-rsj").platformKeys(platformKeys).replayStore(sharedStore).build();
 * WebhookVerifier.Outcome o = hooks.handle(received, event -> queue.put(event));
 * respond(o.httpStatus());
 * }</pre>
 */
public final class WebhookVerifier {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookVerifier.class);

    /** How long a processed event ID is remembered: the platform's retries span under 24 h. */
    public static final Duration EVENT_MEMORY = Duration.ofHours(48);
    /** The largest delivery read. */
    public static final int MAX_BYTES = 256 * 1024;

    private final WebhookSignatures signatures;
    private final ReplayStore store;
    private final String appId;
    private final Clock clock;
    private final ObjectMapper mapper = ModelJson.newMapper();

    private WebhookVerifier(Builder b) {
        this.store = b.store != null ? b.store : new InMemoryReplayStore(InMemoryReplayStore.DEFAULT_MAX_ENTRIES, b.clock);
        this.appId = b.appId;
        this.clock = b.clock;
        this.signatures = WebhookSignatures.builder().clock(b.clock).url(b.url).appId(b.appId).platformKeys(b.keys)
                .replayStore(store).build();
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /** What became of a delivery, and what to answer. */
    public sealed interface Outcome permits Processed, Duplicate, Refused {
        /** @return the HTTP status to answer the platform with */
        int httpStatus();
    }

    /**
     * The event was new and the handler took it.
     *
     * @param event the event
     */
    public record Processed(WebhookEvent event) implements Outcome {
        @Override
        public int httpStatus() {
            return 204;
        }
    }

    /**
     * The event was taken before: acknowledged, the handler not called.
     *
     * @param eventId the event's ID
     */
    public record Duplicate(String eventId) implements Outcome {
        @Override
        public int httpStatus() {
            return 204;
        }
    }

    /**
     * The delivery is refused; the platform will try again later (and a forged one never verifies).
     *
     * @param finding    the failed check
     * @param httpStatus {@code 401} for a failed signature check, {@code 400} for an unreadable
     *                   event, {@code 503} when the replay store could not answer
     */
    public record Refused(Finding finding, int httpStatus) implements Outcome {
    }

    /**
     * Checks a delivery and, for a new event, hands it to the handler. If the handler throws, the
     * event is forgotten again (so the platform's redelivery is processed) and the exception
     * propagates: answer {@code 500}.
     *
     * @param received the delivery as received (its own Host and path are not used: the registered URL is)
     * @param handler  takes the event safely (stores or queues it) before returning
     * @return what to answer
     */
    public Outcome handle(RequestMessage received, Consumer<? super WebhookEvent> handler) {
        Objects.requireNonNull(handler, "handler");
        byte[] content = received.content();
        if (content != null && content.length > MAX_BYTES) {
            return new Refused(new Finding(OutcomeCode.TOO_LARGE, "the delivery is larger than " + MAX_BYTES + " bytes"), 413);
        }
        VerificationResult<VerifiedRequest> v = signatures.verify(received);
        if (!v.isValid()) {
            Finding f = v.errors().get(0);
            return new Refused(f, f.code() == OutcomeCode.REPLAY_CHECK_UNAVAILABLE ? 503 : 401);
        }
        WebhookEvent event;
        try {
            JsonNode tree = mapper.readTree(content);
            if (tree == null || !tree.isObject()) {
                return new Refused(new Finding(OutcomeCode.MALFORMED, "the event is not a JSON object"), 400);
            }
            String type = tree.path("type").asText("");
            if (!type.equals("case.status_changed") && !type.equals("ecert.status_changed")
                    && !type.equals("ssc.card.status_changed")) {
                return new Refused(new Finding(OutcomeCode.INVALID_CLAIM, "event type " + Texts.quote(type, 64)
                        + " is not one this SDK knows; update the SDK"), 400);
            }
            event = mapper.treeToValue(tree, WebhookEvent.class);
        } catch (IOException | IllegalArgumentException e) {
            return new Refused(new Finding(OutcomeCode.MALFORMED, "the event does not read as the API document's"
                    + " schema: " + shortMessage(e)), 400);
        }
        if (!appId.equals(event.appId())) {
            return new Refused(new Finding(OutcomeCode.AUDIENCE_MISMATCH, "the event's app_id is not this application's"), 401);
        }
        String key = "webhook-event|" + appId + "|" + event.id();
        try {
            if (!store.firstUse(key, clock.instant().plus(EVENT_MEMORY))) {
                return new Duplicate(event.id());
            }
        } catch (ReplayStoreException e) {
            return new Refused(new Finding(OutcomeCode.REPLAY_CHECK_UNAVAILABLE, "the replay store could not answer"), 503);
        }
        try {
            handler.accept(event);
        } catch (RuntimeException | Error e) {
            try {
                store.release(key);
            } catch (RuntimeException r) {
                LOG.warn("event {} could not be forgotten after its handler failed ({}); its redelivery will be"
                        + " acknowledged without processing", event.id(), r.toString());
            }
            throw e;
        }
        return new Processed(event);
    }

    private static String shortMessage(Exception e) {
        return Texts.quote(ApiClient.decodingProblem(e), 200); // the member, never its value
    }

    /** Builds a {@link WebhookVerifier}. */
    public static final class Builder {
        private URI url;
        private String appId;
        private KeyResolver keys;
        private ReplayStore store;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * @param registered the webhook URL registered for the application
         * @return this builder
         */
        public Builder url(URI registered) {
            this.url = Objects.requireNonNull(registered, "url");
            return this;
        }

        /**
         * @param id this application's ID
         * @return this builder
         */
        public Builder appId(String id) {
            this.appId = Objects.requireNonNull(id, "appId");
            return this;
        }

        /**
         * @param k the platform keys (pinned, or a {@code RemoteKeySet} on {@code /v1/platform/keys})
         * @return this builder
         */
        public Builder platformKeys(KeyResolver k) {
            this.keys = Objects.requireNonNull(k, "keys");
            return this;
        }

        /**
         * @param s where nonces and processed event IDs are kept (default in memory; share one
         *          between the receiver's instances; it must support {@link ReplayStore#release})
         * @return this builder
         */
        public Builder replayStore(ReplayStore s) {
            this.store = Objects.requireNonNull(s, "store");
            return this;
        }

        /**
         * @param c the clock (default UTC system clock)
         * @return this builder
         */
        public Builder clock(Clock c) {
            this.clock = Objects.requireNonNull(c, "clock");
            return this;
        }

        /**
         * @return the verifier
         * @throws IllegalStateException when URL, application ID or platform keys are missing
         */
        public WebhookVerifier build() {
            if (url == null || appId == null || keys == null) {
                throw new IllegalStateException("url(...), appId(...) and platformKeys(...) are required");
            }
            return new WebhookVerifier(this);
        }
    }
}
