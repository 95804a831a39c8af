package org.zwfw.sdk.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.crypto.SigningKey;

/** Every kind of bad request gets problem details with a stable code, and never its values back. */
class BadRequestsTest {

    /** Valid but for the check character (the correct one is X). */
    static final String BAD_ID = "110105194912310021";

    private static Sandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.builder().start();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static URI credentials(SandboxIssuer issuer) {
        return sandbox.credentialsUri(issuer);
    }

    private static ObjectNode sampleRequest(SandboxIssuer issuer) {
        return (ObjectNode) Http.get(sandbox.samplesUri(issuer)).json().at("/samples/0/request").deepCopy();
    }

    private static void assertProblem(Http.Reply r, int status, String code) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).isEqualTo("application/problem+json");
        JsonNode p = r.json();
        assertThat(p.get("status").asInt()).isEqualTo(status);
        assertThat(p.get("title").asText()).isNotBlank();
        assertThat(p.get("detail").asText()).isNotBlank();
        assertThat(p.get("type").asText()).isNotBlank();
        assertThat(p.get("request_id").asText()).isEqualTo(r.headers().firstValue("X-Request-Id").orElseThrow());
        if (code == null) {
            assertThat(p.has("code")).isFalse();
        } else {
            assertThat(p.get("code").asText()).isEqualTo(code);
        }
    }

    private static List<String> codesAt(Http.Reply r) {
        List<String> out = new ArrayList<>();
        for (JsonNode e : r.json().get("errors")) {
            out.add(e.get("code").asText() + " " + e.path("pointer").asText("-"));
        }
        return out;
    }

    @Test
    void invalidClaimsAreAllListedWithCodesAndPointersButNoValues() {
        ObjectNode body = sampleRequest(SandboxIssuer.SOCIAL_SECURITY);
        ObjectNode claims = (ObjectNode) body.get("claims");
        claims.put("social_security_number", BAD_ID);
        claims.remove("holder_name");
        claims.put("issuing_region_code", "012345");
        claims.put("nickname", "小张");
        claims.put("sign_level", 3);
        claims.put("issue_date", "2024-02-30");
        Http.Reply r = Http.postJson(credentials(SandboxIssuer.SOCIAL_SECURITY), body);
        assertProblem(r, 400, "INVALID_CLAIM");
        assertThat(r.json().get("type").asText()).isEqualTo("urn:zwfw:sandbox:problem:invalid-request");
        assertThat(codesAt(r)).containsExactlyInAnyOrder(
                "INVALID_CLAIM -",
                "INVALID_CLAIM /claims/issuing_region_code",
                "MISSING_CLAIM /claims/holder_name",
                "CHECKSUM_INVALID /claims/social_security_number",
                "INVALID_CLAIM /claims/sign_level",
                "INVALID_CLAIM /claims/issue_date");
        assertThat(r.json().get("errors").get(0).get("detail").asText()).contains("'nickname'");
        assertThat(r.body()).doesNotContain(BAD_ID, "012345", "小张", "2024-02-30",
                claims.get("card_number").asText(), claims.get("sign_no").asText());
    }

    @Test
    void checkCharactersOfLicenseIdentifiersAndUsccsAreChecksumInvalid() {
        ObjectNode body = sampleRequest(SandboxIssuer.MARKET_REGULATION);
        ObjectNode claims = (ObjectNode) body.get("claims");
        String uscc = claims.get("uscc").asText();
        String wrongUscc = uscc.substring(0, 17) + (uscc.charAt(17) == '0' ? '1' : '0');
        String id = claims.get("license_id").asText();
        String wrongId = id.substring(0, id.length() - 1) + (id.endsWith("0") ? '1' : '0');
        claims.put("uscc", wrongUscc);
        claims.put("holder_code", wrongUscc);
        claims.put("license_id", wrongId);
        body.remove("always_visible");
        Http.Reply r = Http.postJson(credentials(SandboxIssuer.MARKET_REGULATION), body);
        assertProblem(r, 400, "CHECKSUM_INVALID");
        assertThat(codesAt(r)).containsExactlyInAnyOrder("CHECKSUM_INVALID /claims/license_id",
                "CHECKSUM_INVALID /claims/holder_code", "CHECKSUM_INVALID /claims/uscc");
        assertThat(r.body()).doesNotContain(wrongUscc, wrongId);
    }

    @Test
    void theRequestMembersAreCheckedToo() {
        ObjectNode body = sampleRequest(SandboxIssuer.LICENSING);
        body.put("vct", "urn:zwfw:vct:license:1");
        body.putArray("always_visible").add("holder_name").add("no_such_claim").add(7);
        SigningKey holder = SigningKey.generate(JwsAlgorithm.ES256);
        body.set("holder_jwk", Http.JSON.valueToTree(holder.toPrivateJwk()));
        Http.Reply r = Http.postJson(credentials(SandboxIssuer.LICENSING), body);
        assertProblem(r, 400, "INVALID_CLAIM");
        assertThat(codesAt(r)).containsExactly("INVALID_CLAIM -", "INVALID_CLAIM /always_visible/1",
                "INVALID_CLAIM /always_visible/2", "INVALID_CLAIM /holder_jwk");
        assertThat(r.json().at("/errors/3/detail").asText()).contains("private member 'd'");
        assertThat(r.body()).doesNotContain((String) holder.toPrivateJwk().get("d"));

        Http.Reply missing = Http.postJson(credentials(SandboxIssuer.LICENSING), "{\"claims\": []}");
        assertThat(codesAt(missing)).containsExactly("INVALID_CLAIM /claims");
        assertProblem(Http.postJson(credentials(SandboxIssuer.LICENSING), "{}"), 400, "MISSING_CLAIM");
    }

    @Test
    void aValidUntilThatHasPassedIsRefused() {
        ObjectNode body = sampleRequest(SandboxIssuer.LICENSING);
        ((ObjectNode) body.get("claims")).put("valid_from", "2001-01-01");
        ((ObjectNode) body.get("claims")).put("valid_until", "2002-01-01");
        Http.Reply r = Http.postJson(credentials(SandboxIssuer.LICENSING), body);
        assertProblem(r, 400, "INVALID_CLAIM");
        assertThat(codesAt(r)).containsExactly("INVALID_CLAIM /claims/valid_until");
        assertThat(r.body()).doesNotContain("2002-01-01");
    }

    @Test
    void brokenJsonIsMalformedAndNotEchoed() {
        URI uri = credentials(SandboxIssuer.SOCIAL_SECURITY);
        for (String json : List.of("{\"claims\": {\"holder_name\": \"张三\", ", "{\"claims\": " + BAD_ID + "x}",
                "[\"" + BAD_ID + "\"]", "", "{\"claims\": {}} {\"" + BAD_ID + "\": 1}",
                "{\"claims\": {\"holder_name\": \"张三\", \"holder_name\": \"李四\"}}")) {
            Http.Reply r = Http.postJson(uri, json);
            assertProblem(r, 400, "MALFORMED");
            assertThat(r.body()).as(json).doesNotContain(BAD_ID, "张三", "李四");
        }
        Http.Reply dup = Http.postJson(uri, "{\"claims\": {}, \"claims\": {}}");
        assertThat(dup.json().get("detail").asText()).contains("appears twice");
    }

    @Test
    void nonUtf8AndByteOrderMarksAreMalformed() {
        URI uri = credentials(SandboxIssuer.SOCIAL_SECURITY);
        byte[] latin1 = "{\"claims\": {\"holder_name\": \"Jos\u00e9\"}}".getBytes(StandardCharsets.ISO_8859_1);
        Http.Reply r = Http.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(latin1)));
        assertProblem(r, 400, "MALFORMED");
        assertThat(r.json().get("detail").asText()).contains("UTF-8");
        Http.Reply bom = Http.postJson(uri, "\uFEFF{\"claims\": {}}");
        assertProblem(bom, 400, "MALFORMED");
        assertThat(bom.json().get("detail").asText()).contains("byte-order mark");
    }

    @Test
    void deepNestingIsTooLarge() {
        String deep = "{\"claims\": " + "[".repeat(40) + "]".repeat(40) + "}";
        assertProblem(Http.postJson(credentials(SandboxIssuer.SOCIAL_SECURITY), deep), 400, "TOO_LARGE");
    }

    @Test
    void unknownPathsAreNotFound() {
        String base = sandbox.baseUri().toString();
        for (String path : List.of("/nothing", "/trust-list/", "/issuers/tax-bureau/jwks.json", "/issuers/licensing",
                "/issuers/licen%73ing/jwks.json", "/issuers/licensing/samples/nobody",
                "/issuers/licensing/status-lists/2", "/issuers/licensing/status-lists/1/entries/x")) {
            Http.Reply r = path.endsWith("/nobody")
                    ? Http.send(HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.noBody()))
                    : Http.get(URI.create(base + path));
            assertProblem(r, 404, null);
            assertThat(r.json().get("type").asText()).isEqualTo("about:blank");
            assertThat(r.json().get("title").asText()).isEqualTo("Not Found");
        }
        // An empty segment or an encoded slash is refused by the server library before any route
        // (an ambiguous path), as problem details too.
        assertProblem(Http.get(URI.create(base + "//trust-list")), 400, "MALFORMED");
        assertProblem(Http.get(URI.create(base + "/trust-list%2F")), 400, "MALFORMED");
    }

    @Test
    void wrongMethodsAreNotAllowedWithAllow() {
        Http.Reply delete = Http.send(HttpRequest.newBuilder(credentials(SandboxIssuer.LICENSING)).DELETE());
        assertProblem(delete, 405, null);
        assertThat(delete.headers().firstValue("Allow")).hasValue("POST");
        Http.Reply post = Http.postJson(sandbox.trustListUri(), "{}");
        assertProblem(post, 405, null);
        assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
        Http.Reply put = Http.send(HttpRequest.newBuilder(sandbox.statusEntryUri(SandboxIssuer.LICENSING, 1))
                .PUT(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(put.headers().firstValue("Allow")).hasValue("GET, HEAD, POST");
    }

    @Test
    void oversizedBodiesAreTooLarge() {
        JsonNode issued = Http.postJson(credentials(SandboxIssuer.LICENSING), sampleRequest(SandboxIssuer.LICENSING))
                .json();
        URI entry = URI.create(issued.get("status_entry").asText());
        String padded = "{\"status\": \"INVALID\", \"x\": \"" + "a".repeat(4096) + "\"}";
        Http.Reply r = Http.postJson(entry, padded);
        assertProblem(r, 413, "TOO_LARGE");
        assertThat(r.json().get("title").asText()).isEqualTo("Content Too Large");
        assertThat(Http.get(entry).json().get("status").asText()).isEqualTo("VALID");

        // without Content-Length (chunked), the limit applies while the body is read
        byte[] bytes = padded.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Http.Reply chunked = Http.send(HttpRequest.newBuilder(entry).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes))));
        assertProblem(chunked, 413, "TOO_LARGE");
        assertThat(Http.get(entry).json().get("status").asText()).isEqualTo("VALID");

        ObjectNode big = sampleRequest(SandboxIssuer.LICENSING);
        ((ObjectNode) big.get("claims")).put("license_name", "证".repeat(50_000));
        assertProblem(Http.postJson(credentials(SandboxIssuer.LICENSING), big), 413, "TOO_LARGE");
    }

    @Test
    void bodiesMustBeJson() {
        URI uri = credentials(SandboxIssuer.LICENSING);
        String json = sampleRequest(SandboxIssuer.LICENSING).toString();
        for (String type : List.of("text/plain", "application/x-www-form-urlencoded", "application/json; charset=gbk")) {
            Http.Reply r = Http.send(HttpRequest.newBuilder(uri).header("Content-Type", type)
                    .POST(HttpRequest.BodyPublishers.ofString(json)));
            assertProblem(r, 415, null);
        }
        Http.Reply ok = Http.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
        assertThat(ok.status()).isEqualTo(201);
    }

    @Test
    void queryStringsAndGetBodiesAreRefused() {
        assertProblem(Http.get(URI.create(sandbox.trustListUri() + "?seq=1")), 400, "MALFORMED");
        String reply = Http.raw(sandbox.port(), "GET /trust-list HTTP/1.1\r\nHost: 127.0.0.1:" + sandbox.port()
                + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
        assertThat(reply).startsWith("HTTP/1.1 400").contains("carries no body");
    }

    @Test
    void headAnswersLikeGetWithoutBody() {
        Http.Reply r = Http.send(HttpRequest.newBuilder(sandbox.trustListUri())
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).isEqualTo(Sandbox.TRUST_LIST_MEDIA_TYPE);
        assertThat(r.body()).isEmpty();
    }

    @Test
    void aSampleTakesOnlyAHolderKey() {
        URI uri = URI.create(sandbox.samplesUri(SandboxIssuer.SOCIAL_SECURITY) + "/li-si");
        Http.Reply r = Http.postJson(uri, Map.of("claims", Map.of("holder_name", "王五")));
        assertProblem(r, 400, "INVALID_CLAIM");
        assertThat(r.body()).doesNotContain("王五");
    }

    @Test
    void aBodyOfManyUnknownMembersGetsABoundedAnswer() {
        StringBuilder body = new StringBuilder("{\"claims\":{");
        for (int i = 0; body.length() < 100_000; i++) {
            body.append(i == 0 ? "" : ",").append("\"a").append(i).append("\":\"\"");
        }
        String json = body.append("}}").toString();
        Http.Reply r = Http.postJson(credentials(SandboxIssuer.LICENSING), json);
        assertProblem(r, 400, "INVALID_CLAIM");
        assertThat(r.json().get("errors")).hasSize(100);
        assertThat(r.json().get("detail").asText()).contains("errors lists the first 100");
        assertThat(r.body().length()).as("answer no larger than the request").isLessThan(json.length());
    }

    @Test
    void binaryAndDeeplyNestedBodiesAreRefusedWithoutHarm() {
        byte[] binary = new byte[4096];
        new java.util.Random(7).nextBytes(binary);
        Http.Reply r = Http.send(HttpRequest.newBuilder(credentials(SandboxIssuer.LICENSING))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(binary)));
        assertProblem(r, 400, "MALFORMED");
        assertProblem(Http.postJson(credentials(SandboxIssuer.LICENSING), "[".repeat(100_000)), 400, "TOO_LARGE");
        assertProblem(Http.postJson(credentials(SandboxIssuer.LICENSING), "{\"a\":".repeat(20_000) + "1"
                + "}".repeat(20_000)), 400, "TOO_LARGE");
        assertThat(Http.get(sandbox.trustListUri()).status()).isEqualTo(200);
    }

    @Test
    void anEndlessChunkedBodyIsCutOffWithA413() throws Exception {
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", sandbox.port())) {
            s.setSoTimeout(10_000);
            java.io.OutputStream out = s.getOutputStream();
            out.write(("POST /issuers/licensing/credentials HTTP/1.1\r\nHost: 127.0.0.1:" + sandbox.port()
                    + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = ("2000\r\n" + " ".repeat(0x2000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            long sent = 0;
            try {
                while (sent < 64L << 20) {
                    out.write(chunk);
                    sent += 0x2000;
                }
            } catch (java.io.IOException closedByTheServer) {
                // expected: the server stops reading after its drain limit
            }
            assertThat(sent).as("bytes accepted before the server closed").isLessThan(64L << 20);
            String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 413").contains("application/problem+json", "TOO_LARGE");
        }
        assertThat(Http.get(sandbox.trustListUri()).status()).isEqualTo(200);
    }

    @Test
    void connectionsDroppedInTheMiddleOfABodyLeaveNoTrace() throws Exception {
        JsonNode issued = Http.postJson(credentials(SandboxIssuer.LICENSING), sampleRequest(SandboxIssuer.LICENSING))
                .json();
        URI entry = URI.create(issued.get("status_entry").asText());
        for (int i = 0; i < 20; i++) {
            try (java.net.Socket s = new java.net.Socket("127.0.0.1", sandbox.port())) {
                s.getOutputStream().write(("POST " + entry.getRawPath() + " HTTP/1.1\r\nHost: 127.0.0.1:"
                        + sandbox.port() + "\r\nContent-Type: application/json\r\nContent-Length: 21\r\n\r\n"
                        + "{\"status\": \"INV").getBytes(StandardCharsets.US_ASCII));
            }
        }
        assertThat(Http.get(entry).json().get("status").asText()).isEqualTo("VALID");
        assertThat(Http.get(sandbox.trustListUri()).status()).isEqualTo(200);
    }
}
