package org.zwfw.sdk.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.zwfw.sdk.crypto.IssuerKeys;
import org.zwfw.sdk.crypto.KeySet;
import org.zwfw.sdk.crypto.SigningKey;
import org.zwfw.sdk.httpsig.HttpFields;
import org.zwfw.sdk.httpsig.RequestMessage;
import org.zwfw.sdk.httpsig.RequestVerifier;
import org.zwfw.sdk.httpsig.ResponseMessage;
import org.zwfw.sdk.httpsig.ResponseVerifier;
import org.zwfw.sdk.httpsig.SignatureBases;
import org.zwfw.sdk.httpsig.WebhookSignatures;
import org.zwfw.sdk.replay.InMemoryReplayStore;
import org.zwfw.sdk.verify.OutcomeCode;
import org.zwfw.sdk.verify.VerificationResult;

/**
 * Runs vectors of kind {@code api-signing} (spec/api-signing.md §10.1): the request through a
 * {@link RequestVerifier}, the response through a {@link ResponseVerifier} bound to that request,
 * a webhook through {@link WebhookSignatures}; each message's codes, base and (when
 * deterministic) signature compared with {@code expected}.
 */
final class ApiSigningVectors {

    private ApiSigningVectors() {
    }

    record Outcome(boolean valid, Set<String> codes, List<String> messages) {
    }

    static RequestMessage request(JsonNode m) {
        HttpFields fields = HttpFields.empty();
        String host = null;
        for (JsonNode h : m.get("headers")) {
            String name = h.get(0).asText();
            if (name.equals("host")) {
                host = h.get(1).asText();
            } else {
                fields = fields.with(name, h.get(1).asText());
            }
        }
        return RequestMessage.received(m.get("method").asText(), m.path("scheme").asText("https"), host,
                m.get("target").asText(), fields, body(m));
    }

    static ResponseMessage response(JsonNode m) {
        HttpFields fields = HttpFields.empty();
        for (JsonNode h : m.get("headers")) {
            fields = fields.with(h.get(0).asText(), h.get(1).asText());
        }
        return new ResponseMessage(m.get("status").asInt(), fields, body(m));
    }

    private static byte[] body(JsonNode m) {
        if (m.has("body_base64")) {
            return Base64.getDecoder().decode(m.get("body_base64").asText());
        }
        return m.has("body") ? m.get("body").asText().getBytes(StandardCharsets.UTF_8) : null;
    }

    static Outcome run(JsonNode v) {
        JsonNode ctx = v.get("context");
        Clock clock = Clock.fixed(Instant.parse(ctx.get("time").asText()), ZoneOffset.UTC);
        KeySet platform = KeySet.parse(ctx.get("platform_keys").toString());
        JsonNode in = v.get("input");
        JsonNode exp = v.get("expected");
        Set<String> codes = new LinkedHashSet<>();
        List<String> messages = new ArrayList<>();
        if (in.has("webhook")) {
            WebhookSignatures w = WebhookSignatures.builder().clock(clock).url(URI.create(ctx.get("webhook_url").asText()))
                    .appId(ctx.get("receiver_app_id").asText()).platformKeys(platform).build();
            RequestMessage d = request(in.get("webhook"));
            check("webhook", w.verify(d), exp.get("webhook"), codes, messages);
            base(exp.get("webhook"), () -> SignatureBases.of(d), ctx.get("platform_private_key"), exp);
            return new Outcome(codes.isEmpty(), codes, messages);
        }
        InMemoryReplayStore store = new InMemoryReplayStore(1000, clock);
        String app = ctx.get("app_id").asText();
        for (JsonNode n : ctx.path("nonces_seen")) {
            store.firstUse("api-request|" + app + "|" + n.asText(), clock.instant().plusSeconds(300));
        }
        List<String> authorities = new ArrayList<>();
        ctx.get("authorities").forEach(a -> authorities.add(a.asText()));
        RequestVerifier rv = RequestVerifier.builder().clock(clock).authorities(authorities).replayStore(store)
                .appKeys(IssuerKeys.of(Map.of(app, KeySet.parse(ctx.get("app_keys").toString())))).build();
        RequestMessage r = request(in.get("request"));
        check("request", rv.verify(r), exp.get("request"), codes, messages);
        base(exp.get("request"), () -> SignatureBases.of(r), ctx.get("app_private_key"), exp);
        if (in.has("response")) {
            ResponseVerifier resp = ResponseVerifier.builder().clock(clock).platformKeys(platform).build();
            ResponseMessage s = response(in.get("response"));
            check("response", resp.verify(s, r), exp.get("response"), codes, messages);
            base(exp.get("response"), () -> SignatureBases.of(s, r), ctx.get("platform_private_key"), exp);
        }
        return new Outcome(codes.isEmpty(), codes, messages);
    }

    private static void check(String which, VerificationResult<?> r, JsonNode exp, Set<String> codes, List<String> messages) {
        List<String> got = r.errors().stream().map(f -> f.code().name()).toList();
        codes.addAll(got);
        r.errors().forEach(f -> messages.add(which + ": " + f));
        List<String> want = new ArrayList<>();
        exp.get("codes").forEach(c -> want.add(c.asText()));
        assertThat(got).as("%s codes (%s)", which, r.errors()).isEqualTo(want);
        assertThat(r.isValid()).isEqualTo(exp.get("valid").asBoolean());
        for (String c : got) {
            OutcomeCode.valueOf(c);
        }
    }

    /** The base is reproduced; a deterministic signature is reproduced from the private key too. */
    private static void base(JsonNode exp, java.util.function.Supplier<String> base, JsonNode privateKey, JsonNode all) {
        if (!exp.has("signature_base")) {
            return;
        }
        String b = base.get();
        assertThat(b).isEqualTo(exp.get("signature_base").asText());
        if (all.path("signature_deterministic").asBoolean() && exp.has("signature") && exp.path("reproducible").asBoolean(true)) {
            byte[] sig = SigningKey.fromJwk(privateKey.toString()).sign(b.getBytes(StandardCharsets.US_ASCII));
            assertThat(Base64.getEncoder().encodeToString(sig)).isEqualTo(exp.get("signature").asText());
        }
    }

    /** For the generator's comparison: SM2 signatures (and what quotes them) differ on each run. */
    static JsonNode mask(JsonNode v) {
        if (!v.toString().contains("sm2-sm3")) {
            return v;
        }
        return maskNode(v.deepCopy());
    }

    private static JsonNode maskNode(JsonNode n) {
        if (n.isObject()) {
            ObjectNode o = (ObjectNode) n;
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                if (name.equals("signature") && o.get(name).isTextual()) {
                    o.put(name, "<sm2 signature>");
                } else {
                    o.set(name, maskNode(o.get(name)));
                }
            }
            return o;
        }
        if (n.isArray()) {
            if (n.size() == 2 && n.get(0).isTextual() && n.get(0).asText().equals("signature")) {
                ((com.fasterxml.jackson.databind.node.ArrayNode) n).set(1, TextNode.valueOf("<sm2 signature>"));
                return n;
            }
            for (int i = 0; i < n.size(); i++) {
                ((com.fasterxml.jackson.databind.node.ArrayNode) n).set(i, maskNode(n.get(i)));
            }
            return n;
        }
        if (n.isTextual() && n.asText().contains("\"signature\";req;key=\"zwfw\": :")) {
            return TextNode.valueOf(n.asText().replaceAll("(\"signature\";req;key=\"zwfw\": :)[A-Za-z0-9+/=]+:", "$1<sm2>:"));
        }
        return n;
    }
}
