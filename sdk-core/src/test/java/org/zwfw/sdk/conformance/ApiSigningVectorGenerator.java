package org.zwfw.sdk.conformance;

import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.crypto.KeySet;
import org.zwfw.sdk.crypto.SigningKey;
import org.zwfw.sdk.httpsig.HttpFields;
import org.zwfw.sdk.httpsig.MessageSigner;
import org.zwfw.sdk.httpsig.RequestMessage;
import org.zwfw.sdk.httpsig.ResponseMessage;
import org.zwfw.sdk.httpsig.Signed;
import org.zwfw.sdk.internal.Base64Url;

/**
 * Generates {@code spec/vectors/api-signing/} (spec/api-signing.md §10): for each algorithm the
 * worked examples (a creating POST and its 201, a GET with a query and its 200, an upload, a
 * problem answer, a webhook) and one failure per check. Keys and nonces come from seeded
 * streams; ES256 and Ed25519 signatures are deterministic, SM2 ones are not (their comparison
 * leaves them out, {@link ApiSigningVectors#mask}).
 */
class ApiSigningVectorGenerator {

    static final Instant CREATED = Instant.parse("2026-03-02T02:15:00Z");
    static final Instant TIME = CREATED.plusSeconds(1);
    static final String APP = "portal-hz-rsj";
    static final String HOST = "api.zwfw.example";
    static final String HOOK = "https://hooks.portal-hz-rsj.example/zwfw/events";

    private final GeneratedVectors out = new GeneratedVectors("api-signing", ApiSigningVectors::mask);
    private final SecureRandom nonces = GeneratedVectors.random("api-signing/nonce");
    private final Map<String, SigningKey> app = new LinkedHashMap<>();
    private final Map<String, SigningKey> platform = new LinkedHashMap<>();

    private static final Map<String, JwsAlgorithm> ALGS = Map.of("ecdsa-p256-sha256", JwsAlgorithm.ES256,
            "ed25519", JwsAlgorithm.EDDSA, "sm2-sm3", JwsAlgorithm.SGD_SM3_SM2);
    private static final List<String> ORDER = List.of("ecdsa-p256-sha256", "ed25519", "sm2-sm3");

    ApiSigningVectorGenerator() {
        for (String a : ORDER) {
            app.put(a, withThumbprint(GeneratedVectors.key(ALGS.get(a), "api-signing/app-" + a)));
            platform.put(a, withThumbprint(GeneratedVectors.key(ALGS.get(a), "api-signing/platform-" + a)));
        }
    }

    private static SigningKey withThumbprint(SigningKey k) {
        return k.withKeyId(k.verificationKey().thumbprint());
    }

    private String nonce() {
        byte[] b = new byte[16];
        nonces.nextBytes(b);
        return Base64Url.encode(b);
    }

    @Test
    void committedVectorsAreWhatThisGenerates() throws Exception {
        for (String a : ORDER) {
            String caseBody = "{\"item_code\":\"330000-RSJ-YL-001\",\"applicant\":{\"type\":\"person\"},\"form\":{\"insured_months\":180}}";
            Signed<RequestMessage> post = sign(a, post("/v1/cases", caseBody)
                    .with("idempotency-key", "\"7f3c2a9e-5b1d-4c8a-9e2f-0a6b3c4d5e6f\""));
            valid(a + "-post-201", a + ": a creating POST with a JSON body and an Idempotency-Key, and the platform's 201 bound to it",
                    a, post, respond(a, post, 201, "{\"case_id\":\"case_7Q2M9X4K1P8D3RZT\",\"status\":\"SUBMITTED\"}", null));
            Signed<RequestMessage> get = sign(a, new Req("GET", "/v1/service-items?region=330100&q=%E5%85%BB%E8%80%81&page_size=20", null, null));
            valid(a + "-get-200", a + ": a GET with a query (percent-encoding kept as sent), and its 200",
                    a, get, respond(a, get, 200, "{\"items\":[],\"next_page_token\":null}", null));
            byte[] pdf = "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<<>>\nendobj\n".getBytes(StandardCharsets.ISO_8859_1);
            Signed<RequestMessage> upload = sign(a, new Req("POST", "/v1/uploads", "application/pdf", pdf));
            valid(a + "-upload-201", a + ": an upload with a binary body (" + (a.equals("sm2-sm3") ? "sm3" : "sha-256")
                    + " digest), and its 201", a, upload, respond(a, upload, 201, "{\"upload_id\":\"upl_01HZX3K9\"}", null));
            Signed<RequestMessage> stale = sign(a, post("/v1/cases/case_7Q2M9X4K1P8D3RZT/withdraw",
                    "{\"reason\":\"申请人已在窗口办理，撤回网上申请。\"}"), CREATED.minusSeconds(400));
            vector(a + "-problem-401", a + ": a request signed 401 s ago, refused EXPIRED, and the signed 401 problem bound to it",
                    a, stale, List.of("EXPIRED"), respond(a, stale, 401,
                            "{\"type\":\"https://api.zwfw.example/problems/expired\",\"title\":\"Signature expired\",\"status\":401,\"code\":\"EXPIRED\"}",
                            "application/problem+json"), List.of(), List.of());
            webhook(a);
            failures(a);
        }
        out.writeOrCompare();
    }

    @Test
    void theSpecsWorkedExampleIsTheVector() throws Exception {
        String spec = java.nio.file.Files.readString(java.nio.file.Path.of("..", "spec", "api-signing.md"));
        for (String alg : ORDER) {
            com.fasterxml.jackson.databind.JsonNode v = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                    ConformanceVectorsTest.ROOT.resolve("api-signing/" + alg + "-post-201.json").toFile());
            org.assertj.core.api.Assertions.assertThat(spec).as(alg)
                    .contains(v.at("/expected/request/signature_base").asText())
                    .contains(v.at("/expected/response/signature_base").asText())
                    .contains(v.at("/input/request/body").asText());
        }
    }

    private void failures(String a) {
        Req withdraw = post("/v1/cases/case_7Q2M9X4K1P8D3RZT/withdraw", "{\"reason\":\"申请人已在窗口办理，撤回网上申请。\"}");
        invalid(a + "-created-301-s-old", a + ": created 301 s before the verifier's time", a,
                sign(a, withdraw, TIME.minusSeconds(301)), "EXPIRED");
        invalid(a + "-created-301-s-ahead", a + ": created 301 s after the verifier's time", a,
                sign(a, withdraw, TIME.plusSeconds(301)), "ISSUED_IN_FUTURE");
        Signed<RequestMessage> edge = sign(a, withdraw, TIME.minusSeconds(300));
        valid(a + "-created-300-s-old", a + ": created exactly 300 s before the verifier's time: accepted", a, edge, null);
        Signed<RequestMessage> reused = sign(a, withdraw);
        vector(a + "-nonce-reused", a + ": a nonce the platform has already recorded for this application", a, reused,
                List.of("REPLAYED"), null, List.of(), List.of(nonceOf(reused)));
        Signed<RequestMessage> s = sign(a, withdraw);
        invalid(a + "-body-changed", a + ": the body changed after signing (the digest field kept)", a,
                replaced(s, s.message().withFields(s.message().fields()), "{\"reason\":\"另一个理由\"}".getBytes(StandardCharsets.UTF_8)),
                "DIGEST_MISMATCH");
        invalid(a + "-query-added", a + ": a query added to the target after signing", a, retarget(s, HOST,
                s.message().path(), "debug=1"), "COMPONENT_NOT_COVERED");
        invalid(a + "-idempotency-key-not-covered", a + ": an Idempotency-Key added after signing, so not covered", a,
                replaced(s, s.message().withFields(s.message().fields().with("idempotency-key", "\"added-after-signing-0001\"")), null),
                "COMPONENT_NOT_COVERED");
        Signed<RequestMessage> hookTag = MessageSigner.of(app.get(a)).signWebhook(withdraw.message(APP, HOST), CREATED, nonce());
        invalid(a + "-webhook-tag-on-request", a + ": a request signed with tag zwfw-webhook", a, hookTag, "WRONG_TYPE");
        invalid(a + "-unknown-app", a + ": X-Zwfw-App-Id names no registered application", a,
                MessageSigner.of(app.get(a)).signRequest(withdraw.message("portal-unknown", HOST), CREATED, nonce()), "UNKNOWN_APP");
        SigningKey stranger = withThumbprint(GeneratedVectors.key(ALGS.get(a), "api-signing/stranger-" + a));
        invalid(a + "-unknown-key", a + ": keyid names no key of the application", a,
                MessageSigner.of(stranger).signRequest(withdraw.message(APP, HOST), CREATED, nonce()), "UNKNOWN_KEY");
        String other = ORDER.get((ORDER.indexOf(a) + 1) % 3);
        SigningKey impostor = app.get(other).withKeyId(app.get(a).keyId().orElseThrow());
        invalid(a + "-alg-not-the-keys", a + ": keyid of the " + a + " key with alg " + other, a,
                MessageSigner.of(impostor).signRequest(withdraw.message(APP, HOST), CREATED, nonce()), "UNSUPPORTED_ALGORITHM");
        invalid(a + "-authority-not-the-platforms", a + ": signed for another deployment's authority", a,
                MessageSigner.of(app.get(a)).signRequest(withdraw.message(APP, "api.sandbox.zwfw.example"), CREATED, nonce()),
                "AUDIENCE_MISMATCH");
        Signed<RequestMessage> twice = sign(a, withdraw);
        HttpFields f = twice.message().fields();
        invalid(a + "-zwfw-twice", a + ": Signature-Input carries the zwfw member twice (two field lines)", a,
                replaced(twice, twice.message().withFields(f.with("signature-input", f.first("signature-input").orElseThrow())), null),
                "MALFORMED");
        Signed<RequestMessage> mine = sign(a, withdraw);
        Signed<RequestMessage> theirs = sign(a, withdraw);
        vector(a + "-response-bound-to-another-request", a + ": a valid platform response, but to another request", a, mine,
                List.of(), respond(a, theirs, 200, "{\"status\":\"WITHDRAWN\"}", null), List.of("SIGNATURE_INVALID"), List.of());
        Signed<RequestMessage> bound = sign(a, withdraw);
        Signed<ResponseMessage> unbound = MessageSigner.of(platform.get(a)).signResponse(new ResponseMessage(200,
                HttpFields.of("content-type", "application/json", "x-request-id", "5c1f8e27-9a4d-4e3b-b6a0-3f7d2c9e1b58"),
                "{\"status\":\"WITHDRAWN\"}".getBytes(StandardCharsets.UTF_8)), withdraw.message(APP, HOST), CREATED.plusSeconds(1));
        vector(a + "-response-without-signature-req", a + ": a response that does not cover the request's signature", a, bound,
                List.of(), unbound, List.of("COMPONENT_NOT_COVERED"), List.of());
        if (!a.equals("ed25519")) {
            Signed<RequestMessage> d = sign(a, withdraw);
            invalid(a + "-der-signature", a + ": the signature sent as DER instead of raw r‖s", a, withSignature(d, der(d.signature())),
                    "SIGNATURE_INVALID");
        }
        invalid(a + "-signature-all-zero", a + ": a 64-byte signature of zeros (r = s = 0)", a,
                withSignature(sign(a, withdraw), new byte[64]), "SIGNATURE_INVALID");
        if (a.equals("sm2-sm3")) {
            SigningKey otherId = app.get(a).withSm2SignerId("ZWFW-OTHER-ID".getBytes(StandardCharsets.US_ASCII));
            invalid(a + "-other-signer-id", a + ": signed with the SM2 signer ID ZWFW-OTHER-ID; the key is registered with the default",
                    a, MessageSigner.of(otherId).signRequest(withdraw.message(APP, HOST), CREATED, nonce()), "SIGNATURE_INVALID");
        }
    }

    private void webhook(String a) {
        String event = "{\"id\":\"evt_2Q8K4M1Z\",\"type\":\"case.status_changed\",\"created_at\":\"2026-03-02T02:14:58Z\","
                + "\"app_id\":\"portal-hz-rsj\",\"data\":{\"case_id\":\"case_7Q2M9X4K1P8D3RZT\",\"status\":\"ACCEPTED\"}}";
        Signed<RequestMessage> d = MessageSigner.of(platform.get(a)).signWebhook(RequestMessage.of("POST", URI.create(HOOK),
                HttpFields.of("content-type", "application/json", "x-zwfw-app-id", APP), event.getBytes(StandardCharsets.UTF_8)),
                CREATED, nonce());
        Map<String, Object> ctx = context(a, List.of());
        ctx.put("webhook_url", HOOK);
        ctx.put("receiver_app_id", APP);
        Map<String, Object> input = Map.of("webhook", message(d.message()));
        Map<String, Object> hook = new LinkedHashMap<>();
        hook.put("valid", true);
        hook.put("codes", List.of());
        hook.put("signature_base", d.signatureBase());
        hook.put("signature", Base64.getEncoder().encodeToString(d.signature()));
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("valid", true);
        expected.put("codes", List.of());
        expected.put("signature_deterministic", !a.equals("sm2-sm3"));
        expected.put("webhook", hook);
        write(a + "-webhook", a + ": a case.status_changed delivery to the registered URL, tag zwfw-webhook", input, ctx, expected);
    }

    // ---- building messages ----

    /** A request before signing. */
    private record Req(String method, String target, String type, byte[] body, HttpFields extra) {
        Req(String method, String target, String type, byte[] body) {
            this(method, target, type, body, HttpFields.empty());
        }

        Req with(String name, String value) {
            return new Req(method, target, type, body, extra.with(name, value));
        }

        RequestMessage message(String appId, String host) {
            HttpFields f = type == null ? HttpFields.empty() : HttpFields.of("content-type", type);
            f = f.with("x-zwfw-app-id", appId);
            for (Map.Entry<String, String> e : extra.lines()) {
                f = f.with(e.getKey(), e.getValue());
            }
            return RequestMessage.of(method, URI.create("https://" + host + target), f, body);
        }
    }

    private static Req post(String target, String json) {
        return new Req("POST", target, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    private Signed<RequestMessage> sign(String a, Req r) {
        return sign(a, r, CREATED);
    }

    private Signed<RequestMessage> sign(String a, Req r, Instant created) {
        return MessageSigner.of(app.get(a)).signRequest(r.message(APP, HOST), created, nonce());
    }

    private Signed<ResponseMessage> respond(String a, Signed<RequestMessage> to, int status, String json, String type) {
        return MessageSigner.of(platform.get(a)).signResponse(new ResponseMessage(status,
                HttpFields.of("content-type", type == null ? "application/json" : type,
                        "x-request-id", "5c1f8e27-9a4d-4e3b-b6a0-3f7d2c9e1b58"),
                json.getBytes(StandardCharsets.UTF_8)), to.message(), CREATED.plusSeconds(1));
    }

    private static Signed<RequestMessage> replaced(Signed<RequestMessage> s, RequestMessage m, byte[] body) {
        RequestMessage r = body == null ? m : new RequestMessage(m.method(), m.authority(), m.path(), m.query(), m.fields(), body);
        return new Signed<>(r, s.signatureBase(), s.signature());
    }

    private static Signed<RequestMessage> retarget(Signed<RequestMessage> s, String host, String path, String query) {
        RequestMessage m = s.message();
        return new Signed<>(new RequestMessage(m.method(), host, path, query, m.fields(), m.content()), s.signatureBase(),
                s.signature());
    }

    private static Signed<RequestMessage> withSignature(Signed<RequestMessage> s, byte[] sig) {
        RequestMessage m = s.message();
        return new Signed<>(m.withFields(m.fields().replace("signature", "zwfw=:" + Base64.getEncoder().encodeToString(sig) + ":")),
                s.signatureBase(), sig);
    }

    private static byte[] der(byte[] rs) {
        byte[] r = new BigInteger(1, Arrays.copyOfRange(rs, 0, 32)).toByteArray();
        byte[] s = new BigInteger(1, Arrays.copyOfRange(rs, 32, 64)).toByteArray();
        java.io.ByteArrayOutputStream o = new java.io.ByteArrayOutputStream();
        o.write(0x30);
        o.write(4 + r.length + s.length);
        o.write(2);
        o.write(r.length);
        o.writeBytes(r);
        o.write(2);
        o.write(s.length);
        o.writeBytes(s);
        return o.toByteArray();
    }

    private static String nonceOf(Signed<RequestMessage> s) {
        String in = s.message().fields().first("signature-input").orElseThrow();
        int i = in.indexOf("nonce=\"") + 7;
        return in.substring(i, in.indexOf('"', i));
    }

    // ---- writing vectors ----

    private void valid(String name, String description, String a, Signed<RequestMessage> req, Signed<ResponseMessage> resp) {
        vector(name, description, a, req, List.of(), resp, List.of(), List.of());
    }

    private void invalid(String name, String description, String a, Signed<RequestMessage> req, String code) {
        vector(name, description, a, req, List.of(code), null, List.of(), List.of());
    }

    private void vector(String name, String description, String a, Signed<RequestMessage> req, List<String> reqCodes,
                        Signed<ResponseMessage> resp, List<String> respCodes, List<String> noncesSeen) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("request", message(req.message()));
        if (resp != null) {
            input.put("response", message(resp.message()));
        }
        boolean signedAsSent = !reqCodes.contains("MALFORMED") && !reqCodes.contains("COMPONENT_NOT_COVERED");
        Map<String, Object> expected = new LinkedHashMap<>();
        List<String> all = new ArrayList<>(reqCodes);
        all.addAll(respCodes);
        expected.put("valid", all.isEmpty());
        expected.put("codes", all);
        expected.put("signature_deterministic", !a.equals("sm2-sm3"));
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("valid", reqCodes.isEmpty());
        r.put("codes", reqCodes);
        if (signedAsSent) {
            r.put("signature_base", org.zwfw.sdk.httpsig.SignatureBases.of(req.message()));
            r.put("signature", Base64.getEncoder().encodeToString(req.signature()));
            // a signature replaced after signing, or made by a key that is not the context's, is not reproduced
            if (!Arrays.equals(req.signature(), sigOf(req.message())) || reqCodes.contains("UNKNOWN_KEY")
                    || reqCodes.contains("UNSUPPORTED_ALGORITHM") || reqCodes.contains("SIGNATURE_INVALID")) {
                r.put("reproducible", false);
            }
        }
        expected.put("request", r);
        if (resp != null) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("valid", respCodes.isEmpty());
            s.put("codes", respCodes);
            s.put("signature_base", resp.signatureBase());
            s.put("signature", Base64.getEncoder().encodeToString(resp.signature()));
            if (!respCodes.isEmpty()) {
                s.remove("signature_base");
            }
            expected.put("response", s);
        }
        write(name, description, input, context(a, noncesSeen), expected);
    }

    private static byte[] sigOf(RequestMessage m) {
        String v = m.fields().first("signature").orElseThrow();
        return Base64.getDecoder().decode(v.substring(v.indexOf(":") + 1, v.lastIndexOf(':')));
    }

    private Map<String, Object> context(String a, List<String> noncesSeen) {
        Map<String, Object> ctx = new LinkedHashMap<>();
        ctx.put("time", TIME.toString());
        ctx.put("skew_seconds", 300);
        ctx.put("authorities", List.of(HOST));
        ctx.put("app_id", APP);
        ctx.put("app_keys", KeySet.of(app.values().stream().map(SigningKey::verificationKey).toList()).toJwks());
        ctx.put("app_private_key", app.get(a).toPrivateJwk());
        ctx.put("platform_keys", KeySet.of(platform.values().stream().map(SigningKey::verificationKey).toList()).toJwks());
        ctx.put("platform_private_key", platform.get(a).toPrivateJwk());
        ctx.put("nonces_seen", noncesSeen);
        return ctx;
    }

    private static Map<String, Object> message(RequestMessage m) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("method", m.method());
        o.put("target", m.target());
        o.put("scheme", "https");
        List<List<String>> headers = new ArrayList<>();
        headers.add(List.of("host", m.authority()));
        m.fields().lines().forEach(l -> headers.add(List.of(l.getKey(), l.getValue())));
        o.put("headers", headers);
        body(o, m.content());
        return o;
    }

    private static Map<String, Object> message(ResponseMessage m) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("status", m.status());
        List<List<String>> headers = new ArrayList<>();
        m.fields().lines().forEach(l -> headers.add(List.of(l.getKey(), l.getValue())));
        o.put("headers", headers);
        body(o, m.content());
        return o;
    }

    private static void body(Map<String, Object> o, byte[] content) {
        if (content == null) {
            return;
        }
        String text = new String(content, StandardCharsets.UTF_8);
        if (Arrays.equals(text.getBytes(StandardCharsets.UTF_8), content) && text.chars().noneMatch(c -> c < 0x20 && c != '\n')) {
            o.put("body", text);
        } else {
            o.put("body_base64", Base64.getEncoder().encodeToString(content));
        }
    }

    private void write(String name, String description, Map<String, Object> input, Map<String, Object> ctx,
                       Map<String, Object> expected) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("description", description);
        v.put("kind", "api-signing");
        v.put("input", input);
        v.put("context", ctx);
        v.put("expected", expected);
        out.add(name, v);
    }
}
