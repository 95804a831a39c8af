package org.zwfw.sdk.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SandboxTest {

    @Test
    void startsOnAnEphemeralLoopbackPortWithTheDefaults() {
        try (Sandbox sandbox = Sandbox.builder().start()) {
            assertThat(sandbox.port()).isPositive();
            assertThat(sandbox.baseUri()).isEqualTo(URI.create("http://127.0.0.1:" + sandbox.port()));
            assertThat(sandbox.stateDirectory()).isEmpty();
            assertThat(sandbox.trustListSeq()).isEqualTo(1);
            assertThat(Http.get(sandbox.indexUri()).status()).isEqualTo(200);
        }
    }

    @Test
    void indexListsEveryUrlAndEachAnswers() {
        try (Sandbox sandbox = Sandbox.builder().start()) {
            Http.Reply r = Http.get(sandbox.indexUri());
            assertThat(r.contentType()).isEqualTo("application/json");
            JsonNode index = r.json();
            String base = sandbox.baseUri().toString();
            assertThat(index.get("base_url").asText()).isEqualTo(base);
            assertThat(index.at("/trust_list/url").asText()).isEqualTo(sandbox.trustListUri().toString());
            assertThat(index.at("/trust_list/anchor_jwks").asText()).isEqualTo(sandbox.trustAnchorJwksUri().toString());
            assertThat(index.at("/trust_list/iss").asText()).isEqualTo(Sandbox.TRUST_LIST_ISSUER);
            assertThat(index.at("/trust_list/anchor_alg").asText()).isEqualTo("SGD_SM3_SM2");
            assertThat(index.get("issuers")).hasSize(3);

            List<String> getUrls = new ArrayList<>(List.of(index.at("/trust_list/url").asText(),
                    index.at("/trust_list/anchor_jwks").asText()));
            for (SandboxIssuer i : SandboxIssuer.values()) {
                JsonNode e = index.get("issuers").get(i.ordinal());
                assertThat(e.get("slug").asText()).isEqualTo(i.slug());
                assertThat(e.get("id").asText()).isEqualTo(i.id());
                assertThat(e.get("vct").asText()).isEqualTo(i.credentialType().vct());
                assertThat(e.get("alg").asText()).isEqualTo(i.algorithm().jwsName());
                assertThat(e.get("jwks").asText()).isEqualTo(sandbox.jwksUri(i).toString());
                assertThat(e.get("status_list").asText()).isEqualTo(sandbox.statusListUri(i).toString());
                assertThat(e.get("credentials").asText()).isEqualTo(sandbox.credentialsUri(i).toString());
                assertThat(e.get("samples").asText()).isEqualTo(sandbox.samplesUri(i).toString());
                assertThat(e.get("status_entry").asText()).endsWith("/status-lists/1/entries/{idx}");
                getUrls.add(e.get("jwks").asText());
                getUrls.add(e.get("status_list").asText());
                getUrls.add(e.get("samples").asText());
                // POST-only: the URL exists and says which method it takes.
                assertThat(Http.get(sandbox.credentialsUri(i)).status()).isEqualTo(405);
            }
            for (String url : getUrls) {
                assertThat(url).startsWith(base);
                assertThat(Http.get(URI.create(url)).status()).as(url).isEqualTo(200);
            }
            assertThat(Http.get(URI.create(base + "/")).json()).isEqualTo(index);
        }
    }

    @Test
    void samplesOfTheAlgorithmsAreWhereTheDocumentsSay() {
        try (Sandbox sandbox = Sandbox.builder().start()) {
            assertThat(sandbox.trustAnchorKeys().keys()).singleElement()
                    .satisfies(k -> assertThat(k.algorithm().jwsName()).isEqualTo("SGD_SM3_SM2"));
            JsonNode licensing = Http.get(sandbox.jwksUri(SandboxIssuer.LICENSING)).json();
            assertThat(licensing.get("keys")).hasSize(2);
            assertThat(licensing.at("/keys/0/alg").asText()).isEqualTo("ES256");
            assertThat(licensing.at("/keys/1/alg").asText()).isEqualTo("EdDSA");
            JsonNode market = Http.get(sandbox.jwksUri(SandboxIssuer.MARKET_REGULATION)).json();
            assertThat(market.get("keys")).hasSize(1);
            assertThat(market.at("/keys/0/crv").asText()).isEqualTo("SM2-P-256");
            assertThat(market.at("/keys/0/d").isMissingNode()).as("no private member").isTrue();
        }
    }

    @Test
    void refusesANonLoopbackHostWithoutTheFlag() {
        assertThatThrownBy(() -> Sandbox.builder().host("0.0.0.0").start())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a loopback address")
                .hasMessageContaining("allowNonLoopback");
    }

    @Test
    void bindsTheWildcardWhenAllowedAndAdvertisesLoopback() {
        try (Sandbox sandbox = Sandbox.builder().host("0.0.0.0").allowNonLoopback(true).start()) {
            assertThat(sandbox.baseUri().toString()).isEqualTo("http://127.0.0.1:" + sandbox.port());
            assertThat(Http.get(sandbox.indexUri()).status()).isEqualTo(200);
        }
    }

    @Test
    void aSpecificNonLoopbackAddressNeedsAPublicBaseUrl() throws Exception {
        assertThatThrownBy(() -> SandboxStart.derivedBase("192.0.2.10", InetAddress.getByName("192.0.2.10"), 8080))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("publicBaseUri");
        assertThat(SandboxStart.derivedBase("localhost", InetAddress.getByName("127.0.0.1"), 8080))
                .isEqualTo(URI.create("http://localhost:8080"));
        assertThat(SandboxStart.derivedBase("::1", InetAddress.getByName("::1"), 8080))
                .isEqualTo(URI.create("http://[::1]:8080"));
    }

    @Test
    void aPublicBaseUrlIsHttpsOrLoopbackHttpWithoutPath() {
        assertThatThrownBy(() -> Sandbox.builder().publicBaseUri(URI.create("http://192.0.2.10:8080")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("https");
        assertThatThrownBy(() -> Sandbox.builder().publicBaseUri(URI.create("https://sandbox.example/base")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("without path");
        assertThatThrownBy(() -> Sandbox.builder().publicBaseUri(URI.create("https://user@sandbox.example")))
                .isInstanceOf(IllegalArgumentException.class);
        try (Sandbox sandbox = Sandbox.builder().publicBaseUri(URI.create("https://sandbox.example/")).start()) {
            assertThat(sandbox.baseUri()).isEqualTo(URI.create("https://sandbox.example"));
            assertThat(sandbox.statusListUri(SandboxIssuer.LICENSING).toString())
                    .isEqualTo("https://sandbox.example/issuers/licensing/status-lists/1");
            // The proxy's Host is answered, and so is loopback (the bound address).
            assertThat(Http.raw(sandbox.port(), "GET / HTTP/1.1\r\nHost: sandbox.example\r\nConnection: close\r\n\r\n"))
                    .startsWith("HTTP/1.1 200");
        }
    }

    @Test
    void refusesAnotherHostHeaderAgainstDnsRebinding() {
        try (Sandbox sandbox = Sandbox.builder().start()) {
            String reply = Http.raw(sandbox.port(), "GET /.well-known/zwfw-sandbox HTTP/1.1\r\nHost: attacker.example:"
                    + sandbox.port() + "\r\nConnection: close\r\n\r\n");
            assertThat(reply).startsWith("HTTP/1.1 421").contains("application/problem+json")
                    .contains("\"status\" : 421");
            String ok = Http.raw(sandbox.port(), "GET /.well-known/zwfw-sandbox HTTP/1.1\r\nHost: localhost:"
                    + sandbox.port() + "\r\nConnection: close\r\n\r\n");
            assertThat(ok).startsWith("HTTP/1.1 200");
        }
    }

    @Test
    void closeStopsServingAndIsIdempotent() throws Exception {
        Sandbox sandbox = Sandbox.builder().start();
        URI index = sandbox.indexUri();
        int port = sandbox.port();
        sandbox.close();
        sandbox.close();
        assertThatThrownBy(() -> Http.get(index)).isInstanceOf(UncheckedIOException.class);
        try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThat(again.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void aTakenPortIsAClearError() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThatThrownBy(() -> Sandbox.builder().port(taken.getLocalPort()).start())
                    .isInstanceOf(UncheckedIOException.class).hasMessageContaining("cannot listen on 127.0.0.1 port "
                            + taken.getLocalPort());
        }
    }

    @Test
    void builderRefusesImpossiblePorts() {
        assertThatThrownBy(() -> Sandbox.builder().port(65536)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Sandbox.builder().port(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
