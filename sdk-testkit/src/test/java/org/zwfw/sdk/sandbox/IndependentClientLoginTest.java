package org.zwfw.sdk.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An independent, certified OpenID Connect client (panva/openid-client on Node, installed into
 * interop/openid-client by this module's build) logs in against the sandbox provider: discovery,
 * code + PKCE, its own ID token validation and userinfo's {@code sub} check (issue 10, "Tests").
 */
class IndependentClientLoginTest {

    static final Path CLIENT = Path.of("../interop/openid-client").toAbsolutePath().normalize();
    private static Sandbox sandbox;
    private static OpenIdProvider op;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.builder().start();
        op = sandbox.openIdProvider();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static Result login(String clientId, String secret, String hint) throws Exception {
        assertThat(CLIENT.resolve("node_modules/openid-client")).as("npm ci in " + CLIENT
                + " (the sdk-testkit build runs it)").isDirectory();
        Process p = new ProcessBuilder(List.of("node", "login.mjs", op.issuer().toString(), clientId, secret,
                "http://127.0.0.1:9/callback", hint)).directory(CLIENT.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the independent client did not finish within 60 s");
        }
        return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    record Result(int exit, String out, String err) {
    }

    @Test
    void openidClientLogsInWithTheCodeFlowAndPkce() throws Exception {
        RegisteredApp web = op.app("sandbox-web").orElseThrow();
        Result r = login(web.clientId(), web.clientSecret().orElseThrow(), "sandbox:l3");
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        JsonNode o = new ObjectMapper().readTree(r.out());
        assertThat(o.get("acr").asText()).isEqualTo("urn:zwfw:rn:L3");
        assertThat(o.get("sub").asText()).hasSize(43).isEqualTo(o.get("userinfo_sub").asText());
    }

    @Test
    void openidClientIsRefusedWithAWrongSecretAndSaysWhy() throws Exception {
        Result r = login("sandbox-web", "not-the-secret-0123456789", "sandbox:l2");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("invalid_client");
    }

    @Test
    void aDeniedLoginReachesTheClientAsAccessDenied() throws Exception {
        RegisteredApp web = op.app("sandbox-web").orElseThrow();
        Result r = login(web.clientId(), web.clientSecret().orElseThrow(), "sandbox:deny");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("access_denied");
    }
}
