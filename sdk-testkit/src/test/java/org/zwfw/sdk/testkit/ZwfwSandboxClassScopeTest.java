package org.zwfw.sdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zwfw.sdk.crypto.KeySet;
import org.zwfw.sdk.sandbox.OpenIdProvider;
import org.zwfw.sdk.sandbox.RegisteredApp;
import org.zwfw.sdk.sandbox.Sandbox;
import org.zwfw.sdk.sandbox.SandboxIssuer;
import org.zwfw.sdk.trust.TrustList;
import org.zwfw.sdk.trust.TrustedIssuer;

/** {@code @ZwfwSandbox} with its default scope: one real sandbox for the class, values injected. */
@ZwfwSandbox
class ZwfwSandboxClassScopeTest {

    @SandboxValue
    static Sandbox shared;

    private static URI seenBeforeAll;

    @SandboxValue
    URI base;

    @SandboxValue
    KeySet anchor;

    @BeforeAll
    static void before(URI baseUri) {
        seenBeforeAll = baseUri;
    }

    @Test
    void oneSandboxServesTheWholeClass(Sandbox sandbox, URI baseUri) {
        assertThat(sandbox).isSameAs(shared);
        assertThat(baseUri).isEqualTo(seenBeforeAll).isEqualTo(base).isEqualTo(sandbox.baseUri());
        assertThat(baseUri.getHost()).isEqualTo("127.0.0.1");
    }

    @Test
    void theSandboxAnswersOverHttp(Sandbox sandbox) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(sandbox.indexUri()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains(sandbox.trustListUri().toString());
    }

    @Test
    void theTrustListHoldsTheSandboxIssuersVerifiedWithTheAnchor(TrustList trust, KeySet anchorKeys, Sandbox sandbox) {
        assertThat(anchorKeys.toJwks()).isEqualTo(sandbox.trustAnchorKeys().toJwks()).isEqualTo(anchor.toJwks());
        assertThat(trust.isSigned()).isTrue();
        assertThat(trust.issuers()).extracting(TrustedIssuer::id)
                .containsAll(java.util.Arrays.stream(SandboxIssuer.values()).map(SandboxIssuer::id).toList())
                .contains(sandbox.openIdProvider().issuer().toString()).hasSize(SandboxIssuer.values().length + 1);
    }

    @SandboxValue
    OpenIdProvider provider;

    @Test
    void theOpenIdProviderIsAParameterAndAFieldAndOnTheTrustList(OpenIdProvider op, Sandbox sandbox, TrustList trust) {
        assertThat(op).isSameAs(provider).isSameAs(sandbox.openIdProvider());
        assertThat(op.issuer().toString()).isEqualTo(sandbox.baseUri() + "/oidc");
        TrustedIssuer entry = trust.find(op.issuer().toString()).orElseThrow();
        assertThat(entry.types()).containsExactly("rnat", "id_token");
        assertThat(entry.name()).isEqualTo("示例省统一身份认证平台（沙箱）");
        assertThat(entry.keys().keys()).hasSize(5);
        assertThat(op.citizens()).hasSize(4);
        assertThat(op.apps()).extracting(RegisteredApp::clientId).contains("sandbox-web");
    }
}
