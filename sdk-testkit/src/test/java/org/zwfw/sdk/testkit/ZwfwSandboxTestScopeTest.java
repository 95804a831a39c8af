package org.zwfw.sdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.zwfw.sdk.sandbox.Sandbox;
import org.zwfw.sdk.trust.TrustList;
import org.zwfw.sdk.trust.TrustListVerifier;

/** {@code @ZwfwSandbox(scope = TEST, testClock = true)}: a fresh sandbox per test, on a clock the test moves. */
@ZwfwSandbox(scope = ZwfwSandbox.Scope.TEST, testClock = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ZwfwSandboxTestScopeTest {

    private static URI previous;

    @SandboxValue
    TestClock clock;

    @SandboxValue
    Sandbox sandbox;

    @Test
    @Order(1)
    void firstTestGetsItsOwnSandbox(Sandbox s, TestClock c) {
        assertThat(s).isSameAs(sandbox);
        assertThat(c).isSameAs(clock);
        previous = s.baseUri();
    }

    @Test
    @Order(2)
    void theFirstTestsSandboxWasClosedAndThisOneIsNew(URI base) {
        assertThat(previous).as("test 1 ran first").isNotNull();
        assertThat(base).isNotEqualTo(previous);
        HttpClient http = HttpClient.newHttpClient();
        assertThatThrownBy(() -> http.send(HttpRequest.newBuilder(previous.resolve(Sandbox.INDEX_PATH)).build(),
                HttpResponse.BodyHandlers.discarding())).isInstanceOf(IOException.class);
    }

    @Test
    @Order(3)
    void theSandboxRunsOnTheInjectedClock(TrustList first) throws Exception {
        assertThat(first.edition().orElseThrow().issuedAt()).isBeforeOrEqualTo(clock.instant());
        clock.advance(Sandbox.TRUST_LIST_LIFETIME.dividedBy(2));
        TrustList next = fetchTrustList();
        assertThat(next.edition().orElseThrow().issuedAt()).isEqualTo(clock.instant());
        assertThat(next.edition().orElseThrow().seq()).isGreaterThan(first.edition().orElseThrow().seq());
    }

    private TrustList fetchTrustList() throws Exception {
        String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(sandbox.trustListUri()).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return TrustListVerifier.builder(sandbox.trustAnchorKeys()).clock(clock).build().verify(body).orElseThrow();
    }
}
