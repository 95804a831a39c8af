package org.zwfw.sdk.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Slow clients (slowloris) neither freeze the sandbox nor hold its connections for ever: a normal
 * request is answered while they trickle, and each is cut off once past its read deadline. The
 * deadlines are shortened to one second so that the test is quick; nothing here asserts a time
 * beyond "answered at all" (the client's 10-second timeout).
 */
class SlowClientsTest {

    private static final int SLOW = 24;

    @Test
    void slowHeadersDoNotFreezeTheSandboxAndAreCutOff() throws Exception {
        check(SlowClients.Kind.HEADER);
    }

    @Test
    void slowBodiesDoNotFreezeTheSandboxAndAreCutOff() throws Exception {
        check(SlowClients.Kind.BODY);
    }

    @Test
    void slowTokenRequestsToTheOpenIdProviderAreCutOffToo() throws Exception {
        check(SlowClients.Kind.FORM_BODY);
    }

    private static void check(SlowClients.Kind kind) throws Exception {
        try (Sandbox sandbox = Sandbox.builder().readDeadlines(Duration.ofSeconds(1), Duration.ofSeconds(1)).start();
                SlowClients slow = new SlowClients(sandbox.port(), SLOW, kind, 200)) {
            Thread.sleep(300);
            assertThat(slow.cutOff()).as("slow connections still open before their deadline").isLessThan(SLOW);
            for (int i = 0; i < 3; i++) {
                assertThat(Http.get(sandbox.trustListUri()).status()).isEqualTo(200);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (slow.cutOff() < SLOW && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(slow.cutOff()).as("slow connections cut off").isEqualTo(SLOW);
            assertThat(Http.get(sandbox.trustListUri()).status()).isEqualTo(200);
        }
    }
}
