package org.zwfw.sdk.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Requests that are not well-formed HTTP, answered by the server library before any route, and
 * requests that try to get around the {@code Host} check: problem details all the same, sent
 * over raw sockets since no HTTP client sends them.
 */
class MalformedHttpTest {

    private static Sandbox sandbox;
    private static String host;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.builder().start();
        host = "Host: 127.0.0.1:" + sandbox.port() + "\r\n";
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static JsonNode assertProblem(Http.RawReply r, int status, String code) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().get("content-type")).isEqualTo("application/problem+json");
        assertThat(r.headers()).containsKeys("x-request-id", "cache-control", "x-content-type-options");
        JsonNode p = r.json();
        assertThat(p.get("status").asInt()).isEqualTo(status);
        assertThat(p.get("request_id").asText()).isEqualTo(r.headers().get("x-request-id"));
        assertThat(p.get("detail").asText()).isNotBlank();
        if (code == null) {
            assertThat(p.has("code")).isFalse();
        } else {
            assertThat(p.get("code").asText()).isEqualTo(code);
        }
        return p;
    }

    private static Http.RawReply send(String request) {
        return Http.rawReply(sandbox.port(), request);
    }

    @Test
    void aDuplicateHostHeaderIsRefused() {
        JsonNode p = assertProblem(send("GET /trust-list HTTP/1.1\r\n" + host + "Host: attacker.example\r\n"
                + "Connection: close\r\n\r\n"), 400, "MALFORMED");
        assertThat(p.get("detail").asText()).contains("one Host header");
        // the same name twice is no better
        assertProblem(send("GET /trust-list HTTP/1.1\r\n" + host + host + "Connection: close\r\n\r\n"), 400,
                "MALFORMED");
    }

    @Test
    void anAbsoluteFormTargetNamingAnotherHostIsRefused() {
        // the header names the sandbox, the target another host: the bypass of the DNS-rebinding check
        assertProblem(send("GET http://attacker.example/trust-list HTTP/1.1\r\n" + host + "Connection: close\r\n\r\n"),
                400, "MALFORMED");
        // both name the other host
        assertProblem(send("GET http://attacker.example:" + sandbox.port() + "/trust-list HTTP/1.1\r\nHost:"
                + " attacker.example:" + sandbox.port() + "\r\nConnection: close\r\n\r\n"), 421, null);
        // naming the sandbox itself, it is the request RFC 9112 §3.2.2 requires a server to accept
        assertThat(send("GET http://127.0.0.1:" + sandbox.port() + "/trust-list HTTP/1.1\r\n" + host
                + "Connection: close\r\n\r\n").status()).isEqualTo(200);
    }

    @Test
    void aMissingHostIsRefused() {
        assertProblem(send("GET /trust-list HTTP/1.1\r\nConnection: close\r\n\r\n"), 400, "MALFORMED");
        assertProblem(send("GET /trust-list HTTP/1.0\r\n\r\n"), 421, null);
    }

    @Test
    void requestsThatAreNotHttpAreMalformed() {
        assertProblem(send("GARBAGE\r\n\r\n"), 400, "MALFORMED");
        assertProblem(send("GET /trust-list HTTP/1.1 extra\r\n" + host + "\r\n"), 400, "MALFORMED");
        assertProblem(send("GET /trust-list HTTP/1.1\r\n" + host + "No colon here\r\n\r\n"), 400, "MALFORMED");
        assertProblem(send("GET /trust-list HTTP/3.0\r\n" + host + "\r\n"), 505, null);
        assertProblem(send("GET //trust-list HTTP/1.1\r\n" + host + "Connection: close\r\n\r\n"), 400, "MALFORMED");
        assertProblem(send("GET /trust-list%2F HTTP/1.1\r\n" + host + "Connection: close\r\n\r\n"), 400, "MALFORMED");
        assertProblem(send("GET /issuers/%2e%2e/trust-list HTTP/1.1\r\n" + host + "Connection: close\r\n\r\n"), 400,
                "MALFORMED");
        // Jetty's own answer to the HTTP/2 preface, which no handler sees (spec/sandbox.md §4)
        assertThat(send("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n").status()).isEqualTo(426);
    }

    @Test
    void badBodyFramingIsMalformed() {
        String post = "POST /issuers/licensing/status-lists/1/entries/1 HTTP/1.1\r\n" + host
                + "Content-Type: application/json\r\nConnection: close\r\n";
        assertProblem(send(post + "Content-Length: ten\r\n\r\n{}"), 400, "MALFORMED");
        assertProblem(send(post + "Content-Length: -2\r\n\r\n{}"), 400, "MALFORMED");
        assertProblem(send(post + "Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}"), 400, "MALFORMED");
        assertProblem(send(post + "Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n"), 400, "MALFORMED");
        assertProblem(send(post + "Transfer-Encoding: chunked\r\nContent-Length: 2\r\n\r\n2\r\n{}\r\n0\r\n\r\n"),
                400, "MALFORMED");
    }

    @Test
    void anOversizedHeaderIsTooLarge() {
        assertProblem(send("GET /trust-list HTTP/1.1\r\n" + host + "X-Padding: " + "a".repeat(9000)
                + "\r\nConnection: close\r\n\r\n"), 431, "TOO_LARGE");
        assertProblem(send("GET /" + "a".repeat(9000) + " HTTP/1.1\r\n" + host + "Connection: close\r\n\r\n"), 414,
                "TOO_LARGE");
    }
}
